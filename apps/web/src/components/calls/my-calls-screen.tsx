"use client";

import { useQuery } from "@tanstack/react-query";
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { saveBlob } from "~/lib/download";
import { channelName } from "~/lib/labels";
import { fieldErrorsOf, messageOf, useTRPC } from "~/trpc/react";
import { Download, PhoneCall, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { parseAsArrayOf, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useMemo, useState } from "react";

import { CALL_CHANNELS } from "@pharmacrm/domain/channels";
import {
  Badge,
  Button,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  Input,
  Label,
  Select,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from "@pharmacrm/ui";

import { SortableHeader } from "../data-table/sortable-head";
import { CALL_COLUMNS, callsCsv, callsExcel, type Call, type CallColumn } from "./calls-export";

const LIMIT = 500;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const OPTIONAL: CallColumn[] = ["npi", "products", "samples", "notes"];
const STATUSES = ["all", "submitted", "draft"] as const;
/** A draft this many days after its call is flagged: it counts nowhere until submitted. */
const STALE_DRAFT_DAYS = 7;

/** The rep's own calls: filters and columns kept in the URL (a view to bookmark or share), sort, CSV and Excel. */
export function MyCallsScreen() {
  const trpc = useTRPC();
  const [params, setParams] = useQueryStates(
    {
      from: parseAsString.withDefault(day(-29)),
      to: parseAsString.withDefault(day(0)),
      channel: parseAsStringLiteral(CALL_CHANNELS),
      product: parseAsString,
      npi: parseAsString,
      status: parseAsStringLiteral(STATUSES).withDefault("all"),
      hide: parseAsArrayOf(parseAsStringLiteral(OPTIONAL)).withDefault([]),
    },
    { history: "replace" },
  );
  const products = useQuery(trpc.viewer.products.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const npi = params.npi && /^\d{10}$/.test(params.npi) ? params.npi : undefined;
  const backwards = params.from > params.to;
  const calls = useQuery({
    ...trpc.interaction.mine.queryOptions({
      from: params.from,
      to: params.to,
      channel: params.channel ?? undefined,
      product: params.product ?? undefined,
      npi,
      status: params.status,
      limit: LIMIT,
    }),
    enabled: !backwards,
  });
  const columns = (Object.keys(CALL_COLUMNS) as CallColumn[]).filter((c) => !params.hide.includes(c));

  return (
    <div className="grid gap-4">
      <div>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold text-slate-900">My calls</h1>
          <Link href="/samples" className="text-sm text-brand-700 hover:underline">
            Sample stock
          </Link>
        </div>
        <p className="mt-1 text-sm text-slate-500">
          The calls you logged and your drafts, newest first. The filters and columns are in the address: bookmark a
          view to come back to it.
        </p>
      </div>
      <Card className="flex flex-wrap items-end gap-3 p-4" role="search" aria-label="Filter my calls">
        <div>
          <Label htmlFor="calls-from">From</Label>
          <Input
            id="calls-from"
            type="date"
            value={params.from}
            onChange={(e) => void setParams({ from: e.target.value || null })}
          />
        </div>
        <div>
          <Label htmlFor="calls-to">To</Label>
          <Input
            id="calls-to"
            type="date"
            value={params.to}
            onChange={(e) => void setParams({ to: e.target.value || null })}
          />
        </div>
        <div>
          <Label htmlFor="calls-status">Status</Label>
          <Select
            id="calls-status"
            value={params.status}
            onChange={(e) => void setParams({ status: e.target.value as (typeof STATUSES)[number] })}
          >
            <option value="all">Drafts and submitted</option>
            <option value="submitted">Submitted</option>
            <option value="draft">Drafts</option>
          </Select>
        </div>
        <div>
          <Label htmlFor="calls-channel">Channel</Label>
          <Select
            id="calls-channel"
            value={params.channel ?? ""}
            onChange={(e) =>
              void setParams({ channel: (e.target.value || null) as (typeof CALL_CHANNELS)[number] | null })
            }
          >
            <option value="">Any</option>
            {CALL_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelName(c)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="calls-product">Product</Label>
          <Select
            id="calls-product"
            value={params.product ?? ""}
            onChange={(e) => void setParams({ product: e.target.value || null })}
          >
            <option value="">Any</option>
            {(products.data ?? []).map((p) => (
              <option key={p.id} value={p.name}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="calls-npi">Physician's NPI</Label>
          <Input
            id="calls-npi"
            inputMode="numeric"
            className="w-36"
            value={params.npi ?? ""}
            aria-invalid={params.npi && !npi ? true : undefined}
            onChange={(e) => void setParams({ npi: e.target.value.trim() || null })}
          />
        </div>
        <fieldset className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <legend className="sr-only">Columns</legend>
          {OPTIONAL.map((c) => (
            <label key={c} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={!params.hide.includes(c)}
                onChange={(e) =>
                  void setParams({
                    hide: e.target.checked ? params.hide.filter((h) => h !== c) : [...params.hide, c],
                  })
                }
              />
              {CALL_COLUMNS[c].title}
            </label>
          ))}
        </fieldset>
      </Card>
      {params.npi && !npi ? (
        <p className="text-sm text-red-600">An NPI is 10 digits; the list ignores it until then.</p>
      ) : null}
      {backwards ? (
        <Card>
          <ErrorState
            icon={<TriangleAlert />}
            title="The dates are the wrong way round"
            message="The period's first day must not be after its last."
          />
        </Card>
      ) : calls.isError && !calls.data ? (
        <Card>
          <ErrorState
            icon={<TriangleAlert />}
            title="Could not load your calls"
            message={Object.values(fieldErrorsOf(calls.error)).flat().join(" ") || messageOf(calls.error)}
            onRetry={() => void calls.refetch()}
          />
        </Card>
      ) : calls.isPending ? (
        <Card className="space-y-2 p-4" role="status">
          <span className="sr-only">Loading your calls…</span>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </Card>
      ) : (
        <CallsTable calls={calls.data.calls} total={calls.data.total} columns={columns} />
      )}
    </div>
  );
}

function CallsTable({ calls, total, columns }: { calls: Call[]; total: number; columns: CallColumn[] }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [exporting, setExporting] = useState<"idle" | "writing" | "failed">("idle");
  const definitions = useMemo<ColumnDef<Call>[]>(
    () =>
      (Object.keys(CALL_COLUMNS) as CallColumn[]).map((id) => ({
        id,
        header: CALL_COLUMNS[id].title,
        accessorFn: (c) => CALL_COLUMNS[id].text(c),
        enableSorting: id === "occurredAt" || id === "physician" || id === "channel" || id === "status",
        cell: ({ row }) => {
          const c = row.original;
          if (id === "occurredAt")
            return (
              <Link href={`/calls/${c.id}`} className="text-brand-700 hover:underline">
                {new Date(c.occurredAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
              </Link>
            );
          if (id === "status") {
            if (c.status === "submitted") return <Badge tone="neutral">Submitted</Badge>;
            const stale = Date.now() - new Date(c.occurredAt).getTime() > STALE_DRAFT_DAYS * 86_400_000;
            return (
              <Badge
                tone={stale ? "danger" : "warning"}
                title={stale ? "Not submitted within a week of the call" : undefined}
              >
                {stale ? `Draft · over ${STALE_DRAFT_DAYS} days` : "Draft"}
              </Badge>
            );
          }
          if (id === "physician")
            return (
              <Link href={`/physicians/${c.npi}`} className="font-medium text-brand-700 hover:underline">
                {c.physician}
              </Link>
            );
          if (id === "notes") return <span className="line-clamp-2 max-w-md text-slate-600">{c.notes}</span>;
          return CALL_COLUMNS[id].text(c) || <span className="text-slate-400">—</span>;
        },
      })),
    [],
  );
  const visibility: VisibilityState = Object.fromEntries(
    (Object.keys(CALL_COLUMNS) as CallColumn[]).map((c) => [c, columns.includes(c)]),
  );
  // TanStack Table hands back fresh functions each render; the React Compiler leaves this component unmemoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: calls,
    columns: definitions,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    getRowId: (c) => c.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const shown = table.getRowModel().rows.map((r) => r.original);
  const drafts = calls.filter((c) => c.status === "draft").length;
  const excel = async () => {
    setExporting("writing");
    try {
      const buffer = await callsExcel(shown, columns);
      saveBlob(
        new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
        "my-calls.xlsx",
      );
      setExporting("idle");
    } catch {
      setExporting("failed");
    }
  };

  if (calls.length === 0)
    return (
      <Card>
        <EmptyState
          icon={<PhoneCall />}
          title="No calls in this period"
          description="Widen the dates or clear a filter. Calls are logged from a physician's page or with the copilot."
        />
      </Card>
    );
  return (
    <Card className="overflow-hidden" aria-labelledby="calls-title">
      <CardHeader>
        <div>
          <CardTitle id="calls-title">
            {total.toLocaleString("en-US")} {total === 1 ? "call" : "calls"}
            {drafts > 0 ? (
              <span className="ml-2 text-sm font-normal text-amber-700">{drafts} not submitted</span>
            ) : null}
          </CardTitle>
          <CardDescription>
            {total > calls.length
              ? `The newest ${calls.length} shown; narrow the dates to see the rest.`
              : "All shown."}
          </CardDescription>
        </div>
        <div className="flex gap-2">
          <Button
            size="sm"
            variant="secondary"
            onClick={() =>
              saveBlob(new Blob([callsCsv(shown, columns)], { type: "text/csv;charset=utf-8" }), "my-calls.csv")
            }
          >
            <Download aria-hidden /> CSV
          </Button>
          <Button size="sm" variant="secondary" disabled={exporting === "writing"} onClick={() => void excel()}>
            <Download aria-hidden /> {exporting === "failed" ? "Excel failed — retry" : "Excel"}
          </Button>
        </div>
      </CardHeader>
      <Table aria-label="My calls">
        <SortableHeader table={table} />
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow key={row.id} data-testid="my-call">
              {row.getVisibleCells().map((cell) => (
                <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
