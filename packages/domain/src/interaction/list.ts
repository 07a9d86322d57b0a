// The viewer's own calls in a period: the count and the calls (newest first, 50 unless asked) with physician, channel,
// products and samples — what "show my calls this week" and "how many calls did I log last month" read (submitted
// calls), and the My calls screen (up to 500, drafts too).
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";

import { callDraft, hcp, interaction, interactionProduct, product, type Db } from "@pharmacrm/db";

import { reportOfDraft } from "../call-report/drafts";
import { displayName } from "../hcp/names";
import type { Scope } from "../scope";
import { listCallsInput, type ListCallsInput } from "./input";
import { callLines, productNames } from "./lines";

const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export async function listCalls(db: Db, scope: Scope, raw: ListCallsInput) {
  const input = listCallsInput.parse(raw);
  const [submitted, drafts] = await Promise.all([
    input.status === "draft" ? { total: 0, calls: [] } : submittedCalls(db, scope, input),
    input.status === "submitted" ? [] : draftCalls(db, scope, input),
  ]);
  const calls = [...drafts, ...submitted.calls]
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())
    .slice(0, input.limit);
  return { total: submitted.total + drafts.length, calls };
}

type Filters = ReturnType<typeof listCallsInput.parse>;
const period = (input: Filters) =>
  [new Date(`${input.from}T00:00:00Z`), new Date(`${nextDay(input.to)}T00:00:00Z`)] as const;

/** The viewer's drafts in the period (a handful: all of them, filtered like the calls). */
async function draftCalls(db: Db, scope: Scope, input: Filters) {
  const [from, to] = period(input);
  const rows = await db
    .select({ draft: callDraft, firstName: hcp.firstName, lastName: hcp.lastName })
    .from(callDraft)
    .innerJoin(hcp, eq(hcp.npi, callDraft.hcpNpi))
    .where(
      and(
        eq(callDraft.orgId, scope.orgId),
        eq(callDraft.ownerId, scope.userId),
        gte(callDraft.occurredAt, from),
        lt(callDraft.occurredAt, to),
        input.channel ? eq(callDraft.channel, input.channel) : undefined,
        input.npi ? eq(callDraft.hcpNpi, input.npi) : undefined,
      ),
    )
    .orderBy(desc(callDraft.occurredAt));
  const reports = rows.map((r) => ({ ...r, report: reportOfDraft(r.draft) }));
  const ids = [
    ...new Set(reports.flatMap((r) => [...r.report.productIds, ...r.report.samples.map((s) => s.productId)])),
  ];
  const names = await productNames(db, scope.orgId, ids);
  const wanted = input.product?.toLowerCase();
  return reports
    .map(({ draft, firstName, lastName, report }) => ({
      id: draft.id,
      status: "draft" as const,
      occurredAt: draft.occurredAt,
      channel: draft.channel,
      npi: draft.hcpNpi,
      notes: report.notes ?? null,
      physician: displayName({ firstName, lastName }),
      products: report.productIds.map((id) => names.get(id) ?? ""),
      samples: report.samples.map((s) => ({ product: names.get(s.productId) ?? "", quantity: s.quantity })),
    }))
    .filter((c) => !wanted || c.products.some((p) => p.toLowerCase() === wanted));
}

async function submittedCalls(db: Db, scope: Scope, input: Filters) {
  const [from, to] = period(input);
  const conditions = [
    eq(interaction.orgId, scope.orgId),
    eq(interaction.ownerId, scope.userId),
    gte(interaction.occurredAt, from),
    lt(interaction.occurredAt, to),
    input.channel ? eq(interaction.channel, input.channel) : undefined,
    input.npi ? eq(interaction.hcpNpi, input.npi) : undefined,
    input.product
      ? sql`exists (select 1 from ${interactionProduct} ip join ${product} p on p.id = ip.product_id
          where ip.interaction_id = ${interaction.id} and lower(p.name) = ${input.product.toLowerCase()})`
      : undefined,
  ];
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(interaction)
    .where(and(...conditions));
  const rows = await db
    .select({
      id: interaction.id,
      occurredAt: interaction.occurredAt,
      channel: interaction.channel,
      npi: interaction.hcpNpi,
      notes: interaction.notes,
      firstName: hcp.firstName,
      lastName: hcp.lastName,
    })
    .from(interaction)
    .innerJoin(hcp, eq(hcp.npi, interaction.hcpNpi))
    .where(and(...conditions))
    .orderBy(desc(interaction.occurredAt))
    .limit(input.limit);
  const ids = rows.map((r) => r.id);
  const { products, samples } = await callLines(db, ids);
  return {
    total: Number(counted?.n ?? 0),
    calls: rows.map(({ firstName, lastName, ...row }) => ({
      ...row,
      status: "submitted" as const,
      physician: displayName({ firstName, lastName }),
      products: products.filter((p) => p.interactionId === row.id).map((p) => p.name),
      samples: samples
        .filter((s) => s.interactionId === row.id)
        .map((s) => ({ product: s.name, quantity: s.quantity })),
    })),
  };
}
