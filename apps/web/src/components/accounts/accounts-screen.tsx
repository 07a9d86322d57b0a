"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { QueryState } from "~/components/query-state";
import { useTypedSearch } from "~/lib/use-typed-search";
import { useTRPC } from "~/trpc/react";
import Link from "next/link";
import { parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useState } from "react";

import { ACCOUNT_SORTS, NOT_CALLED_DAYS } from "@pharmacrm/domain/accounts-input";
import { Card, Input, Label, Select } from "@pharmacrm/ui";

import { AccountsTable } from "./accounts-table";
import { ImportAccounts } from "./import-accounts";

const PAGE_SIZES = [25, 50, 100] as const;

/** The URL's view of My accounts: filters, sort and page, so a view can be bookmarked or shared. */
export const accountParsers = {
  q: parseAsString.withDefault(""),
  tier: parseAsString.withDefault(""),
  segment: parseAsString.withDefault(""),
  tag: parseAsString.withDefault(""),
  quiet: parseAsInteger,
  sort: parseAsStringLiteral(ACCOUNT_SORTS).withDefault("name"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("asc"),
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(50),
};

export function AccountsScreen({ wholeOrg }: { wholeOrg: boolean }) {
  const trpc = useTRPC();
  const [params, setParams] = useQueryStates(accountParsers, { history: "replace" });
  const [q, setQ] = useTypedSearch(params.q, (text) => void setParams({ q: text || null, page: null }));
  const quiet = (NOT_CALLED_DAYS as readonly number[]).includes(params.quiet ?? 0) ? params.quiet! : undefined;
  const pageSize = (PAGE_SIZES as readonly number[]).includes(params.size) ? params.size : 50;
  const filters = {
    q: params.q || undefined,
    tier: params.tier || undefined,
    segment: params.segment || undefined,
    tag: params.tag || undefined,
    notCalledDays: quiet,
  };
  const accounts = useQuery({
    ...trpc.hcp.accounts.queryOptions({
      ...filters,
      sort: params.sort,
      dir: params.dir,
      page: Math.max(1, params.page),
      pageSize: pageSize as 25 | 50 | 100,
    }),
    placeholderData: keepPreviousData,
  });
  const [importing, setImporting] = useState(false);
  const vocabulary = useQuery(trpc.hcp.accountVocabulary.queryOptions(undefined, { staleTime: 60_000 }));
  const filter = (patch: Partial<Record<"tier" | "segment" | "tag", string>> | { quiet: number | null }) =>
    void setParams({ ...patch, page: null });

  return (
    <div className="grid gap-4">
      <div>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold text-slate-900">{wholeOrg ? "Accounts" : "My accounts"}</h1>
          <div className="flex items-center gap-4 text-sm">
            <button type="button" className="text-brand-700 hover:underline" onClick={() => setImporting((o) => !o)}>
              Import from a file
            </button>
            <Link href="/accounts/adoption" className="text-brand-700 hover:underline">
              Adoption board
            </Link>
          </div>
        </div>
        <p className="mt-1 text-sm text-slate-500">
          {wholeOrg
            ? "Every physician aligned to one of your organisation's territories"
            : "The physicians practising in your territories"}
          , with what your team keeps on each. Edit a row, or tick several and change them together; every change can be
          undone straight after.
        </p>
      </div>
      {importing ? <ImportAccounts onClose={() => setImporting(false)} /> : null}
      <Card className="flex flex-wrap items-end gap-3 p-4" role="search" aria-label="Filter accounts">
        <div className="min-w-56 flex-1">
          <Label htmlFor="accounts-q">Name or NPI</Label>
          <Input id="accounts-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <VocabularyFilter
          id="accounts-tier"
          label="Tier"
          value={params.tier}
          options={vocabulary.data?.tiers}
          onChange={(tier) => filter({ tier })}
        />
        <VocabularyFilter
          id="accounts-segment"
          label="Segment"
          value={params.segment}
          options={vocabulary.data?.segments}
          onChange={(segment) => filter({ segment })}
        />
        <VocabularyFilter
          id="accounts-tag"
          label="Tag"
          value={params.tag}
          options={vocabulary.data?.tags}
          onChange={(tag) => filter({ tag })}
        />
        <div>
          <Label htmlFor="accounts-quiet">Last call</Label>
          <Select
            id="accounts-quiet"
            value={quiet ?? ""}
            onChange={(e) => filter({ quiet: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">Any time</option>
            {NOT_CALLED_DAYS.map((d) => (
              <option key={d} value={d}>
                Not called in {d} days
              </option>
            ))}
          </Select>
        </div>
      </Card>
      <QueryState query={accounts} what="your accounts" rows={8}>
        {(data) => (
          <AccountsTable
            // New filters, new selection: what was ticked may no longer be in view.
            key={JSON.stringify(filters)}
            data={data}
            filters={filters}
            vocabulary={vocabulary.data}
            sort={{ id: params.sort, desc: params.dir === "desc" }}
            onSort={(sort, dir) => void setParams({ sort, dir, page: null })}
            onPage={(page) => void setParams({ page })}
            onPageSize={(size) => void setParams({ size, page: null })}
            refreshing={accounts.isFetching}
            filtered={Object.values(filters).some((v) => v !== undefined)}
          />
        )}
      </QueryState>
    </div>
  );
}

function VocabularyFilter({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: string[] | undefined;
  onChange: (value: string) => void;
}) {
  // A value from the address that the org no longer uses still shows, so the filter never hides what it applies.
  const choices = options && value && !options.includes(value) ? [value, ...options] : (options ?? []);
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        {choices.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    </div>
  );
}
