// Next-best actions for a viewer: every HCP they may act on (or one), scored from the evidence in signals.ts.
import { type Db } from "@pharmacrm/db";
import { type NextBestActionsInput } from "../schemas";
import { type Scope } from "../scope";
import { rankSuggestions, type NbaSuggestion } from "./score";
import { readSignals } from "./signals";

export interface NextBestActions {
  /** The day the scores were computed for (YYYY-MM-DD). */
  asOf: string;
  /** How many HCPs were considered. */
  considered: number;
  suggestions: NbaSuggestion[];
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export async function nextBestActions(db: Db, scope: Scope, input: NextBestActionsInput, now: Date = new Date()): Promise<NextBestActions> {
  const today = isoDate(now);
  const signals = await readSignals(db, scope, { npi: input.npi, today });
  return {
    asOf: today,
    considered: signals.length,
    suggestions: rankSuggestions(signals, { limit: input.limit, perHcp: input.npi ? 4 : 2 }),
  };
}
