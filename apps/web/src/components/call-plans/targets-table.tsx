"use client";

import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { formatCalendarDate, formatPlaceName } from "~/lib/format";
import type { RouterOutputs } from "~/trpc/react";
import { Users } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";

import { Checkbox, EmptyState, Input, Label, Table, TableBody, TableCell, TableRow } from "@pharmacrm/ui";

import { isNumericColumn, SortableHeader } from "../data-table/sortable-head";
import { PlannedCallsCell } from "./planned-calls-cell";

type Target = RouterOutputs["callPlan"]["detail"]["targets"][number];

const numeric = "text-right tabular-nums";

/** The plan's targets: sortable, filtered by name, specialty or city; planners change planned calls in place. */
export function TargetsTable({ planId, targets, canPlan }: { planId: string; targets: Target[]; canPlan: boolean }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "remaining", desc: true }]);
  const [filter, setFilter] = useState("");
  const [behindOnly, setBehindOnly] = useState(false);
  const rows = useMemo(() => (behindOnly ? targets.filter((t) => t.remaining > 0) : targets), [targets, behindOnly]);

  const columns = useMemo<ColumnDef<Target>[]>(
    () => [
      {
        id: "name",
        header: "Physician",
        accessorFn: (t) => t.name,
        cell: ({ row }) => (
          <Link href={`/physicians/${row.original.npi}`} className="font-medium text-brand-700 hover:underline">
            {row.original.name}
          </Link>
        ),
      },
      { id: "specialty", header: "Specialty", accessorFn: (t) => t.specialty ?? "" },
      { id: "city", header: "City", accessorFn: (t) => formatPlaceName(t.city) },
      { id: "tier", header: "Tier", accessorFn: (t) => t.tier ?? "" },
      {
        id: "planned",
        header: "Planned",
        accessorFn: (t) => t.planned,
        meta: { numeric: true },
        cell: ({ row }) =>
          canPlan ? (
            <PlannedCallsCell
              key={`${row.original.npi}:${row.original.planned}`}
              planId={planId}
              npi={row.original.npi}
              name={row.original.name}
              planned={row.original.planned}
            />
          ) : (
            row.original.planned
          ),
      },
      { id: "actual", header: "Calls made", accessorFn: (t) => t.actual, meta: { numeric: true } },
      { id: "remaining", header: "Remaining", accessorFn: (t) => t.remaining, meta: { numeric: true } },
      {
        id: "lastCallAt",
        header: "Last call in cycle",
        accessorFn: (t) => t.lastCallAt ?? "",
        cell: ({ row }) => (row.original.lastCallAt ? formatCalendarDate(row.original.lastCallAt) : "—"),
      },
    ],
    [canPlan, planId],
  );

  // TanStack Table hands back fresh functions each render; the React Compiler leaves this component unmemoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (t) => t.npi,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    globalFilterFn: (row, _column, value: string) => {
      const needle = value.trim().toLowerCase();
      const t = row.original;
      return [t.name, t.specialty, t.city, t.npi].some((v) => v?.toLowerCase().includes(needle));
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  if (targets.length === 0) {
    return (
      <EmptyState
        icon={<Users />}
        title="No targets yet"
        description={
          canPlan
            ? "Set planned calls by tier, add physicians by NPI, or import a file above."
            : "Your manager has not set this plan's targets yet."
        }
      />
    );
  }
  const shown = table.getRowModel().rows;
  return (
    <div>
      <div className="flex flex-wrap items-center gap-4 border-b border-slate-100 px-4 py-3">
        <div className="w-72">
          <Label htmlFor="targets-filter" className="sr-only">
            Filter targets
          </Label>
          <Input
            id="targets-filter"
            type="search"
            placeholder="Filter by name, specialty, city or NPI"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <Checkbox checked={behindOnly} onChange={(event) => setBehindOnly(event.currentTarget.checked)} />
          Calls remaining only
        </label>
        <span className="text-sm text-slate-500" aria-live="polite">
          {shown.length} of {targets.length} shown
        </span>
      </div>
      <Table aria-label="Targets">
        <SortableHeader table={table} />
        <TableBody>
          {shown.length === 0 ? (
            <TableRow>
              <TableCell colSpan={columns.length} className="py-6 text-center text-sm text-slate-500">
                No target matches the filter.
              </TableCell>
            </TableRow>
          ) : (
            shown.map((row) => (
              <TableRow key={row.id} data-testid="plan-target">
                {row.getVisibleCells().map((cell) => (
                  <TableCell
                    key={cell.id}
                    className={isNumericColumn(cell.column.columnDef.meta) ? numeric : undefined}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
