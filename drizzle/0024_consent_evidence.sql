-- Consent records carry their evidence (the form's reference, the email's wording, what the HCP said). It is free
-- text about a person, so an erasure may overwrite it as it does the source (0013): the append-only guard and the app
-- role's column grant (0014) take it in.
ALTER TABLE "consent_record" ADD COLUMN "evidence" text;
--> statement-breakpoint
DROP TRIGGER consent_record_append_only ON consent_record;
--> statement-breakpoint
CREATE TRIGGER consent_record_append_only
  BEFORE UPDATE OR DELETE ON consent_record
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite_except_erasure('source', 'evidence');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION grant_app_role() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s text := current_schema();
BEGIN
  IF version() LIKE '%PGlite%' THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pharmacrm_app') THEN
    BEGIN
      CREATE ROLE pharmacrm_app NOLOGIN;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'pharmacrm_app was not created (the migrating role may not create roles); create it and run SELECT grant_app_role()';
      RETURN;
    END;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO pharmacrm_app', s);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO pharmacrm_app', s);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO pharmacrm_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pharmacrm_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO pharmacrm_app', s);
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM pharmacrm_app;
  REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM pharmacrm_app;
  -- Revoking the table-wide UPDATE also drops column grants, so the erasure's columns are granted after it.
  REVOKE UPDATE, DELETE, TRUNCATE ON consent_record FROM pharmacrm_app;
  GRANT UPDATE (source, evidence) ON consent_record TO pharmacrm_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON nba_decision FROM pharmacrm_app;
  GRANT UPDATE (reason) ON nba_decision TO pharmacrm_app;
  -- A running copilot turn is completed once (the 0005 trigger); a turn is never deleted.
  REVOKE DELETE, TRUNCATE ON copilot_turn FROM pharmacrm_app;
  -- The app checks at start that the migrations are applied: it reads the ledger, never writes it.
  IF to_regclass('drizzle.__drizzle_migrations') IS NOT NULL THEN
    GRANT USAGE ON SCHEMA drizzle TO pharmacrm_app;
    GRANT SELECT ON drizzle.__drizzle_migrations TO pharmacrm_app;
  END IF;
  -- PostgreSQL 17+: ANALYZE and REFRESH MATERIALIZED VIEW after a reference-data load, without owning the tables.
  IF current_setting('server_version_num')::int >= 170000 THEN
    EXECUTE format('GRANT MAINTAIN ON ALL TABLES IN SCHEMA %I TO pharmacrm_app', s);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT MAINTAIN ON TABLES TO pharmacrm_app', s);
  END IF;
END;
$$;
--> statement-breakpoint
SELECT grant_app_role();
