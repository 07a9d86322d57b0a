// The analytics tests' way to ask: a semantic query run as one of the world's people on 4 December 2026, and its
// rows as [dimension values…, measure values…] in the result's order.
import type { SemanticQueryInput } from "../analytics/query";
import { runAnalytics } from "../analytics/run";
import { scopeFor } from "../scope";
import { useWorld, type PersonKey } from "./world";

const ANALYTICS_NOW = new Date("2026-12-04T12:00:00Z");

export function useAnalyticsWorld() {
  const state = useWorld();
  const run = async (person: PersonKey, query: SemanticQueryInput) => {
    const { db } = state.database;
    return runAnalytics(db, await scopeFor(db, state.world.viewers[person]), query, ANALYTICS_NOW);
  };
  const table = async (person: PersonKey, query: SemanticQueryInput) => {
    const result = await run(person, query);
    return result.rows.map((row) => result.columns.map((c) => row[c.key]));
  };
  return { state, run, table };
}
