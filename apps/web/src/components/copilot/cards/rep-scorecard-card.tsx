"use client";

import { UserRound } from "lucide-react";

import type { RepScorecardResult } from "@pharmacrm/ai";
import { figureOrDash as figure } from "@pharmacrm/domain/figures";
import { Card, CardDescription, CardHeader, CardTitle } from "@pharmacrm/ui";

/** One rep's last 90 days beside their team's, and each product's Part D share in the rep's territories. */
export function RepScorecardCard({ scorecard }: { scorecard: RepScorecardResult }) {
  const { rep, team, lines, share, period } = scorecard;
  return (
    <Card data-testid="rep-scorecard-card">
      <CardHeader>
        <div>
          <CardTitle className="flex items-center gap-1.5">
            <UserRound className="size-4 text-slate-400" aria-hidden /> {rep.name}
          </CardTitle>
          <CardDescription>
            {rep.territories.join(", ")} · {period[0]} to {period[1]}
            {team ? ` · team of ${team.reps}: per rep for counts, the whole team for rates` : ""}
          </CardDescription>
        </div>
      </CardHeader>
      <table className="w-full text-sm" data-testid="rep-scorecard-table">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-1.5 text-left font-medium">
              Figure
            </th>
            <th scope="col" className="px-4 py-1.5 text-right font-medium">
              {rep.name}
            </th>
            {team ? (
              <th scope="col" className="px-4 py-1.5 text-right font-medium">
                Team
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {lines.map((l) => (
            <tr key={l.id} data-testid={`scorecard-${l.id}`}>
              <th scope="row" className="px-4 py-1.5 text-left font-normal text-slate-700" title={l.definition}>
                {l.title}
              </th>
              <td className="px-4 py-1.5 text-right font-medium text-slate-900">{figure(l.rep, l.format)}</td>
              {team ? <td className="px-4 py-1.5 text-right text-slate-600">{figure(l.team, l.format)}</td> : null}
            </tr>
          ))}
          {share.products.map((p) => (
            <tr key={p.product} data-testid="scorecard-share">
              <th scope="row" className="px-4 py-1.5 text-left font-normal text-slate-700">
                {p.product} market share
              </th>
              <td className="px-4 py-1.5 text-right font-medium text-slate-900">{figure(p.rep, "percent")}</td>
              {team ? <td className="px-4 py-1.5 text-right text-slate-600">{figure(p.team, "percent")}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <details className="border-t border-slate-100 px-4 py-2.5 text-xs text-slate-600">
        <summary className="cursor-pointer select-none">How this was measured</summary>
        <ul className="mt-1 list-disc space-y-0.5 pl-4">
          {lines.map((l) => (
            <li key={l.id}>
              {l.title} — {l.definition}
            </li>
          ))}
          {share.products.length && share.source ? <li>Market share — Medicare Part D: {share.source}</li> : null}
        </ul>
      </details>
    </Card>
  );
}
