"use client";

import dynamic from "next/dynamic";

import { Skeleton } from "@pharmacrm/ui";

export interface TrendRow {
  label: string;
  /** Earlier figure (previous year, or the market); null when unknown. */
  before: number | null;
  after: number;
}

export interface TrendBarsProps {
  rows: TrendRow[];
  beforeLabel: string;
  afterLabel: string;
  title: string;
}

// recharts is most of the copilot's weight and no answer needs it before it shows a chart: it loads then, with a
// placeholder of the chart's size meanwhile.
const TrendBarsChart = dynamic(() => import("./trend-bars-chart"), {
  loading: () => <Skeleton className="h-44 w-full" />,
});

/** A small paired bar chart: earlier vs latest per drug or market. Figures are exactly the card's table. */
export function TrendBars(props: TrendBarsProps) {
  if (props.rows.length === 0) return null;
  return <TrendBarsChart {...props} />;
}
