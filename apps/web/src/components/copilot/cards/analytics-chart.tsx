"use client";

import { CHART_COLORS } from "~/components/hcp/chart-colors";
import { numberFormat } from "~/lib/format";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import type { AnalyticsChartProps } from "./analytics-figures";

const tick = { fontSize: 10 };

/**
 * The recharts half of the analytics card: bars for categories, a line for time (a forecast as its dashed
 * continuation). Figures are the card's table.
 */
export default function AnalyticsChart({ kind, data, series, title, format: figures }: AnalyticsChartProps) {
  const format = (v: unknown) =>
    typeof v !== "number"
      ? String(v ?? "—")
      : figures === "percent"
        ? `${numberFormat.format(Math.round(v * 1000) / 10)} %`
        : numberFormat.format(v);
  const axes = (
    <>
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="label" tick={tick} tickLine={false} interval="preserveStartEnd" />
      <YAxis tick={tick} tickFormatter={format} tickLine={false} axisLine={false} />
      <Tooltip formatter={format} />
      {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
    </>
  );
  return (
    <figure className="h-52 w-full" aria-label={title} data-testid="analytics-chart" data-chart={kind}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === "line" ? (
          <LineChart data={data} margin={{ top: 6, right: 12, bottom: 0, left: -8 }}>
            {axes}
            {series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.title}
                // The forecast continues the first series' line, dashed.
                stroke={CHART_COLORS[(s.dashed ? 0 : i) % CHART_COLORS.length]}
                strokeDasharray={s.dashed ? "5 4" : undefined}
                connectNulls={s.dashed}
                dot={s.dashed ? { r: 2 } : false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data} margin={{ top: 6, right: 12, bottom: 0, left: -8 }}>
            {axes}
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.title}
                fill={CHART_COLORS[i % CHART_COLORS.length]}
                radius={[2, 2, 0, 0]}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
