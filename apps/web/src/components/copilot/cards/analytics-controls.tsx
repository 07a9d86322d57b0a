"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { useId } from "react";

import type { SemanticQuery } from "@pharmacrm/domain";
import { Label, Select, Spinner } from "@pharmacrm/ui";

import { byOf, cubeOfQuery, grainsOf, PERIODS, withBreakdown, withPeriod } from "./analytics-figures";

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Change what the numbers are broken down by, or their period: the card runs the query again. */
export function AnalyticsControls({
  query,
  busy,
  onChange,
}: {
  query: SemanticQuery;
  busy: boolean;
  onChange: (query: SemanticQuery) => void;
}) {
  const trpc = useTRPC();
  // Several cards share a page (the chat, the dashboard): each picker gets its own id.
  const id = useId();
  const model = useQuery(trpc.analytics.model.queryOptions(undefined, { staleTime: Infinity }));
  const range = query.timeDimensions[0]?.dateRange;
  const period = typeof range === "string" ? range : "";
  const cube = cubeOfQuery(query);
  return (
    <div
      className="flex flex-wrap items-end gap-3 border-t border-slate-100 px-4 py-2.5"
      data-testid="analytics-controls"
    >
      <div className="grid gap-1">
        <Label htmlFor={`${id}-by`} className="text-xs">
          By
        </Label>
        <Select
          id={`${id}-by`}
          className="h-8 w-44 text-sm"
          value={byOf(query)}
          disabled={busy}
          onChange={(e) => onChange(withBreakdown(query, e.target.value))}
        >
          <option value="">Nothing (totals)</option>
          {(model.data?.dimensions ?? [])
            .filter((d) => d.cubes.includes(cube))
            .map((d) => (
              <option key={d.name} value={d.name}>
                {d.title}
              </option>
            ))}
          {grainsOf(query).map(([grain, title]) => (
            <option key={grain} value={`time:${grain}`}>
              {title}
            </option>
          ))}
        </Select>
      </div>
      {/* Part D is counted by data year: the latest, or every year as a trend. */}
      {cube === "PartD" ? null : (
        <div className="grid gap-1">
          <Label htmlFor={`${id}-period`} className="text-xs">
            Period
          </Label>
          <Select
            id={`${id}-period`}
            className="h-8 w-40 text-sm"
            value={period}
            disabled={busy}
            onChange={(e) => onChange(withPeriod(query, e.target.value as (typeof PERIODS)[number]))}
          >
            {period ? null : <option value="">{range ? "As asked" : "All time"}</option>}
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {capital(p)}
              </option>
            ))}
          </Select>
        </div>
      )}
      {busy ? (
        <span className="flex items-center gap-1.5 pb-1.5 text-xs text-slate-500">
          <Spinner className="size-3.5" /> Counting…
        </span>
      ) : null}
    </div>
  );
}
