import { formatPlaceName, numberFormat } from "~/lib/format";
import { ChevronDown, MapPin, Users } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import type { SearchPhysiciansResult } from "@pharmacrm/ai";
import { Badge, Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@pharmacrm/ui";

import { SourceLine } from "./source-line";

type Hit = SearchPhysiciansResult["results"][number];

const placeOf = (hit: Hit) => [formatPlaceName(hit.city), hit.state].filter(Boolean).join(", ");

/**
 * The search behind a name the copilot went on to use: one line naming the physician it took, and the other
 * matches only when asked for (a common name matches many physicians nationwide).
 */
function ResolvedSearch({
  result,
  hit,
  onShowAll,
}: {
  result: SearchPhysiciansResult;
  hit: Hit;
  onShowAll: () => void;
}) {
  const others = result.total - 1;
  return (
    <p className="flex flex-wrap items-center gap-x-1.5 text-xs text-slate-500" data-testid="physician-resolved">
      <Users className="size-3.5 text-slate-400" aria-hidden />
      <span>
        “{result.query}” is{" "}
        <Link href={hit.link} className="font-medium text-brand-700 hover:underline">
          {hit.name}
          {hit.credential ? `, ${hit.credential}` : ""}
        </Link>
        {placeOf(hit) ? ` · ${placeOf(hit)}` : ""}
        {hit.inMyTerritories ? " · your territory" : ""}
      </span>
      {others > 0 ? (
        <button type="button" className="inline-flex items-center text-brand-700 hover:underline" onClick={onShowAll}>
          {numberFormat.format(others)}
          {result.totalIsLowerBound ? "+" : ""} other {others === 1 ? "match" : "matches"}
          <ChevronDown className="size-3.5" aria-hidden />
        </button>
      ) : null}
    </p>
  );
}

export function PhysicianResultsCard({ result, chosen }: { result: SearchPhysiciansResult; chosen?: string }) {
  const [showAll, setShowAll] = useState(false);
  const hit = chosen ? result.results.find((h) => h.npi === chosen) : undefined;
  if (hit && !showAll) return <ResolvedSearch result={result} hit={hit} onShowAll={() => setShowAll(true)} />;
  const count = `${numberFormat.format(result.total)}${result.totalIsLowerBound ? "+" : ""}`;
  return (
    <Card data-testid="physician-results-card">
      <CardHeader>
        <div>
          <CardTitle className="flex items-center gap-1.5">
            <Users className="size-4 text-slate-400" aria-hidden /> Physicians for “{result.query}”
          </CardTitle>
          <CardDescription>
            {count} {result.total === 1 ? "match" : "matches"}
            {result.understood.length > 0 ? ` · understood: ${result.understood.join(", ")}` : ""}
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="p-0">
        {result.results.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">No physician matched. Try fewer words or a nearby place.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {result.results.map((hit) => (
              <li key={hit.npi} className="flex items-start justify-between gap-3 px-4 py-2">
                <div className="min-w-0">
                  <Link href={hit.link} className="font-medium text-brand-700 hover:underline">
                    {hit.name}
                    {hit.credential ? `, ${hit.credential}` : ""}
                  </Link>
                  <p className="truncate text-xs text-slate-500">
                    {[hit.specialty, placeOf(hit)].filter(Boolean).join(" · ")} · NPI {hit.npi}
                  </p>
                  <p className="text-xs text-slate-400">{hit.explanation}</p>
                </div>
                <div className="flex shrink-0 flex-col items-end gap-1">
                  {hit.inMyTerritories ? (
                    <Badge tone="brand">
                      <MapPin aria-hidden /> Your territory
                    </Badge>
                  ) : null}
                  {hit.claims !== null ? (
                    <span className="text-xs tabular-nums text-slate-600">
                      {numberFormat.format(hit.claims)} claims
                    </span>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
        {result.notices.map((notice) => (
          <p key={notice} className="border-t border-slate-100 px-4 py-2 text-xs text-amber-700">
            {notice}
          </p>
        ))}
      </CardContent>
      <CardFooter>
        <SourceLine sources={result.sources} />
      </CardFooter>
    </Card>
  );
}
