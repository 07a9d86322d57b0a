"use client";

import { flexRender, getCoreRowModel, getExpandedRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { LocalDateTime } from "~/components/local-time";
import type { RouterOutputs } from "~/trpc/react";
import { ChevronDown, ChevronRight } from "lucide-react";
import Link from "next/link";
import { Fragment } from "react";

import { NPI_PATTERN } from "@pharmacrm/domain/validation";
import { Badge, Button, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@pharmacrm/ui";

import { AuditChanges } from "./audit-changes";

export type AuditTrailEvent = RouterOutputs["audit"]["list"]["items"][number];

/** Records keyed by NPI open the physician's page. */
const NPI_RECORDS = new Set(["hcp", "hcp_attribute"]);

const columns: ColumnDef<AuditTrailEvent>[] = [
  {
    id: "expand",
    header: () => <span className="sr-only">Details</span>,
    cell: ({ row }) => (
      <Button
        variant="ghost"
        size="icon"
        onClick={row.getToggleExpandedHandler()}
        aria-expanded={row.getIsExpanded()}
        aria-label={`${row.getIsExpanded() ? "Hide" : "Show"} the changes of event ${row.original.seq}`}
      >
        {row.getIsExpanded() ? <ChevronDown aria-hidden /> : <ChevronRight aria-hidden />}
      </Button>
    ),
  },
  {
    accessorKey: "seq",
    header: "#",
    cell: ({ getValue }) => <span className="font-mono text-xs tabular-nums">{getValue<number>()}</span>,
  },
  {
    accessorKey: "occurredAt",
    header: "Time",
    cell: ({ row }) => (
      <span className="text-xs whitespace-nowrap">
        <LocalDateTime value={row.original.occurredAt} />
      </span>
    ),
  },
  {
    id: "person",
    header: "Person",
    cell: ({ row }) =>
      row.original.actorId ? (
        <div>
          <p className="text-slate-900">{row.original.actorName}</p>
          <p className="text-xs text-slate-500">{row.original.actorEmail}</p>
        </div>
      ) : (
        <span className="text-xs text-slate-500">System</span>
      ),
  },
  {
    accessorKey: "action",
    header: "Action",
    cell: ({ getValue }) => (
      <Badge tone={getValue<string>() === "person.erase" ? "danger" : "neutral"} className="font-mono">
        {getValue<string>()}
      </Badge>
    ),
  },
  {
    id: "record",
    header: "Record",
    cell: ({ row }) => {
      const { entityType, entityId } = row.original;
      return (
        <div className="text-xs">
          <p className="text-slate-500">{entityType}</p>
          {NPI_RECORDS.has(entityType) && NPI_PATTERN.test(entityId) ? (
            <Link href={`/physicians/${entityId}`} className="font-mono text-brand-700 hover:underline">
              {entityId}
            </Link>
          ) : (
            <p className="max-w-48 truncate font-mono" title={entityId}>
              {entityId}
            </p>
          )}
        </div>
      );
    },
  },
  {
    id: "changes",
    header: "Changes",
    cell: ({ row }) => {
      const fields = row.original.changes.map((c) => c.field);
      if (fields.length === 0) return <span className="text-xs text-slate-400">none recorded</span>;
      const shown = fields.slice(0, 4).join(", ");
      return (
        <span className="text-xs text-slate-600">
          {shown}
          {fields.length > 4 ? ` and ${fields.length - 4} more` : ""}
        </span>
      );
    },
  },
];

/** One row per event; a row opens to show its changes field by field and its place in the hash chain. */
export function AuditTrailTable({ events }: { events: AuditTrailEvent[] }) {
  // TanStack Table hands back fresh functions each render; the React Compiler leaves this component unmemoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: events,
    columns,
    getRowId: (e) => String(e.id),
    getRowCanExpand: () => true,
    getCoreRowModel: getCoreRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
    manualPagination: true,
  });
  return (
    <Table>
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => (
              <TableHead key={header.id}>
                {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
              </TableHead>
            ))}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <Fragment key={row.id}>
            <TableRow data-testid="audit-trail-row">
              {row.getVisibleCells().map((cell) => (
                <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
              ))}
            </TableRow>
            {row.getIsExpanded() ? (
              <TableRow className="bg-slate-50/60">
                <TableCell colSpan={columns.length} className="space-y-2 py-3">
                  <AuditChanges changes={row.original.changes} />
                  <p className="font-mono text-[11px] break-all text-slate-500">
                    event id {row.original.id} · hash {row.original.hash}
                    {row.original.prevHash
                      ? ` · follows ${row.original.prevHash.slice(0, 16)}…`
                      : " · first event of the chain"}
                  </p>
                </TableCell>
              </TableRow>
            ) : null}
          </Fragment>
        ))}
      </TableBody>
    </Table>
  );
}
