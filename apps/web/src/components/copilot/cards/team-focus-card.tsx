"use client";

import { Users } from "lucide-react";
import Link from "next/link";

import type { TeamFocusResult } from "@pharmacrm/ai";
import { Badge, Card, CardDescription, CardHeader, CardTitle, type BadgeTone } from "@pharmacrm/ui";

const GAP: Record<TeamFocusResult["reps"][number]["gap"]["kind"], { label: string; tone: BadgeTone }> = {
  stopped: { label: "Stopped calling", tone: "danger" },
  calls: { label: "Calls down", tone: "warning" },
  coverage: { label: "Top deciles unseen", tone: "warning" },
  tasks: { label: "Overdue tasks", tone: "neutral" },
  none: { label: "On track", tone: "success" },
};

/** Each rep's biggest gap, most pressing first, with the figures behind it and the HCPs to call first. */
export function TeamFocusCard({ focus }: { focus: TeamFocusResult }) {
  return (
    <Card data-testid="team-focus-card">
      <CardHeader>
        <div>
          <CardTitle className="flex items-center gap-1.5">
            <Users className="size-4 text-slate-400" aria-hidden /> Where your team should focus
          </CardTitle>
          <CardDescription>As of {focus.asOf}, most pressing first.</CardDescription>
        </div>
      </CardHeader>
      {focus.reps.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">No active reps with territories in what you may see.</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {focus.reps.map((r) => (
            <li key={r.repId} className="px-4 py-3 text-sm" data-testid="team-focus-rep">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{r.rep}</span>
                <span className="text-xs text-slate-500">{r.territories.join(", ")}</span>
                <Badge tone={GAP[r.gap.kind].tone}>{GAP[r.gap.kind].label}</Badge>
              </div>
              <p className="mt-1 text-slate-700">{r.gap.text}</p>
              <p className="mt-0.5 text-xs text-slate-500 tabular-nums">
                {r.unseen}/{r.targets} top-decile HCPs unseen in 60 days · calls {r.calls.recent} in 4 weeks (
                {r.calls.before} the 4 before) · {r.overdueTasks} overdue tasks
              </p>
              {r.hcps.length ? (
                <p className="mt-1 text-xs text-slate-600">
                  Call first:{" "}
                  {r.hcps.map((h, i) => (
                    <span key={h.npi}>
                      {i ? ", " : ""}
                      <Link href={`/physicians/${h.npi}`} className="text-brand-700 hover:underline">
                        {h.name}
                      </Link>{" "}
                      (decile {h.decile}, {h.lastCall ? `last call ${h.lastCall}` : "never called"})
                    </span>
                  ))}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <details className="border-t border-slate-100 px-4 py-2.5 text-xs text-slate-600">
        <summary className="cursor-pointer select-none">How this was measured</summary>
        <ul className="mt-1 list-disc space-y-0.5 pl-4">
          {focus.definitions.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </details>
    </Card>
  );
}
