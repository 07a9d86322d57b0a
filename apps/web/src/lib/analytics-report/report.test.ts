// The dashboard as a PDF: refused without a session; for a manager, their region's figures and their pinned
// questions, never another region's; a rep's has no team sections; a question that no longer runs says why.
import { analyticsReportResponse } from "~/app/api/analytics/report/analytics-report-response";
import { describe, expect, it } from "vitest";

import { pinQuestion, scopeFor } from "@pharmacrm/domain";
import { useWorld } from "@pharmacrm/domain/testing";

import { buildReport } from "./build-report";
import { reportPdf, winAnsi } from "./report-pdf";

const ctx = useWorld();
// Every territory of the test world has one in-person call on 1 October 2026.
const now = new Date("2026-11-20T10:00:00Z");
const as = (person: "managerEast" | "repE1") => ({ ...ctx.world.viewers[person], orgName: "Org A" });

// Windows-1252's 0x80–0x9f (Node's TextDecoder reads them as Latin-1); undefined codes stay as they are.
const HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const cp1252 = {
  decode: (bytes: Buffer) =>
    [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : String.fromCharCode(b))).join(""),
};

/** The text a PDF written uncompressed shows: each TJ's hex strings decoded (pdfkit writes standard fonts as hex). */
function textOf(pdf: Buffer): string {
  const content = pdf.toString("latin1");
  return [...content.matchAll(/\[([^\]]*)\] TJ/g)]
    .map((tj) => [...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => cp1252.decode(Buffer.from(h[1]!, "hex"))).join(""))
    .join("\n");
}

async function reportText(person: "managerEast" | "repE1") {
  const report = await buildReport(ctx.database.db, as(person), now);
  return { report, text: textOf(await reportPdf(report, { compress: false })) };
}

describe("the analytics report (PDF)", () => {
  it("is refused without a session, and is a named PDF file for a signed-in person", async () => {
    const refused = await analyticsReportResponse(null, ctx.database.db, now);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: "Sign in to download the analytics report." });

    const response = await analyticsReportResponse(as("managerEast"), ctx.database.db, now);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="analytics-org-a-2026-11-20.pdf"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("holds a manager's key figures, pinned questions and team sections for their region only", async () => {
    const { db } = ctx.database;
    const scope = await scopeFor(db, ctx.world.viewers.managerEast);
    await pinQuestion(db, scope, {
      title: "Calls by territory since July",
      query: {
        measures: ["Calls.count"],
        dimensions: ["Territories.name"],
        timeDimensions: [{ dimension: "Calls.occurredAt", dateRange: ["2026-07-01", "2026-11-20"] }],
      },
    });
    const { report, text } = await reportText("managerEast");
    expect(report.kpis.map((k) => [k.title, k.value, k.previous, k.change])).toEqual([
      ["Calls this month", "0", "2", "down"],
      ["HCPs reached this quarter", "2", "0", "up"],
      ["Call frequency this quarter", "1.00", "0.00", "up"],
      ["Samples dropped this month", "0", "0", "level"],
    ]);
    expect(report.sections.map((s) => s.title)).toEqual([
      "Calls by territory since July",
      "Reps this quarter",
      "Calls by month",
      "Market share by product, latest Part D year",
      "Coverage of deciles 8–10 this quarter",
      "Open and overdue tasks by rep",
      "Consent coverage by channel",
      "Calls by channel this quarter",
    ]);
    expect(text).toContain("Analytics — Org A");
    expect(text).toContain("For your region (E1 · E2)");
    expect(text).toContain("Calls by territory since July");
    expect(text).toContain("Jul 1, 2026 – Nov 20, 2026");
    expect(text).toMatch(/E1\n.*1/);
    expect(text).toContain("repE2");
    expect(text).toContain("page 1 of");
    expect(text).not.toMatch(/\bW1\b|\bW2\b|repW1|Org B/);
  });

  it("has no team sections for a rep, and says why a pinned question no longer runs", async () => {
    const { db } = ctx.database;
    const scope = await scopeFor(db, ctx.world.viewers.repE1);
    const { id } = await pinQuestion(db, scope, { title: "My old question", query: { measures: ["Calls.count"] } });
    // The model no longer has the measure it names (the id is our own uuid).
    await db.execute(`update saved_question set query = '{"measures":["Calls.gone"]}' where id = '${id}'`);
    const { report, text } = await reportText("repE1");
    expect(report.sections.map((s) => s.title)).not.toContain("Reps this quarter");
    expect(report.sections.map((s) => s.title)).not.toContain("Open and overdue tasks by rep");
    expect(text).toContain("Could not be counted: This question names something the analytics model no longer has.");
    expect(text).not.toContain("repE2");
  });

  it("brings text into the standard fonts' characters", () => {
    expect(winAnsi("Decile ≥ 8 · “Café” – 10 €")).toBe("Decile >= 8 · “Café” – 10 €");
    expect(winAnsi("東京 clinic")).toBe("?? clinic");
  });
});
