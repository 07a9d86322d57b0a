// One palette for the HCP page's charts: distinguishable, colour-blind-friendly (Tableau 10 order).
export const CHART_COLORS = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#e15759",
  "#76b7b2",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
] as const;
export const OTHER_COLOR = "#bab0ac";
