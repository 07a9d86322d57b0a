"use client";

import {
  breakdownsOf,
  capitalised,
  grainsOf,
  withBreakdowns,
  withRange,
} from "~/components/copilot/cards/analytics-figures";
import { useAnalyticsModel } from "~/components/copilot/cards/use-analytics-model";
import { useId } from "react";

import type { CubeName, SemanticQuery } from "@pharmacrm/domain";
import { NO_PERIOD, RELATIVE_RANGES } from "@pharmacrm/domain/figures";
import { Checkbox, Input, Label, Select, Skeleton } from "@pharmacrm/ui";

import { startQuery, toggleMeasure, topOf, withFilters, withTop } from "./explore-query";
import { FilterEditor } from "./filter-editor";

type Range = NonNullable<SemanticQuery["timeDimensions"][number]["dateRange"]>;

const TOPS = [
  ["all", "Every row"],
  ["top:5", "Top 5"],
  ["top:10", "Top 10"],
  ["top:25", "Top 25"],
  ["bottom:5", "Bottom 5"],
  ["bottom:10", "Bottom 10"],
] as const;

/** Today on the person's calendar (not UTC's), YYYY-MM-DD. */
const today = () => new Date().toLocaleDateString("en-CA");

/** The question, a piece at a time, from the model's own members: every change runs it again. */
export function QueryBuilder({
  query,
  cube,
  onChange,
}: {
  query: SemanticQuery;
  cube: CubeName;
  onChange: (query: SemanticQuery) => void;
}) {
  const id = useId();
  const model = useAnalyticsModel();
  if (model.error)
    return (
      <p role="alert" className="text-sm text-red-700">
        The analytics model could not be read. Reload the page.
      </p>
    );
  if (!model.data) return <Skeleton className="h-96 w-full" aria-label="Loading the analytics model" />;
  const measures = model.data.measures.filter((m) => m.cube === cube);
  const dimensions = model.data.dimensions.filter((d) => d.cubes.includes(cube));
  const by = breakdownsOf(query);
  const range = query.timeDimensions[0]?.dateRange;
  const custom = Array.isArray(range) ? range : null;
  return (
    <div className="grid gap-4" data-testid="explore-builder">
      <div className="grid gap-1">
        <Label htmlFor={`${id}-source`}>Source</Label>
        <Select
          id={`${id}-source`}
          value={cube}
          onChange={(e) => {
            const next = e.target.value as CubeName;
            const measure = model.data.measures.find((m) => m.cube === next)!;
            onChange(startQuery(next, measure.name as SemanticQuery["measures"][number]));
          }}
        >
          {model.data.cubes.map((c) => (
            <option key={c.name} value={c.name}>
              {capitalised(c.title)}
            </option>
          ))}
        </Select>
        <p className="text-xs text-slate-500">{model.data.cubes.find((c) => c.name === cube)?.source}</p>
      </div>

      <fieldset className="grid gap-1.5" data-testid="explore-measures">
        <legend className="mb-1 text-sm font-medium text-slate-900">Measures</legend>
        {measures.map((m) => {
          const name = m.name as SemanticQuery["measures"][number];
          const on = query.measures.includes(name);
          const box = `${id}-${m.name}`;
          return (
            <div key={m.name} className="flex items-start gap-2">
              <Checkbox
                id={box}
                className="mt-0.5"
                aria-describedby={`${box}-about`}
                checked={on}
                disabled={(on && query.measures.length === 1) || (!on && query.measures.length >= 6)}
                onChange={(e) => onChange(toggleMeasure(query, name, e.target.checked))}
              />
              <div className="text-sm">
                <label htmlFor={box} className="text-slate-800">
                  {m.title}
                </label>
                <p id={`${box}-about`} className="text-xs text-slate-500">
                  {m.description}
                </p>
              </div>
            </div>
          );
        })}
      </fieldset>

      <fieldset className="grid gap-2" data-testid="explore-breakdowns">
        <legend className="sr-only">Break down by</legend>
        {/* A time grain or a dimension first, then up to three dimensions in all; one more picker while there is room. */}
        {(by.length ? [...by, ...(by.filter((b) => !b.startsWith("time:")).length < 3 ? [""] : [])] : [""]).map(
          (value, i) => (
            <div key={i} className="grid gap-1">
              <Label htmlFor={`${id}-by-${i}`}>{i === 0 ? "By" : "And by"}</Label>
              <Select
                id={`${id}-by-${i}`}
                value={value}
                onChange={(e) => {
                  const next = [...by];
                  next[i] = e.target.value;
                  // Nothing in the first place is no breakdown at all.
                  onChange(withBreakdowns(query, i === 0 && !e.target.value ? [] : next.filter(Boolean)));
                }}
              >
                <option value="">{i === 0 ? "Nothing (totals)" : "Nothing more"}</option>
                {i === 0
                  ? grainsOf(query).map(([grain, title]) => (
                      <option key={grain} value={`time:${grain}`}>
                        {title}
                      </option>
                    ))
                  : null}
                {dimensions
                  .filter((d) => d.name === value || !by.includes(d.name))
                  .map((d) => (
                    <option key={d.name} value={d.name}>
                      {d.title}
                    </option>
                  ))}
              </Select>
            </div>
          ),
        )}
      </fieldset>

      <FilterEditor query={query} cube={cube} onChange={(filters) => onChange(withFilters(query, filters))} />

      {cube === "PartD" ? (
        <p className="text-xs text-slate-500">
          Medicare Part D is published once a year: the latest data year is counted, or every year by year.
        </p>
      ) : (
        <div className="grid gap-1">
          <Label htmlFor={`${id}-period`}>Period</Label>
          <Select
            id={`${id}-period`}
            value={custom ? "custom" : (range ?? "")}
            onChange={(e) => {
              const value = e.target.value;
              if (value === "custom") onChange(withRange(query, [today(), today()]));
              else onChange(withRange(query, (value || null) as Range | null));
            }}
          >
            <option value="">{NO_PERIOD[cube]}</option>
            {RELATIVE_RANGES.map((r) => (
              <option key={r} value={r}>
                {capitalised(r)}
              </option>
            ))}
            <option value="custom">Dates…</option>
          </Select>
          {custom ? (
            <div className="mt-1 grid grid-cols-2 gap-2">
              <div className="grid gap-1">
                <Label htmlFor={`${id}-from`} className="text-xs">
                  From
                </Label>
                <Input
                  id={`${id}-from`}
                  type="date"
                  className="h-8 text-sm"
                  value={custom[0]}
                  max={custom[1]}
                  onChange={(e) => e.target.value && onChange(withRange(query, [e.target.value, custom[1]]))}
                />
              </div>
              <div className="grid gap-1">
                <Label htmlFor={`${id}-to`} className="text-xs">
                  To
                </Label>
                <Input
                  id={`${id}-to`}
                  type="date"
                  className="h-8 text-sm"
                  value={custom[1]}
                  min={custom[0]}
                  onChange={(e) => e.target.value && onChange(withRange(query, [custom[0], e.target.value]))}
                />
              </div>
            </div>
          ) : null}
        </div>
      )}

      <div className="grid gap-1">
        <Label htmlFor={`${id}-top`}>Show</Label>
        <Select id={`${id}-top`} value={topOf(query)} onChange={(e) => onChange(withTop(query, e.target.value))}>
          {TOPS.some(([value]) => value === topOf(query)) ? null : (
            <option value={topOf(query)}>{capitalised(topOf(query).replace(":", " "))}</option>
          )}
          {TOPS.map(([value, title]) => (
            <option key={value} value={value}>
              {title}
              {value === "all"
                ? ""
                : ` by ${measures.find((m) => m.name === query.measures[0])?.title.toLowerCase() ?? "the first measure"}`}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
