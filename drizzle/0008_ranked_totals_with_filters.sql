-- The ranked totals carry the columns search filters on most (primary taxonomy, state, ZIP) and hold active
-- individuals only, so "endocrinologist writes Ozempic" is answered from one index of the totals without joining a
-- million HCPs. They now depend on hcp too: NPPES runs refresh them as well.
DROP MATERIALIZED VIEW prescriber_drug_total;--> statement-breakpoint
DROP MATERIALIZED VIEW payee_manufacturer_total;--> statement-breakpoint
CREATE MATERIALIZED VIEW prescriber_drug_total AS
  SELECT t.name, t.year, t.npi, t.claims, h.primary_taxonomy_code, h.practice_state, h.practice_zip5
  FROM (
    SELECT name, year, npi, sum(total_claims)::int AS claims
    FROM (
      SELECT brand_name AS name, year, npi, total_claims FROM part_d_prescribing
      UNION ALL
      SELECT generic_name, year, npi, total_claims FROM part_d_prescribing WHERE generic_name <> brand_name
    ) named
    GROUP BY name, year, npi
  ) t
  JOIN hcp h ON h.npi = t.npi AND h.entity_type = 1 AND h.deactivation_date IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX prescriber_drug_total_key ON prescriber_drug_total (name, year, npi);--> statement-breakpoint
CREATE INDEX prescriber_drug_total_rank_idx ON prescriber_drug_total (name, year, claims DESC, npi);--> statement-breakpoint
CREATE INDEX prescriber_drug_total_taxonomy_idx ON prescriber_drug_total (name, year, primary_taxonomy_code);--> statement-breakpoint
CREATE INDEX prescriber_drug_total_state_idx ON prescriber_drug_total (name, year, practice_state);--> statement-breakpoint
CREATE INDEX prescriber_drug_total_zip_idx ON prescriber_drug_total (name, year, practice_zip5);--> statement-breakpoint
CREATE MATERIALIZED VIEW payee_manufacturer_total AS
  SELECT t.manufacturer_name, t.npi, t.amount_usd, t.payments, h.primary_taxonomy_code, h.practice_state, h.practice_zip5
  FROM (
    SELECT manufacturer_name, npi, sum(amount_usd)::float8 AS amount_usd, count(*)::int AS payments
    FROM open_payment WHERE npi IS NOT NULL
    GROUP BY manufacturer_name, npi
  ) t
  JOIN hcp h ON h.npi = t.npi AND h.entity_type = 1 AND h.deactivation_date IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX payee_manufacturer_total_key ON payee_manufacturer_total (manufacturer_name, npi);--> statement-breakpoint
CREATE INDEX payee_manufacturer_total_rank_idx ON payee_manufacturer_total (manufacturer_name, amount_usd DESC, npi);--> statement-breakpoint
CREATE INDEX payee_manufacturer_total_taxonomy_idx ON payee_manufacturer_total (manufacturer_name, primary_taxonomy_code);--> statement-breakpoint
CREATE INDEX payee_manufacturer_total_state_idx ON payee_manufacturer_total (manufacturer_name, practice_state);--> statement-breakpoint
CREATE INDEX payee_manufacturer_total_zip_idx ON payee_manufacturer_total (manufacturer_name, practice_zip5);
--> statement-breakpoint
ANALYZE prescriber_drug_total;--> statement-breakpoint
ANALYZE payee_manufacturer_total;
