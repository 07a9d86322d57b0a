import type { RouterOutputs } from "~/trpc/react";

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@pharmacrm/ui";

type FieldChange = RouterOutputs["audit"]["list"]["items"][number]["changes"][number];

function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">empty</span>;
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 1);
  return <span className="font-mono text-[11px] break-words whitespace-pre-wrap">{text}</span>;
}

const kindLabel = { added: "set", removed: "cleared", changed: "changed" } as const;

/** Before and after, field by field: only what differs. */
export function AuditChanges({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0)
    return <p className="text-xs text-slate-500">No field values were recorded for this event.</p>;
  return (
    <Table className="text-xs" aria-label="Changes">
      <TableHeader>
        <TableRow>
          <TableHead>Field</TableHead>
          <TableHead>Before</TableHead>
          <TableHead>After</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {changes.map((c) => (
          <TableRow key={c.field}>
            <TableCell className="align-top font-medium whitespace-nowrap">
              {c.field} <span className="font-normal text-slate-400">· {kindLabel[c.kind]}</span>
            </TableCell>
            <TableCell className="max-w-sm bg-red-50/60 align-top">
              <Value value={c.before} />
            </TableCell>
            <TableCell className="max-w-sm bg-emerald-50/60 align-top">
              <Value value={c.after} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
