// The semantic model, written once: every measure and dimension a question can name, with its title, its written
// definition (shown to the person on demand), the words people use for it and its SQL over the compiler's aliases.
// Eight cubes, each a fact the compiler builds as `c` with the same key columns (org, HCP, territory):
//
// Calls — one row per interaction the viewer may see. A product dimension or filter moves the grain to call ×
// product (cp: products discussed or sampled on the call), so a call with three products counts once in calls and
// three times in details. Every other join is many-to-one (the call's rep, territory, region, HCP, the HCP's
// specialty and the org's attributes for the HCP), so nothing fans out. Calls, details and samples by rep, territory,
// region, channel, product or time are read from the calls' daily rollup (call_rollup, kept by triggers); HCPs reached
// are counted from calls added up per HCP first. Both give the rows counting call by call would (rollup.test.ts).
//
// PartD — one row per CMS Part D row (HCP × drug × year) of a drug in the markets asked about, for HCPs aligned to
// the viewer's territories, each drug once even when it sits in two markets; `own` marks the org's brand (or the
// product asked about). With a product dimension the grain is product × row, each product's market its own group.
//
// Payments — one row per Open Payments general payment to an HCP aligned to the viewer's territories.
// Tasks — one row per task the viewer may see (a rep's own and their territories', a manager's region, …).
// Coverage — one row per target HCP (on the org's account list, aligned to the viewer's territories) and period,
// with whether a call the viewer may see reached them in it and the days since the last one.
// Consent — one row per target HCP, consent channel and period: the all-products consent in force at the period's
// end (today when none is said) and the opt-ins and opt-outs recorded in it.
// Nba — one row per next-best-action decision the viewer may see (their own, or on HCPs in their territories).
// CallPlans — one row per target of a call plan of the viewer's territories (per target and assigned rep, for a rep
// breakdown or condition), with its planned calls and the calls on it in the plan's territory and cycle.
import { sql, type SQL } from "drizzle-orm";

import { MEASURES } from "./measures";

export type Format = "count" | "ratio" | "percent" | "usd" | "days";
export type Join = "rep" | "territory" | "region" | "hcp" | "specialty" | "attribute" | "product";
export type CubeName = "Calls" | "PartD" | "Payments" | "Tasks" | "Coverage" | "Consent" | "Nba" | "CallPlans";

export const CUBES: Record<CubeName, { title: string; source: string }> = {
  Calls: { title: "calls", source: "CRM interactions" },
  PartD: {
    title: "Part D prescribing",
    source: "CMS Medicare Part D Prescribers by Provider and Drug, for HCPs aligned to your territories",
  },
  Payments: {
    title: "Open Payments",
    source: "CMS Open Payments (general payments), for HCPs aligned to your territories",
  },
  Tasks: { title: "tasks", source: "CRM tasks" },
  Coverage: {
    title: "coverage of target HCPs",
    source: "CRM accounts (target HCPs in your territories) and the calls you may see",
  },
  Consent: {
    title: "consent",
    source: "CRM consent records (all-products consent), for target HCPs in your territories",
  },
  Nba: { title: "next-best-action decisions", source: "CRM next-best-action decisions (accepted or dismissed)" },
  CallPlans: {
    title: "call plans",
    source: "CRM call plans (targets and planned calls per territory and cycle) and the calls in each plan's territory",
  },
};

export interface Member {
  title: string;
  description: string;
  /** Words people use for it, for the copilot's parser and the explore view's search. */
  synonyms: readonly string[];
}

export interface Measure extends Member {
  cube: CubeName;
  format: Format;
  /** The aggregate at call grain (c) and at call × product grain (cp). */
  sql: (grain: "call" | "product") => SQL;
  /**
   * The same figure from rows already added up (c.calls, c.details, c.samples): the calls' daily rollup, or calls per
   * HCP. For a measure that adds up across groups.
   */
  rollup?: SQL;
  /** A figure of HCPs reached, from calls added up per HCP (c: one row per HCP and group, c.calls its calls). */
  perHcp?: SQL;
  /** A count of HCPs that, by HCP, is a list: only the HCPs it counts are shown ("which targets have I not seen"). */
  list?: true;
  /** Figures the fact needs in its CTE: per-call details or samples, Part D's new-writer flag, the last call. */
  needs?: "details" | "samples" | "newWriter" | "lastCall";
}

export interface Dimension extends Member {
  type: "string" | "number";
  /** Read in its own order (deciles, 10 first), not ranked by the figure, when it is the only breakdown. */
  ordinal?: true;
  /** The cubes it breaks down; a Part D row has no rep or channel. */
  cubes: readonly CubeName[];
  joins: readonly Join[];
  sql: SQL;
}

export { MEASURES };

// The breakdowns of the HCP and the territory, which every cube has.
const EVERY_CUBE: readonly CubeName[] = [
  "Calls",
  "PartD",
  "Payments",
  "Tasks",
  "Coverage",
  "Consent",
  "Nba",
  "CallPlans",
];

export const DIMENSIONS = {
  "Reps.name": {
    cubes: ["Calls", "Tasks", "Coverage", "Nba", "CallPlans"],
    title: "Rep",
    description:
      "The rep who logged the call, who owns the task, who decided on a suggestion, or (coverage, call plans) who is assigned to the HCP's or the plan's territory.",
    synonyms: ["rep", "reps", "representative", "owner", "person", "team member", "who"],
    type: "string",
    joins: ["rep"],
    sql: sql`u.name`,
  },
  "Territories.name": {
    cubes: EVERY_CUBE,
    title: "Territory",
    description:
      "Calls and tasks: the territory they were logged in. Part D and Open Payments: the territory the HCP is aligned to today.",
    synonyms: ["territory", "territories", "area"],
    type: "string",
    joins: ["territory"],
    sql: sql`t.name`,
  },
  "Regions.name": {
    cubes: EVERY_CUBE,
    title: "Region",
    description: "The region of the call's territory.",
    synonyms: ["region", "regions", "district"],
    type: "string",
    joins: ["territory", "region"],
    sql: sql`r.name`,
  },
  "Calls.channel": {
    cubes: ["Calls"],
    title: "Channel",
    description: "How the call happened: in person, phone, video, email, chat or other.",
    synonyms: ["channel", "channels", "call type", "type of call"],
    type: "string",
    joins: [],
    sql: sql`c.channel::text`,
  },
  "Products.name": {
    cubes: ["Calls", "PartD"],
    title: "Product",
    description:
      "Calls: a product of the org discussed or sampled on the call. Part D: the product and its market (its competitors' claims count in the market).",
    synonyms: ["product", "products", "brand", "brands"],
    type: "string",
    joins: ["product"],
    sql: sql`p.name`,
  },
  "Hcps.specialty": {
    cubes: EVERY_CUBE,
    title: "Specialty",
    description:
      "The HCP's primary specialty in NPPES, as NUCC names it: the specialization when there is one (Cardiovascular Disease), else the classification (Internal Medicine). Everyday words stand for the specialties the physician search gives them: cardiology is Cardiovascular Disease, Interventional Cardiology, Clinical Cardiac Electrophysiology and the other heart specializations; primary care is Family Medicine, Internal Medicine and General Practice with no specialization.",
    synonyms: ["specialty", "specialties", "speciality"],
    type: "string",
    joins: ["hcp", "specialty"],
    sql: sql`coalesce(tx.specialization, tx.classification)`,
  },
  "Hcps.state": {
    cubes: EVERY_CUBE,
    title: "State",
    description: "The state of the HCP's practice address (NPPES).",
    synonyms: ["state", "states"],
    type: "string",
    joins: ["hcp"],
    sql: sql`h.practice_state`,
  },
  "Hcps.city": {
    cubes: EVERY_CUBE,
    title: "City",
    description: "The city of the HCP's practice address (NPPES).",
    synonyms: ["city", "cities", "town"],
    type: "string",
    joins: ["hcp"],
    sql: sql`initcap(h.practice_city)`,
  },
  "Hcps.tier": {
    cubes: EVERY_CUBE,
    title: "Tier",
    description: "The org's tier for the HCP (A–D), as set on the account.",
    synonyms: ["tier", "tiers"],
    type: "string",
    joins: ["attribute"],
    sql: sql`a.tier`,
  },
  "Hcps.segment": {
    cubes: EVERY_CUBE,
    title: "Segment",
    description: "The org's segment for the HCP, as set on the account.",
    synonyms: ["segment", "segments"],
    type: "string",
    joins: ["attribute"],
    sql: sql`a.segment`,
  },
  "Hcps.decile": {
    cubes: EVERY_CUBE,
    title: "Decile",
    description: "The HCP's decile (1–10, 10 the highest market volume), as the org set it on the account.",
    synonyms: ["decile", "deciles"],
    type: "number",
    ordinal: true,
    joins: ["attribute"],
    sql: sql`a.decile`,
  },
  "Hcps.name": {
    cubes: EVERY_CUBE,
    title: "HCP",
    description: "The HCP, by name and NPI.",
    synonyms: ["hcp", "hcps", "doctor", "doctors", "physician", "physicians", "prescriber", "prescribers"],
    type: "string",
    joins: ["hcp"],
    sql: sql`concat_ws(' ', initcap(h.first_name), initcap(h.last_name)) || ' (' || h.npi || ')'`,
  },
  "Payments.manufacturer": {
    cubes: ["Payments"],
    title: "Manufacturer",
    description: "The manufacturer or group purchasing organisation that made the payment, as reported to CMS.",
    synonyms: ["manufacturer", "manufacturers", "company", "companies", "payer", "sponsor"],
    type: "string",
    joins: [],
    sql: sql`c.manufacturer`,
  },
  "Payments.nature": {
    cubes: ["Payments"],
    title: "Nature of payment",
    description: "What the payment was for, as CMS categorises it: food and beverage, consulting fee, travel, …",
    synonyms: ["nature", "type of payment", "payment type", "category", "what for"],
    type: "string",
    joins: [],
    sql: sql`c.nature`,
  },
  "Consent.channel": {
    cubes: ["Consent"],
    title: "Consent channel",
    description: "The channel the consent is for: email, phone, in person, SMS or fax.",
    synonyms: ["channel", "channels", "consent channel"],
    type: "string",
    joins: [],
    sql: sql`c.channel`,
  },
  "Nba.action": {
    cubes: ["Nba"],
    title: "Suggested action",
    description: "What the next-best action suggested: a call, an email, a sample or a follow-up.",
    synonyms: ["action", "actions", "suggestion type", "type of suggestion"],
    type: "string",
    joins: [],
    sql: sql`c.action`,
  },
  "Nba.reason": {
    cubes: ["Nba"],
    title: "Dismissal reason",
    description: "The reason the rep gave when dismissing a suggestion (blank for accepted ones).",
    synonyms: ["reason", "reasons", "why dismissed"],
    type: "string",
    joins: [],
    sql: sql`c.reason`,
  },
  "PartD.decile": {
    cubes: ["PartD"],
    title: "Part D decile",
    description:
      "The HCP's decile by market volume in the data year: the HCPs aligned to the org's territories ranked by their Part D claims of the market (the product's market when one is asked about), lowest first, and split into ten groups of about equal claims — 10 writes the most. Public data, the same for everyone in the org, unlike the decile the org sets on the account.",
    synonyms: ["part d decile", "volume decile", "claims decile", "market decile", "rx decile", "trx decile"],
    type: "number",
    ordinal: true,
    joins: [],
    sql: sql`c.decile`,
  },
  "CallPlans.plan": {
    cubes: ["CallPlans"],
    title: "Call plan",
    description: "The call plan (cycle plan) by name, e.g. Q4 2026.",
    synonyms: ["plan", "plans", "call plan", "cycle", "cycle plan"],
    type: "string",
    joins: [],
    sql: sql`c.plan`,
  },
  "PartD.drug": {
    cubes: ["PartD"],
    title: "Drug",
    description: "The Part D drug (brand name as CMS writes it): the org's brand or a competitor in its market.",
    synonyms: ["drug", "drugs", "brand", "competitor"],
    type: "string",
    joins: [],
    sql: sql`initcap(c.drug)`,
  },
} satisfies Record<string, Dimension>;

export const TIME_DIMENSIONS = {
  "Calls.occurredAt": {
    title: "Date of call",
    description: "When the call happened (UTC days).",
    synonyms: ["date", "day", "week", "month", "quarter", "year", "when", "over time", "trend"],
  },
  "Payments.paidOn": {
    title: "Date of payment",
    description: "The date of the payment as reported to CMS (Open Payments is published once a year, each June).",
    synonyms: ["date", "month", "quarter", "year"],
  },
  "Tasks.dueDate": {
    title: "Due date",
    description: "The day the task is due.",
    synonyms: ["due", "due date", "deadline"],
  },
  "Coverage.callDate": {
    title: "Date of call",
    description:
      "The period in which a call reaches a target HCP (the last 90 days when none is said; by month, each month).",
    synonyms: ["date", "month", "quarter", "when"],
  },
  "Consent.recordedAt": {
    title: "Date recorded",
    description:
      "Consent in force at the end of the period (today when none is said); opt-ins and opt-outs recorded in it.",
    synonyms: ["date", "month", "as of"],
  },
  "Nba.decidedAt": {
    title: "Date decided",
    description: "When the rep accepted or dismissed the suggestion.",
    synonyms: ["date", "month", "when"],
  },
  "CallPlans.cycle": {
    title: "Plan cycle",
    description:
      "A period counts the plans whose cycle overlaps it (the plans running today when none is said); by month or quarter, each plan falls in the bucket its cycle starts in. A plan's calls are always those of its whole cycle.",
    synonyms: ["cycle", "plan period", "quarter"],
  },
  "PartD.year": {
    title: "Data year",
    description: "The CMS data year of the Part D row (published once a year, about two years behind).",
    synonyms: ["year", "data year"],
  },
} satisfies Record<string, Member>;

export { CUBE_TIME } from "./figures";

export type MeasureName = keyof typeof MEASURES;
export type DimensionName = keyof typeof DIMENSIONS;
export type TimeDimensionName = keyof typeof TIME_DIMENSIONS;

const namesOf = <T extends string>(record: Record<T, unknown>) => Object.keys(record) as [T, ...T[]];
export const MEASURE_NAMES = namesOf<MeasureName>(MEASURES);
export const DIMENSION_NAMES = namesOf<DimensionName>(DIMENSIONS);
export const TIME_DIMENSION_NAMES = namesOf<TimeDimensionName>(TIME_DIMENSIONS);

/** The title and definition of any member, for the answer's "definitions used". */
export function memberOf(name: string): (Member & { format?: Format; cube?: CubeName; list?: true }) | undefined {
  return (
    (MEASURES as Record<string, Measure>)[name] ??
    (DIMENSIONS as Record<string, Dimension>)[name] ??
    (TIME_DIMENSIONS as Record<string, Member>)[name]
  );
}
