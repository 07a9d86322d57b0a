// The answer to a numbers question, written only from the rows: the headline figure, the conditions applied, the
// table, the definitions used and the source with its period. The card beside it shows the chart and the query.
import type { ResultColumn } from "@pharmacrm/domain";
import { formatFigure, memberValue, NO_PERIOD } from "@pharmacrm/domain/figures";

import type { QueryAnalyticsOutput } from "../../tools/query-analytics";
import { count } from "./words";

/** A title inside a sentence: "Rep" → "rep", "Part D claims" → "part D claims", "HCP" stays "HCP". */
const inSentence = (title: string) => title.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());

type Cell = string | number | null;

type Column = ResultColumn;

/** A cell as the answer writes it: figures by their format, coded values by name. */
function formatCell(value: Cell, column: Pick<Column, "member" | "format">): string {
  if (value === null) return "—";
  if (typeof value === "number") return formatFigure(value, column.format);
  return memberValue(column.member, value);
}

/** How an answer to one of the org's certified questions begins. */
export const ORG_CERTIFIED = "Your organisation's certified question";

export function analyticsAnswer(output: QueryAnalyticsOutput, period: string | null, certified?: string): string {
  if (output.status !== "ok") return output.message;
  // The title is a person's words (one line): a code span, so no markdown or link in it is ever rendered.
  const asCertified = certified
    ? [`${ORG_CERTIFIED} \`${certified.replace(/`/g, "'")}\`, counted for what you may see.`, ""]
    : [];
  const measures = output.columns.filter((c) => c.kind === "measure");
  const groups = output.columns.filter((c) => c.kind !== "measure");
  const first = measures[0]!;
  // A period in words is said with the days the server counted; dates as asked are said as the person put them.
  const words = output.query.timeDimensions[0]?.dateRange;
  const when =
    output.cube === "PartD"
      ? `Part D ${output.source.period ?? "every data year loaded"}`
      : output.cube === "Payments" && !words
        ? `Open Payments ${output.source.period ?? "every program year loaded"}`
        : output.range
          ? typeof words === "string"
            ? `${words} (${output.range[0]} to ${output.range[1]})`
            : (period ?? `${output.range[0]} to ${output.range[1]}`)
          : NO_PERIOD[output.cube].toLowerCase();
  const scopeLine = [when, ...output.conditions].join(" · ");
  const source = `_(${output.source.title}${output.source.period ? `, ${output.source.period}` : ""}; figures within what you may see)_`;
  const note = output.note ? [output.note, ""] : [];
  const definitions = `_Definitions: ${output.definitions
    .filter((d) => measures.some((m) => m.member === d.member))
    .map((d) => `${d.title} — ${d.description}`)
    .join(" ")}_`;

  if (output.rows.length === 0 || (groups.length === 0 && output.rows.every((r) => !r[first.key])))
    return [
      ...asCertified,
      `${output.cube === "Calls" ? "No calls match" : "Nothing matches"} (${scopeLine}): ${inSentence(first.title)} ${formatCell(output.rows[0]?.[first.key] ?? 0, first)}.`,
      "",
      ...note,
      source,
    ].join("\n");

  let headline: string;
  if (groups.length === 0) {
    const row = output.rows[0]!;
    headline = `${measures.map((m) => `${m.title}: **${formatCell(row[m.key] ?? null, m)}**`).join(" · ")} (${scopeLine}).`;
  } else if (first.list && groups.length === 1 && groups[0]!.member === "Hcps.name") {
    // "Which of my targets have I not seen": the HCPs, counted.
    const names = output.rows.slice(0, 3).map((row) => String(row[groups[0]!.key]).replace(/ \(\d{10}\)$/, ""));
    headline = `${first.title} (${scopeLine}): **${count(output.rows.length)}${output.truncated ? "+" : ""}** — ${names.join(", ")}${output.rows.length > 3 ? ", …" : ""}.`;
  } else if (groups.some((g) => g.kind === "time")) {
    const last = output.rows.at(-1)!;
    const time = groups.find((g) => g.kind === "time")!;
    const peak = output.rows.reduce((best, row) => (Number(row[first.key]) > Number(best[first.key]) ? row : best));
    headline = `${first.title} by ${time.title.toLowerCase()} (${scopeLine}): latest ${last[time.key]} **${formatCell(last[first.key] ?? null, first)}**, highest ${peak[time.key]} **${formatCell(peak[first.key] ?? null, first)}**.`;
  } else {
    // Ranked by the figure unless an order was asked for or the breakdown has its own (deciles): the peak either way.
    const top = output.query.order.length
      ? output.rows[0]!
      : output.rows.reduce((best, row) => (Number(row[first.key]) > Number(best[first.key]) ? row : best));
    const label = groups.map((g) => formatCell(top[g.key] ?? null, g)).join(" · ");
    const descending = !output.query.order.some(([, dir]) => dir === "asc");
    headline = `${first.title} by ${groups.map((g) => inSentence(g.title)).join(" and ")} (${scopeLine}): ${descending ? "highest" : "lowest"} is ${label} with **${formatCell(top[first.key] ?? null, first)}**, of ${count(output.rows.length)}${output.truncated ? "+" : ""} shown.`;
  }

  const shown = output.rows.slice(0, 20);
  const table =
    groups.length === 0
      ? []
      : [
          `| ${output.columns.map((c) => c.title).join(" | ")} |`,
          `|${output.columns.map((c) => (c.kind === "measure" ? " ---: " : " --- ")).join("|")}|`,
          ...shown.map((row) => `| ${output.columns.map((c) => formatCell(row[c.key] ?? null, c)).join(" | ")} |`),
          ...(output.rows.length > shown.length
            ? ["", `_The first ${shown.length} of ${output.rows.length} rows; the card has them all._`]
            : []),
        ];
  const forecast = output.forecast
    ? [
        `Forecast for the period starting ${output.forecast.period}: **${formatCell(output.forecast.value, first)}** ${inSentence(first.title)}. ${output.forecast.method}`,
        "",
      ]
    : [];
  return [
    ...asCertified,
    headline,
    "",
    ...note,
    ...forecast,
    ...table,
    ...(table.length ? [""] : []),
    definitions,
    "",
    source,
  ].join("\n");
}
