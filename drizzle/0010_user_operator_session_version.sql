ALTER TABLE "app_user" ADD COLUMN "platform_operator" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;