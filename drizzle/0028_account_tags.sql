ALTER TABLE "hcp_attribute" ADD COLUMN "preferred_channel" "interaction_channel";--> statement-breakpoint
ALTER TABLE "hcp_attribute" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;