-- Server mode: the app connects as pharmacrm_app, a role that owns nothing. Migrations run as the owner of the
-- tables (MIGRATION_DATABASE_URL in docker-compose); the app's role may read and write tenant data but may not
-- rewrite history (UPDATE/DELETE/TRUNCATE on audit_event; the chain head is read-only to it), and holds no DDL
-- rights (it owns no table and cannot create in the schema: PostgreSQL 15+ grants CREATE on public to no one).
-- Erasure may overwrite only the free-text columns of consent_record and nba_decision (see 0013), so those are the
-- only columns of theirs it may UPDATE. The role is created NOLOGIN when missing; the operator gives it a password
-- (docker/postgres-app-role.sh does at the server's first start). Embedded PGlite is single-user: nothing to do there.
-- Tables that later migrations add are covered by the default privileges below; a new append-only table must revoke
-- UPDATE/DELETE from pharmacrm_app in its own migration, and may call grant_app_role() again.
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
  GRANT UPDATE (source) ON consent_record TO pharmacrm_app;
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
