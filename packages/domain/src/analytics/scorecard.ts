// A rep's scorecard, "how is Kevin Walsh doing?": a period's (the last 90 days by default) calls, reach and frequency, coverage of the top
// deciles (8–10), overdue tasks and each product's Part D share in their territories — each beside the same figure
// for the team the viewer sees (per rep for counts, overall for rates). Every figure is a semantic query run with the
// viewer's scope, so it agrees with the same question asked on its own; a rep sees their own card, with no team.
import type { Db } from "@pharmacrm/db";

import { DomainError } from "../errors";
import type { Scope } from "../scope";
import type { Format, MeasureName } from "./model";
import { resolveRange } from "./periods";
import type { Filter, RelativeRange, SemanticQueryInput } from "./query";
import { repsInScope } from "./reps";
import { runAnalytics } from "./run";

export interface ScorecardLine {
  id: "calls" | "reach" | "frequency" | "coverage" | "overdue";
  title: string;
  format: Format;
  rep: number | null;
  /** The team's figure: the average per rep for counts, the whole team's for rates; null for a rep's own card. */
  team: number | null;
  definition: string;
}

export interface ShareLine {
  product: string;
  rep: number | null;
  team: number | null;
}

export interface RepScorecard {
  rep: { name: string; territories: string[] };
  period: [string, string];
  /** Who the team figures are: "the 2 reps you see"; null on a rep's own card. */
  team: { reps: number } | null;
  lines: ScorecardLine[];
  share: { source: string | null; products: ShareLine[] };
}

const LINES: { id: ScorecardLine["id"]; measure: MeasureName; perRep: boolean; topDeciles?: true }[] = [
  { id: "calls", measure: "Calls.count", perRep: true },
  { id: "reach", measure: "Calls.reach", perRep: true },
  { id: "frequency", measure: "Calls.frequency", perRep: false },
  { id: "coverage", measure: "Coverage.rate", perRep: false, topDeciles: true },
  { id: "overdue", measure: "Tasks.overdue", perRep: true },
];
const TITLES: Record<ScorecardLine["id"], string> = {
  calls: "Calls",
  reach: "HCPs reached",
  frequency: "Call frequency",
  coverage: "Coverage of deciles 8–10",
  overdue: "Overdue tasks",
};
const TOP_DECILES: Filter = { member: "Hcps.decile", operator: "gte", values: ["8"] };

export async function repScorecard(
  db: Db,
  scope: Scope,
  repName: string | null,
  now: Date = new Date(),
  dateRange: RelativeRange = "last 90 days",
): Promise<RepScorecard> {
  const reps = await repsInScope(db, scope);
  // No name: the signed-in rep's own card.
  const rep =
    repName === null
      ? reps.find((r) => r.id === scope.userId)
      : reps.find((r) => r.name.toLowerCase() === repName.trim().toLowerCase());
  if (!rep)
    throw new DomainError(
      "NOT_FOUND",
      repName === null
        ? "A scorecard is a rep's, for the territories assigned to them: name the rep."
        : scope.role === "rep"
          ? "You can see your own scorecard only."
          : `No rep named “${repName.trim().slice(0, 80)}” works in the territories you see.`,
    );
  const withTeam = scope.role !== "rep";
  const byRep: Filter = { member: "Reps.name", operator: "equals", values: [rep.name] };
  const inTerritories: Filter = { member: "Territories.name", operator: "equals", values: rep.territories };
  const run = async (query: SemanticQueryInput) => runAnalytics(db, scope, query, now);
  const period = { dateRange };

  // One after another: the embedded database runs one transaction at a time anyway.
  const lines: ScorecardLine[] = [];
  for (const line of LINES) {
    const time =
      line.id === "overdue"
        ? []
        : [
            {
              dimension: line.id === "coverage" ? ("Coverage.callDate" as const) : ("Calls.occurredAt" as const),
              ...period,
            },
          ];
    const base = { measures: [line.measure], timeDimensions: time, filters: line.topDeciles ? [TOP_DECILES] : [] };
    const mine = await run({ ...base, filters: [...base.filters, byRep] });
    const team = withTeam ? await run(base) : null;
    const teamValue = team ? Number(team.rows[0]?.m0 ?? 0) : null;
    const value = mine.rows[0]?.m0;
    lines.push({
      id: line.id,
      title: TITLES[line.id],
      format: mine.columns[0]!.format ?? "count",
      rep: value === null || value === undefined ? null : Number(value),
      team: teamValue === null ? null : line.perRep ? Math.round((teamValue / reps.length) * 10) / 10 : teamValue,
      definition: mine.definitions.find((d) => d.member === line.measure)?.description ?? "",
    });
  }

  // Part D share of each product in the rep's territories, beside the whole team's, in the latest data year.
  const shareQuery: SemanticQueryInput = { measures: ["PartD.share"], dimensions: ["Products.name"] };
  const mine = await run({ ...shareQuery, filters: [inTerritories] });
  const team = withTeam ? await run(shareQuery) : null;
  const teamShare = new Map(team?.rows.map((row) => [String(row.d0), row.m0 === null ? null : Number(row.m0)]) ?? []);
  const products = mine.rows.map((row) => ({
    product: String(row.d0),
    rep: row.m0 === null ? null : Number(row.m0),
    team: withTeam ? (teamShare.get(String(row.d0)) ?? null) : null,
  }));

  return {
    rep: { name: rep.name, territories: rep.territories },
    period: resolveRange(period.dateRange, now),
    team: withTeam ? { reps: reps.length } : null,
    lines,
    share: { source: mine.note ?? mine.source.period, products },
  };
}
