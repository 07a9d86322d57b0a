CREATE TABLE "call_rollup" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"owner_id" uuid NOT NULL,
	"territory_id" uuid,
	"channel" "interaction_channel" NOT NULL,
	"product_id" uuid,
	"calls" integer NOT NULL,
	"details" integer NOT NULL,
	"samples" integer NOT NULL,
	CONSTRAINT "call_rollup_group" UNIQUE NULLS NOT DISTINCT("org_id","day","owner_id","territory_id","channel","product_id")
);
--> statement-breakpoint
CREATE INDEX "call_rollup_org_day_idx" ON "call_rollup" USING btree ("org_id","day");--> statement-breakpoint
-- The groups (org, UTC day, rep, territory, channel) given, recomputed from the calls, their products and samples;
-- every group when none is given (the backfill below, and a rebuild after a bulk load with the triggers off).
CREATE OR REPLACE FUNCTION call_rollup_refresh(
  k_org uuid[], k_day date[], k_owner uuid[], k_territory uuid[], k_channel interaction_channel[]
) RETURNS void AS $$
BEGIN
  -- One writer per org at a time, so a statement recomputing a group sees the calls committed before it.
  PERFORM pg_advisory_xact_lock(hashtext('call_rollup'), hashtext(o::text))
  FROM (SELECT DISTINCT unnest(k_org) AS o ORDER BY 1) orgs;
  IF k_org IS NULL THEN
    DELETE FROM call_rollup;
  ELSE
    DELETE FROM call_rollup r
    USING unnest(k_org, k_day, k_owner, k_territory, k_channel) AS k(org_id, day, owner_id, territory_id, channel)
    WHERE r.org_id = k.org_id AND r.day = k.day AND r.owner_id = k.owner_id
      AND r.territory_id IS NOT DISTINCT FROM k.territory_id AND r.channel = k.channel;
  END IF;
  INSERT INTO call_rollup (org_id, day, owner_id, territory_id, channel, product_id, calls, details, samples)
  WITH k AS (
    SELECT DISTINCT * FROM unnest(k_org, k_day, k_owner, k_territory, k_channel)
      AS k(org_id, day, owner_id, territory_id, channel)
  ), i AS MATERIALIZED (
    SELECT i.id, i.org_id, (i.occurred_at AT TIME ZONE 'UTC')::date AS day, i.owner_id, i.territory_id, i.channel
    FROM interaction i WHERE k_org IS NULL
    UNION ALL
    -- The day both as a range (an index scan for a few groups) and as an equality (a hash join for many).
    SELECT i.id, i.org_id, k.day, i.owner_id, i.territory_id, i.channel
    FROM k JOIN interaction i ON i.owner_id = k.owner_id AND i.org_id = k.org_id AND i.channel = k.channel
      AND (i.occurred_at AT TIME ZONE 'UTC')::date = k.day
      AND i.occurred_at >= (k.day::timestamp AT TIME ZONE 'UTC')
      AND i.occurred_at < ((k.day + 1)::timestamp AT TIME ZONE 'UTC')
      AND coalesce(i.territory_id, '00000000-0000-0000-0000-000000000000')
        = coalesce(k.territory_id, '00000000-0000-0000-0000-000000000000')
  ), call_product AS MATERIALIZED (
    -- Each call and product it discussed or sampled, once: discussed, and the units dropped.
    SELECT x.interaction_id, x.product_id, bool_or(x.discussed) AS discussed, sum(x.quantity)::int AS quantity
    FROM (
      SELECT ip.interaction_id, ip.product_id, true AS discussed, 0 AS quantity
      FROM i JOIN interaction_product ip ON ip.interaction_id = i.id
      UNION ALL
      SELECT s.interaction_id, s.product_id, false, s.quantity
      FROM i JOIN interaction_sample s ON s.interaction_id = i.id
    ) x
    GROUP BY x.interaction_id, x.product_id
  ), per_call AS (
    SELECT interaction_id, count(*) FILTER (WHERE discussed) AS details, sum(quantity) AS samples
    FROM call_product GROUP BY interaction_id
  )
  SELECT i.org_id, i.day, i.owner_id, i.territory_id, i.channel, NULL::uuid, count(*)::int,
    coalesce(sum(d.details), 0)::int, coalesce(sum(d.samples), 0)::int
  FROM i LEFT JOIN per_call d ON d.interaction_id = i.id
  GROUP BY i.org_id, i.day, i.owner_id, i.territory_id, i.channel
  UNION ALL
  SELECT i.org_id, i.day, i.owner_id, i.territory_id, i.channel, cp.product_id, count(*)::int,
    (count(*) FILTER (WHERE cp.discussed))::int, coalesce(sum(cp.quantity), 0)::int
  FROM i JOIN call_product cp ON cp.interaction_id = i.id
  GROUP BY i.org_id, i.day, i.owner_id, i.territory_id, i.channel, cp.product_id;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Calls written, changed or removed: the groups they were in and are in now. With the table of the call rows each
-- statement wrote (TG_ARGV[0], the calls themselves) or of the product or sample rows it wrote (their calls').
CREATE OR REPLACE FUNCTION call_rollup_written() RETURNS trigger AS $$
DECLARE
  written text;
  calls text := CASE WHEN TG_ARGV[0] = 'calls' THEN '%I i'
    ELSE 'interaction i WHERE i.id IN (SELECT interaction_id FROM %I)' END;
BEGIN
  FOREACH written IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY['new_rows'] WHEN 'DELETE' THEN ARRAY['old_rows']
    ELSE ARRAY['new_rows', 'old_rows'] END
  LOOP
    EXECUTE format('SELECT call_rollup_refresh(array_agg(org_id), array_agg(day), array_agg(owner_id),
        array_agg(territory_id), array_agg(channel))
      FROM (SELECT DISTINCT i.org_id, (i.occurred_at AT TIME ZONE ''UTC'')::date AS day, i.owner_id, i.territory_id,
        i.channel FROM ' || calls || ') k', written);
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION call_rollup_clear() RETURNS trigger AS $$
BEGIN
  DELETE FROM call_rollup;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER call_rollup_interaction_truncate AFTER TRUNCATE ON interaction
  FOR EACH STATEMENT EXECUTE FUNCTION call_rollup_clear();
--> statement-breakpoint
-- Inserts, updates and deletes of calls, of the products discussed on them and of the samples dropped.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['interaction', 'interaction_product', 'interaction_sample'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION call_rollup_written(%L)', t || '_rollup_insert', t,
      CASE t WHEN 'interaction' THEN 'calls' ELSE 'parts' END);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION call_rollup_written(%L)', t || '_rollup_update', t,
      CASE t WHEN 'interaction' THEN 'calls' ELSE 'parts' END);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION call_rollup_written(%L)', t || '_rollup_delete', t,
      CASE t WHEN 'interaction' THEN 'calls' ELSE 'parts' END);
  END LOOP;
END $$;
--> statement-breakpoint
-- The calls already logged.
SELECT call_rollup_refresh(NULL, NULL, NULL, NULL, NULL);
