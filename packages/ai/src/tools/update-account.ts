// updateAccount: the org's own fields on a physician (tier, segment, account notes). A write, so it runs only after
// the person approves; fields not given keep their value, and domain/hcp audits the change with before and after.
import { tool } from "ai";
import { and, eq } from "drizzle-orm";
import { z } from "zod";

import { hcpAttribute } from "@pharmacrm/db";
import { setHcpAttributes, setHcpAttributesInput } from "@pharmacrm/domain";

import { hcpLink, inputSchemaOf, orFailure, scopeOf, type ToolContext, type ToolFailure } from "./result";

const fields = setHcpAttributesInput.shape;

export const updateAccountToolInput = z
  .object({
    npi: fields.npi.describe("The physician's 10-digit NPI."),
    tier: fields.tier.unwrap().optional().describe("The new tier, e.g. A."),
    segment: fields.segment.unwrap().optional().describe("The new segment, e.g. high potential."),
    notes: fields.notes.unwrap().optional().describe("The account notes (replaces them)."),
  })
  .refine((v) => v.tier !== undefined || v.segment !== undefined || v.notes !== undefined, {
    message: "Say what to change: tier, segment or notes.",
  });

export interface UpdateAccountResult {
  status: "updated";
  account: { npi: string; tier: string | null; segment: string | null; notes: string | null; link: string };
  message: string;
}

export type UpdateAccountOutput = UpdateAccountResult | ToolFailure;

export function updateAccountTool(ctx: ToolContext) {
  return tool({
    description:
      "Set the org's tier, segment or account notes for one physician (NPI); fields left out keep their value. Needs the person's approval before anything is written.",
    inputSchema: inputSchemaOf(updateAccountToolInput),
    needsApproval: true,
    execute: async (input): Promise<UpdateAccountOutput> =>
      orFailure(async () => {
        const scope = await scopeOf(ctx);
        const [current] = await ctx.db
          .select()
          .from(hcpAttribute)
          .where(and(eq(hcpAttribute.orgId, scope.orgId), eq(hcpAttribute.hcpNpi, input.npi)));
        const after = await setHcpAttributes(ctx.db, scope, {
          npi: input.npi,
          tier: input.tier ?? current?.tier ?? null,
          segment: input.segment ?? current?.segment ?? null,
          decile: current?.decile ?? null,
          notes: input.notes ?? current?.notes ?? null,
        });
        const said = [
          input.tier !== undefined ? `tier ${after.tier}` : null,
          input.segment !== undefined ? `segment “${after.segment}”` : null,
          input.notes !== undefined ? "account notes" : null,
        ].filter(Boolean);
        return {
          status: "updated" as const,
          account: {
            npi: input.npi,
            tier: after.tier,
            segment: after.segment,
            notes: after.notes,
            link: hcpLink(input.npi),
          },
          message: `Updated ${said.join(", ")}.`,
        };
      }),
  });
}
