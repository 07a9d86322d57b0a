// Next-best actions from explainable scores. Every point a suggestion earns comes with the reason that earned it,
// and its confidence says how much of the evidence was actually there. Pure: the signals are read elsewhere.

export type NbaAction = "call" | "email" | "sample" | "follow_up";

/** What is known about one HCP for one org, as read by signals.ts. */
export interface HcpSignals {
  npi: string;
  name: string;
  /** Latest Part D data year available, and the one before it. */
  year: number | null;
  /** Claims of the org's market drugs (all brands) in `year` and the year before; null when no rows. */
  marketClaims: number | null;
  priorMarketClaims: number | null;
  /** Claims of the org's own products in `year` and the year before. */
  ownClaims: number | null;
  priorOwnClaims: number | null;
  /** The org's top product this HCP could be sampled with (sampleable, in a market they write), if any. */
  sampleProduct: string | null;
  /** Days since the org's last interaction with this HCP; null when none is on record. */
  daysSinceLastInteraction: number | null;
  openTasks: number;
  overdueTasks: number;
  /** The oldest overdue open task, for a follow-up suggestion. */
  overdueTaskTitle: string | null;
  /** Latest email consent (all products) for the org: granted, revoked or never recorded. */
  emailConsent: "granted" | "revoked" | null;
  /** Open Payments received in the latest program year on record, from any manufacturer. */
  paymentsUsd: number;
  paymentsYear: number | null;
  paymentManufacturers: number;
}

export interface NbaReason {
  /** Plain words, with the figure and its source ("412 market claims, Part D 2023"). */
  text: string;
  points: number;
}

export interface NbaSuggestion {
  npi: string;
  name: string;
  action: NbaAction;
  score: number;
  /** 0–1: the share of the evidence the score rests on that was actually present. */
  confidence: number;
  reasons: NbaReason[];
  /** e.g. the product to sample or the task to follow up. */
  subject: string | null;
}

const round = (n: number) => Math.round(n * 10) / 10;
const pct = (n: number) => `${Math.round(n * 100)}%`;

/** Where this HCP's market volume sits among the candidates: the share with no more volume (top = 1, none = 0). */
export function volumeRanks(all: readonly HcpSignals[]): Map<string, number> {
  const volumes = all.map((s) => s.marketClaims ?? 0).sort((a, b) => a - b);
  const atMost = (v: number) => {
    let lo = 0;
    let hi = volumes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (volumes[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return new Map(all.map((s) => [s.npi, s.marketClaims ? atMost(s.marketClaims) / volumes.length : 0]));
}

/** The reasons a visit to this HCP is worth it now; shared by call, email and sample. */
function engagementReasons(
  s: HcpSignals,
  volumeRank: number,
): { reasons: NbaReason[]; evidence: number; present: number } {
  const reasons: NbaReason[] = [];
  let evidence = 0;
  let present = 0;
  const source = s.year ? `Part D ${s.year}` : "Part D";

  evidence++;
  if (s.marketClaims !== null && s.marketClaims > 0) {
    present++;
    reasons.push({
      text: `${s.marketClaims.toLocaleString("en-US")} claims in your markets (${source}), at or above ${pct(volumeRank)} of your HCPs`,
      points: round(40 * volumeRank),
    });
    const share = (s.ownClaims ?? 0) / s.marketClaims;
    const gap = 1 - share;
    if (gap > 0)
      reasons.push({
        text: `your share is ${pct(share)} of their market claims (${source})`,
        points: round(20 * gap * volumeRank),
      });
  }

  evidence++;
  if (s.marketClaims !== null && s.priorMarketClaims !== null && s.priorMarketClaims > 0) {
    present++;
    const trend = (s.marketClaims - s.priorMarketClaims) / s.priorMarketClaims;
    const ownBefore = (s.priorOwnClaims ?? 0) / s.priorMarketClaims;
    const ownNow = (s.ownClaims ?? 0) / Math.max(s.marketClaims, 1);
    if (trend > 0.05)
      reasons.push({
        text: `market claims up ${pct(trend)} on ${s.year! - 1}`,
        points: round(Math.min(trend, 0.5) * 20),
      });
    if (ownNow < ownBefore - 0.02)
      reasons.push({
        text: `your share fell from ${pct(ownBefore)} to ${pct(ownNow)}`,
        points: round(Math.min(ownBefore - ownNow, 0.5) * 30),
      });
  }

  evidence++;
  if (s.daysSinceLastInteraction === null) {
    reasons.push({ text: "no interaction on record", points: 20 });
  } else {
    present++;
    if (s.daysSinceLastInteraction > 30) {
      reasons.push({
        text: `last interaction ${s.daysSinceLastInteraction} days ago`,
        points: round((Math.min(s.daysSinceLastInteraction, 120) / 120) * 20),
      });
    }
  }

  if (s.paymentsUsd > 0 && s.paymentsYear) {
    reasons.push({
      text: `received $${Math.round(s.paymentsUsd).toLocaleString("en-US")} from ${s.paymentManufacturers} manufacturer${s.paymentManufacturers === 1 ? "" : "s"} (Open Payments ${s.paymentsYear})`,
      points: 5,
    });
  }
  return { reasons, evidence, present };
}

const total = (reasons: readonly NbaReason[]) => round(reasons.reduce((sum, r) => sum + r.points, 0));

/** Suggestions for one HCP: at most one of each action, only the ones the evidence supports. */
export function suggestFor(s: HcpSignals, volumeRank: number): NbaSuggestion[] {
  const suggestions: NbaSuggestion[] = [];
  const { reasons, evidence, present } = engagementReasons(s, volumeRank);
  const confidence = Math.round((0.4 + 0.6 * (present / evidence)) * 100) / 100;
  const recentlySeen = s.daysSinceLastInteraction !== null && s.daysSinceLastInteraction < 14;

  if (!recentlySeen && total(reasons) > 0) {
    suggestions.push({
      npi: s.npi,
      name: s.name,
      action: "call",
      score: total(reasons),
      confidence,
      reasons,
      subject: null,
    });
    if (s.emailConsent === "granted") {
      const emailReasons = [...reasons, { text: "email consent on file", points: 0 }];
      suggestions.push({
        npi: s.npi,
        name: s.name,
        action: "email",
        score: round(total(reasons) * 0.8),
        confidence,
        reasons: emailReasons,
        subject: null,
      });
    }
    const share = s.marketClaims ? (s.ownClaims ?? 0) / s.marketClaims : 1;
    if (s.sampleProduct && share < 0.5 && (s.marketClaims ?? 0) > 0) {
      const sampleReasons = [
        ...reasons,
        { text: `${s.sampleProduct} can be sampled and your share is under half`, points: 5 },
      ];
      suggestions.push({
        npi: s.npi,
        name: s.name,
        action: "sample",
        score: round(total(sampleReasons) * 0.9),
        confidence,
        reasons: sampleReasons,
        subject: s.sampleProduct,
      });
    }
  }

  if (s.overdueTasks > 0) {
    const reasonsForTask: NbaReason[] = [
      {
        text: `${s.overdueTasks} overdue task${s.overdueTasks === 1 ? "" : "s"}${s.overdueTaskTitle ? `, oldest: "${s.overdueTaskTitle}"` : ""}`,
        points: 30 + 5 * Math.min(s.overdueTasks, 4),
      },
    ];
    suggestions.push({
      npi: s.npi,
      name: s.name,
      action: "follow_up",
      score: total(reasonsForTask),
      confidence: 1,
      reasons: reasonsForTask,
      subject: s.overdueTaskTitle,
    });
  }
  return suggestions;
}

/**
 * Ranked suggestions across HCPs, best first. Call, email and sample are alternative ways to the same contact: at
 * most `perHcp` of them per HCP. An overdue follow-up is a promise already made and is always kept.
 */
export function rankSuggestions(
  all: readonly HcpSignals[],
  options: { limit: number; perHcp?: number },
): NbaSuggestion[] {
  const ranks = volumeRanks(all);
  const perHcp = options.perHcp ?? 2;
  const byScore = (a: NbaSuggestion, b: NbaSuggestion) => b.score - a.score;
  const ranked = all
    .flatMap((s) => {
      const suggestions = suggestFor(s, ranks.get(s.npi) ?? 0);
      const contact = suggestions
        .filter((x) => x.action !== "follow_up")
        .sort(byScore)
        .slice(0, perHcp);
      return [...contact, ...suggestions.filter((x) => x.action === "follow_up")];
    })
    .sort((a, b) => b.score - a.score || b.confidence - a.confidence || a.npi.localeCompare(b.npi));
  return ranked.slice(0, options.limit);
}
