// The semantic model, written once: every measure and dimension a question can name, with its title, its written
// definition (shown to the person on demand), the words people use for it and its SQL over the compiler's aliases.
//
// The grain is the call (c: one row per interaction the viewer may see). A product dimension or filter moves the
// grain to call × product (cp: products discussed or sampled on the call), so a call with three products counts
// once in calls and three times in details. Every other join is many-to-one (the call's rep, territory, region,
// HCP, the HCP's specialty and the org's attributes for the HCP), so nothing fans out.
import { sql, type SQL } from "drizzle-orm";

export type Format = "count" | "ratio";
export type Join = "rep" | "territory" | "region" | "hcp" | "specialty" | "attribute" | "product";

export interface Member {
  title: string;
  description: string;
  /** Words people use for it, for the copilot's parser and the explore view's search. */
  synonyms: readonly string[];
}

export interface Measure extends Member {
  format: Format;
  /** The aggregate at call grain (c) and at call × product grain (cp). */
  sql: (grain: "call" | "product") => SQL;
  /** Per-call figures the call grain needs in its CTE. */
  needs?: "details" | "samples";
}

export interface Dimension extends Member {
  type: "string" | "number";
  joins: readonly Join[];
  sql: SQL;
}

export const MEASURES = {
  "Calls.count": {
    title: "Calls",
    description: "Calls (interactions) logged, of any channel. With a product, the calls that discussed or sampled it.",
    synonyms: ["calls", "visits", "interactions", "activity", "touchpoints", "meetings"],
    format: "count",
    // One row per call at call grain; at product grain a call has a row per product, so it is counted once.
    sql: (grain) => (grain === "product" ? sql`count(distinct c.id)` : sql`count(*)`),
  },
  "Calls.details": {
    title: "Details",
    description: "Products discussed on calls: a call that discussed three products counts three details.",
    synonyms: ["details", "detailing", "product details", "products discussed", "mentions"],
    format: "count",
    sql: (grain) =>
      grain === "product" ? sql`count(*) filter (where cp.discussed)` : sql`coalesce(sum(c.details), 0)`,
    needs: "details",
  },
  "Calls.samples": {
    title: "Samples dropped",
    description: "Sample units left on calls (the quantities recorded on each call, per product).",
    synonyms: ["samples", "samples dropped", "sample units", "samples left", "drops"],
    format: "count",
    sql: (grain) => (grain === "product" ? sql`coalesce(sum(cp.quantity), 0)` : sql`coalesce(sum(c.samples), 0)`),
    needs: "samples",
  },
  "Calls.reach": {
    title: "HCPs reached",
    description: "Distinct HCPs with at least one call in the period.",
    synonyms: [
      "reach",
      "hcps reached",
      "doctors reached",
      "physicians reached",
      "hcps seen",
      "doctors seen",
      "unique hcps",
    ],
    format: "count",
    sql: () => sql`count(distinct c.hcp_npi)`,
  },
  "Calls.frequency": {
    title: "Call frequency",
    description: "Calls per HCP reached: calls ÷ distinct HCPs with at least one call in the period.",
    synonyms: ["frequency", "call frequency", "calls per hcp", "calls per doctor", "average calls"],
    format: "ratio",
    sql: (grain) =>
      sql`round(${grain === "product" ? sql`count(distinct c.id)` : sql`count(*)`}::numeric / nullif(count(distinct c.hcp_npi), 0), 2)`,
  },
} satisfies Record<string, Measure>;

export const DIMENSIONS = {
  "Reps.name": {
    title: "Rep",
    description: "The rep who logged the call.",
    synonyms: ["rep", "reps", "representative", "owner", "person", "team member", "who"],
    type: "string",
    joins: ["rep"],
    sql: sql`u.name`,
  },
  "Territories.name": {
    title: "Territory",
    description: "The territory the call was logged in (where the HCP was aligned at the time).",
    synonyms: ["territory", "territories", "area"],
    type: "string",
    joins: ["territory"],
    sql: sql`t.name`,
  },
  "Regions.name": {
    title: "Region",
    description: "The region of the call's territory.",
    synonyms: ["region", "regions", "district"],
    type: "string",
    joins: ["territory", "region"],
    sql: sql`r.name`,
  },
  "Calls.channel": {
    title: "Channel",
    description: "How the call happened: in person, phone, video, email, chat or other.",
    synonyms: ["channel", "channels", "call type", "type of call"],
    type: "string",
    joins: [],
    sql: sql`c.channel::text`,
  },
  "Products.name": {
    title: "Product",
    description: "A product of the org discussed or sampled on the call.",
    synonyms: ["product", "products", "brand", "brands"],
    type: "string",
    joins: ["product"],
    sql: sql`p.name`,
  },
  "Hcps.specialty": {
    title: "Specialty",
    description: "The HCP's primary specialty (NPPES taxonomy, NUCC classification).",
    synonyms: ["specialty", "specialties", "speciality"],
    type: "string",
    joins: ["hcp", "specialty"],
    sql: sql`tx.classification`,
  },
  "Hcps.state": {
    title: "State",
    description: "The state of the HCP's practice address (NPPES).",
    synonyms: ["state", "states"],
    type: "string",
    joins: ["hcp"],
    sql: sql`h.practice_state`,
  },
  "Hcps.city": {
    title: "City",
    description: "The city of the HCP's practice address (NPPES).",
    synonyms: ["city", "cities", "town"],
    type: "string",
    joins: ["hcp"],
    sql: sql`initcap(h.practice_city)`,
  },
  "Hcps.tier": {
    title: "Tier",
    description: "The org's tier for the HCP (A–D), as set on the account.",
    synonyms: ["tier", "tiers"],
    type: "string",
    joins: ["attribute"],
    sql: sql`a.tier`,
  },
  "Hcps.segment": {
    title: "Segment",
    description: "The org's segment for the HCP, as set on the account.",
    synonyms: ["segment", "segments"],
    type: "string",
    joins: ["attribute"],
    sql: sql`a.segment`,
  },
  "Hcps.decile": {
    title: "Decile",
    description: "The HCP's decile (1–10, 10 the highest market volume), as the org set it on the account.",
    synonyms: ["decile", "deciles"],
    type: "number",
    joins: ["attribute"],
    sql: sql`a.decile`,
  },
} satisfies Record<string, Dimension>;

export const TIME_DIMENSIONS = {
  "Calls.occurredAt": {
    title: "Date of call",
    description: "When the call happened (UTC days).",
    synonyms: ["date", "day", "week", "month", "quarter", "year", "when", "over time", "trend"],
  },
} satisfies Record<string, Member>;

export type MeasureName = keyof typeof MEASURES;
export type DimensionName = keyof typeof DIMENSIONS;
export type TimeDimensionName = keyof typeof TIME_DIMENSIONS;

const namesOf = <T extends string>(record: Record<T, unknown>) => Object.keys(record) as [T, ...T[]];
export const MEASURE_NAMES = namesOf<MeasureName>(MEASURES);
export const DIMENSION_NAMES = namesOf<DimensionName>(DIMENSIONS);
export const TIME_DIMENSION_NAMES = namesOf<TimeDimensionName>(TIME_DIMENSIONS);

/** The title and definition of any member, for the answer's "definitions used". */
export function memberOf(name: string): (Member & { format?: Format }) | undefined {
  return (
    (MEASURES as Record<string, Measure>)[name] ??
    (DIMENSIONS as Record<string, Dimension>)[name] ??
    (TIME_DIMENSIONS as Record<string, Member>)[name]
  );
}
