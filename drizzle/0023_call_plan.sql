CREATE TABLE "call_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_plan_cycle_order" CHECK ("call_plan"."ends_on" >= "call_plan"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "call_plan_target" (
	"plan_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"hcp_npi" varchar(10) NOT NULL,
	"planned_calls" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_plan_target_plan_id_hcp_npi_pk" PRIMARY KEY("plan_id","hcp_npi"),
	CONSTRAINT "call_plan_target_planned_range" CHECK ("call_plan_target"."planned_calls" between 1 and 99)
);
--> statement-breakpoint
ALTER TABLE "call_plan" ADD CONSTRAINT "call_plan_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_plan" ADD CONSTRAINT "call_plan_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_plan" ADD CONSTRAINT "call_plan_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_plan_target" ADD CONSTRAINT "call_plan_target_plan_id_call_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."call_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_plan_target" ADD CONSTRAINT "call_plan_target_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_plan_target" ADD CONSTRAINT "call_plan_target_hcp_npi_hcp_npi_fk" FOREIGN KEY ("hcp_npi") REFERENCES "public"."hcp"("npi") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_plan_org_territory_idx" ON "call_plan" USING btree ("org_id","territory_id","starts_on");