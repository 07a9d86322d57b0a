import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@pharmacrm/ui";

/** An import's rows set aside: the line, the column and the reason (never the cell's content). */
export function SetAsideTable({ rows }: { rows: readonly { line: number; column: string; reason: string }[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="max-h-64 overflow-auto rounded-md ring-1 ring-slate-200">
      <Table aria-label="Rows set aside">
        <TableHeader>
          <TableRow>
            <TableHead>Line</TableHead>
            <TableHead>Column</TableHead>
            <TableHead>Reason</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={`${row.line}-${row.column}`}>
              <TableCell className="tabular-nums">{row.line}</TableCell>
              <TableCell>{row.column}</TableCell>
              <TableCell>{row.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
