// The call brief: one HCP seen from the rep's chair before a call. Built from the HCP 360 profile (which applies
// the viewer's scope to every tenant section), what changed since the rep's own last interaction, and the
// next-best-action scores. Every figure names its source.
import { and, desc, eq } from "drizzle-orm";

import { appUser, interaction, type Db } from "@pharmacrm/db";

import { hcpInReach, type HcpInReach } from "../hcp/in-reach";
import { hcpProfile } from "../hcp/profile";
import { nextBestActions } from "../nba/next-best-actions";
import type { Scope } from "../scope";
import { changesSince } from "./changes";
import { marketTrends, talkingPoints } from "./talking-points";
import type { BriefNote, BriefPayments, CallBrief } from "./types";

const day = (d: Date) => d.toISOString().slice(0, 10);
const LAST_NOTES = 3;
const TOP_MANUFACTURERS = 3;
/** Notes are data a person wrote, shown as such and kept short. */
const clip = (text: string | null, max = 400) => (text && text.length > max ? `${text.slice(0, max - 1)}…` : text);

export type CallBriefResult = CallBrief | Exclude<HcpInReach, { status: "ok" }>;

export async function prepareCallBrief(
  db: Db,
  scope: Scope,
  npi: string,
  now: Date = new Date(),
): Promise<CallBriefResult> {
  const reach = await hcpInReach(db, scope, npi);
  if (reach.status !== "ok") return reach;
  const asOf = day(now);

  const [profile, [mine], actions] = await Promise.all([
    hcpProfile(db, scope, npi),
    db
      .select({
        occurredAt: interaction.occurredAt,
        channel: interaction.channel,
        notes: interaction.notes,
        followUp: interaction.followUp,
        by: appUser.name,
      })
      .from(interaction)
      .innerJoin(appUser, eq(appUser.id, interaction.ownerId))
      .where(
        and(eq(interaction.orgId, scope.orgId), eq(interaction.hcpNpi, npi), eq(interaction.ownerId, scope.userId)),
      )
      .orderBy(desc(interaction.occurredAt))
      .limit(1),
    nextBestActions(db, scope, { npi, limit: 4 }, now),
  ]);
  const note = (
    i: { occurredAt: Date; channel: string; notes: string | null; followUp: string | null },
    by: string,
  ): BriefNote => ({
    date: day(i.occurredAt),
    channel: i.channel,
    by,
    notes: clip(i.notes),
    followUp: clip(i.followUp),
    source: { table: "interaction", period: day(i.occurredAt), release: null },
  });
  const lastInteraction = mine ? note(mine, mine.by) : null;
  const { changes, newPayments } = mine
    ? await changesSince(db, scope, npi, mine.occurredAt)
    : { changes: [], newPayments: [] };

  const partDRelease = (year: number) => profile.sources.part_d.find((r) => r.dataYear === year);
  const prescribing = marketTrends(profile.prescribing.markets, (year) => {
    const run = partDRelease(year);
    return { table: "part_d_prescribing", period: String(year), release: run ? (run.release ?? run.sourceFile) : null };
  });

  const years = profile.payments.byYear;
  const latestYear = years.at(-1) ?? null;
  const paymentRun = latestYear ? profile.sources.open_payments.find((r) => r.dataYear === latestYear.year) : undefined;
  const payments: BriefPayments = {
    total: profile.payments.total.amount,
    records: profile.payments.total.records,
    latestYear: latestYear?.year ?? null,
    latestYearAmount: latestYear?.amount ?? 0,
    topManufacturers: profile.payments.byManufacturer.slice(0, TOP_MANUFACTURERS),
    source: {
      table: "open_payment",
      period:
        years.length === 0
          ? null
          : years.length === 1
            ? String(years[0]!.year)
            : `${years[0]!.year}–${latestYear!.year}`,
      release: paymentRun ? (paymentRun.release ?? paymentRun.sourceFile) : null,
    },
  };

  const consent = profile.consent.map((c) => ({
    channel: c.channel,
    product: c.product,
    status: c.status,
    recordedAt: day(c.recordedAt),
    source: { table: "consent_record", period: day(c.recordedAt), release: null },
  }));
  const openTasks = profile.openTasks.map((t) => ({
    id: t.id,
    title: t.title,
    dueDate: t.dueDate,
    overdue: t.dueDate !== null && t.dueDate < asOf,
    source: { table: "task", period: t.dueDate, release: null },
  }));
  const lastNotes = profile.interactions.slice(0, LAST_NOTES).map((i) => note(i, i.ownerName));
  const primary = profile.taxonomies.find((t) => t.isPrimary) ?? profile.taxonomies[0];

  const brief: Omit<CallBrief, "talkingPoints"> = {
    status: "ok",
    asOf,
    hcp: {
      npi,
      name: profile.hcp.name,
      credential: profile.hcp.credential,
      specialty: primary ? (primary.specialization ?? primary.classification ?? primary.displayName) : null,
      city: profile.hcp.practiceCity,
      state: profile.hcp.practiceState,
      link: `/physicians/${npi}`,
    },
    lastInteraction,
    changes,
    prescribing,
    payments,
    consent,
    openTasks,
    lastNotes,
    nextActions: actions.suggestions,
  };
  return { ...brief, talkingPoints: await talkingPoints(db, scope, brief, newPayments, profile.prescribing.markets) };
}
