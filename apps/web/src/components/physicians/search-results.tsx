"use client";

import type { RouterOutputs } from "~/trpc/react";
import { MapPin } from "lucide-react";
import Link from "next/link";

import { Badge } from "@pharmacrm/ui";

type Result = RouterOutputs["search"]["physicians"]["items"][number];

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase());

/** Results as a list of links: Tab moves through them, Enter opens the profile. */
export function SearchResults({
  results,
  showTerritoryBadge,
  stale,
}: {
  results: Result[];
  showTerritoryBadge: boolean;
  stale: boolean;
}) {
  return (
    <ol
      aria-label="Search results"
      className={stale ? "divide-y divide-slate-100 opacity-60 transition-opacity" : "divide-y divide-slate-100"}
    >
      {results.map((r) => (
        <li key={r.npi} data-testid="search-result">
          <Link
            href={`/physicians/${r.npi}`}
            className="block px-4 py-3 hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:outline-none"
          >
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              <span className="font-medium text-brand-700" data-testid="result-name">
                {r.name}
              </span>
              {r.credential ? <span className="text-sm text-slate-500">{r.credential}</span> : null}
              <span className="text-sm text-slate-700" data-testid="result-specialty">
                {r.specialization ?? r.specialty ?? "Specialty not reported"}
              </span>
              {showTerritoryBadge && r.inMyTerritories ? <Badge tone="brand">In your territory</Badge> : null}
            </div>
            <div className="mt-0.5 flex flex-wrap items-center gap-x-3 text-sm text-slate-500">
              <span className="inline-flex items-center gap-1">
                <MapPin className="size-3.5" aria-hidden />
                {[r.city ? titleCase(r.city) : null, r.state, r.zip5].filter(Boolean).join(", ") ||
                  "Practice address not reported"}
              </span>
              <span className="tabular-nums">NPI {r.npi}</span>
            </div>
            {r.explanation ? (
              <p className="mt-1 text-xs text-slate-600" data-testid="result-explanation">
                {r.explanation}
              </p>
            ) : null}
          </Link>
        </li>
      ))}
    </ol>
  );
}
