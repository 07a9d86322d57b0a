// What changed for an HCP since a point in time (the rep's last interaction): what a Part D year loaded since then
// says about them (their claims in the org's markets against the year before), Open Payments dated after it, tasks
// and consent records added, colleagues' interactions.
import { and, desc, eq, gt, inArray, ne, sql } from "drizzle-orm";

import {
  appUser,
  consentRecord,
  dataSourceRun,
  interaction,
  openPayment,
  product,
  rowsOf,
  task,
  type Db,
} from "@pharmacrm/db";

import { channelHow } from "../channels";
import { visibleTenantRow, type Scope } from "../scope";
import type { BriefChange, FigureSource } from "./types";

const day = (d: Date) => d.toISOString().slice(0, 10);
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Open Payments dated after the last interaction, per manufacturer: the figures behind a payment change. */
export interface NewPayments {
  manufacturer: string;
  amount: string;
  records: number;
  source: FigureSource;
}

export async function changesSince(
  db: Db,
  scope: Scope,
  npi: string,
  since: Date,
): Promise<{ changes: BriefChange[]; newPayments: NewPayments[] }> {
  const [runs, payments, tasks, consents, colleagues] = await Promise.all([
    db
      .select({
        dataset: dataSourceRun.dataset,
        dataYear: dataSourceRun.dataYear,
        release: dataSourceRun.release,
        sourceFile: dataSourceRun.sourceFile,
        finishedAt: dataSourceRun.finishedAt,
      })
      .from(dataSourceRun)
      .where(and(inArray(dataSourceRun.dataset, ["part_d", "open_payments"]), eq(dataSourceRun.status, "succeeded")))
      .orderBy(dataSourceRun.dataYear, desc(dataSourceRun.finishedAt)),
    db
      .select({
        manufacturer: openPayment.manufacturerName,
        amount: sql<string>`sum(${openPayment.amountUsd})`.mapWith(Number),
        records: sql<number>`count(*)`.mapWith(Number),
        years: sql<number[]>`array_agg(distinct ${openPayment.programYear} order by ${openPayment.programYear})`,
      })
      .from(openPayment)
      .where(and(eq(openPayment.npi, npi), gt(openPayment.paymentDate, day(since))))
      .groupBy(openPayment.manufacturerName)
      .orderBy(desc(sql`sum(${openPayment.amountUsd})`), openPayment.manufacturerName),
    db
      .select({ title: task.title, dueDate: task.dueDate, createdAt: task.createdAt, owner: appUser.name })
      .from(task)
      .innerJoin(appUser, eq(appUser.id, task.ownerId))
      .where(and(eq(task.hcpNpi, npi), gt(task.createdAt, since), visibleTenantRow(scope, task)))
      .orderBy(task.createdAt),
    db
      .select({
        channel: consentRecord.channel,
        status: consentRecord.status,
        product: product.name,
        recordedAt: consentRecord.recordedAt,
      })
      .from(consentRecord)
      .leftJoin(product, eq(product.id, consentRecord.productId))
      .where(
        and(eq(consentRecord.orgId, scope.orgId), eq(consentRecord.hcpNpi, npi), gt(consentRecord.recordedAt, since)),
      )
      .orderBy(consentRecord.recordedAt),
    db
      .select({ channel: interaction.channel, occurredAt: interaction.occurredAt, owner: appUser.name })
      .from(interaction)
      .innerJoin(appUser, eq(appUser.id, interaction.ownerId))
      .where(
        and(
          eq(interaction.hcpNpi, npi),
          gt(interaction.occurredAt, since),
          ne(interaction.ownerId, scope.userId),
          visibleTenantRow(scope, interaction),
        ),
      )
      .orderBy(interaction.occurredAt),
  ]);

  const changes: BriefChange[] = [];
  const releases = runs.filter((r) => r.dataset === "part_d" && r.finishedAt !== null && r.finishedAt > since);
  /** The latest loaded Open Payments file per program year. */
  const paymentRelease = (year: number) => {
    const run = runs.find((r) => r.dataset === "open_payments" && r.dataYear === year);
    return run ? (run.release ?? run.sourceFile) : null;
  };
  const yearly = releases.length ? await marketClaimsByYear(db, scope, npi) : new Map<number, YearClaims>();
  for (const r of releases) {
    const loaded = r.finishedAt ? day(r.finishedAt) : "an unknown date";
    changes.push({
      kind: "part_d_release",
      text: partDChange(r.dataYear, loaded, yearly),
      source: {
        table: "part_d_prescribing",
        period: r.dataYear != null ? String(r.dataYear) : null,
        release: r.release ?? r.sourceFile,
      },
    });
  }
  const newPayments = payments.map((p) => ({
    manufacturer: p.manufacturer,
    amount: usd.format(p.amount),
    records: p.records,
    source: {
      table: "open_payment",
      period: p.years.join(", "),
      release: p.years.map(paymentRelease).filter(Boolean).join(", ") || null,
    },
  }));
  for (const p of newPayments) {
    changes.push({
      kind: "payment",
      text: `${p.amount} from ${p.manufacturer} in ${p.records} Open Payments record${p.records === 1 ? "" : "s"} dated after ${day(since)}`,
      source: p.source,
    });
  }
  for (const t of tasks) {
    changes.push({
      kind: "task",
      text: `New task for ${t.owner}: “${t.title}”${t.dueDate ? `, due ${t.dueDate}` : ""}`,
      source: { table: "task", period: day(t.createdAt), release: null },
    });
  }
  for (const c of consents) {
    changes.push({
      kind: "consent",
      text: `${capitalize(c.channel.replace("_", " "))} consent ${c.status}${c.product ? ` for ${c.product}` : " for all products"} on ${day(c.recordedAt)}`,
      source: { table: "consent_record", period: day(c.recordedAt), release: null },
    });
  }
  for (const i of colleagues) {
    changes.push({
      kind: "interaction",
      text: `${i.owner} met them ${channelHow[i.channel]} on ${day(i.occurredAt)}`,
      source: { table: "interaction", period: day(i.occurredAt), release: null },
    });
  }
  return { changes, newPayments };
}

interface YearClaims {
  own: number;
  market: number;
}

/** The physician's Part D claims in the org's markets per year: the org's own brands, and the markets in all. */
async function marketClaimsByYear(db: Db, scope: Scope, npi: string): Promise<Map<number, YearClaims>> {
  const rows = rowsOf<{ year: number; own: number | null; market: number }>(
    await db.execute(sql`
      select p.year, sum(p.total_claims) filter (where d.own)::int as own, sum(p.total_claims)::int as market
      from part_d_prescribing p
      join (select brand_name, generic_name, bool_or(is_own) as own from market_drug
            where org_id = ${scope.orgId}::uuid group by brand_name, generic_name) d
        on d.brand_name = p.brand_name and d.generic_name = p.generic_name
      where p.npi = ${npi}
      group by p.year`),
  );
  return new Map(rows.map((r) => [Number(r.year), { own: Number(r.own ?? 0), market: Number(r.market) }]));
}

const signed = (now: number, before: number) =>
  before > 0 ? `${now >= before ? "+" : "−"}${Math.round((Math.abs(now - before) / before) * 100)}% on` : "none in";

/** "Part D 2023 (loaded 2026-11-01): 90 claims of your products (+50% on 2022) of 150 in your markets, share 60% (was 45%)". */
function partDChange(year: number | null, loaded: string, yearly: Map<number, YearClaims>): string {
  const head = `Part D ${year ?? ""} (loaded ${loaded})`.replace("  ", " ");
  if (year == null) return `${head}: new prescribing data`;
  const now = yearly.get(year);
  const before = yearly.get(year - 1);
  if (!now) return `${head}: no claims in your markets${before ? ` (${before.market} in ${year - 1})` : ""}`;
  const share = now.market > 0 ? Math.round((now.own / now.market) * 100) : null;
  const wasShare = before && before.market > 0 ? Math.round((before.own / before.market) * 100) : null;
  return [
    `${head}: ${now.own} claims of your products (${signed(now.own, before?.own ?? 0)} ${year - 1})`,
    ` of ${now.market} in your markets (${signed(now.market, before?.market ?? 0)} ${year - 1})`,
    share !== null ? `, share ${share}%${wasShare !== null ? ` (was ${wasShare}%)` : ""}` : "",
  ].join("");
}
