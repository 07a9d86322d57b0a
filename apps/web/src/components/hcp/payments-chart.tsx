"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { CHART_COLORS, OTHER_COLOR } from "./chart-colors";
import { formatMoney, formatMoneyCompact } from "./figures";
import type { HcpPayments } from "./types";

const MAX_BANDS = 6;

/** Open Payments received per program year, stacked by manufacturer (the largest payers; the rest as "Other"). */
export function PaymentsChart({ payments }: { payments: HcpPayments }) {
  const ranked = payments.byManufacturer.map((m) => m.manufacturer);
  const bands = ranked.length > MAX_BANDS ? [...ranked.slice(0, MAX_BANDS - 1), "Other"] : ranked;
  const data = payments.byYear.map(({ year }) => {
    const point: Record<string, number> = { year };
    for (const cell of payments.byYearAndManufacturer.filter((c) => c.year === year)) {
      const band = bands.includes(cell.manufacturer) ? cell.manufacturer : "Other";
      point[band] = Math.round(((point[band] ?? 0) + cell.amount) * 100) / 100;
    }
    return point;
  });
  return (
    <div data-testid="payments-chart">
      <p className="mb-2 text-xs text-slate-500">Payments received per program year, by manufacturer</p>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="year" tickLine={false} axisLine={false} fontSize={12} />
          <YAxis tickFormatter={formatMoneyCompact} tickLine={false} axisLine={false} fontSize={12} width={56} />
          <Tooltip formatter={(value) => formatMoney(Number(value))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {bands.map((band, i) => (
            <Bar
              key={band}
              dataKey={band}
              stackId="amount"
              fill={band === "Other" ? OTHER_COLOR : CHART_COLORS[i % CHART_COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
