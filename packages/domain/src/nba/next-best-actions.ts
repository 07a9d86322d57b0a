// Next-best actions for a viewer: every HCP they may act on (or one), scored from the evidence in signals.ts.
// A suggestion the viewer accepted or dismissed recently stays off their list for a while (decisions.ts).
import { and, eq, gte } from "drizzle-orm";

import { nbaDecision, type Db } from "@pharmacrm/db";

import { type Scope } from "../scope";
import { type NextBestActionsInput } from "./input";
import { rankSuggestions, type NbaSuggestion } from "./score";
import { readSignals } from "./signals";

export interface NextBestActions {
  /** The day the scores were computed for (YYYY-MM-DD). */
  asOf: string;
  /** How many HCPs were considered. */
  considered: number;
  suggestions: NbaSuggestion[];
}

/** How long an accepted or dismissed suggestion stays off the viewer's list. */
export const DECISION_QUIET_DAYS = 14;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export async function nextBestActions(
  db: Db,
  scope: Scope,
  input: NextBestActionsInput,
  now: Date = new Date(),
): Promise<NextBestActions> {
  const today = isoDate(now);
  const since = new Date(now.getTime() - DECISION_QUIET_DAYS * 86_400_000);
  const [signals, decisions] = await Promise.all([
    readSignals(db, scope, { npi: input.npi, today }),
    db
      .select({ npi: nbaDecision.hcpNpi, action: nbaDecision.action })
      .from(nbaDecision)
      .where(
        and(
          eq(nbaDecision.orgId, scope.orgId),
          eq(nbaDecision.userId, scope.userId),
          gte(nbaDecision.decidedAt, since),
        ),
      ),
  ]);
  const decided = new Set(decisions.map((d) => `${d.npi}:${d.action}`));
  const ranked = rankSuggestions(signals, { limit: input.limit + decided.size, perHcp: input.npi ? 4 : 2 });
  return {
    asOf: today,
    considered: signals.length,
    suggestions: ranked.filter((s) => !decided.has(`${s.npi}:${s.action}`)).slice(0, input.limit),
  };
}
