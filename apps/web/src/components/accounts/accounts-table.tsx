"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { ChannelIcon } from "~/components/hcp/channel-icon";
import { channelName } from "~/lib/labels";
import type { RouterOutputs } from "~/trpc/react";
import { Contact, Mail, Pencil, Phone, Users } from "lucide-react";
import Link from "next/link";
import { Fragment, useMemo, useState } from "react";

import type { AccountSort } from "@pharmacrm/domain/accounts-input";
import { STAGE_TITLES } from "@pharmacrm/domain/adoption-input";
import {
  Badge,
  Button,
  Card,
  Checkbox,
  cn,
  EmptyState,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from "@pharmacrm/ui";

import { SortableHeader } from "../data-table/sortable-head";
import { AccountEditor } from "./account-editor";
import { rememberAccountTrail } from "./account-trail";
import { BulkEditBar, type AccountFilters } from "./bulk-edit-bar";

type Page = RouterOutputs["hcp"]["accounts"];
type Account = Page["items"][number];
type Vocabulary = RouterOutputs["hcp"]["accountVocabulary"];

const SORTABLE = new Set<string>(["name", "specialty", "tier", "segment", "decile", "lastCall"]);
const CONSENT_SHOWN = [
  { channel: "email", Icon: Mail },
  { channel: "phone", Icon: Phone },
  { channel: "in_person", Icon: Users },
] as const;

const dateOnly = (d: Date) => d.toLocaleDateString("en-US", { day: "numeric", month: "short", year: "numeric" });

export function AccountsTable({
  data,
  filters,
  vocabulary,
  sort,
  onSort,
  onPage,
  onPageSize,
  refreshing,
  filtered,
}: {
  data: Page;
  filters: AccountFilters;
  vocabulary: Vocabulary | undefined;
  sort: { id: AccountSort; desc: boolean };
  onSort: (sort: AccountSort, dir: "asc" | "desc") => void;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
  refreshing: boolean;
  filtered: boolean;
}) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const pageNpis = data.items.map((a) => a.npi);
  const allOnPage = pageNpis.length > 0 && pageNpis.every((n) => selected.has(n));
  const toggle = (npis: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const n of npis)
        if (on) next.add(n);
        else next.delete(n);
      return next;
    });

  const columns = useMemo<ColumnDef<Account>[]>(
    () => [
      {
        id: "select",
        header: () => (
          <Checkbox
            aria-label="Select every account on this page"
            checked={allOnPage}
            onChange={(e) => toggle(pageNpis, e.target.checked)}
          />
        ),
        cell: ({ row }) => (
          <Checkbox
            aria-label={`Select ${row.original.name}`}
            checked={selected.has(row.original.npi)}
            onChange={(e) => toggle([row.original.npi], e.target.checked)}
          />
        ),
      },
      {
        id: "name",
        header: "Physician",
        cell: ({ row: { original: a } }) => (
          <div className="min-w-44">
            <Link
              href={`/physicians/${a.npi}`}
              className="font-medium text-brand-700 hover:underline"
              onClick={() =>
                rememberAccountTrail({
                  list: `${window.location.pathname}${window.location.search}`,
                  accounts: data.items.map(({ npi, name }) => ({ npi, name })),
                })
              }
            >
              {a.name}
              {a.credential ? `, ${a.credential}` : ""}
            </Link>
            <p className="text-xs text-slate-500">{[a.city, a.state].filter(Boolean).join(", ")}</p>
          </div>
        ),
      },
      { id: "specialty", header: "Specialty", cell: ({ row }) => row.original.specialty ?? "—" },
      { id: "tier", header: "Tier", cell: ({ row }) => row.original.tier ?? <Blank /> },
      { id: "segment", header: "Segment", cell: ({ row }) => row.original.segment ?? <Blank /> },
      {
        id: "decile",
        header: "Decile",
        meta: { numeric: true },
        cell: ({ row }) => <span className="block text-right">{row.original.decile ?? <Blank />}</span>,
      },
      {
        id: "preferredChannel",
        header: "Prefers",
        cell: ({ row }) =>
          row.original.preferredChannel ? (
            <span className="inline-flex items-center gap-1 whitespace-nowrap">
              <ChannelIcon channel={row.original.preferredChannel} className="size-3.5 text-slate-500" />
              {channelName(row.original.preferredChannel)}
            </span>
          ) : (
            <Blank />
          ),
      },
      {
        id: "tags",
        header: "Tags",
        cell: ({ row }) =>
          row.original.tags.length ? (
            <div className="flex max-w-48 flex-wrap gap-1">
              {row.original.tags.map((t) => (
                <Badge key={t} tone="neutral">
                  {t}
                </Badge>
              ))}
            </div>
          ) : (
            <Blank />
          ),
      },
      {
        id: "adoption",
        header: "Adoption",
        cell: ({ row }) =>
          row.original.adoption.length ? (
            <ul className="grid gap-0.5 text-xs whitespace-nowrap">
              {row.original.adoption.map((a) => (
                <li key={a.product}>
                  {a.product}: <strong className="font-medium">{STAGE_TITLES[a.stage]}</strong>
                </li>
              ))}
            </ul>
          ) : (
            <Blank />
          ),
      },
      { id: "consent", header: "Consent", cell: ({ row }) => <ConsentIcons consent={row.original.consent} /> },
      {
        id: "lastCall",
        header: "Last call",
        cell: ({ row }) =>
          row.original.lastCallAt ? (
            <span className="whitespace-nowrap">{dateOnly(row.original.lastCallAt)}</span>
          ) : (
            <span className="text-slate-400">Never</span>
          ),
      },
      {
        id: "nextTask",
        header: "Next task",
        cell: ({ row: { original: a } }) =>
          a.nextTask ? (
            <div className="max-w-48">
              <p className="truncate" title={a.nextTask.title}>
                {a.nextTask.title}
              </p>
              {a.nextTask.dueDate ? (
                <p className={cn("text-xs", a.nextTask.dueDate < today ? "text-red-600" : "text-slate-500")}>
                  {a.nextTask.dueDate < today ? "Overdue · " : "Due "}
                  {dateOnly(new Date(`${a.nextTask.dueDate}T12:00:00Z`))}
                </p>
              ) : null}
            </div>
          ) : (
            <Blank />
          ),
      },
      {
        id: "edit",
        header: () => <span className="sr-only">Edit</span>,
        cell: ({ row }) => (
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Edit ${row.original.name}`}
            aria-expanded={editing === row.original.npi}
            onClick={() => setEditing((e) => (e === row.original.npi ? null : row.original.npi))}
          >
            <Pencil aria-hidden />
          </Button>
        ),
      },
    ],
    // The checkboxes and the open editor are drawn from state; the columns follow them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selected, editing, allOnPage, data, today],
  );
  // TanStack Table hands back fresh functions each render; the React Compiler leaves this component unmemoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: data.items,
    columns: columns.map((c) => ({ ...c, enableSorting: SORTABLE.has(c.id!) })),
    state: { sorting: [sort] },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const [next] = typeof updater === "function" ? updater([sort]) : updater;
      if (next) onSort(next.id as AccountSort, next.desc ? "desc" : "asc");
    },
    getRowId: (a) => a.npi,
    getCoreRowModel: getCoreRowModel(),
  });
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const first = data.total === 0 ? 0 : (data.page - 1) * data.pageSize + 1;

  if (data.total === 0)
    return (
      <Card>
        <EmptyState
          icon={<Contact />}
          title={filtered ? "No account matches these filters" : "No accounts yet"}
          description={
            filtered
              ? "Clear a filter or search for another name."
              : "Accounts are the physicians practising in your territories' ZIP codes. Ask your admin to assign you a territory."
          }
        />
      </Card>
    );
  if (data.items.length === 0)
    return (
      <Card>
        <EmptyState
          icon={<Contact />}
          title={`This list has ${pages} ${pages === 1 ? "page" : "pages"}`}
          description="The page in the address is past its end."
          action={
            <Button size="sm" onClick={() => onPage(1)}>
              Go to the first page
            </Button>
          }
        />
      </Card>
    );
  return (
    <div className="grid gap-3">
      {selected.size > 0 ? (
        <BulkEditBar
          selected={selected}
          total={data.total}
          filters={filters}
          vocabulary={vocabulary}
          onSelect={setSelected}
        />
      ) : null}
      <Card className="overflow-hidden" aria-busy={refreshing || undefined}>
        <div className="overflow-x-auto">
          <Table aria-label="Accounts">
            <SortableHeader table={table} />
            <TableBody>
              {table.getRowModel().rows.map((row) => (
                <Fragment key={row.id}>
                  <TableRow data-testid="account" data-state={selected.has(row.id) ? "selected" : undefined}>
                    {row.getVisibleCells().map((cell) => (
                      <TableCell key={cell.id} className="align-top">
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </TableCell>
                    ))}
                  </TableRow>
                  {editing === row.id ? (
                    <TableRow>
                      <TableCell colSpan={columns.length} className="bg-slate-50">
                        <AccountEditor account={row.original} vocabulary={vocabulary} onDone={() => setEditing(null)} />
                      </TableCell>
                    </TableRow>
                  ) : null}
                </Fragment>
              ))}
            </TableBody>
          </Table>
        </div>
        <nav
          aria-label="Pages"
          className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-4 py-2 text-sm text-slate-600"
        >
          <span>
            {first.toLocaleString("en-US")}–{(first + data.items.length - 1).toLocaleString("en-US")} of{" "}
            {data.total.toLocaleString("en-US")}
            {refreshing ? <Spinner className="ml-2 inline size-3.5" /> : null}
          </span>
          <div className="flex items-center gap-2">
            <Select
              aria-label="Accounts per page"
              value={data.pageSize}
              onChange={(e) => onPageSize(Number(e.target.value))}
              className="h-8 w-auto"
            >
              {[25, 50, 100].map((n) => (
                <option key={n} value={n}>
                  {n} a page
                </option>
              ))}
            </Select>
            <Button size="sm" variant="secondary" disabled={data.page <= 1} onClick={() => onPage(data.page - 1)}>
              Previous
            </Button>
            <span>
              Page {data.page} of {pages}
            </span>
            <Button size="sm" variant="secondary" disabled={data.page >= pages} onClick={() => onPage(data.page + 1)}>
              Next
            </Button>
          </div>
        </nav>
      </Card>
    </div>
  );
}

function Blank() {
  return <span className="text-slate-300">—</span>;
}

function ConsentIcons({ consent }: { consent: Account["consent"] }) {
  return (
    <div className="flex gap-1.5">
      {CONSENT_SHOWN.map(({ channel, Icon }) => {
        const status = consent[channel];
        const said = status === "granted" ? "opted in" : status === "revoked" ? "opted out" : "no record";
        return (
          <span key={channel} title={`${channelName(channel)}: ${said} (all products)`} className="relative">
            <Icon
              aria-hidden
              className={cn(
                "size-4",
                status === "granted" ? "text-emerald-600" : status === "revoked" ? "text-red-500" : "text-slate-300",
              )}
            />
            {status === "revoked" ? (
              <span aria-hidden className="absolute top-1/2 left-0 h-px w-4 -rotate-45 bg-red-500" />
            ) : null}
            <span className="sr-only">
              {channelName(channel)}: {said}.
            </span>
          </span>
        );
      })}
    </div>
  );
}
