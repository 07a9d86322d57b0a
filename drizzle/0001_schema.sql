CREATE TYPE "public"."dataset_kind" AS ENUM('nppes', 'nppes_practice_location', 'nppes_other_name', 'nppes_endpoint', 'part_d', 'open_payments', 'nucc_taxonomy', 'zip_centroids');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('rep', 'manager', 'admin');--> statement-breakpoint
CREATE TYPE "public"."interaction_channel" AS ENUM('in_person', 'phone', 'video', 'email');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."consent_channel" AS ENUM('email', 'phone', 'in_person', 'sms', 'fax');--> statement-breakpoint
CREATE TYPE "public"."consent_status" AS ENUM('granted', 'revoked');--> statement-breakpoint
CREATE TABLE "taxonomy" (
	"code" varchar(10) PRIMARY KEY NOT NULL,
	"grouping" text NOT NULL,
	"classification" text NOT NULL,
	"specialization" text,
	"definition" text,
	"display_name" text NOT NULL,
	"section" text
);
--> statement-breakpoint
CREATE TABLE "zip_centroid" (
	"zip" varchar(5) PRIMARY KEY NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"city" text NOT NULL,
	"state" varchar(2) NOT NULL,
	"county" text
);
--> statement-breakpoint
CREATE TABLE "hco" (
	"npi" varchar(10) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"other_name" text,
	"primary_taxonomy_code" varchar(10),
	"practice_line1" text,
	"practice_line2" text,
	"practice_city" text,
	"practice_state" varchar(2),
	"practice_postal_code" varchar(9),
	"practice_zip5" varchar(5),
	"practice_phone" varchar(20),
	"authorized_official" text,
	"enumeration_date" date,
	"deactivation_date" date,
	"lat" double precision,
	"lng" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hcp" (
	"npi" varchar(10) PRIMARY KEY NOT NULL,
	"entity_type" smallint,
	"last_name" text,
	"first_name" text,
	"middle_name" text,
	"name_prefix" text,
	"name_suffix" text,
	"credential" text,
	"sex" varchar(1),
	"enumeration_date" date,
	"last_update_date" date,
	"deactivation_date" date,
	"reactivation_date" date,
	"primary_taxonomy_code" varchar(10),
	"practice_line1" text,
	"practice_line2" text,
	"practice_city" text,
	"practice_state" varchar(2),
	"practice_postal_code" varchar(9),
	"practice_zip5" varchar(5),
	"practice_phone" varchar(20),
	"mailing_line1" text,
	"mailing_line2" text,
	"mailing_city" text,
	"mailing_state" varchar(2),
	"mailing_postal_code" varchar(9),
	"mailing_zip5" varchar(5),
	"mailing_phone" varchar(20),
	"lat" double precision,
	"lng" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hcp_taxonomy" (
	"npi" varchar(10) NOT NULL,
	"slot" smallint NOT NULL,
	"code" varchar(10) NOT NULL,
	"license_number" text,
	"license_state" varchar(2),
	"is_primary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "hcp_taxonomy_npi_slot_pk" PRIMARY KEY("npi","slot")
);
--> statement-breakpoint
CREATE TABLE "part_d_prescribing" (
	"npi" varchar(10) NOT NULL,
	"year" smallint NOT NULL,
	"brand_name" text NOT NULL,
	"generic_name" text NOT NULL,
	"prescriber_type" text,
	"prescriber_type_source" varchar(10),
	"total_claims" integer NOT NULL,
	"total_30day_fills" numeric(14, 1),
	"total_day_supply" integer,
	"total_drug_cost" numeric(14, 2),
	"total_beneficiaries" integer,
	"ge65_suppression_flag" varchar(1),
	"ge65_total_claims" integer,
	"ge65_total_30day_fills" numeric(14, 1),
	"ge65_total_drug_cost" numeric(14, 2),
	"ge65_total_day_supply" integer,
	"ge65_bene_suppression_flag" varchar(1),
	"ge65_total_beneficiaries" integer,
	CONSTRAINT "part_d_prescribing_npi_year_brand_name_generic_name_pk" PRIMARY KEY("npi","year","brand_name","generic_name")
);
--> statement-breakpoint
CREATE TABLE "open_payment" (
	"record_id" bigint PRIMARY KEY NOT NULL,
	"program_year" smallint NOT NULL,
	"change_type" varchar(20),
	"recipient_type" text NOT NULL,
	"npi" varchar(10),
	"teaching_hospital_ccn" varchar(10),
	"teaching_hospital_name" text,
	"recipient_first_name" text,
	"recipient_last_name" text,
	"recipient_city" text,
	"recipient_state" varchar(2),
	"recipient_zip5" varchar(5),
	"manufacturer_id" varchar(20) NOT NULL,
	"manufacturer_name" text NOT NULL,
	"amount_usd" numeric(14, 2) NOT NULL,
	"payment_date" date NOT NULL,
	"number_of_payments" integer DEFAULT 1 NOT NULL,
	"form" text,
	"nature" text NOT NULL,
	"product_names" text[] DEFAULT '{}' NOT NULL,
	"dispute_status" varchar(10)
);
--> statement-breakpoint
CREATE TABLE "data_source_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset" "dataset_kind" NOT NULL,
	"source_file" text NOT NULL,
	"checksum" varchar(64) NOT NULL,
	"release" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_loaded" integer DEFAULT 0 NOT NULL,
	"rows_updated" integer DEFAULT 0 NOT NULL,
	"rows_quarantined" integer DEFAULT 0 NOT NULL,
	"status" varchar(16) DEFAULT 'running' NOT NULL,
	"details" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"email" varchar(320) NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"region_id" uuid,
	"password_hash" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" varchar(64) NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "region" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "territory" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"code" varchar(32) NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "territory_assignment" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	CONSTRAINT "territory_assignment_user_id_territory_id_pk" PRIMARY KEY("user_id","territory_id")
);
--> statement-breakpoint
CREATE TABLE "territory_zip" (
	"org_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"zip5" varchar(5) NOT NULL,
	CONSTRAINT "territory_zip_territory_id_zip5_pk" PRIMARY KEY("territory_id","zip5")
);
--> statement-breakpoint
CREATE TABLE "market" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"therapeutic_area" text
);
--> statement-breakpoint
CREATE TABLE "market_drug" (
	"org_id" uuid NOT NULL,
	"market_id" uuid NOT NULL,
	"brand_name" text NOT NULL,
	"generic_name" text NOT NULL,
	"is_own" boolean DEFAULT false NOT NULL,
	CONSTRAINT "market_drug_market_id_brand_name_pk" PRIMARY KEY("market_id","brand_name")
);
--> statement-breakpoint
CREATE TABLE "product" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"market_id" uuid,
	"name" text NOT NULL,
	"part_d_brand_name" text,
	"generic_name" text,
	"sampleable" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interaction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"hcp_npi" varchar(10) NOT NULL,
	"owner_id" uuid NOT NULL,
	"territory_id" uuid,
	"channel" "interaction_channel" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"notes" text,
	"follow_up" text,
	"follow_up_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interaction_product" (
	"interaction_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"position" smallint DEFAULT 1 NOT NULL,
	CONSTRAINT "interaction_product_interaction_id_product_id_pk" PRIMARY KEY("interaction_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "interaction_sample" (
	"interaction_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"lot_number" varchar(40),
	CONSTRAINT "interaction_sample_interaction_id_product_id_pk" PRIMARY KEY("interaction_id","product_id"),
	CONSTRAINT "interaction_sample_quantity_positive" CHECK ("interaction_sample"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"hcp_npi" varchar(10),
	"territory_id" uuid,
	"title" text NOT NULL,
	"details" text,
	"due_date" date,
	"status" "task_status" DEFAULT 'open' NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consent_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"hcp_npi" varchar(10) NOT NULL,
	"channel" "consent_channel" NOT NULL,
	"product_id" uuid,
	"status" "consent_status" NOT NULL,
	"source" text NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" varchar(64) NOT NULL,
	"entity_type" varchar(64) NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hcp_attribute" (
	"org_id" uuid NOT NULL,
	"hcp_npi" varchar(10) NOT NULL,
	"segment" varchar(40),
	"tier" varchar(10),
	"decile" smallint,
	"notes" text,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hcp_attribute_org_id_hcp_npi_pk" PRIMARY KEY("org_id","hcp_npi"),
	CONSTRAINT "hcp_attribute_decile_range" CHECK ("hcp_attribute"."decile" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "hcp_taxonomy" ADD CONSTRAINT "hcp_taxonomy_npi_hcp_npi_fk" FOREIGN KEY ("npi") REFERENCES "public"."hcp"("npi") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region" ADD CONSTRAINT "region_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory" ADD CONSTRAINT "territory_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory" ADD CONSTRAINT "territory_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_assignment" ADD CONSTRAINT "territory_assignment_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_assignment" ADD CONSTRAINT "territory_assignment_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_assignment" ADD CONSTRAINT "territory_assignment_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_zip" ADD CONSTRAINT "territory_zip_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_zip" ADD CONSTRAINT "territory_zip_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market" ADD CONSTRAINT "market_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_drug" ADD CONSTRAINT "market_drug_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_drug" ADD CONSTRAINT "market_drug_market_id_market_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."market"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_market_id_market_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."market"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction" ADD CONSTRAINT "interaction_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction" ADD CONSTRAINT "interaction_hcp_npi_hcp_npi_fk" FOREIGN KEY ("hcp_npi") REFERENCES "public"."hcp"("npi") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction" ADD CONSTRAINT "interaction_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction" ADD CONSTRAINT "interaction_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_product" ADD CONSTRAINT "interaction_product_interaction_id_interaction_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interaction"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_product" ADD CONSTRAINT "interaction_product_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_sample" ADD CONSTRAINT "interaction_sample_interaction_id_interaction_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interaction"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_sample" ADD CONSTRAINT "interaction_sample_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_hcp_npi_hcp_npi_fk" FOREIGN KEY ("hcp_npi") REFERENCES "public"."hcp"("npi") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_hcp_npi_hcp_npi_fk" FOREIGN KEY ("hcp_npi") REFERENCES "public"."hcp"("npi") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_recorded_by_id_app_user_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hcp_attribute" ADD CONSTRAINT "hcp_attribute_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hcp_attribute" ADD CONSTRAINT "hcp_attribute_hcp_npi_hcp_npi_fk" FOREIGN KEY ("hcp_npi") REFERENCES "public"."hcp"("npi") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hcp_attribute" ADD CONSTRAINT "hcp_attribute_updated_by_id_app_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "taxonomy_classification_idx" ON "taxonomy" USING btree ("classification");--> statement-breakpoint
CREATE INDEX "zip_centroid_state_idx" ON "zip_centroid" USING btree ("state");--> statement-breakpoint
CREATE INDEX "hco_name_trgm_idx" ON "hco" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "hco_practice_zip5_idx" ON "hco" USING btree ("practice_zip5");--> statement-breakpoint
CREATE INDEX "hco_practice_state_city_idx" ON "hco" USING btree ("practice_state","practice_city");--> statement-breakpoint
CREATE INDEX "hcp_last_name_trgm_idx" ON "hcp" USING gin (lower("last_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "hcp_first_name_trgm_idx" ON "hcp" USING gin (lower("first_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "hcp_name_sort_idx" ON "hcp" USING btree ("last_name","first_name","npi");--> statement-breakpoint
CREATE INDEX "hcp_primary_taxonomy_idx" ON "hcp" USING btree ("primary_taxonomy_code");--> statement-breakpoint
CREATE INDEX "hcp_practice_state_city_idx" ON "hcp" USING btree ("practice_state","practice_city");--> statement-breakpoint
CREATE INDEX "hcp_practice_zip5_idx" ON "hcp" USING btree ("practice_zip5");--> statement-breakpoint
CREATE INDEX "hcp_taxonomy_code_idx" ON "hcp_taxonomy" USING btree ("code");--> statement-breakpoint
CREATE INDEX "part_d_brand_year_idx" ON "part_d_prescribing" USING btree ("brand_name","year");--> statement-breakpoint
CREATE INDEX "part_d_generic_year_idx" ON "part_d_prescribing" USING btree ("generic_name","year");--> statement-breakpoint
CREATE INDEX "open_payment_npi_idx" ON "open_payment" USING btree ("npi","payment_date");--> statement-breakpoint
CREATE INDEX "open_payment_manufacturer_idx" ON "open_payment" USING btree ("manufacturer_name");--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_email_uq" ON "app_user" USING btree ("email");--> statement-breakpoint
CREATE INDEX "app_user_org_idx" ON "app_user" USING btree ("org_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "region_org_name_uq" ON "region" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "territory_org_code_uq" ON "territory" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "territory_region_idx" ON "territory" USING btree ("org_id","region_id");--> statement-breakpoint
CREATE INDEX "territory_assignment_territory_idx" ON "territory_assignment" USING btree ("territory_id");--> statement-breakpoint
CREATE INDEX "territory_zip_org_zip_idx" ON "territory_zip" USING btree ("org_id","zip5");--> statement-breakpoint
CREATE UNIQUE INDEX "market_org_name_uq" ON "market" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "market_drug_brand_idx" ON "market_drug" USING btree ("org_id","brand_name");--> statement-breakpoint
CREATE UNIQUE INDEX "product_org_name_uq" ON "product" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "interaction_org_territory_idx" ON "interaction" USING btree ("org_id","territory_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interaction_org_hcp_idx" ON "interaction" USING btree ("org_id","hcp_npi","occurred_at");--> statement-breakpoint
CREATE INDEX "interaction_owner_idx" ON "interaction" USING btree ("owner_id","occurred_at");--> statement-breakpoint
CREATE INDEX "task_org_territory_idx" ON "task" USING btree ("org_id","territory_id","status");--> statement-breakpoint
CREATE INDEX "task_owner_idx" ON "task" USING btree ("owner_id","status","due_date");--> statement-breakpoint
CREATE INDEX "task_org_hcp_idx" ON "task" USING btree ("org_id","hcp_npi");--> statement-breakpoint
CREATE INDEX "consent_record_org_hcp_idx" ON "consent_record" USING btree ("org_id","hcp_npi","channel","recorded_at");--> statement-breakpoint
CREATE INDEX "audit_event_org_time_idx" ON "audit_event" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_event_entity_idx" ON "audit_event" USING btree ("org_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "hcp_attribute_org_segment_idx" ON "hcp_attribute" USING btree ("org_id","segment");