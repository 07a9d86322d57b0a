-- Per drug name and per manufacturer, each HCP's total, kept in the order search ranks by: "writes Eliquis" or
-- "paid by Pfizer" then reads the top of an index instead of aggregating tens of thousands of rows per query.
-- Refreshed by the Part D and Open Payments pipelines when a run finishes (refreshRankedTotals in @pharmacrm/db).
-- A drug name is any Part D brand or generic name; its claims are those of the rows with that brand or that generic.
CREATE MATERIALIZED VIEW prescriber_drug_total AS
  SELECT name, year, npi, sum(total_claims)::int AS claims
  FROM (
    SELECT brand_name AS name, year, npi, total_claims FROM part_d_prescribing
    UNION ALL
    SELECT generic_name, year, npi, total_claims FROM part_d_prescribing WHERE generic_name <> brand_name
  ) named
  GROUP BY name, year, npi;--> statement-breakpoint
CREATE UNIQUE INDEX prescriber_drug_total_key ON prescriber_drug_total (name, year, npi);--> statement-breakpoint
CREATE INDEX prescriber_drug_total_rank_idx ON prescriber_drug_total (name, year, claims DESC, npi);--> statement-breakpoint
CREATE MATERIALIZED VIEW payee_manufacturer_total AS
  SELECT manufacturer_name, npi, sum(amount_usd)::float8 AS amount_usd, count(*)::int AS payments
  FROM open_payment WHERE npi IS NOT NULL
  GROUP BY manufacturer_name, npi;--> statement-breakpoint
CREATE UNIQUE INDEX payee_manufacturer_total_key ON payee_manufacturer_total (manufacturer_name, npi);--> statement-breakpoint
CREATE INDEX payee_manufacturer_total_rank_idx ON payee_manufacturer_total (manufacturer_name, amount_usd DESC, npi);
