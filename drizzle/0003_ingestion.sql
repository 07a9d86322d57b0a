CREATE TABLE "ingest_quarantine" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"raw_row" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingest_run_key" (
	"run_id" uuid NOT NULL,
	"key" text NOT NULL,
	"line" integer NOT NULL,
	CONSTRAINT "ingest_run_key_run_id_key_pk" PRIMARY KEY("run_id","key")
);
--> statement-breakpoint
CREATE TABLE "ingest_stage" (
	"run_id" uuid NOT NULL,
	"target" varchar(40) NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "npi_endpoint" (
	"npi" varchar(10) NOT NULL,
	"endpoint_key" varchar(32) NOT NULL,
	"endpoint_type" varchar(20) NOT NULL,
	"endpoint_type_description" text,
	"endpoint" text NOT NULL,
	"affiliation" boolean,
	"endpoint_description" text,
	"affiliation_name" text,
	"use_code" varchar(20),
	"use_description" text,
	"other_use_description" text,
	"content_type" varchar(20),
	"content_description" text,
	"other_content_description" text,
	"address_line1" text,
	"address_line2" text,
	"city" text,
	"state" text,
	"country_code" varchar(2),
	"postal_code" varchar(20),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "npi_endpoint_npi_endpoint_key_pk" PRIMARY KEY("npi","endpoint_key")
);
--> statement-breakpoint
CREATE TABLE "npi_other_name" (
	"npi" varchar(10) NOT NULL,
	"type_code" varchar(2) NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "npi_other_name_npi_type_code_name_pk" PRIMARY KEY("npi","type_code","name")
);
--> statement-breakpoint
CREATE TABLE "npi_practice_location" (
	"npi" varchar(10) NOT NULL,
	"location_key" varchar(32) NOT NULL,
	"line1" text NOT NULL,
	"line2" text,
	"city" text,
	"state" text,
	"postal_code" varchar(20),
	"zip5" varchar(5),
	"country_code" varchar(2),
	"phone" varchar(20),
	"phone_extension" varchar(10),
	"fax" varchar(20),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "npi_practice_location_npi_location_key_pk" PRIMARY KEY("npi","location_key")
);
--> statement-breakpoint
ALTER TABLE "data_source_run" ADD COLUMN "rows_unchanged" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_source_run" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "data_source_run" ADD COLUMN "layout" varchar(40);--> statement-breakpoint
ALTER TABLE "data_source_run" ADD COLUMN "data_year" smallint;--> statement-breakpoint
ALTER TABLE "data_source_run" ADD COLUMN "file_path" text;--> statement-breakpoint
ALTER TABLE "data_source_run" ADD COLUMN "header_file_path" text;--> statement-breakpoint
ALTER TABLE "data_source_run" ADD COLUMN "file_size" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_source_run" ADD COLUMN "bytes_read" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_source_run" ADD COLUMN "last_line" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_source_run" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "ingest_quarantine" ADD CONSTRAINT "ingest_quarantine_run_id_data_source_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."data_source_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ingest_quarantine_run_line_idx" ON "ingest_quarantine" USING btree ("run_id","line");--> statement-breakpoint
CREATE INDEX "ingest_stage_run_target_idx" ON "ingest_stage" USING btree ("run_id","target");--> statement-breakpoint
CREATE INDEX "npi_endpoint_type_idx" ON "npi_endpoint" USING btree ("endpoint_type");--> statement-breakpoint
CREATE INDEX "npi_practice_location_zip5_idx" ON "npi_practice_location" USING btree ("zip5");--> statement-breakpoint
CREATE UNIQUE INDEX "data_source_run_dataset_checksum_uq" ON "data_source_run" USING btree ("dataset","checksum");--> statement-breakpoint
CREATE INDEX "data_source_run_started_idx" ON "data_source_run" USING btree ("started_at");--> statement-breakpoint
ALTER TABLE "data_source_run" ADD CONSTRAINT "data_source_run_status_check" CHECK ("data_source_run"."status" in ('running', 'succeeded', 'failed'));