"use client";

import { CHART_COLORS } from "~/components/hcp/chart-colors";
import { numberFormat } from "~/lib/format";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { TrendBarsProps } from "./trend-bars";

/** The recharts half of TrendBars, loaded only when a card has a chart to show. */
export default function TrendBarsChart({ rows, beforeLabel, afterLabel, title }: TrendBarsProps) {
  return (
    <figure className="h-44 w-full" aria-label={title} data-testid="trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 10 }} interval={0} tickLine={false} />
          <YAxis
            tick={{ fontSize: 10 }}
            tickFormatter={(v: number) => numberFormat.format(v)}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip formatter={(v) => (typeof v === "number" ? numberFormat.format(v) : String(v ?? "unknown"))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Bar dataKey="before" name={beforeLabel} fill={CHART_COLORS[0]} radius={[2, 2, 0, 0]} />
          <Bar dataKey="after" name={afterLabel} fill={CHART_COLORS[1]} radius={[2, 2, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
