"use client";

import { useQuery } from "@tanstack/react-query";
import { Search, X } from "lucide-react";
import { useEffect, useState } from "react";
import { Button, Checkbox, Input, Label, Select } from "@pharmacrm/ui";
import { useTRPC } from "~/trpc/react";
import type { DirectoryParams } from "./directory-params";

const DEBOUNCE_MS = 300;
const numberFormat = new Intl.NumberFormat("en-US");

interface PhysicianFiltersProps {
  params: DirectoryParams;
  setParams: (next: Partial<DirectoryParams>, mode?: "push" | "replace") => void;
  showMineToggle: boolean;
  canClear: boolean;
  onClear: () => void;
}

export function PhysicianFilters({ params, setParams, showMineToggle, canClear, onClear }: PhysicianFiltersProps) {
  const trpc = useTRPC();
  const facets = useQuery(trpc.hcp.facets.queryOptions(undefined, { staleTime: 10 * 60_000 }));

  // The text box updates at once; the URL (and the query) follow after a pause in typing.
  const [text, setText] = useState(params.q);
  const [urlQ, setUrlQ] = useState(params.q);
  if (urlQ !== params.q) {
    // The URL changed underneath us (back button, "clear filters"): show what it says.
    setUrlQ(params.q);
    setText(params.q);
  }
  useEffect(() => {
    if (text.trim() === params.q) return;
    const timer = setTimeout(() => setParams({ q: text.trim() }, "replace"), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, params.q, setParams]);

  // Facet counts are registry-wide: shown only when the list is not limited to the viewer's territories.
  const specialties = facets.data?.specialties ?? [];
  const states = facets.data?.states ?? [];

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="w-full sm:w-72">
        <Label htmlFor="physician-search" className="sr-only">
          Search by name or NPI
        </Label>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
          <Input
            id="physician-search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Search name or NPI"
            className="pl-8"
            maxLength={100}
            autoComplete="off"
          />
        </div>
      </div>

      <div className="w-full sm:w-64">
        <Label htmlFor="physician-specialty" className="sr-only">
          Specialty
        </Label>
        <Select
          id="physician-specialty"
          value={params.specialty}
          onChange={(e) => setParams({ specialty: e.target.value })}
          disabled={facets.isPending && !params.specialty}
        >
          <option value="">All specialties</option>
          {params.specialty && !specialties.some((s) => s.specialty === params.specialty) ? (
            <option value={params.specialty}>{params.specialty}</option>
          ) : null}
          {specialties.map((s) => (
            <option key={s.specialty} value={s.specialty}>
              {s.specialty}
              {params.mine ? "" : ` (${numberFormat.format(s.count)})`}
            </option>
          ))}
        </Select>
      </div>

      <div className="w-full sm:w-36">
        <Label htmlFor="physician-state" className="sr-only">
          State
        </Label>
        <Select
          id="physician-state"
          value={params.state}
          onChange={(e) => setParams({ state: e.target.value })}
          disabled={facets.isPending && !params.state}
        >
          <option value="">All states</option>
          {params.state && !states.some((s) => s.state === params.state) ? <option value={params.state}>{params.state}</option> : null}
          {states.map((s) => (
            <option key={s.state} value={s.state}>
              {s.state}
              {params.mine ? "" : ` (${numberFormat.format(s.count)})`}
            </option>
          ))}
        </Select>
      </div>

      {showMineToggle ? (
        <label className="flex h-9 cursor-pointer items-center gap-2 rounded-md px-1 text-sm text-slate-700 select-none">
          <Checkbox checked={params.mine} onChange={(e) => setParams({ mine: e.target.checked })} />
          Only my territories
        </label>
      ) : null}

      {canClear ? (
        <Button variant="ghost" size="md" onClick={onClear} className="text-slate-500">
          <X /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
