import { Badge, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@pharmacrm/ui";

import { formatCount, formatMoney, SUPPRESSED_LABEL } from "./figures";
import type { HcpPrescribing } from "./types";

type Row = HcpPrescribing["rows"][number];

function Suppressed({ why, label = SUPPRESSED_LABEL }: { why: string; label?: string }) {
  return (
    <span className="text-amber-700 italic" title={why} data-testid="suppressed-cell">
      {label}
    </span>
  );
}

function Ge65Claims({ row }: { row: Row }) {
  if (row.ge65Suppression === "*") return <Suppressed why="CMS suppresses counts of 1–10." />;
  if (row.ge65Suppression === "#")
    return (
      <Suppressed
        label="suppressed (protects <11)"
        why="CMS withholds this so that a small under-65 count (1–10) cannot be worked out from it."
      />
    );
  return row.ge65Claims == null ? <span className="text-slate-400">—</span> : <>{formatCount(row.ge65Claims)}</>;
}

/** Every published drug row, newest year first, heaviest drug first; suppressed cells say so. */
export function PrescribingTable({ rows }: { rows: Row[] }) {
  const sorted = [...rows].sort((a, b) => b.year - a.year || b.claims - a.claims);
  return (
    <div className="max-h-96 overflow-y-auto rounded-md border border-slate-100">
      <Table data-testid="prescribing-table">
        <TableHeader className="sticky top-0">
          <TableRow>
            <TableHead>Year</TableHead>
            <TableHead>Drug</TableHead>
            <TableHead className="text-right">Claims</TableHead>
            <TableHead className="text-right">30-day fills</TableHead>
            <TableHead className="text-right">Drug cost</TableHead>
            <TableHead className="text-right">Beneficiaries</TableHead>
            <TableHead className="text-right">65+ claims</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((r) => (
            <TableRow key={`${r.year}-${r.brandName}-${r.genericName}`}>
              <TableCell className="text-slate-500">{r.year}</TableCell>
              <TableCell>
                <div className="flex items-center gap-2">
                  <span className="text-slate-900">{r.brandName}</span>
                  {r.isOwn ? (
                    <Badge tone="brand">Your brand</Badge>
                  ) : r.markets.length > 0 ? (
                    <Badge tone="neutral">In your market</Badge>
                  ) : null}
                </div>
                {r.genericName !== r.brandName ? (
                  <div className="text-xs text-slate-500">{r.genericName.toLowerCase()}</div>
                ) : null}
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatCount(r.claims)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {r.fills30Day == null ? "—" : formatCount(r.fills30Day)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {r.drugCost == null ? "—" : formatMoney(r.drugCost)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {r.beneficiaries == null ? (
                  <Suppressed why="CMS suppresses beneficiary counts of 1–10." />
                ) : (
                  formatCount(r.beneficiaries)
                )}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <Ge65Claims row={r} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
