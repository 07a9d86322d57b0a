"use client";

import { useId, useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { Label, Select } from "@pharmacrm/ui";

import { CHART_COLORS, OTHER_COLOR } from "./chart-colors";
import { formatCount, formatShare } from "./figures";
import type { HcpPrescribing } from "./types";

const ALL = "all";
/** The chart stacks this many drugs by claims; the rest are one "Other" band. */
const MAX_BANDS = 6;

type Row = HcpPrescribing["rows"][number];
const label = (r: Pick<Row, "brandName" | "genericName">) =>
  r.brandName === r.genericName ? r.brandName : `${r.brandName} (${r.genericName.toLowerCase()})`;

function chartData(prescribing: HcpPrescribing, marketId: string) {
  const market = prescribing.markets.find((m) => m.id === marketId);
  const members = market ? new Set(market.drugs.map((d) => label(d))) : null;
  const rows = prescribing.rows.filter((r) => !members || members.has(label(r)));
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(label(r), (totals.get(label(r)) ?? 0) + r.claims);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const bands = ranked.length > MAX_BANDS ? [...ranked.slice(0, MAX_BANDS - 1), "Other"] : ranked;
  const data = prescribing.years.map((year) => {
    const point: Record<string, number | null> = { year };
    for (const r of rows.filter((x) => x.year === year)) {
      const band = bands.includes(label(r)) ? label(r) : "Other";
      point[band] = (point[band] ?? 0) + r.claims;
    }
    if (market) point.share = market.years.find((y) => y.year === year)?.share ?? null;
    return point;
  });
  return { data, bands, market };
}

/** Claims by year stacked by drug; for one of the org's markets, with the org's share as a line. */
export function PrescribingChart({ prescribing }: { prescribing: HcpPrescribing }) {
  const id = useId();
  // Open on the market this HCP writes most in; "All drugs" when they write none of the org's markets.
  const claimsIn = (m: HcpPrescribing["markets"][number]) => m.years.reduce((sum, y) => sum + y.marketClaims, 0);
  const busiest = [...prescribing.markets].sort((a, b) => claimsIn(b) - claimsIn(a))[0];
  const [marketId, setMarketId] = useState(busiest && claimsIn(busiest) > 0 ? busiest.id : ALL);
  const { data, bands, market } = chartData(prescribing, marketId);
  return (
    <div data-testid="prescribing-chart">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-500">
          Part D claims by year{market ? ` in ${market.name}, with your brands' share` : ", all drugs"}
        </p>
        <div className="flex items-center gap-2">
          <Label htmlFor={`${id}-market`} className="text-xs text-slate-500">
            Show
          </Label>
          <Select
            id={`${id}-market`}
            value={marketId}
            onChange={(e) => setMarketId(e.target.value)}
            className="h-8 w-56 text-xs"
          >
            {prescribing.markets.map((m) => (
              <option key={m.id} value={m.id}>
                Market: {m.name}
              </option>
            ))}
            <option value={ALL}>All drugs</option>
          </Select>
        </div>
      </div>
      {data.every((d) => bands.every((b) => d[b] == null)) ? (
        <p className="flex h-64 items-center justify-center rounded-md border border-dashed border-slate-200 text-sm text-slate-500">
          No published claims for this market&apos;s drugs.
        </p>
      ) : (
        <ResponsiveContainer width="100%" height={256}>
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="year" tickLine={false} axisLine={false} fontSize={12} />
            <YAxis
              yAxisId="claims"
              tickFormatter={formatCount}
              tickLine={false}
              axisLine={false}
              fontSize={12}
              width={48}
            />
            {market ? (
              <YAxis
                yAxisId="share"
                orientation="right"
                domain={[0, 1]}
                tickFormatter={(v: number) => formatShare(v)}
                tickLine={false}
                axisLine={false}
                fontSize={12}
                width={44}
              />
            ) : null}
            <Tooltip
              formatter={(value, name) =>
                name === "Your share" ? formatShare(Number(value)) : formatCount(Number(value))
              }
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {bands.map((band, i) => (
              <Bar
                key={band}
                yAxisId="claims"
                dataKey={band}
                stackId="claims"
                fill={band === "Other" ? OTHER_COLOR : CHART_COLORS[i % CHART_COLORS.length]}
                isAnimationActive={false}
              />
            ))}
            {market ? (
              <Line
                yAxisId="share"
                dataKey="share"
                name="Your share"
                stroke="#0f172a"
                strokeWidth={2}
                dot
                connectNulls={false}
                isAnimationActive={false}
              />
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
