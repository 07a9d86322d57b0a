// Every measure of the model, by cube, with its title, its written definition (shown to the person on demand), the
// words people use for it and its aggregate over the compiler's fact `c` (model.ts describes each cube's grain).
import { sql } from "drizzle-orm";

import type { Measure } from "./model";

export const MEASURES = {
  // Calls: at call grain, or call × product with a product dimension or filter.
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
  // Part D: rows of the markets asked about; `own` marks the org's brand (or the product asked about).
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
  // Open Payments: general payments to HCPs aligned to the viewer's territories.
  "Payments.amount": {
    cube: "Payments",
    title: "Payments received",
    description:
      "US dollars of general payments (food, travel, consulting, speaking, …) reported to CMS Open Payments by manufacturers, to HCPs aligned to your territories.",
    synonyms: ["payments", "amount paid", "spend", "transfers of value", "dollars"],
    format: "usd",
    sql: () => sql`coalesce(sum(c.amount), 0)`,
  },
  "Payments.count": {
    cube: "Payments",
    title: "Number of payments",
    description: "General payments reported (a record that stands for several payments counts them all).",
    synonyms: ["number of payments", "payment count", "how many payments"],
    format: "count",
    sql: () => sql`coalesce(sum(c.payments), 0)`,
  },
  "Payments.manufacturers": {
    cube: "Payments",
    title: "Paying manufacturers",
    description: "Distinct manufacturers (or group purchasing organisations) that made the payments.",
    synonyms: ["manufacturers", "companies", "paying companies"],
    format: "count",
    sql: () => sql`count(distinct c.manufacturer)`,
  },
  "Payments.recipients": {
    cube: "Payments",
    title: "HCPs paid",
    description: "Distinct HCPs who received at least one general payment.",
    synonyms: ["recipients", "hcps paid", "doctors paid"],
    format: "count",
    sql: () => sql`count(distinct c.hcp_npi)`,
  },
  // Tasks: the viewer's visible tasks; the period, when said, is the due date.
  "Tasks.open": {
    cube: "Tasks",
    title: "Open tasks",
    description: "Tasks not yet done or cancelled.",
    synonyms: ["open tasks", "to-dos", "outstanding tasks", "pending tasks"],
    format: "count",
    sql: () => sql`count(*) filter (where c.status = 'open')`,
  },
  "Tasks.overdue": {
    cube: "Tasks",
    title: "Overdue tasks",
    description: "Open tasks whose due date is before today.",
    synonyms: ["overdue", "late tasks", "past due"],
    format: "count",
    sql: () => sql`count(*) filter (where c.status = 'open' and c.due_date < c.today)`,
  },
  "Tasks.completed": {
    cube: "Tasks",
    title: "Completed tasks",
    description: "Tasks marked done.",
    synonyms: ["completed", "done", "closed tasks", "finished"],
    format: "count",
    sql: () => sql`count(*) filter (where c.status = 'done')`,
  },
} satisfies Record<string, Measure>;
