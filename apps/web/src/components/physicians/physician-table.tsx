"use client";

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, MapPin } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { Badge, cn, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@pharmacrm/ui";
import type { RouterOutputs } from "~/trpc/react";
import { sortKeys, type DirectoryParams, type SortKey } from "./directory-params";

export type PhysicianRow = RouterOutputs["hcp"]["list"]["items"][number];

const isSortKey = (id: string): id is SortKey => (sortKeys as readonly string[]).includes(id);

const column = createColumnHelper<PhysicianRow>();

// Accessor columns (ids = the API's sort keys) are what TanStack Table lets sort.
function columnsFor(showTerritoryBadge: boolean) {
  return [
    column.accessor("npi", {
      header: "NPI",
      enableSorting: false,
      cell: ({ row }) => <span className="font-mono text-xs text-slate-500 tabular-nums">{row.original.npi}</span>,
    }),
    column.accessor("name", {
      header: "Name",
      cell: ({ row }) => (
        <div className="flex items-center gap-2">
          <Link
            href={`/physicians/${row.original.npi}`}
            className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
            onClick={(e) => e.stopPropagation()}
          >
            {row.original.name}
          </Link>
          {row.original.credential ? <span className="text-xs text-slate-500">{row.original.credential}</span> : null}
          {showTerritoryBadge && row.original.inMyTerritories ? (
            <Badge tone="brand" title="Practises in one of your territories">
              <MapPin aria-hidden /> My territory
            </Badge>
          ) : null}
        </div>
      ),
    }),
    column.accessor("specialty", {
      header: "Specialty",
      cell: ({ row }) =>
        row.original.specialty ? (
          <span className="text-slate-800">
            {row.original.specialty}
            {row.original.specialization ? <span className="text-slate-500"> · {row.original.specialization}</span> : null}
          </span>
        ) : (
          <span className="text-slate-400">—</span>
        ),
    }),
    column.accessor("city", { header: "City", cell: ({ row }) => <span className="capitalize">{row.original.city?.toLowerCase() ?? "—"}</span> }),
    column.accessor("state", { header: "State", cell: ({ row }) => row.original.state ?? "—" }),
  ];
}

interface PhysicianTableProps {
  rows: PhysicianRow[];
  params: DirectoryParams;
  setParams: (next: Partial<DirectoryParams>) => void;
  showTerritoryBadge: boolean;
  /** Placeholder rows from the previous page are on screen while the next one loads. */
  stale: boolean;
}

export function PhysicianTable({ rows, params, setParams, showTerritoryBadge, stale }: PhysicianTableProps) {
  const router = useRouter();
  const columns = useMemo(() => columnsFor(showTerritoryBadge), [showTerritoryBadge]);
  const sorting: SortingState = [{ id: params.sort, desc: params.dir === "desc" }];

  // Sorting and paging happen in the database; the table only renders and reports clicks.
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is not compiler-memoisable; this component does not rely on it
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.npi,
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = (typeof updater === "function" ? updater(sorting) : updater)[0];
      if (next && isSortKey(next.id)) setParams({ sort: next.id, dir: next.desc ? "desc" : "asc" });
    },
  });

  return (
    <Table className={cn("transition-opacity", stale && "opacity-60")} aria-busy={stale}>
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const label = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <TableHead
                  key={header.id}
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  className={cn(header.id === "npi" && "w-32", header.id === "state" && "w-20")}
                >
                  {header.column.getCanSort() ? (
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className={cn(
                        "-mx-1 inline-flex cursor-pointer items-center gap-1 rounded px-1 uppercase hover:text-slate-900",
                        sorted && "text-slate-900",
                      )}
                    >
                      {label}
                      {sorted === "asc" ? (
                        <ArrowUp className="size-3.5" aria-hidden />
                      ) : sorted === "desc" ? (
                        <ArrowDown className="size-3.5" aria-hidden />
                      ) : (
                        <ArrowUpDown className="size-3.5 text-slate-300" aria-hidden />
                      )}
                    </button>
                  ) : (
                    label
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <TableRow
            key={row.id}
            data-testid="physician-row"
            className="cursor-pointer hover:bg-slate-50"
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey || window.getSelection()?.toString()) return;
              router.push(`/physicians/${row.original.npi}`);
            }}
          >
            {row.getVisibleCells().map((cell) => (
              <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
