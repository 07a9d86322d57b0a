CREATE TYPE "public"."nba_decision_kind" AS ENUM('accepted', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."outreach_purpose" AS ENUM('follow_up', 'invitation', 'sample_offer');--> statement-breakpoint
CREATE TABLE "approved_claim" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"text" text NOT NULL,
	"reference" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "banned_phrase" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"phrase" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nba_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"hcp_npi" varchar(10) NOT NULL,
	"action" varchar(16) NOT NULL,
	"score" numeric(6, 1) NOT NULL,
	"confidence" numeric(3, 2) NOT NULL,
	"reasons" jsonb NOT NULL,
	"decision" "nba_decision_kind" NOT NULL,
	"reason" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_draft" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"hcp_npi" varchar(10) NOT NULL,
	"territory_id" uuid,
	"product_id" uuid,
	"purpose" "outreach_purpose" NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"compliance" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_message" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role" varchar(16) NOT NULL,
	"parts" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "copilot_turn" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"conversation_id" uuid,
	"provider" varchar(64) NOT NULL,
	"model_id" text NOT NULL,
	"input_hash" varchar(64) NOT NULL,
	"tool_calls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confidences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" varchar(16) NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "hcp_taxonomy" DROP CONSTRAINT "hcp_taxonomy_npi_hcp_npi_fk";
--> statement-breakpoint
ALTER TABLE "approved_claim" ADD CONSTRAINT "approved_claim_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approved_claim" ADD CONSTRAINT "approved_claim_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approved_claim" ADD CONSTRAINT "approved_claim_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "banned_phrase" ADD CONSTRAINT "banned_phrase_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nba_decision" ADD CONSTRAINT "nba_decision_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nba_decision" ADD CONSTRAINT "nba_decision_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nba_decision" ADD CONSTRAINT "nba_decision_hcp_npi_hcp_npi_fk" FOREIGN KEY ("hcp_npi") REFERENCES "public"."hcp"("npi") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_draft" ADD CONSTRAINT "outreach_draft_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_draft" ADD CONSTRAINT "outreach_draft_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_draft" ADD CONSTRAINT "outreach_draft_hcp_npi_hcp_npi_fk" FOREIGN KEY ("hcp_npi") REFERENCES "public"."hcp"("npi") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_draft" ADD CONSTRAINT "outreach_draft_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_draft" ADD CONSTRAINT "outreach_draft_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation" ADD CONSTRAINT "conversation_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation" ADD CONSTRAINT "conversation_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_message" ADD CONSTRAINT "conversation_message_conversation_id_conversation_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "copilot_turn" ADD CONSTRAINT "copilot_turn_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "copilot_turn" ADD CONSTRAINT "copilot_turn_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approved_claim_product_idx" ON "approved_claim" USING btree ("org_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "banned_phrase_org_phrase_uq" ON "banned_phrase" USING btree ("org_id","phrase");--> statement-breakpoint
CREATE INDEX "nba_decision_user_idx" ON "nba_decision" USING btree ("user_id","decided_at");--> statement-breakpoint
CREATE INDEX "nba_decision_org_hcp_idx" ON "nba_decision" USING btree ("org_id","hcp_npi");--> statement-breakpoint
CREATE INDEX "outreach_draft_owner_idx" ON "outreach_draft" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "outreach_draft_org_hcp_idx" ON "outreach_draft" USING btree ("org_id","hcp_npi");--> statement-breakpoint
CREATE INDEX "conversation_user_idx" ON "conversation" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE INDEX "conversation_message_order_idx" ON "conversation_message" USING btree ("conversation_id","position");--> statement-breakpoint
CREATE INDEX "copilot_turn_org_time_idx" ON "copilot_turn" USING btree ("org_id","started_at");--> statement-breakpoint
CREATE INDEX "copilot_turn_conversation_idx" ON "copilot_turn" USING btree ("conversation_id");--> statement-breakpoint
-- Copilot turns are the AI audit record: a turn is written when it starts and completed once; after that (and for
-- deletes, always) it cannot change. Next-best-action decisions are history like consent.
CREATE OR REPLACE FUNCTION reject_finished_turn_rewrite() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.finished_at IS NOT NULL THEN
    RAISE EXCEPTION 'copilot_turn is an audit record: % of a finished turn is not allowed', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER copilot_turn_audit_guard
  BEFORE UPDATE OR DELETE ON copilot_turn
  FOR EACH ROW EXECUTE FUNCTION reject_finished_turn_rewrite();
--> statement-breakpoint
CREATE TRIGGER copilot_turn_no_truncate
  BEFORE TRUNCATE ON copilot_turn
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER nba_decision_append_only
  BEFORE UPDATE OR DELETE ON nba_decision
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER nba_decision_no_truncate
  BEFORE TRUNCATE ON nba_decision
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_rewrite();
