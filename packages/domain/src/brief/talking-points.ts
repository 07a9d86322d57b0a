// Market trends and talking points for the call brief: deterministic, each point tied to the figure it rests on.
import { and, asc, eq, inArray } from "drizzle-orm";

import { approvedClaim, product, type Db } from "@pharmacrm/db";

import type { MarketPrescribing } from "../hcp/prescribing";
import type { Scope } from "../scope";
import type { NewPayments } from "./changes";
import type { BriefMarketTrend, CallBrief, FigureSource } from "./types";

const pct = (n: number) => `${Math.round(n * 100)}%`;
const points = (n: number) => `${Math.abs(Math.round(n))} pts`;
const count = (n: number) => n.toLocaleString("en-US");

/** The latest year each market has claims in, with its change on the year before. */
export function marketTrends(
  markets: readonly MarketPrescribing[],
  sourceOf: (year: number) => FigureSource,
): BriefMarketTrend[] {
  return markets.flatMap((m) => {
    const y = [...m.years].reverse().find((x) => x.marketClaims > 0);
    if (!y) return [];
    const parts = [`${m.name}: ${count(y.marketClaims)} claims in ${y.year}`];
    if (y.marketClaimsChange !== null)
      parts[0] += `, ${y.marketClaimsChange >= 0 ? "up" : "down"} ${pct(Math.abs(y.marketClaimsChange))} on ${y.year - 1}`;
    if (y.share !== null) {
      const move =
        y.shareChangePoints === null || Math.round(y.shareChangePoints) === 0
          ? ""
          : `, ${y.shareChangePoints > 0 ? "up" : "down"} ${points(y.shareChangePoints)}`;
      parts.push(`your share ${pct(y.share)}${move}`);
    }
    return [
      {
        market: m.name,
        year: y.year,
        marketClaims: y.marketClaims,
        ownClaims: y.ownClaims,
        share: y.share,
        marketClaimsChange: y.marketClaimsChange,
        shareChangePoints: y.shareChangePoints,
        text: parts.join("; "),
        source: sourceOf(y.year),
      },
    ];
  });
}

export async function talkingPoints(
  db: Db,
  scope: Scope,
  brief: Omit<CallBrief, "talkingPoints">,
  newPayments: readonly NewPayments[],
  markets: readonly MarketPrescribing[],
): Promise<CallBrief["talkingPoints"]> {
  const result: CallBrief["talkingPoints"] = [];
  const last = brief.lastInteraction;
  if (last?.followUp)
    result.push({
      text: `Follow up on what you agreed last time (${last.date}): “${last.followUp}”`,
      source: last.source,
    });

  for (const t of brief.prescribing) {
    if (t.shareChangePoints !== null && t.shareChangePoints <= -2) {
      result.push({
        text: `Your ${t.market} share fell ${points(t.shareChangePoints)} to ${pct(t.share ?? 0)} in ${t.year}: ask what drove the switch.`,
        source: t.source,
      });
    } else if (t.marketClaimsChange !== null && t.marketClaimsChange > 0.05) {
      result.push({
        text: `Their ${t.market} volume grew ${pct(t.marketClaimsChange)} to ${count(t.marketClaims)} claims in ${t.year}: room to discuss your brand.`,
        source: t.source,
      });
    }
  }
  for (const task of brief.openTasks.filter((x) => x.overdue)) {
    result.push({ text: `Close the overdue task “${task.title}” (due ${task.dueDate}).`, source: task.source });
  }
  for (const p of newPayments) {
    result.push({
      text: `Since your last visit they received ${p.amount} from ${p.manufacturer} in ${p.records} Open Payments record${p.records === 1 ? "" : "s"}.`,
      source: p.source,
    });
  }
  const email = brief.consent.find((c) => c.channel === "email" && c.product === null);
  if (!email) {
    result.push({
      text: "No email consent on record: ask whether they would like follow-ups by email.",
      source: { table: "consent_record", period: brief.asOf, release: null },
    });
  } else if (email.status === "revoked") {
    result.push({
      text: `Email consent was revoked on ${email.recordedAt}: follow up in person or by phone only.`,
      source: email.source,
    });
  }

  // One approved claim per org product whose market this HCP writes in: the words the rep may use.
  const written = new Set(brief.prescribing.map((t) => t.market));
  const marketIds = markets.filter((m) => written.has(m.name)).map((m) => m.id);
  if (marketIds.length > 0) {
    const claims = await db
      .select({ product: product.name, text: approvedClaim.text, reference: approvedClaim.reference })
      .from(approvedClaim)
      .innerJoin(product, eq(product.id, approvedClaim.productId))
      .where(and(eq(approvedClaim.orgId, scope.orgId), eq(product.active, true), inArray(product.marketId, marketIds)))
      .orderBy(asc(product.name), asc(approvedClaim.createdAt), asc(approvedClaim.id));
    const seen = new Set<string>();
    for (const c of claims) {
      if (seen.has(c.product)) continue;
      seen.add(c.product);
      result.push({
        text: `Approved message for ${c.product}: “${c.text}”`,
        source: { table: "approved_claim", period: null, release: c.reference },
      });
    }
  }
  return result;
}
