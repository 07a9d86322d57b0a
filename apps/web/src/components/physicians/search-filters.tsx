"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { X } from "lucide-react";
import { useState, type ReactNode } from "react";

import { Button, Checkbox, FieldError, Input, Label, Select } from "@pharmacrm/ui";

import type { SearchParams } from "./search-params";

interface SearchFiltersProps {
  params: SearchParams;
  setParams: (next: Partial<SearchParams>) => void;
  showMineToggle: boolean;
  canClear: boolean;
  onClear: () => void;
}

/** Text filters apply when the field loses focus or on Enter, so that each keystroke is not a search. */
function TextFilter({
  id,
  label,
  value,
  onCommit,
  placeholder,
  pattern,
  hint,
  list,
}: {
  id: string;
  label: string;
  value: string;
  onCommit: (v: string) => void;
  placeholder?: string;
  pattern?: RegExp;
  hint?: string;
  list?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  const invalid = draft.trim() !== "" && pattern !== undefined && !pattern.test(draft.trim());
  const commit = () => {
    if (!invalid && draft.trim() !== value) onCommit(draft.trim());
  };
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        value={draft}
        list={list}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
        autoComplete="off"
      />
      {invalid ? <FieldError id={`${id}-error`} messages={[hint ?? "Check this value."]} /> : null}
    </div>
  );
}

const Field = ({ children }: { children: ReactNode }) => <div className="min-w-0">{children}</div>;

export function SearchFilters({ params, setParams, showMineToggle, canClear, onClear }: SearchFiltersProps) {
  const trpc = useTRPC();
  const options = useQuery(trpc.search.options.queryOptions(undefined, { staleTime: 10 * 60_000 }));
  const markets = options.data?.markets ?? [];

  return (
    <section aria-label="Filters" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      <Field>
        <TextFilter
          id="filter-specialty"
          label="Specialty"
          value={params.specialty}
          list="specialty-options"
          placeholder="e.g. Dermatology"
          onCommit={(specialty) => setParams({ specialty })}
        />
        <datalist id="specialty-options">
          {[...(options.data?.specialties ?? []), ...(options.data?.layTerms ?? [])].map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </Field>
      <Field>
        <TextFilter
          id="filter-city"
          label="City"
          value={params.city}
          placeholder="e.g. Boston"
          onCommit={(city) => setParams({ city })}
        />
      </Field>
      <Field>
        <TextFilter
          id="filter-state"
          label="State"
          value={params.state}
          placeholder="e.g. MA"
          pattern={/^[A-Za-z]{2}$/}
          hint="Use a two-letter state code, e.g. MA."
          onCommit={(state) => setParams({ state: state.toUpperCase() })}
        />
      </Field>
      <Field>
        <TextFilter
          id="filter-near"
          label="Near ZIP"
          value={params.near}
          placeholder="e.g. 02115"
          pattern={/^\d{5}$/}
          hint="Use a five-digit ZIP code."
          onCommit={(near) => setParams({ near })}
        />
      </Field>
      <Field>
        <Label htmlFor="filter-radius">Within</Label>
        <Select
          id="filter-radius"
          value={String(params.radius ?? 25)}
          disabled={!params.near}
          onChange={(e) => setParams({ radius: Number(e.target.value) })}
        >
          {[5, 10, 25, 50, 100].map((miles) => (
            <option key={miles} value={miles}>
              {miles} miles
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <TextFilter
          id="filter-manufacturer"
          label="Paid by"
          value={params.manufacturer}
          list="manufacturer-options"
          placeholder="Manufacturer"
          onCommit={(manufacturer) => setParams({ manufacturer })}
        />
        <datalist id="manufacturer-options">
          {(options.data?.manufacturers ?? []).map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      </Field>
      <Field>
        <TextFilter
          id="filter-drug"
          label="Writes drug"
          value={params.drug}
          placeholder="Brand or generic"
          onCommit={(drug) => setParams({ drug, market: drug ? "" : params.market })}
        />
      </Field>
      <Field>
        <Label htmlFor="filter-market">Or any drug of market</Label>
        <Select
          id="filter-market"
          value={params.market}
          onChange={(e) => setParams({ market: e.target.value, drug: e.target.value ? "" : params.drug })}
          disabled={options.isPending || markets.length === 0}
        >
          <option value="">
            {options.isPending ? "Loading…" : markets.length === 0 ? "No markets set up" : "Any market"}
          </option>
          {markets.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <TextFilter
          id="filter-claims"
          label="At least claims"
          value={params.claims === undefined ? "" : String(params.claims)}
          pattern={/^\d{1,7}$/}
          hint="Claims are a whole number."
          placeholder={params.drug || params.market ? "e.g. 50" : "Choose a drug first"}
          onCommit={(v) => setParams({ claims: v === "" ? undefined : Number(v) })}
        />
      </Field>
      <Field>
        <TextFilter
          id="filter-unseen"
          label="Not seen in (days)"
          value={params.unseen === undefined ? "" : String(params.unseen)}
          pattern={/^(?:[1-9]\d{0,2}|[1-2]\d{3}|3[0-5]\d{2}|36[0-4]\d|3650)$/}
          hint="Days from 1 to 3,650."
          placeholder="e.g. 60"
          onCommit={(v) => setParams({ unseen: v === "" ? undefined : Number(v) })}
        />
      </Field>
      <div className="col-span-2 flex items-end gap-3 sm:col-span-3">
        {showMineToggle ? (
          <label className="flex h-9 cursor-pointer items-center gap-2 rounded-md px-1 text-sm text-slate-700 select-none">
            <Checkbox checked={params.mine} onChange={(e) => setParams({ mine: e.target.checked })} />
            Only my territories
          </label>
        ) : null}
        {canClear ? (
          <Button variant="ghost" size="md" onClick={onClear} className="text-slate-500">
            <X /> Clear search
          </Button>
        ) : null}
      </div>
    </section>
  );
}
