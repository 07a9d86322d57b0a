import { flexRender, type Header, type Table } from "@tanstack/react-table";
import { ArrowDown, ArrowUp } from "lucide-react";

import { TableHead, TableHeader, TableRow } from "@pharmacrm/ui";

/** Whether a column holds figures (right-aligned), from its `meta`. */
export const isNumericColumn = (meta: unknown) => (meta as { numeric?: boolean } | undefined)?.numeric === true;

/** A TanStack Table header cell: a button that sorts by the column (when it sorts), its order said to screen readers. */
export function SortableHead<T>({ header }: { header: Header<T, unknown> }) {
  const sorted = header.column.getIsSorted();
  const label = flexRender(header.column.columnDef.header, header.getContext());
  const canSort = header.column.getCanSort();
  return (
    <TableHead
      className={isNumericColumn(header.column.columnDef.meta) ? "text-right" : undefined}
      aria-sort={canSort ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
    >
      {canSort ? (
        <button
          type="button"
          className="inline-flex items-center gap-1 [text-transform:inherit] hover:text-slate-900"
          onClick={header.column.getToggleSortingHandler()}
        >
          {label}
          {sorted === "asc" ? <ArrowUp className="size-3" aria-hidden /> : null}
          {sorted === "desc" ? <ArrowDown className="size-3" aria-hidden /> : null}
        </button>
      ) : (
        label
      )}
    </TableHead>
  );
}

/** A TanStack table's header rows, each cell a SortableHead. */
export function SortableHeader<T>({ table }: { table: Table<T> }) {
  return (
    <TableHeader>
      {table.getHeaderGroups().map((group) => (
        <TableRow key={group.id}>
          {group.headers.map((header) => (
            <SortableHead key={header.id} header={header} />
          ))}
        </TableRow>
      ))}
    </TableHeader>
  );
}
