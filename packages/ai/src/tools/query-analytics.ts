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
    description: `Answer a numbers question with a semantic query, for the signed-in person's scope (a rep's own territories and calls, a manager's region, an admin's org). Eight sources, one per query: calls (activity, reach, frequency, samples, details; time Calls.occurredAt with a granularity day, week, month, quarter or year and a dateRange as [from, to] YYYY-MM-DD or words such as "last quarter"); Medicare Part D prescribing of HCPs aligned to the person's territories (claims, market claims, share, writers, new writers; time PartD.year, granularity year only; no dateRange means the latest data year, which runs about two years behind); Open Payments to those HCPs (amount, count, manufacturers, HCPs paid; time Payments.paidOn; no dateRange means the latest program year); tasks (open, overdue, completed; time Tasks.dueDate); coverage of the org's target HCPs in the person's territories (targets, reached, not reached, coverage %, days since last call; time Coverage.callDate — no dateRange means the last 90 days); consent of those targets by channel (opted in or out at the period's end, today by default; opt-ins and opt-outs recorded; time Consent.recordedAt); next-best-action decisions (decided, accepted, dismissed, acceptance and dismissal rates; time Nba.decidedAt); call plans of the person's territories (attainment = planned calls made ÷ planned, planned, made, remaining, plan coverage, plan targets; by rep assigned, territory, plan or HCP; time CallPlans.cycle — a dateRange counts the plans whose cycle overlaps it, none means the plans running today). Measures: ${list(MEASURES)}. Dimensions: ${list(DIMENSIONS)}. Filters compare a dimension with values (equals is case-insensitive; Hcps.specialty takes NUCC names or everyday words such as "cardiology" or "primary care"). PartD.decile is the HCP's decile by Part D market volume; Hcps.decile is the one the org set on the account. Never state a figure that is not in the result; say the result's note when it has one.`,
    inputSchema: inputSchemaOf(queryAnalyticsInput),
    execute: async (input): Promise<QueryAnalyticsOutput> =>
      orFailure(async () => ({
        status: "ok" as const,
        ...(await runAnalytics(ctx.db, await scopeOf(ctx), input, ctx.now)),
      })),
  });
}
