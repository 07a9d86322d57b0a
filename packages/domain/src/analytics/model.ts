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
import { sql, type SQL } from "drizzle-orm";

export type Format = "count" | "ratio" | "percent";
export type Join = "rep" | "territory" | "region" | "hcp" | "specialty" | "attribute" | "product";
export type CubeName = "Calls" | "PartD";

export const CUBES: Record<CubeName, { title: string; source: string }> = {
  Calls: { title: "calls", source: "CRM interactions" },
  PartD: {
    title: "Part D prescribing",
    source: "CMS Medicare Part D Prescribers by Provider and Drug, for HCPs aligned to your territories",
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

export const MEASURES = {
  "Calls.count": {
    cube: "Calls",
    title: "Calls",
    description: "Calls (interactions) logged, of any channel. With a product, the calls that discussed or sampled it.",
    synonyms: ["calls", "visits", "interactions", "activity", "touchpoints", "meetings"],
    format: "count",
    // One row per call at call grain; at product grain a call has a row per product, so it is counted once.
    sql: (grain) => (grain === "product" ? sql`count(distinct c.id)` : sql`count(*)`),
  },
  "Calls.details": {
    cube: "Calls",
    title: "Details",
    description: "Products discussed on calls: a call that discussed three products counts three details.",
    synonyms: ["details", "detailing", "product details", "products discussed", "mentions"],
    format: "count",
    sql: (grain) =>
      grain === "product" ? sql`count(*) filter (where cp.discussed)` : sql`coalesce(sum(c.details), 0)`,
    needs: "details",
  },
  "Calls.samples": {
    cube: "Calls",
    title: "Samples dropped",
    description: "Sample units left on calls (the quantities recorded on each call, per product).",
    synonyms: ["samples", "samples dropped", "sample units", "samples left", "drops"],
    format: "count",
    sql: (grain) => (grain === "product" ? sql`coalesce(sum(cp.quantity), 0)` : sql`coalesce(sum(c.samples), 0)`),
    needs: "samples",
  },
  "Calls.reach": {
    cube: "Calls",
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
    cube: "Calls",
    title: "Call frequency",
    description: "Calls per HCP reached: calls ÷ distinct HCPs with at least one call in the period.",
    synonyms: ["frequency", "call frequency", "calls per hcp", "calls per doctor", "average calls"],
    format: "ratio",
    sql: (grain) =>
      sql`round(${grain === "product" ? sql`count(distinct c.id)` : sql`count(*)`}::numeric / nullif(count(distinct c.hcp_npi), 0), 2)`,
  },
  "PartD.claims": {
    cube: "PartD",
    title: "Part D claims",
    description:
      "Medicare Part D claims (prescriptions, refills included) of the org's products — or of the product asked about — written by HCPs aligned to your territories, in a CMS data year. CMS publishes a drug row only at 11 claims or more.",
    synonyms: ["claims", "trx", "scripts", "prescriptions", "rx", "prescribing", "volume"],
    format: "count",
    sql: () => sql`coalesce(sum(c.claims) filter (where c.own), 0)`,
  },
  "PartD.marketClaims": {
    cube: "PartD",
    title: "Market claims",
    description:
      "Part D claims of every drug in the product's market (the org's brand and its competitors), each drug counted once even when it belongs to two markets.",
    synonyms: ["market claims", "market volume", "market size", "market trx"],
    format: "count",
    sql: () => sql`coalesce(sum(c.claims), 0)`,
  },
  "PartD.share": {
    cube: "PartD",
    title: "Market share",
    description: "Part D claims of the org's product ÷ claims of its whole market, by data year.",
    synonyms: ["share", "market share", "share of market", "sov"],
    format: "percent",
    sql: () => sql`round(coalesce(sum(c.claims) filter (where c.own), 0)::numeric / nullif(sum(c.claims), 0), 4)`,
  },
  "PartD.writers": {
    cube: "PartD",
    title: "Writers",
    description: "Distinct HCPs with Part D claims of the product in the data year (at least 11, CMS's threshold).",
    synonyms: ["writers", "prescribers", "hcps writing", "doctors prescribing"],
    format: "count",
    sql: () => sql`count(distinct c.hcp_npi) filter (where c.own)`,
  },
  "PartD.newWriters": {
    cube: "PartD",
    title: "New writers",
    description:
      "HCPs with Part D claims of the product in the data year and none published the year before. Blank when the year before is not loaded.",
    synonyms: ["new writers", "new prescribers", "new to brand writers"],
    format: "count",
    sql: () =>
      sql`case when bool_or(c.own and c.new_writer is null) then null else count(distinct c.hcp_npi) filter (where c.own and c.new_writer) end`,
    needs: "newWriter",
  },
} satisfies Record<string, Measure>;

export const DIMENSIONS = {
  "Reps.name": {
    cubes: ["Calls"],
    title: "Rep",
    description: "The rep who logged the call.",
    synonyms: ["rep", "reps", "representative", "owner", "person", "team member", "who"],
    type: "string",
    joins: ["rep"],
    sql: sql`u.name`,
  },
  "Territories.name": {
    cubes: ["Calls", "PartD"],
    title: "Territory",
    description:
      "Calls: the territory the call was logged in (where the HCP was aligned at the time). Part D: the territory the HCP is aligned to today.",
    synonyms: ["territory", "territories", "area"],
    type: "string",
    joins: ["territory"],
    sql: sql`t.name`,
  },
  "Regions.name": {
    cubes: ["Calls", "PartD"],
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
    cubes: ["Calls", "PartD"],
    title: "Specialty",
    description: "The HCP's primary specialty (NPPES taxonomy, NUCC classification).",
    synonyms: ["specialty", "specialties", "speciality"],
    type: "string",
    joins: ["hcp", "specialty"],
    sql: sql`tx.classification`,
  },
  "Hcps.state": {
    cubes: ["Calls", "PartD"],
    title: "State",
    description: "The state of the HCP's practice address (NPPES).",
    synonyms: ["state", "states"],
    type: "string",
    joins: ["hcp"],
    sql: sql`h.practice_state`,
  },
  "Hcps.city": {
    cubes: ["Calls", "PartD"],
    title: "City",
    description: "The city of the HCP's practice address (NPPES).",
    synonyms: ["city", "cities", "town"],
    type: "string",
    joins: ["hcp"],
    sql: sql`initcap(h.practice_city)`,
  },
  "Hcps.tier": {
    cubes: ["Calls", "PartD"],
    title: "Tier",
    description: "The org's tier for the HCP (A–D), as set on the account.",
    synonyms: ["tier", "tiers"],
    type: "string",
    joins: ["attribute"],
    sql: sql`a.tier`,
  },
  "Hcps.segment": {
    cubes: ["Calls", "PartD"],
    title: "Segment",
    description: "The org's segment for the HCP, as set on the account.",
    synonyms: ["segment", "segments"],
    type: "string",
    joins: ["attribute"],
    sql: sql`a.segment`,
  },
  "Hcps.decile": {
    cubes: ["Calls", "PartD"],
    title: "Decile",
    description: "The HCP's decile (1–10, 10 the highest market volume), as the org set it on the account.",
    synonyms: ["decile", "deciles"],
    type: "number",
    joins: ["attribute"],
    sql: sql`a.decile`,
  },
  "Hcps.name": {
    cubes: ["Calls", "PartD"],
    title: "HCP",
    description: "The HCP, by name and NPI.",
    synonyms: ["hcp", "hcps", "doctor", "doctors", "physician", "physicians", "prescriber", "prescribers"],
    type: "string",
    joins: ["hcp"],
    sql: sql`concat_ws(' ', initcap(h.first_name), initcap(h.last_name)) || ' (' || h.npi || ')'`,
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
  "PartD.year": {
    title: "Data year",
    description: "The CMS data year of the Part D row (published once a year, about two years behind).",
    synonyms: ["year", "data year"],
  },
} satisfies Record<string, Member>;

/** Each cube's time dimension. */
export const CUBE_TIME: Record<CubeName, TimeDimensionName> = { Calls: "Calls.occurredAt", PartD: "PartD.year" };

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
