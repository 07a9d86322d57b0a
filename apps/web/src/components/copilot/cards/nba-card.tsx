import { formatCalendarDate } from "~/lib/format";
import { ListChecks } from "lucide-react";
import Link from "next/link";

import type { NextBestActionsResult } from "@pharmacrm/ai";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@pharmacrm/ui";

import { NbaDecision } from "./nba-decision";
import { actionLabel, ConfidenceBadge } from "./nba-parts";

export function NbaCard({ result }: { result: NextBestActionsResult }) {
  return (
    <Card data-testid="nba-card">
      <CardHeader>
        <div>
          <CardTitle className="flex items-center gap-1.5">
            <ListChecks className="size-4 text-slate-400" aria-hidden /> Next-best actions
          </CardTitle>
          <CardDescription>
            {result.suggestions.length} of the suggestions for {result.considered}{" "}
            {result.considered === 1 ? "physician" : "physicians"} · scored {formatCalendarDate(result.asOf)}
          </CardDescription>
        </div>
      </CardHeader>
      {result.suggestions.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">No suggestions: nothing in your book stands out today.</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {result.suggestions.map((s, i) => (
            <li key={`${s.npi}-${s.action}-${s.subject ?? ""}`} className="px-4 py-2.5" data-testid="nba-item">
              <div className="flex items-start justify-between gap-3">
                <p className="text-sm">
                  <span className="mr-1.5 text-slate-400 tabular-nums">{i + 1}.</span>
                  <span className="font-medium text-slate-900">
                    {actionLabel[s.action]}
                    {s.subject ? `: ${s.subject}` : ""}
                  </span>{" "}
                  —{" "}
                  <Link href={s.link} className="text-brand-700 hover:underline">
                    {s.name}
                  </Link>
                </p>
                <ConfidenceBadge confidence={s.confidence} />
              </div>
              <ul className="mt-1 list-disc pl-9 text-xs text-slate-600">
                {s.reasons.map((r) => (
                  <li key={r.text}>{r.text}</li>
                ))}
              </ul>
              <div className="mt-1.5 pl-5">
                <NbaDecision suggestion={s} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <CardFooter>{result.method}</CardFooter>
    </Card>
  );
}
