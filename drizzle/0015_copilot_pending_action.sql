CREATE TABLE "copilot_pending_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"turn_id" uuid NOT NULL,
	"decided_turn_id" uuid,
	"message_id" varchar(64) NOT NULL,
	"tool_name" varchar(64) NOT NULL,
	"tool_call_id" varchar(128) NOT NULL,
	"approval_id" varchar(128) NOT NULL,
	"input" jsonb NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"reason" text,
	"result" jsonb,
	"result_ref" varchar(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"executed_at" timestamp with time zone
);--> statement-breakpoint
ALTER TABLE "copilot_pending_action" ADD CONSTRAINT "copilot_pending_action_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "copilot_pending_action" ADD CONSTRAINT "copilot_pending_action_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "copilot_pending_action" ADD CONSTRAINT "copilot_pending_action_conversation_id_conversation_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "copilot_pending_action_conversation_idx" ON "copilot_pending_action" USING btree ("conversation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "copilot_pending_action_call_idx" ON "copilot_pending_action" USING btree ("conversation_id","message_id","tool_call_id");