// A rep's scorecard, written only from the tool's result: each figure beside the team's, then the Part D share of
// each product in the rep's territories, the definitions and the period.
import { figureOrDash as figure } from "@pharmacrm/domain/figures";

import type { RepScorecardOutput } from "../../tools/rep-scorecard";

export function scorecardAnswer(output: RepScorecardOutput): string {
  if (output.status !== "ok") return output.message;
  const { rep, team, lines, share, period } = output;
  const against = team ? ` (team: per rep for counts, the whole team for rates, ${team.reps} reps)` : "";
  const rows = lines.map(
    (l) => `| ${l.title} | ${figure(l.rep, l.format)} |${team ? ` ${figure(l.team, l.format)} |` : ""}`,
  );
  const shares = share.products.map(
    (p) => `| ${p.product} share | ${figure(p.rep, "percent")} |${team ? ` ${figure(p.team, "percent")} |` : ""}`,
  );
  return [
    `**${rep.name}** (${rep.territories.join(", ")}), ${period[0]} to ${period[1]}${against}:`,
    "",
    `| Figure | ${rep.name} |${team ? " Team |" : ""}`,
    `| --- | ---: |${team ? " ---: |" : ""}`,
    ...rows,
    ...shares,
    "",
    ...(share.products.length && share.source ? [`_Market share: ${share.source}_`, ""] : []),
    `_${lines.map((l) => `${l.title} — ${l.definition}`).join(" ")}_`,
  ].join("\n");
}
