// queryAnalytics: a semantic query over the governed model (domain/analytics), run within the viewer's scope. The
// model — or the offline engine's parser — names measures, dimensions, filters and a period; the compiler writes the
// SQL. The result carries the rows, the definitions used, the period and source, a chart by shape, and (admins
// only) the SQL.
import { tool } from "ai";

import { DIMENSIONS, MEASURES, runAnalytics, semanticQuery, type AnalyticsResult } from "@pharmacrm/domain";

import { inputSchemaOf, orFailure, scopeOf, type ToolContext, type ToolFailure } from "./result";

export const queryAnalyticsInput = semanticQuery;

export type QueryAnalyticsResult = AnalyticsResult & { status: "ok" };
export type QueryAnalyticsOutput = QueryAnalyticsResult | ToolFailure;

const list = (members: Record<string, { title: string; description: string }>) =>
  Object.entries(members)
    .map(([name, m]) => `${name} (${m.title}: ${m.description})`)
    .join("; ");

export function queryAnalyticsTool(ctx: ToolContext) {
  return tool({
    description: `Answer a numbers question about calls (activity, reach, frequency, samples, details) with a semantic query, for the signed-in person's scope (a rep's own territories and calls, a manager's region, an admin's org). Measures: ${list(MEASURES)}. Dimensions: ${list(DIMENSIONS)}. Time: Calls.occurredAt with a granularity (day, week, month, quarter, year) and a dateRange ([from, to] as YYYY-MM-DD, or words such as "last quarter"). Filters compare a dimension with values (equals is case-insensitive). Never state a figure that is not in the result.`,
    inputSchema: inputSchemaOf(queryAnalyticsInput),
    execute: async (input): Promise<QueryAnalyticsOutput> =>
      orFailure(async () => ({
        status: "ok" as const,
        ...(await runAnalytics(ctx.db, await scopeOf(ctx), input, ctx.now)),
      })),
  });
}
