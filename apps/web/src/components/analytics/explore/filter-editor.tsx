"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useAnalyticsModel } from "~/components/copilot/cards/use-analytics-model";
import { messageOf, useTRPC } from "~/trpc/react";
import { Plus, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";

import type { CubeName, SemanticQuery } from "@pharmacrm/domain";
import { memberValue } from "@pharmacrm/domain/figures";
import { Button, Checkbox, Input, Label, Select, Spinner } from "@pharmacrm/ui";

type Filter = SemanticQuery["filters"][number];
type Dimension = Filter["member"];

const STRING_OPERATORS = [
  ["equals", "is"],
  ["notEquals", "is not"],
  ["set", "is known"],
  ["notSet", "is not recorded"],
] as const;
const NUMBER_OPERATORS = [
  ["gte", "at least"],
  ["lte", "at most"],
  ["equals", "is"],
] as const;

const MAX_VALUES = 50;
const OFFERED = 500;

/**
 * The values of a dimension the viewer may see, counted by the source's first measure (so a territory, a rep or a
 * drug is offered only when it is in the viewer's scope), in order; those containing the words typed, when typed.
 */
function useValues(measure: SemanticQuery["measures"][number], member: Dimension, search: string, enabled: boolean) {
  const trpc = useTRPC();
  const words = search.trim().slice(0, 200);
  return useQuery({
    ...trpc.analytics.run.queryOptions({
      measures: [measure],
      dimensions: [member],
      filters: words ? [{ member, operator: "contains", values: [words] }] : [],
      order: [[member, "asc"]],
      limit: OFFERED,
    }),
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The values of a text dimension to keep: a checklist that opens on demand, searched on the server when typed. */
function ValuePicker({
  label,
  filter,
  measure,
  onChange,
}: {
  label: string;
  filter: Filter;
  measure: SemanticQuery["measures"][number];
  onChange: (values: string[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const [searched, setSearched] = useState("");
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSearched(search), 250);
    return () => clearTimeout(timer);
  }, [search]);
  // Closed by a click elsewhere, like any menu.
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!details.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", away);
    return () => document.removeEventListener("mousedown", away);
  }, [open]);
  const values = useValues(measure, filter.member, searched, open);
  const key = values.data?.columns.find((c) => c.kind === "dimension")?.key;
  const options = (values.data?.rows ?? [])
    .map((row) => (key ? row[key] : null))
    .filter((v): v is string => typeof v === "string");
  const chosen = new Set(filter.values);
  const full = filter.values.length >= MAX_VALUES;
  const summary = filter.values.length
    ? filter.values.length <= 2
      ? filter.values.map((v) => memberValue(filter.member, v)).join(", ")
      : `${filter.values.length} chosen`
    : "Choose…";
  return (
    <details
      ref={details}
      className="relative"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        setOpen(false);
        details.current?.querySelector("summary")?.focus();
      }}
    >
      <summary
        aria-label={`${label}: ${summary}`}
        className="flex h-8 cursor-pointer list-none items-center rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800"
        data-testid="filter-values"
      >
        <span className="truncate">{summary}</span>
      </summary>
      <div className="absolute z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <Input
          aria-label={`Search the values of ${label.toLowerCase()}`}
          placeholder="Search…"
          className="mb-2 h-8 text-sm"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {values.error ? (
          <p role="alert" className="text-xs text-red-700">
            {messageOf(values.error)}
          </p>
        ) : !values.data ? (
          <p className="flex items-center gap-1.5 text-xs text-slate-500">
            <Spinner className="size-3.5" /> Reading the values you may see…
          </p>
        ) : options.length === 0 ? (
          <p className="text-xs text-slate-500">
            {searched.trim() ? `No value contains “${searched.trim()}”.` : "Nothing recorded within what you may see."}
          </p>
        ) : (
          <fieldset>
            <legend className="sr-only">{label}</legend>
            <ul className="max-h-56 space-y-1 overflow-auto">
              {options.map((v) => (
                <li key={v}>
                  <label className="flex items-center gap-2 text-sm text-slate-800">
                    <Checkbox
                      checked={chosen.has(v)}
                      disabled={full && !chosen.has(v)}
                      onChange={(e) =>
                        onChange(e.target.checked ? [...filter.values, v] : filter.values.filter((x) => x !== v))
                      }
                    />
                    {memberValue(filter.member, v)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {full ? (
          <p className="mt-1 text-xs text-amber-700">{MAX_VALUES} values is the most one condition holds.</p>
        ) : values.data?.truncated ? (
          <p className="mt-1 text-xs text-slate-500">The first {OFFERED} values: type to find others.</p>
        ) : null}
      </div>
    </details>
  );
}

/** Conditions on the question: a dimension, how it compares and its values; each row can be removed. */
export function FilterEditor({
  query,
  cube,
  onChange,
}: {
  query: SemanticQuery;
  cube: CubeName;
  onChange: (filters: Filter[]) => void;
}) {
  const id = useId();
  const model = useAnalyticsModel();
  const dimensions = (model.data?.dimensions ?? []).filter((d) => d.cubes.includes(cube));
  const typeOf = (member: Dimension) => dimensions.find((d) => d.name === member)?.type ?? "string";
  const set = (i: number, filter: Filter) => onChange(query.filters.map((f, j) => (j === i ? filter : f)));
  const measure = query.measures[0]!;
  return (
    <fieldset className="grid gap-2" data-testid="explore-filters">
      <legend className="mb-1 text-xs font-medium text-slate-700">Only where</legend>
      {query.filters.length === 0 ? (
        <p className="text-xs text-slate-500">No conditions: everything you may see.</p>
      ) : null}
      {query.filters.map((filter, i) => {
        const number = typeOf(filter.member) === "number";
        const operators = number ? NUMBER_OPERATORS : STRING_OPERATORS;
        const needsValues = filter.operator !== "set" && filter.operator !== "notSet";
        return (
          <div
            key={`${i}:${filter.member}`}
            className="grid grid-cols-[1fr_auto] items-start gap-1 rounded-md bg-slate-50 p-2"
            data-testid="explore-filter"
          >
            <div className="grid gap-1">
              <Select
                aria-label={`Condition ${i + 1}: what`}
                className="h-8 text-sm"
                value={filter.member}
                onChange={(e) => {
                  const member = e.target.value as Dimension;
                  set(i, { member, operator: typeOf(member) === "number" ? "gte" : "equals", values: [] });
                }}
              >
                {dimensions.map((d) => (
                  <option key={d.name} value={d.name}>
                    {d.title}
                  </option>
                ))}
              </Select>
              <div className="flex gap-1">
                <Select
                  aria-label={`Condition ${i + 1}: how`}
                  className="h-8 w-32 text-sm"
                  value={filter.operator}
                  onChange={(e) => set(i, { ...filter, operator: e.target.value as Filter["operator"] })}
                >
                  {operators.map(([op, words]) => (
                    <option key={op} value={op}>
                      {words}
                    </option>
                  ))}
                </Select>
                {!needsValues ? null : number ? (
                  <Input
                    id={`${id}-${i}-value`}
                    aria-label={`Condition ${i + 1}: value`}
                    type="number"
                    min={1}
                    max={10}
                    className="h-8 w-20 text-sm"
                    value={filter.values[0] ?? ""}
                    onChange={(e) => set(i, { ...filter, values: e.target.value ? [e.target.value] : [] })}
                  />
                ) : (
                  <div className="min-w-0 flex-1">
                    <ValuePicker
                      label={`Condition ${i + 1}: values`}
                      filter={filter}
                      measure={measure}
                      onChange={(values) => set(i, { ...filter, values })}
                    />
                  </div>
                )}
              </div>
            </div>
            <Button
              variant="ghost"
              size="icon"
              aria-label={`Remove condition ${i + 1}`}
              onClick={() => onChange(query.filters.filter((_, j) => j !== i))}
            >
              <X />
            </Button>
          </div>
        );
      })}
      {query.filters.length < 10 && dimensions[0] ? (
        <div>
          <Label htmlFor={`${id}-add`} className="sr-only">
            Add a condition
          </Label>
          <Button
            id={`${id}-add`}
            variant="secondary"
            size="sm"
            onClick={() => {
              const first = dimensions[0]!;
              onChange([
                ...query.filters,
                { member: first.name as Dimension, operator: first.type === "number" ? "gte" : "equals", values: [] },
              ]);
            }}
            data-testid="explore-add-filter"
          >
            <Plus /> Add a condition
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
