// logInteraction: a write, so it never runs without the person's approval in the chat. Its input is exactly the
// call that will be written (products by name, as the card shows them); domain/interaction does the scope check,
// the product checks and the audit event.
import { tool } from "ai";
import { z } from "zod";

import {
  calendarDate,
  callReportInput,
  isoDateTime,
  listProducts,
  logInteraction,
  npiInput,
  plainText,
} from "@pharmacrm/domain";

import { hcpLink, inputSchemaOf, isoDay, orFailure, scopeOf, type ToolContext, type ToolFailure } from "./result";

const fields = callReportInput.shape;

// Kept as text, not coerced to a Date: a bare day is placed at noon (or now, for today) below, and the input stays
// JSON for the approval card. Either form must exist and lie within 1900–2100, like the form's date.
const WHEN_FORMAT = "Use a date like 2026-11-20 or a time like 2026-11-20T14:30:00Z.";
const occurredAt = z.union(
  [isoDateTime("The call's date", WHEN_FORMAT), calendarDate("The call's date", WHEN_FORMAT)],
  { message: WHEN_FORMAT },
);
const productName = plainText("A product name")
  .min(2, "Name the product (at least 2 characters).")
  .max(120, "A product name is at most 120 characters.");

export const logInteractionToolInput = z.object({
  npi: npiInput.shape.npi.describe("The physician's 10-digit NPI."),
  channel: fields.channel,
  occurredAt: occurredAt.describe("When it happened: YYYY-MM-DD or an ISO date-time."),
  products: z
    .array(productName)
    .max(5, "Discuss at most 5 products in one call.")
    .default([])
    .describe("Products discussed, by name."),
  samples: z
    .array(z.object({ product: productName, quantity: z.number().int().min(1).max(500) }))
    .max(5)
    .default([])
    .describe("Samples left, by product name and quantity."),
  notes: fields.notes,
  followUp: fields.followUp,
  followUpDate: fields.followUpDate,
});

export interface LogInteractionResult {
  status: "logged";
  interaction: {
    id: string;
    /** Submitted (locked, counted) or kept as a draft because a rule is not met yet (the message says which). */
    state: "submitted" | "draft";
    npi: string;
    channel: string;
    occurredAt: string;
    notes: string | null;
    followUp: string | null;
    followUpDate: string | null;
    products: string[];
    samples: { product: string; quantity: number }[];
    link: string;
  };
  message: string;
}

export type LogInteractionOutput = LogInteractionResult | ToolFailure;

export function logInteractionTool(ctx: ToolContext) {
  return tool({
    description:
      "Log a call or other interaction with a physician (NPI): channel, when, products discussed, samples, notes and follow-up. Needs the rep's approval before anything is written.",
    inputSchema: inputSchemaOf(logInteractionToolInput),
    needsApproval: true,
    execute: async (input): Promise<LogInteractionOutput> =>
      orFailure(async () => {
        const scope = await scopeOf(ctx);
        const products = await listProducts(ctx.db, scope);
        const idOf = new Map(products.map((p) => [p.name.toLowerCase(), p.id]));
        const unknown = [...input.products, ...input.samples.map((s) => s.product)].filter(
          (name) => !idOf.has(name.toLowerCase()),
        );
        if (unknown.length > 0) {
          return {
            status: "invalid" as const,
            message: `${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not among your organisation's products (${products.map((p) => p.name).join(", ") || "none"}).`,
          };
        }
        // A bare date is the day's noon (UTC), or now when it is today, so "today" is never in the future.
        const occurredAt =
          input.occurredAt.length > 10
            ? new Date(input.occurredAt)
            : input.occurredAt === isoDay(ctx.now)
              ? ctx.now
              : new Date(`${input.occurredAt}T12:00:00Z`);
        const result = await logInteraction(ctx.db, scope, {
          npi: input.npi,
          channel: input.channel,
          occurredAt,
          productIds: input.products.map((name) => idOf.get(name.toLowerCase())!),
          samples: input.samples.map((s) => ({ productId: idOf.get(s.product.toLowerCase())!, quantity: s.quantity })),
          notes: input.notes,
          followUp: input.followUp,
          followUpDate: input.followUpDate,
        });
        const how = `${input.channel.replace("_", " ")} call of ${isoDay(occurredAt)}`;
        return {
          status: "logged" as const,
          interaction: {
            id: result.id,
            state: result.status,
            npi: input.npi,
            channel: input.channel,
            occurredAt: occurredAt.toISOString(),
            notes: input.notes ?? null,
            followUp: input.followUp ?? null,
            followUpDate: input.followUpDate ?? null,
            products: input.products,
            samples: input.samples,
            link: result.status === "submitted" ? hcpLink(input.npi) : `/calls/${result.id}`,
          },
          message:
            result.status === "submitted"
              ? `Logged the ${how}.`
              : `Saved the ${how} as a draft, not submitted: ${[...new Set(result.problems.map((p) => p.message))].join(" ")} Finish it on the call's page.`,
        };
      }),
  });
}
