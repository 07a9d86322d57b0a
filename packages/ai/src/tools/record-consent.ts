// recordConsent: a write, so it never runs without the person's approval in the chat. Its input is the consent
// record that will be appended (product by name, or none for all products); domain/consent checks scope and audits.
import { tool } from "ai";
import { z } from "zod";

import { listProducts, plainText, recordConsent, recordConsentInput } from "@pharmacrm/domain";

import { hcpLink, inputSchemaOf, orFailure, scopeOf, type ToolContext, type ToolFailure } from "./result";

const fields = recordConsentInput.shape;

export const recordConsentToolInput = z.object({
  npi: fields.npi.describe("The physician's 10-digit NPI."),
  channel: fields.channel,
  product: plainText("A product name")
    .min(2)
    .max(120)
    .nullable()
    .default(null)
    .describe("The product the consent is for, by name; null for all of the org's products."),
  status: fields.status.describe("granted (opt-in) or revoked (opt-out)."),
  source: fields.source.describe("How it was captured, e.g. verbal at a call, signed form, web form, email reply."),
});

export interface RecordConsentResult {
  status: "recorded";
  consent: {
    id: string;
    npi: string;
    channel: string;
    product: string | null;
    consent: string;
    source: string;
    link: string;
  };
  message: string;
}

export type RecordConsentOutput = RecordConsentResult | ToolFailure;

export function recordConsentTool(ctx: ToolContext) {
  return tool({
    description:
      "Record a physician's consent (granted) or opt-out (revoked) for a channel (email, phone, in_person, sms, fax), for one product or all products, with how it was captured. Needs the person's approval before anything is written.",
    inputSchema: inputSchemaOf(recordConsentToolInput),
    needsApproval: true,
    execute: async (input): Promise<RecordConsentOutput> =>
      orFailure(async () => {
        const scope = await scopeOf(ctx);
        let productId: string | null = null;
        if (input.product) {
          const products = await listProducts(ctx.db, scope);
          const found = products.find((p) => p.name.toLowerCase() === input.product!.toLowerCase());
          if (!found)
            return {
              status: "invalid" as const,
              message: `${input.product} is not among your organisation's products (${products.map((p) => p.name).join(", ") || "none"}).`,
            };
          productId = found.id;
        }
        const created = await recordConsent(ctx.db, scope, {
          npi: input.npi,
          channel: input.channel,
          productId,
          status: input.status,
          source: input.source,
        });
        const what = `${input.channel.replace("_", " ")} consent ${created.status === "granted" ? "granted" : "revoked"}`;
        return {
          status: "recorded" as const,
          consent: {
            id: created.id,
            npi: created.hcpNpi,
            channel: created.channel,
            product: input.product,
            consent: created.status,
            source: created.source,
            link: hcpLink(created.hcpNpi),
          },
          message: `Recorded: ${what} for ${input.product ?? "all products"} (${created.source}).`,
        };
      }),
  });
}
