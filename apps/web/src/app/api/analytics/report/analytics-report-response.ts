// The PDF report's response: refused without a session; a file named for the org and the day, never cached.
import { buildReport } from "~/lib/analytics-report/build-report";
import { reportPdf } from "~/lib/analytics-report/report-pdf";

import type { Db } from "@pharmacrm/db";
import type { Viewer } from "@pharmacrm/domain";

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40) || "org";

export async function analyticsReportResponse(viewer: Viewer | null, db: Db, now: Date = new Date()) {
  if (!viewer) return Response.json({ error: "Sign in to download the analytics report." }, { status: 401 });
  try {
    const pdf = await reportPdf(await buildReport(db, viewer, now));
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="analytics-${slug(viewer.orgName)}-${now.toISOString().slice(0, 10)}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    console.error("analytics report failed", error);
    return Response.json(
      { error: "The report could not be written just now. Try again in a moment." },
      { status: 500 },
    );
  }
}
