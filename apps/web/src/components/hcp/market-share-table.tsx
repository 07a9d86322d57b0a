import { TrendingDown, TrendingUp } from "lucide-react";

import { Badge, cn, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@pharmacrm/ui";

import { formatChange, formatCount, formatPoints, formatShare } from "./figures";
import type { HcpPrescribing } from "./types";

type Market = HcpPrescribing["markets"][number];

function Trend({ points }: { points: number | null }) {
  if (points == null || points === 0) return <span className="text-slate-400">{formatPoints(points)}</span>;
  const Icon = points > 0 ? TrendingUp : TrendingDown;
  return (
    <span className={cn("inline-flex items-center gap-1", points > 0 ? "text-emerald-700" : "text-red-700")}>
      <Icon className="size-3.5" aria-hidden /> {formatPoints(points)}
    </span>
  );
}

/** One of the org's markets as this HCP writes it: market claims, the org's brands, share and its trend. */
export function MarketShareTable({ market }: { market: Market }) {
  const own = market.drugs.filter((d) => d.isOwn).map((d) => d.brandName);
  return (
    <div data-testid="market-share">
      <h3 className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
        {market.name}
        {market.therapeuticArea ? (
          <span className="text-xs font-normal text-slate-500">{market.therapeuticArea}</span>
        ) : null}
        {own.map((b) => (
          <Badge key={b} tone="brand">
            {b}
          </Badge>
        ))}
      </h3>
      <p className="mt-0.5 text-xs text-slate-500">Market drugs: {market.drugs.map((d) => d.brandName).join(", ")}</p>
      {market.years.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No published Part D claims in any loaded year.</p>
      ) : (
        <Table className="mt-2">
          <TableHeader>
            <TableRow>
              <TableHead>Year</TableHead>
              <TableHead className="text-right">Market claims</TableHead>
              <TableHead className="text-right">Change</TableHead>
              <TableHead className="text-right">Your brands</TableHead>
              <TableHead className="text-right">Change</TableHead>
              <TableHead className="text-right">Share</TableHead>
              <TableHead className="text-right">Share trend</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {market.years.map((y) => (
              <TableRow key={y.year}>
                <TableCell className="text-slate-900">{y.year}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(y.marketClaims)}</TableCell>
                <TableCell className="text-right text-slate-500 tabular-nums">
                  {formatChange(y.marketClaimsChange)}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(y.ownClaims)}</TableCell>
                <TableCell className="text-right text-slate-500 tabular-nums">
                  {formatChange(y.ownClaimsChange)}
                </TableCell>
                <TableCell className="text-right font-medium text-slate-900 tabular-nums">
                  {formatShare(y.share)}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  <Trend points={y.shareChangePoints} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
