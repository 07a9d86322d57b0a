ALTER TABLE "data_source_run" ADD COLUMN "started_by" uuid;--> statement-breakpoint
ALTER TABLE "data_source_run" ADD COLUMN "started_via" varchar(16);--> statement-breakpoint
ALTER TABLE "data_source_run" ADD COLUMN "source_location" text;--> statement-breakpoint
ALTER TABLE "data_source_run" ADD CONSTRAINT "data_source_run_started_by_app_user_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_source_run" ADD CONSTRAINT "data_source_run_started_via_check" CHECK ("data_source_run"."started_via" in ('app', 'cli', 'seed', 'event'));