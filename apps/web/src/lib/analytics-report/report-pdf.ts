// The analytics report as a PDF (pdfkit, A4): a title block saying whose figures these are, the key figures beside
// the same days of the period before, then each pinned question and standard report with its period and conditions,
// a chart drawn from its rows (bars for categories, a line for time), its table and its source. Written only from
// the results: a section that could not be counted says why. Standard PDF fonts speak Windows-1252, so text is
// brought into it ("≥" → ">=").
import { cellText, chartOf, describeResult } from "~/components/copilot/cards/analytics-figures";
import PDFDocument from "pdfkit";

import type { AnalyticsResult } from "@pharmacrm/domain";
import { NO_PERIOD } from "@pharmacrm/domain/figures";

import type { AnalyticsReport, ReportSection } from "./build-report";

const MARGIN = 48;
const INK = "#0f172a";
const MUTED = "#64748b";
const RULE = "#e2e8f0";
const BRAND = "#0f766e";
const TABLE_ROWS = 25;
const CHART_ROWS = 12;

// Windows-1252 beyond Latin-1: the characters a standard PDF font can show.
const CP1252 = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const SPELLED: Record<string, string> = { "≥": ">=", "≤": "<=", "≠": "!=", "→": "->", "·": "·" };

/** Text a standard PDF font can show: Latin-1 and Windows-1252 as written, a few signs spelled, the rest "?". */
export function winAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (
      code === 0x09 ||
      code === 0x0a ||
      (code >= 0x20 && code < 0x7f) ||
      (code >= 0xa0 && code <= 0xff) ||
      CP1252.has(ch)
    )
      out += ch;
    else out += SPELLED[ch] ?? "?";
  }
  return out;
}

const day = new Intl.DateTimeFormat("en-US", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dayOf = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));

/** The period a result counts, as the card's badge says it. */
function periodOf(result: AnalyticsResult): string {
  if (result.cube === "PartD") return `Part D ${result.source.period ?? "every data year"}`;
  if (result.cube === "Payments" && !result.query.timeDimensions[0]?.dateRange)
    return `Open Payments ${result.source.period ?? "every program year"}`;
  return result.range ? `${dayOf(result.range[0])} – ${dayOf(result.range[1])}` : NO_PERIOD[result.cube];
}

type Doc = PDFKit.PDFDocument;

const width = (doc: Doc) => doc.page.width - 2 * MARGIN;
const bottom = (doc: Doc) => doc.page.height - MARGIN - 20;

/** A new page when the next block would not fit on this one. */
function room(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function text(doc: Doc, value: string, options: { size?: number; color?: string; bold?: boolean; gap?: number } = {}) {
  doc
    .font(options.bold ? "Helvetica-Bold" : "Helvetica")
    .fontSize(options.size ?? 9)
    .fillColor(options.color ?? INK)
    .text(winAnsi(value), MARGIN, doc.y, { width: width(doc) });
  if (options.gap) doc.moveDown(options.gap);
}

function bars(doc: Doc, result: AnalyticsResult) {
  const chart = chartOf(result)!;
  const series = chart.series[0]!;
  const measure = result.columns.find((c) => c.key === series.key)!;
  const points = chart.data
    .slice(0, CHART_ROWS)
    .map((row) => ({ label: String(row.label), value: Number(row[series.key] ?? 0) }));
  const max = Math.max(...points.map((p) => p.value), 0) || 1;
  const labelWidth = 150;
  const barArea = width(doc) - labelWidth - 60;
  room(doc, points.length * 14 + 16);
  text(doc, `${series.title}${chart.data.length > CHART_ROWS ? ` (the first ${CHART_ROWS})` : ""}`, {
    size: 8,
    color: MUTED,
  });
  let y = doc.y + 2;
  doc.font("Helvetica").fontSize(8);
  for (const p of points) {
    doc
      .fillColor(INK)
      .text(winAnsi(p.label), MARGIN, y + 1, { width: labelWidth - 6, height: 10, ellipsis: true, lineBreak: false });
    const w = Math.max((p.value / max) * barArea, p.value > 0 ? 1 : 0);
    doc.rect(MARGIN + labelWidth, y, w, 10).fill(BRAND);
    doc
      .fillColor(MUTED)
      .text(winAnsi(cellText(measure, p.value)), MARGIN + labelWidth + w + 4, y + 1, { lineBreak: false });
    y += 14;
  }
  doc.x = MARGIN;
  doc.y = y + 4;
}

function line(doc: Doc, result: AnalyticsResult) {
  const chart = chartOf(result)!;
  const series = chart.series[0]!;
  // Every period has its place on the axis; the line joins those with a figure, the dashed one those with a forecast
  // (the last complete period and the next, which may be the current period counted so far).
  const at = (key: string) =>
    chart.data.flatMap((row, i) => (typeof row[key] === "number" ? [{ i, value: row[key] as number }] : []));
  const points = at(series.key);
  const forecast = at("forecast");
  if (points.length < 2) return;
  const height = 110;
  room(doc, height + 30);
  text(doc, `${series.title}${forecast.length ? " (forecast dashed)" : ""}`, { size: 8, color: MUTED });
  const top = doc.y + 4;
  const max = Math.max(...points.map((p) => p.value), ...forecast.map((p) => p.value), 0) || 1;
  const n = chart.data.length;
  const x = (i: number) => MARGIN + 30 + (i * (width(doc) - 40)) / Math.max(n - 1, 1);
  const y = (v: number) => top + height - (v / max) * height;
  doc
    .moveTo(MARGIN + 30, top)
    .lineTo(MARGIN + 30, top + height)
    .lineTo(MARGIN + width(doc), top + height)
    .strokeColor(RULE)
    .lineWidth(0.5)
    .stroke();
  const measure = result.columns.find((c) => c.key === series.key)!;
  doc
    .font("Helvetica")
    .fontSize(7)
    .fillColor(MUTED)
    .text(winAnsi(cellText(measure, max)), MARGIN, top - 3, { width: 28, align: "right", lineBreak: false });
  points.forEach((p, k) => (k === 0 ? doc.moveTo(x(p.i), y(p.value)) : doc.lineTo(x(p.i), y(p.value))));
  doc.strokeColor(BRAND).lineWidth(1.5).stroke();
  if (forecast.length > 1) {
    forecast.forEach((p, k) => (k === 0 ? doc.moveTo(x(p.i), y(p.value)) : doc.lineTo(x(p.i), y(p.value))));
    doc.dash(3, { space: 3 }).strokeColor(BRAND).stroke().undash();
  }
  doc.fillColor(MUTED).fontSize(7);
  doc.text(winAnsi(String(chart.data[0]!.label)), x(0) - 20, top + height + 3, { width: 60, lineBreak: false });
  doc.text(winAnsi(String(chart.data.at(-1)!.label)), x(n - 1) - 50, top + height + 3, {
    width: 60,
    align: "right",
    lineBreak: false,
  });
  doc.x = MARGIN;
  doc.y = top + height + 16;
}

function table(doc: Doc, result: AnalyticsResult) {
  const columns = result.columns;
  const first = 180;
  const rest = (width(doc) - first) / Math.max(columns.length - 1, 1);
  const widthOf = (i: number) => (columns.length === 1 ? width(doc) : i === 0 ? first : rest);
  const xOf = (i: number) => MARGIN + (i === 0 ? 0 : first + (i - 1) * rest);
  const row = (cells: string[], bold: boolean) => {
    room(doc, 14);
    const y = doc.y;
    doc
      .font(bold ? "Helvetica-Bold" : "Helvetica")
      .fontSize(8)
      .fillColor(bold ? MUTED : INK);
    cells.forEach((cell, i) =>
      doc.text(winAnsi(cell), xOf(i), y, {
        width: widthOf(i) - 4,
        align: columns[i]!.kind === "measure" ? "right" : "left",
        height: 10,
        ellipsis: true,
        lineBreak: false,
      }),
    );
    doc
      .moveTo(MARGIN, y + 11)
      .lineTo(MARGIN + width(doc), y + 11)
      .strokeColor(RULE)
      .lineWidth(0.5)
      .stroke();
    doc.x = MARGIN;
    doc.y = y + 13;
  };
  row(
    columns.map((c) => c.title),
    true,
  );
  for (const r of result.rows.slice(0, TABLE_ROWS))
    row(
      columns.map((c) => cellText(c, r[c.key])),
      false,
    );
  if (result.rows.length > TABLE_ROWS || result.truncated)
    text(
      doc,
      `The first ${Math.min(TABLE_ROWS, result.rows.length)} of ${result.rows.length}${result.truncated ? "+" : ""} rows; the rest are on the dashboard and in its exports.`,
      { size: 7, color: MUTED },
    );
}

function section(doc: Doc, s: ReportSection) {
  room(doc, 60);
  doc.moveDown(0.8);
  text(doc, s.title, { size: 12, bold: true });
  if (!s.result) {
    text(doc, `Could not be counted: ${s.problem}`, { color: "#b91c1c", gap: 0.5 });
    return;
  }
  const result = s.result;
  if (s.title !== describeResult(result)) text(doc, describeResult(result), { size: 8, color: MUTED });
  text(doc, [periodOf(result), ...result.conditions].join(" · "), { size: 8, color: BRAND, gap: 0.4 });
  if (result.note) text(doc, result.note, { size: 8, color: MUTED, gap: 0.3 });
  if (result.rows.length === 0) {
    text(doc, "Nothing matches these conditions in the period, within what you may see.", { color: MUTED, gap: 0.5 });
  } else {
    const chart = chartOf(result);
    if (chart?.kind === "bar") bars(doc, result);
    if (chart?.kind === "line") line(doc, result);
    if (result.forecast) {
      const time = result.columns.find((c) => c.kind === "time")!;
      const measure = result.columns.find((c) => c.key === result.forecast!.key)!;
      text(
        doc,
        `Forecast for ${cellText(time, result.forecast.period)}: ${cellText(measure, result.forecast.value)}. ${result.forecast.method}`,
        { size: 8, color: MUTED, gap: 0.3 },
      );
    }
    table(doc, result);
  }
  text(
    doc,
    `Source: ${result.source.title}${result.source.period ? `, ${result.source.period}` : ""}; within what you may see.`,
    { size: 7, color: MUTED },
  );
}

/** The report as PDF bytes. `compress: false` writes readable content streams (for tests). */
export function reportPdf(report: AnalyticsReport, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    info: { Title: winAnsi(`Analytics — ${report.org}`), Author: winAnsi(report.person), Creator: "PharmaCRM" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  text(doc, `Analytics — ${report.org}`, { size: 18, bold: true });
  text(doc, `For ${report.scope} · ${report.person} · counted ${day.format(report.generatedAt)} (UTC)`, {
    size: 9,
    color: MUTED,
    gap: 1,
  });
  text(doc, "Key figures", { size: 12, bold: true, gap: 0.3 });
  for (const k of report.kpis) {
    room(doc, 14);
    const y = doc.y;
    doc
      .font("Helvetica")
      .fontSize(9)
      .fillColor(INK)
      .text(winAnsi(k.title), MARGIN, y, { width: 200, lineBreak: false });
    doc.font("Helvetica-Bold").text(winAnsi(k.value), MARGIN + 200, y, { width: 70, align: "right", lineBreak: false });
    doc
      .font("Helvetica")
      .fillColor(MUTED)
      .text(
        winAnsi(
          `${k.change === "up" ? "up from" : k.change === "down" ? "down from" : "level with"} ${k.previous}, the same days last ${k.period}`,
        ),
        MARGIN + 284,
        y,
        { width: width(doc) - 284, lineBreak: false },
      );
    doc.x = MARGIN;
    doc.y = y + 14;
  }
  for (const s of report.sections) section(doc, s);

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // The footer sits in the bottom margin: with no margin for it, pdfkit does not start a page for it.
    doc.page.margins.bottom = 0;
    doc
      .font("Helvetica")
      .fontSize(7)
      .fillColor(MUTED)
      .text(
        winAnsi(`PharmaCRM · ${report.org} · page ${i + 1} of ${pages.count}`),
        MARGIN,
        doc.page.height - MARGIN + 10,
        { width: width(doc), align: "center", lineBreak: false },
      );
  }
  doc.end();
  return done;
}
