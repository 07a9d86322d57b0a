// The signed-in person's analytics dashboard as a PDF report, counted afresh for their scope.
import { getViewer } from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";

import { analyticsReportResponse } from "./analytics-report-response";

export async function GET() {
  return analyticsReportResponse(await getViewer(), await getDb());
}
