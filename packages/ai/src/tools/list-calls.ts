// listCalls: the signed-in person's own calls in a period (count and the newest 50), optionally by channel, product
// or physician — what "show my calls this week" and "how many calls did I log last month" read. CRM data only.
import { tool } from "ai";

import { listCalls, listCallsInput } from "@pharmacrm/domain";

import { hcpLink, inputSchemaOf, orFailure, scopeOf, type ToolContext, type ToolFailure } from "./result";

export const listCallsToolInput = listCallsInput;

export interface CallLine {
  id: string;
  occurredAt: string;
  channel: string;
  npi: string;
  physician: string;
  products: string[];
  samples: { product: string; quantity: number }[];
  notes: string | null;
  link: string;
}

export interface ListCallsResult {
  status: "ok";
  from: string;
  to: string;
  channel: string | null;
  product: string | null;
  npi: string | null;
  total: number;
  calls: CallLine[];
}

export type ListCallsOutput = ListCallsResult | ToolFailure;

export function listCallsTool(ctx: ToolContext) {
  return tool({
    description:
      "The person's own logged calls between two days (from, to: YYYY-MM-DD, inclusive), optionally only one channel, one product (by name) or one physician (NPI): how many, and the newest 50.",
    inputSchema: inputSchemaOf(listCallsToolInput),
    execute: async (input): Promise<ListCallsOutput> =>
      orFailure(async () => {
        const found = await listCalls(ctx.db, await scopeOf(ctx), input);
        return {
          status: "ok" as const,
          from: input.from,
          to: input.to,
          channel: input.channel ?? null,
          product: input.product ?? null,
          npi: input.npi ?? null,
          total: found.total,
          calls: found.calls.map((c) => ({ ...c, occurredAt: c.occurredAt.toISOString(), link: hcpLink(c.npi) })),
        };
      }),
  });
}
