"use client";

import { useId } from "react";

import type { SemanticQuery } from "@pharmacrm/domain";
import { NO_PERIOD, RELATIVE_RANGES } from "@pharmacrm/domain/figures";
import { Label, Select, Spinner } from "@pharmacrm/ui";

import { breakdownsOf, capitalised, cubeOfQuery, grainsOf, withBreakdowns, withRange } from "./analytics-figures";
import { useAnalyticsModel } from "./use-analytics-model";

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
  // Several cards share a page (the chat, the dashboard): each picker gets its own id.
  const id = useId();
  const model = useAnalyticsModel();
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
          value={breakdownsOf(query)[0] ?? ""}
          disabled={busy}
          onChange={(e) => onChange(withBreakdowns(query, e.target.value ? [e.target.value] : []))}
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
            onChange={(e) => onChange(withRange(query, e.target.value as (typeof RELATIVE_RANGES)[number]))}
          >
            {period ? null : <option value="">{range ? "As asked" : NO_PERIOD[cube]}</option>}
            {RELATIVE_RANGES.map((p) => (
              <option key={p} value={p}>
                {capitalised(p)}
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
