-- The per-drug totals are written in the order searches read them: by drug, year and specialty. A specialty's
-- writers of a market ("cardiology", ranked by the org's market volume) then sit on a few neighbouring pages
-- instead of thousands of scattered ones (measured at 1M HCPs: 30 ms of heap reads → under 10). REFRESH runs the
-- same query, so the order holds after every load. The unique keys of both totals go: every search reads them by
-- drug (or manufacturer) through the ranking index, and each refresh rebuilt the key for nothing (3.3 s per
-- million rows on PGlite).
DROP MATERIALIZED VIEW prescriber_drug_total;--> statement-breakpoint
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
  JOIN hcp h ON h.npi = t.npi AND h.entity_type = 1 AND h.deactivation_date IS NULL
  ORDER BY t.name, t.year, h.primary_taxonomy_code, t.claims DESC, t.npi;--> statement-breakpoint
CREATE INDEX prescriber_drug_total_rank_idx ON prescriber_drug_total (name, year, claims DESC, npi);--> statement-breakpoint
CREATE INDEX prescriber_drug_total_taxonomy_idx ON prescriber_drug_total (name, year, primary_taxonomy_code);--> statement-breakpoint
CREATE INDEX prescriber_drug_total_state_idx ON prescriber_drug_total (name, year, practice_state);--> statement-breakpoint
CREATE INDEX prescriber_drug_total_zip_idx ON prescriber_drug_total (name, year, practice_zip5);--> statement-breakpoint
DROP INDEX payee_manufacturer_total_key;--> statement-breakpoint
ANALYZE prescriber_drug_total;
