// What changed for an HCP since a point in time (the rep's last interaction): new Part D data loaded, Open
// Payments dated after it, tasks and consent records added, colleagues' interactions.
import { and, desc, eq, gt, inArray, ne, sql } from "drizzle-orm";

import { appUser, consentRecord, dataSourceRun, interaction, openPayment, product, task, type Db } from "@pharmacrm/db";

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
  for (const r of releases) {
    changes.push({
      kind: "part_d_release",
      text: `Part D ${r.dataYear ?? ""} data was loaded on ${r.finishedAt ? day(r.finishedAt) : "an unknown date"}`.replace(
        "  ",
        " ",
      ),
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
