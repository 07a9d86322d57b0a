import { flexRender, type Header } from "@tanstack/react-table";
import { ArrowDown, ArrowUp } from "lucide-react";

import { TableHead } from "@pharmacrm/ui";

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
          className="inline-flex items-center gap-1 hover:text-slate-900"
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
