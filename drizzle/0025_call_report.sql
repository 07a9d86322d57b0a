CREATE TYPE "public"."sample_movement_kind" AS ENUM('received', 'dropped', 'adjusted', 'reversed');--> statement-breakpoint
CREATE TABLE "call_draft" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"hcp_npi" varchar(10) NOT NULL,
	"owner_id" uuid NOT NULL,
	"territory_id" uuid,
	"channel" "interaction_channel" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL,
	"unlock_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_number" varchar(40) NOT NULL,
	"kind" "sample_movement_kind" NOT NULL,
	"quantity" integer NOT NULL,
	"expires_on" date,
	"interaction_id" uuid,
	"reason" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sample_ledger_quantity_nonzero" CHECK ("sample_ledger"."quantity" <> 0)
);
--> statement-breakpoint
ALTER TABLE "org" ADD COLUMN "call_backdate_days" integer;--> statement-breakpoint
ALTER TABLE "product" ADD COLUMN "sample_limit_per_call" integer;--> statement-breakpoint
ALTER TABLE "product" ADD COLUMN "sample_limit_per_year" integer;--> statement-breakpoint
ALTER TABLE "interaction" ADD COLUMN "signature" jsonb;--> statement-breakpoint
ALTER TABLE "interaction" ADD COLUMN "signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "call_draft" ADD CONSTRAINT "call_draft_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_draft" ADD CONSTRAINT "call_draft_hcp_npi_hcp_npi_fk" FOREIGN KEY ("hcp_npi") REFERENCES "public"."hcp"("npi") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_draft" ADD CONSTRAINT "call_draft_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_draft" ADD CONSTRAINT "call_draft_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_ledger" ADD CONSTRAINT "sample_ledger_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_ledger" ADD CONSTRAINT "sample_ledger_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_ledger" ADD CONSTRAINT "sample_ledger_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_ledger" ADD CONSTRAINT "sample_ledger_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_draft_owner_idx" ON "call_draft" USING btree ("owner_id","occurred_at");--> statement-breakpoint
CREATE INDEX "call_draft_org_hcp_idx" ON "call_draft" USING btree ("org_id","hcp_npi");--> statement-breakpoint
CREATE INDEX "sample_ledger_stock_idx" ON "sample_ledger" USING btree ("org_id","owner_id","product_id","lot_number");--> statement-breakpoint
-- The sample ledger is append-only like consent (0002, 0013): a balance is the sum of its rows, so no row changes.
CREATE TRIGGER sample_ledger_append_only
  BEFORE UPDATE OR DELETE ON sample_ledger
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite_except_erasure('reason');
--> statement-breakpoint
CREATE TRIGGER sample_ledger_no_truncate
  BEFORE TRUNCATE ON sample_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_rewrite();
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
  -- Sample stock moves only by new rows (0025); an erasure may overwrite a movement's free-text reason.
  REVOKE UPDATE, DELETE, TRUNCATE ON sample_ledger FROM pharmacrm_app;
  GRANT UPDATE (reason) ON sample_ledger TO pharmacrm_app;
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
