// The analytics set: numbers questions written by someone who had not read the parser (analytics-questions.json),
// each with the semantic query a careful reader expects, "unsupported" (outside the model) or "not_analytics".
// Reports accuracy per role and kind, prints every miss, and holds the floor reached; "unsupported" must never be
// answered with a query (a wrong number that looks right is worse than "not held yet").
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { nuccNamesOf, resolveRange, type Role, type SemanticQueryInput } from "@pharmacrm/domain";

import { readIntent, type Intent } from "../intent";
import { DEMO_VOCABULARY } from "./demo-vocabulary";

type Expected =
  | {
      kind: "query";
      measures: string[];
      dimensions: string[];
      filters: { member: string; values: string[] }[];
      granularity: string | null;
      dateRange: [string, string] | null;
      order: "asc" | "desc" | null;
      limit: number | null;
    }
  | { kind: "unsupported" }
  | { kind: "not_analytics" };

interface Labelled {
  id: string;
  role: Role;
  message: string;
  expect: Expected;
}

const load = (file: string): Labelled[] => JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8"));
const SET = load("./analytics-questions.json");
// Written afterwards by someone else who had not read the parser either; read as it came (see the README).
const HOLDOUT = load("./analytics-holdout.json");
// Part D questions, written by a helper who had not read the parser, when the Part D cube came in.
const PART_D = load("./analytics-part-d.json");
// Coverage, consent and next-best-action questions, written by a helper who had not read the parser, when those
// cubes came in.
const TARGETS = load("./analytics-coverage.json");
// Questions with a specialty as a condition, written by a helper who had not read the parser, when specialty words
// came in.
const SPECIALTY = load("./analytics-specialty.json");
// Decile questions — the one set on the account against the Part D volume decile — written by a helper who had not
// read the parser, when the Part D decile came in.
const DECILES = load("./analytics-deciles.json");
// Call-plan questions (attainment, planned and remaining calls), written by a helper who had not read the parser, when
// call plans came in.
const CALL_PLANS = load("./analytics-call-plans.json");
// A second call-plan set by another helper, read as it came.
const CALL_PLANS_HOLDOUT = load("./analytics-call-plans-holdout.json");
// Friday 4 December 2026, noon: the "today" the set was labelled against.
const now = new Date(2026, 11, 4, 12, 0);
const TODAY = "2026-12-04";

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("|") === [...b].sort().join("|");

function sameCount(intent: Extract<Intent, { kind: "calls" }>, label: Extract<Expected, { kind: "query" }>) {
  if (!sameSet(label.measures, ["Calls.count"]) || label.dimensions.length || label.granularity) return "read as calls";
  const channel = label.filters.find((f) => f.member === "Calls.channel")?.values[0] ?? null;
  const product = label.filters.find((f) => f.member === "Products.name")?.values[0] ?? null;
  if (label.filters.some((f) => f.member !== "Calls.channel" && f.member !== "Products.name")) return "read as calls";
  if (intent.channel !== channel || (intent.product?.toLowerCase() ?? null) !== product) return "calls: filters";
  if (
    label.dateRange &&
    (intent.from !== label.dateRange[0] ||
      !(intent.to === label.dateRange[1] || (label.dateRange[1] === TODAY && intent.to >= TODAY)))
  )
    return `calls: ${intent.from} to ${intent.to}`;
  return null;
}

function sameWriters(intent: Extract<Intent, { kind: "topWriters" }>, label: Extract<Expected, { kind: "query" }>) {
  if (!sameSet(label.measures, ["PartD.claims"]) || !sameSet(label.dimensions, ["Hcps.name"])) return "read as writers";
  const product = label.filters.find((f) => f.member === "Products.name")?.values[0];
  if (!product || intent.drug.toLowerCase() !== product) return "writers: drug";
  if (intent.limit !== (label.limit ?? 10)) return `writers: limit ${intent.limit}`;
  return null;
}

const SCORECARD = new Set(["Calls.count", "Calls.reach", "Calls.frequency", "Calls.samples"]);

function sameScorecard(intent: Extract<Intent, { kind: "repScorecard" }>, label: Extract<Expected, { kind: "query" }>) {
  // A rep's own ("how am I doing?") has no rep filter; a colleague's is one.
  const person = label.filters.length === 1 ? label.filters[0] : undefined;
  const same =
    intent.rep === null
      ? label.filters.length === 0
      : person?.member === "Reps.name" && person.values[0]?.toLowerCase() === intent.rep.toLowerCase();
  if (!same) return "read as a scorecard";
  if (label.dimensions.length || label.granularity || !label.measures.every((m) => SCORECARD.has(m)))
    return "read as a scorecard";
  const [from, to] = resolveRange(intent.period ?? "last 90 days", now);
  if (label.dateRange && (label.dateRange[0] !== from || (label.dateRange[1] !== to && label.dateRange[1] !== TODAY)))
    return `scorecard: ${from} to ${to}`;
  return null;
}

/** A condition's values, compared as the compiler reads them: a specialty's words as the NUCC names they stand for. */
const valuesOf = (member: string, values: readonly string[]) =>
  (member === "Hcps.specialty" ? nuccNamesOf(values).sort() : values).map((v) => v.toLowerCase()).join("+");

/** Why the reading differs from the label, or null when it matches. */
function mismatch(item: Labelled): string | null {
  const intent = readIntent(item.message, now, null, { role: item.role, vocabulary: DEMO_VOCABULARY });
  const label = item.expect;
  if (label.kind === "not_analytics") return intent.kind === "analytics" ? "read as analytics" : null;
  // Outside the model: any reading but an analytics query is right — said "not held yet", or answered by the tool
  // that holds it ("how much did Dr Shah get in Open Payments" → the physician's profile), never a guessed number.
  if (label.kind === "unsupported") return intent.kind === "analytics" && intent.query ? "answered with a query" : null;
  // A rep's own call count over a period is answered by their call list, with the same period, channel and product.
  if (intent.kind === "calls" && item.role !== "admin") return sameCount(intent, label);
  // A rep's own open tasks are answered by their task list.
  if (intent.kind === "tasks" && sameSet(label.measures, ["Tasks.open"]) && !label.dimensions.length) return null;
  // The top writers of a product are answered by the physician list of its writers (Part D claims, in the territory).
  if (intent.kind === "topWriters") return sameWriters(intent, label);
  // Targets not seen, with no tier, decile or segment, are the physician search's "not seen in N days" list (a
  // place or specialty said is the search's own filter, read from the same words).
  if (
    intent.kind === "search" &&
    sameSet(label.measures, ["Coverage.notReached"]) &&
    sameSet(label.dimensions, ["Hcps.name"]) &&
    label.filters.every((f) => ["Territories.name", "Hcps.city", "Hcps.specialty"].includes(f.member))
  )
    return /\bnot seen in \d+ days\b/.test(intent.query) ? null : "search: not seen";
  // "How is Kevin Walsh doing (this month)?" is the rep's scorecard, whose figures include their calls, reach and
  // frequency over the same period.
  if (intent.kind === "repScorecard") return sameScorecard(intent, label);
  if (intent.kind !== "analytics") return `read as ${intent.kind}`;
  if (!intent.query) return `said unsupported (${intent.missing})`;
  const q: SemanticQueryInput = intent.query;
  if (!sameSet(q.measures, label.measures)) return `measures ${q.measures.join(",")}`;
  if (!sameSet(q.dimensions ?? [], label.dimensions)) return `dimensions ${(q.dimensions ?? []).join(",") || "none"}`;
  const filters = (q.filters ?? []).map((f) => `${f.member}=${valuesOf(f.member, f.values ?? [])}`);
  const wanted = label.filters.map((f) => `${f.member}=${valuesOf(f.member, f.values)}`);
  if (!sameSet(filters, wanted)) return `filters ${filters.join(",") || "none"}`;
  const time = q.timeDimensions?.[0];
  if ((time?.granularity ?? null) !== label.granularity) return `granularity ${time?.granularity ?? "none"}`;
  if (label.dateRange) {
    // Words ("last quarter") are resolved by the model's own calendar, as the server will.
    const range = typeof time?.dateRange === "string" ? resolveRange(time.dateRange, now) : time?.dateRange;
    const [from, to] = label.dateRange;
    // A "this …" period may end today or at its calendar end.
    const ok = Array.isArray(range) && range[0] === from && (range[1] === to || (to === TODAY && range[1] >= TODAY));
    if (!ok) return `dateRange ${JSON.stringify(range ?? null)}`;
  }
  // Rankings are largest first by default: only "least / fewest / bottom" must ask for ascending.
  const ascending = (q.order ?? []).some(([, dir]) => dir === "asc");
  if (ascending !== (label.order === "asc")) return `order ${ascending ? "asc" : "desc"}`;
  if ((q.limit ?? null) !== label.limit) return `limit ${q.limit ?? "none"}`;
  return null;
}

describe("the analytics set", () => {
  const results = SET.map((item) => ({ item, miss: mismatch(item) }));

  it("has at least 150 questions from both roles, with unanswerable ones", () => {
    expect(SET.length).toBeGreaterThanOrEqual(150);
    // Seven of the first set's went from unanswerable to answered when Part D came in; the Part D set adds more.
    const unanswerable = [...SET, ...PART_D].filter((s) => s.expect.kind === "unsupported");
    expect(unanswerable.length).toBeGreaterThanOrEqual(25);
  });

  it("never answers a question the model does not hold with a number", () => {
    const guessed = results.filter((r) => r.item.expect.kind === "unsupported" && r.miss === "answered with a query");
    expect(guessed.map((r) => `${r.item.id} ${r.item.message}`)).toEqual([]);
  });

  it("reads at least the floor reached, and reports every miss", () => {
    const groups = new Map<string, { n: number; ok: number }>();
    for (const { item, miss } of results) {
      for (const key of [`${item.role} ${item.expect.kind}`, "overall"]) {
        const g = groups.get(key) ?? { n: 0, ok: 0 };
        g.n++;
        if (!miss) g.ok++;
        groups.set(key, g);
      }
    }
    for (const [key, g] of [...groups].sort())
      console.log(`analytics set ${key}: ${g.ok}/${g.n} (${((100 * g.ok) / g.n).toFixed(1)} %)`);
    for (const { item, miss } of results) if (miss) console.log(`✗ ${item.id} “${item.message}” — ${miss}`);
    const overall = groups.get("overall")!;
    expect(overall.ok / overall.n).toBeGreaterThanOrEqual(FLOOR);
  });
});

/** The target on the set (98.6 % reached; the first read, before the parser was tuned to it, was 43.2 %). */
const FLOOR = 0.95;

describe.each([
  ["the analytics holdout", HOLDOUT],
  ["the Part D set", PART_D],
  ["the coverage, consent and NBA set", TARGETS],
  ["the specialty set", SPECIALTY],
  ["the decile set", DECILES],
  ["the call-plan set", CALL_PLANS],
  ["the call-plan holdout", CALL_PLANS_HOLDOUT],
])("%s", (name, set) => {
  const results = set.map((item) => ({ item, miss: mismatch(item) }));
  it("reads at least 90 %, reports every miss and never guesses a number outside the model", () => {
    const ok = results.filter((r) => !r.miss).length;
    console.log(`${name}: ${ok}/${results.length} (${((100 * ok) / results.length).toFixed(1)} %)`);
    for (const { item, miss } of results) if (miss) console.log(`✗ ${item.id} “${item.message}” — ${miss}`);
    expect(results.filter((r) => r.miss === "answered with a query").map((r) => r.item.id)).toEqual([]);
    // Each later set reads 95 % or more today; 90 % is the floor that holds it.
    expect(ok / results.length).toBeGreaterThanOrEqual(0.9);
  });
});
