// The semantic model, written once: every measure and dimension a question can name, with its title, its written
// definition (shown to the person on demand), the words people use for it and its SQL over the compiler's aliases.
// Two cubes, each a fact the compiler builds as `c` with the same key columns (org, HCP, territory):
//
// Calls — one row per interaction the viewer may see. A product dimension or filter moves the grain to call ×
// product (cp: products discussed or sampled on the call), so a call with three products counts once in calls and
// three times in details. Every other join is many-to-one (the call's rep, territory, region, HCP, the HCP's
// specialty and the org's attributes for the HCP), so nothing fans out.
//
// PartD — one row per CMS Part D row (HCP × drug × year) of a drug in the markets asked about, for HCPs aligned to
// the viewer's territories, each drug once even when it sits in two markets; `own` marks the org's brand (or the
// product asked about). With a product dimension the grain is product × row, each product's market its own group.
//
// Payments — one row per Open Payments general payment to an HCP aligned to the viewer's territories.
// Tasks — one row per task the viewer may see (a rep's own and their territories', a manager's region, …).
import { sql, type SQL } from "drizzle-orm";

import { MEASURES } from "./measures";

export type Format = "count" | "ratio" | "percent" | "usd";
export type Join = "rep" | "territory" | "region" | "hcp" | "specialty" | "attribute" | "product";
export type CubeName = "Calls" | "PartD" | "Payments" | "Tasks";

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
  /** Figures the fact needs in its CTE: per-call details or samples, Part D's new-writer flag. */
  needs?: "details" | "samples" | "newWriter";
}

export interface Dimension extends Member {
  type: "string" | "number";
  /** The cubes it breaks down; a Part D row has no rep or channel. */
  cubes: readonly CubeName[];
  joins: readonly Join[];
  sql: SQL;
}

export { MEASURES };

export const DIMENSIONS = {
  "Reps.name": {
    cubes: ["Calls", "Tasks"],
    title: "Rep",
    description: "The rep who logged the call, or who owns the task.",
    synonyms: ["rep", "reps", "representative", "owner", "person", "team member", "who"],
    type: "string",
    joins: ["rep"],
    sql: sql`u.name`,
  },
  "Territories.name": {
    cubes: ["Calls", "PartD", "Payments", "Tasks"],
    title: "Territory",
    description:
      "Calls and tasks: the territory they were logged in. Part D and Open Payments: the territory the HCP is aligned to today.",
    synonyms: ["territory", "territories", "area"],
    type: "string",
    joins: ["territory"],
    sql: sql`t.name`,
  },
  "Regions.name": {
    cubes: ["Calls", "PartD", "Payments", "Tasks"],
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
    cubes: ["Calls", "PartD", "Payments", "Tasks"],
    title: "Specialty",
    description: "The HCP's primary specialty (NPPES taxonomy, NUCC classification).",
    synonyms: ["specialty", "specialties", "speciality"],
    type: "string",
    joins: ["hcp", "specialty"],
    sql: sql`tx.classification`,
  },
  "Hcps.state": {
    cubes: ["Calls", "PartD", "Payments", "Tasks"],
    title: "State",
    description: "The state of the HCP's practice address (NPPES).",
    synonyms: ["state", "states"],
    type: "string",
    joins: ["hcp"],
    sql: sql`h.practice_state`,
  },
  "Hcps.city": {
    cubes: ["Calls", "PartD", "Payments", "Tasks"],
    title: "City",
    description: "The city of the HCP's practice address (NPPES).",
    synonyms: ["city", "cities", "town"],
    type: "string",
    joins: ["hcp"],
    sql: sql`initcap(h.practice_city)`,
  },
  "Hcps.tier": {
    cubes: ["Calls", "PartD", "Payments", "Tasks"],
    title: "Tier",
    description: "The org's tier for the HCP (A–D), as set on the account.",
    synonyms: ["tier", "tiers"],
    type: "string",
    joins: ["attribute"],
    sql: sql`a.tier`,
  },
  "Hcps.segment": {
    cubes: ["Calls", "PartD", "Payments", "Tasks"],
    title: "Segment",
    description: "The org's segment for the HCP, as set on the account.",
    synonyms: ["segment", "segments"],
    type: "string",
    joins: ["attribute"],
    sql: sql`a.segment`,
  },
  "Hcps.decile": {
    cubes: ["Calls", "PartD", "Payments", "Tasks"],
    title: "Decile",
    description: "The HCP's decile (1–10, 10 the highest market volume), as the org set it on the account.",
    synonyms: ["decile", "deciles"],
    type: "number",
    joins: ["attribute"],
    sql: sql`a.decile`,
  },
  "Hcps.name": {
    cubes: ["Calls", "PartD", "Payments", "Tasks"],
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
  "PartD.year": {
    title: "Data year",
    description: "The CMS data year of the Part D row (published once a year, about two years behind).",
    synonyms: ["year", "data year"],
  },
} satisfies Record<string, Member>;

/** Each cube's time dimension. */
export const CUBE_TIME: Record<CubeName, TimeDimensionName> = {
  Calls: "Calls.occurredAt",
  PartD: "PartD.year",
  Payments: "Payments.paidOn",
  Tasks: "Tasks.dueDate",
};

export type MeasureName = keyof typeof MEASURES;
export type DimensionName = keyof typeof DIMENSIONS;
export type TimeDimensionName = keyof typeof TIME_DIMENSIONS;

const namesOf = <T extends string>(record: Record<T, unknown>) => Object.keys(record) as [T, ...T[]];
export const MEASURE_NAMES = namesOf<MeasureName>(MEASURES);
export const DIMENSION_NAMES = namesOf<DimensionName>(DIMENSIONS);
export const TIME_DIMENSION_NAMES = namesOf<TimeDimensionName>(TIME_DIMENSIONS);

/** The title and definition of any member, for the answer's "definitions used". */
export function memberOf(name: string): (Member & { format?: Format; cube?: CubeName }) | undefined {
  return (
    (MEASURES as Record<string, Measure>)[name] ??
    (DIMENSIONS as Record<string, Dimension>)[name] ??
    (TIME_DIMENSIONS as Record<string, Member>)[name]
  );
}
