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
    rollup: sql`coalesce(sum(c.calls), 0)`,
  },
  "Calls.details": {
    cube: "Calls",
    title: "Details",
    description: "Products discussed on calls: a call that discussed three products counts three details.",
    synonyms: ["details", "detailing", "product details", "products discussed", "mentions"],
    format: "count",
    sql: (grain) =>
      grain === "product" ? sql`count(*) filter (where cp.discussed)` : sql`coalesce(sum(c.details), 0)`,
    rollup: sql`coalesce(sum(c.details), 0)`,
    needs: "details",
  },
  "Calls.samples": {
    cube: "Calls",
    title: "Samples dropped",
    description: "Sample units left on calls (the quantities recorded on each call, per product).",
    synonyms: ["samples", "samples dropped", "sample units", "samples left", "drops"],
    format: "count",
    sql: (grain) => (grain === "product" ? sql`coalesce(sum(cp.quantity), 0)` : sql`coalesce(sum(c.samples), 0)`),
    rollup: sql`coalesce(sum(c.samples), 0)`,
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
    perHcp: sql`count(*)`,
  },
  "Calls.frequency": {
    cube: "Calls",
    title: "Call frequency",
    description: "Calls per HCP reached: calls ÷ distinct HCPs with at least one call in the period.",
    synonyms: ["frequency", "call frequency", "calls per hcp", "calls per doctor", "average calls"],
    format: "ratio",
    sql: (grain) =>
      sql`round(${grain === "product" ? sql`count(distinct c.id)` : sql`count(*)`}::numeric / nullif(count(distinct c.hcp_npi), 0), 2)`,
    perHcp: sql`round(sum(c.calls)::numeric / nullif(count(*), 0), 2)`,
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
    perHcp: sql`count(*)`,
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
  // Coverage: target HCPs × period; distinct counts, so a rep breakdown (an HCP under each rep of its territory)
  // never multiplies one.
  "Coverage.hcps": {
    cube: "Coverage",
    title: "Target HCPs",
    description:
      "HCPs on the org's account list (a tier, segment or decile set) practising in your territories' ZIP codes.",
    synonyms: ["targets", "target hcps", "target list", "accounts", "universe", "call list"],
    format: "count",
    sql: () => sql`count(distinct c.hcp_npi)`,
    perHcp: sql`count(*)`,
  },
  "Coverage.reached": {
    cube: "Coverage",
    title: "Targets reached",
    description: "Target HCPs with at least one call (that you may see) in the period.",
    synonyms: ["targets reached", "covered", "targets called", "targets seen"],
    list: true,
    format: "count",
    sql: () => sql`count(distinct c.hcp_npi) filter (where c.reached)`,
  },
  "Coverage.notReached": {
    cube: "Coverage",
    title: "Targets not reached",
    description: "Target HCPs with no call (that you may see) in the period.",
    synonyms: ["not reached", "not seen", "not called", "uncovered", "missed", "unseen"],
    list: true,
    format: "count",
    sql: () => sql`count(distinct c.hcp_npi) filter (where not c.reached)`,
  },
  "Coverage.rate": {
    cube: "Coverage",
    title: "Coverage",
    description:
      "Target HCPs reached ÷ target HCPs: the share of the target list with at least one call in the period.",
    synonyms: ["coverage", "coverage rate", "% covered", "percent covered", "reach rate"],
    format: "percent",
    sql: () =>
      sql`round((count(distinct c.hcp_npi) filter (where c.reached))::numeric / nullif(count(distinct c.hcp_npi), 0), 4)`,
  },
  "Coverage.daysSinceLastCall": {
    cube: "Coverage",
    title: "Days since last call",
    description:
      "Average days from a target HCP's last call to the end of the period (today for a period still running); HCPs never called are left out.",
    synonyms: ["days since last call", "days since last visit", "recency", "gap since last call"],
    format: "days",
    sql: () => sql`round(avg(c.days_since), 1)`,
    needs: "lastCall",
  },
  // Consent: target HCPs × consent channel × period; the all-products consent in force at the period's end.
  "Consent.optedIn": {
    cube: "Consent",
    title: "HCPs opted in",
    description:
      "Target HCPs whose latest all-products consent for the channel (any channel, without one) is a grant, at the period's end.",
    synonyms: ["opted in", "opt ins", "consented", "with consent", "have consent"],
    list: true,
    format: "count",
    sql: () => sql`count(distinct c.hcp_npi) filter (where c.status = 'granted')`,
  },
  "Consent.optedOut": {
    cube: "Consent",
    title: "HCPs opted out",
    description: "Target HCPs whose latest all-products consent for the channel is a revocation, at the period's end.",
    synonyms: ["opted out", "opt outs", "revoked", "unsubscribed", "withdrew consent"],
    list: true,
    format: "count",
    sql: () => sql`count(distinct c.hcp_npi) filter (where c.status = 'revoked')`,
  },
  "Consent.rate": {
    cube: "Consent",
    title: "Consent coverage",
    description: "HCPs opted in ÷ target HCPs, at the period's end.",
    synonyms: ["consent coverage", "consent rate", "opt-in rate", "% opted in", "percent consented"],
    format: "percent",
    sql: () =>
      sql`round((count(distinct c.hcp_npi) filter (where c.status = 'granted'))::numeric / nullif(count(distinct c.hcp_npi), 0), 4)`,
  },
  "Consent.grants": {
    cube: "Consent",
    title: "Opt-ins recorded",
    description: "All-products consent grants recorded in the period.",
    synonyms: ["opt-ins recorded", "new opt-ins", "consents captured", "grants"],
    format: "count",
    sql: () => sql`coalesce(sum(c.grants), 0)`,
  },
  "Consent.revocations": {
    cube: "Consent",
    title: "Opt-outs recorded",
    description: "All-products consent revocations (unsubscribes included) recorded in the period.",
    synonyms: ["opt-outs recorded", "new opt-outs", "revocations", "unsubscribes"],
    format: "count",
    sql: () => sql`coalesce(sum(c.revocations), 0)`,
  },
  // Next-best actions: one row per decision.
  "Nba.decisions": {
    cube: "Nba",
    title: "Suggestions decided",
    description: "Next-best-action suggestions a rep accepted or dismissed.",
    synonyms: ["decisions", "suggestions decided", "nba decisions", "suggestions acted on"],
    format: "count",
    sql: () => sql`count(*)`,
  },
  "Nba.accepted": {
    cube: "Nba",
    title: "Suggestions accepted",
    description: "Next-best-action suggestions accepted (each became a task).",
    synonyms: ["accepted", "accepts", "suggestions accepted"],
    format: "count",
    sql: () => sql`count(*) filter (where c.decision = 'accepted')`,
  },
  "Nba.dismissed": {
    cube: "Nba",
    title: "Suggestions dismissed",
    description: "Next-best-action suggestions dismissed, each with the rep's reason.",
    synonyms: ["dismissed", "dismissals", "rejected", "suggestions dismissed"],
    format: "count",
    sql: () => sql`count(*) filter (where c.decision = 'dismissed')`,
  },
  "Nba.acceptanceRate": {
    cube: "Nba",
    title: "Acceptance rate",
    description: "Suggestions accepted ÷ suggestions decided.",
    synonyms: ["acceptance rate", "accept rate", "% accepted", "take rate", "adoption of suggestions"],
    format: "percent",
    sql: () => sql`round((count(*) filter (where c.decision = 'accepted'))::numeric / nullif(count(*), 0), 4)`,
  },
  "Nba.dismissalRate": {
    cube: "Nba",
    title: "Dismissal rate",
    description: "Suggestions dismissed ÷ suggestions decided.",
    synonyms: ["dismissal rate", "dismiss rate", "% dismissed", "rejection rate"],
    format: "percent",
    sql: () => sql`round((count(*) filter (where c.decision = 'dismissed'))::numeric / nullif(count(*), 0), 4)`,
  },
} satisfies Record<string, Measure>;
