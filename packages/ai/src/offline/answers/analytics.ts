// The answer to a numbers question, written only from the rows: the headline figure, the conditions applied, the
// table, the definitions used and the source with its period. The card beside it shows the chart and the query.
import type { QueryAnalyticsOutput } from "../../tools/query-analytics";
import { count } from "./words";

type Result = Extract<QueryAnalyticsOutput, { status: "ok" }>;
type Cell = string | number | null;

const TITLES: Record<string, string> = { in_person: "In person", phone: "Phone", video: "Video", email: "Email" };
const OPERATORS: Record<string, string> = {
  equals: "is",
  notEquals: "is not",
  contains: "contains",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  set: "is set",
  notSet: "is not set",
};

const titleCase = (value: string) => value.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

export function formatCell(value: Cell, format: string | null): string {
  if (value === null) return "—";
  if (typeof value === "number") return format === "ratio" ? value.toFixed(2) : count(value);
  return TITLES[value] ?? value;
}

/** The conditions the query applied, in words: "Rep is Kevin Walsh · Product is Eliquis". */
export function conditionsOf(result: Result): string[] {
  return result.query.filters.map((f) => {
    const title = result.definitions.find((d) => d.member === f.member)?.title ?? f.member;
    const values = f.values.map((v) => (f.member === "Calls.channel" ? (TITLES[v] ?? v) : titleCase(v)));
    return `${title} ${OPERATORS[f.operator]}${values.length ? ` ${values.join(" or ")}` : ""}`;
  });
}

export function analyticsAnswer(output: QueryAnalyticsOutput, period: string | null): string {
  if (output.status !== "ok") return output.message;
  const measures = output.columns.filter((c) => c.kind === "measure");
  const groups = output.columns.filter((c) => c.kind !== "measure");
  const first = measures[0]!;
  const when = output.range ? (period ?? `${output.range[0]} to ${output.range[1]}`) : "all recorded calls";
  const conditions = conditionsOf(output);
  const scopeLine = [when, ...conditions].join(" · ");
  const source = `_(CRM interactions${output.range ? `, ${output.range[0]} to ${output.range[1]}` : ""}; figures within what you may see)_`;
  const definitions = `_Definitions: ${output.definitions
    .filter((d) => measures.some((m) => m.member === d.member))
    .map((d) => `${d.title} — ${d.description}`)
    .join(" ")}_`;

  if (output.rows.length === 0 || (groups.length === 0 && output.rows.every((r) => !r[first.key])))
    return [`No calls match (${scopeLine}): ${first.title.toLowerCase()} 0.`, "", source].join("\n");

  let headline: string;
  if (groups.length === 0) {
    const row = output.rows[0]!;
    headline = `${measures.map((m) => `${m.title}: **${formatCell(row[m.key] ?? null, m.format)}**`).join(" · ")} (${scopeLine}).`;
  } else if (groups.some((g) => g.kind === "time")) {
    const last = output.rows.at(-1)!;
    const time = groups.find((g) => g.kind === "time")!;
    const peak = output.rows.reduce((best, row) => (Number(row[first.key]) > Number(best[first.key]) ? row : best));
    headline = `${first.title} by ${time.title.toLowerCase()} (${scopeLine}): latest ${last[time.key]} **${formatCell(last[first.key] ?? null, first.format)}**, highest ${peak[time.key]} **${formatCell(peak[first.key] ?? null, first.format)}**.`;
  } else {
    const top = output.rows[0]!;
    const label = groups.map((g) => formatCell(top[g.key] ?? null, null)).join(" · ");
    const descending = !output.query.order.some(([, dir]) => dir === "asc");
    headline = `${first.title} by ${groups.map((g) => g.title.toLowerCase()).join(" and ")} (${scopeLine}): ${descending ? "highest" : "lowest"} is ${label} with **${formatCell(top[first.key] ?? null, first.format)}**, of ${count(output.rows.length)}${output.truncated ? "+" : ""} shown.`;
  }

  const shown = output.rows.slice(0, 20);
  const table =
    groups.length === 0
      ? []
      : [
          `| ${output.columns.map((c) => c.title).join(" | ")} |`,
          `|${output.columns.map((c) => (c.kind === "measure" ? " ---: " : " --- ")).join("|")}|`,
          ...shown.map(
            (row) => `| ${output.columns.map((c) => formatCell(row[c.key] ?? null, c.format)).join(" | ")} |`,
          ),
          ...(output.rows.length > shown.length
            ? ["", `_The first ${shown.length} of ${output.rows.length} rows; the card has them all._`]
            : []),
        ];
  return [headline, "", ...table, ...(table.length ? [""] : []), definitions, "", source].join("\n");
}
