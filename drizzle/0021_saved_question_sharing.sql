ALTER TABLE "saved_question" ADD COLUMN "shared_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "saved_question" ADD COLUMN "certified_by_id" uuid;--> statement-breakpoint
ALTER TABLE "saved_question" ADD COLUMN "certified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "saved_question" ADD CONSTRAINT "saved_question_certified_by_id_app_user_id_fk" FOREIGN KEY ("certified_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_question_shared_idx" ON "saved_question" USING btree ("org_id","shared_at");--> statement-breakpoint
ALTER TABLE "saved_question" ADD CONSTRAINT "saved_question_certified_shared" CHECK (("saved_question"."certified_at" is null) = ("saved_question"."certified_by_id" is null) and ("saved_question"."certified_at" is null or "saved_question"."shared_at" is not null));