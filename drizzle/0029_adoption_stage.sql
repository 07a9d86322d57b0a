CREATE TYPE "public"."adoption_stage" AS ENUM('unaware', 'aware', 'trial', 'adopter', 'advocate');--> statement-breakpoint
CREATE TABLE "hcp_adoption" (
	"org_id" uuid NOT NULL,
	"hcp_npi" varchar(10) NOT NULL,
	"product_id" uuid NOT NULL,
	"stage" "adoption_stage" NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hcp_adoption_org_id_hcp_npi_product_id_pk" PRIMARY KEY("org_id","hcp_npi","product_id")
);
--> statement-breakpoint
ALTER TABLE "hcp_adoption" ADD CONSTRAINT "hcp_adoption_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hcp_adoption" ADD CONSTRAINT "hcp_adoption_hcp_npi_hcp_npi_fk" FOREIGN KEY ("hcp_npi") REFERENCES "public"."hcp"("npi") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hcp_adoption" ADD CONSTRAINT "hcp_adoption_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hcp_adoption" ADD CONSTRAINT "hcp_adoption_updated_by_id_app_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hcp_adoption_org_product_idx" ON "hcp_adoption" USING btree ("org_id","product_id","stage");--> statement-breakpoint
SELECT grant_app_role();
