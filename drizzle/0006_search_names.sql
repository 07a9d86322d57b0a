CREATE TABLE "hcp_name" (
	"name" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "hcp_last_name_trgm_idx";--> statement-breakpoint
DROP INDEX "hcp_first_name_trgm_idx";--> statement-breakpoint
CREATE INDEX "hcp_name_trgm_idx" ON "hcp_name" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "hcp_last_name_lower_idx" ON "hcp" USING btree (lower("last_name"));--> statement-breakpoint
CREATE INDEX "hcp_first_name_lower_idx" ON "hcp" USING btree (lower("first_name"));--> statement-breakpoint
-- hcp_name collects the names of every statement that writes hcp (upserts fire both triggers).
CREATE FUNCTION hcp_name_collect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO hcp_name (name)
    SELECT lower(last_name) FROM written WHERE last_name IS NOT NULL AND last_name <> ''
    UNION SELECT lower(first_name) FROM written WHERE first_name IS NOT NULL AND first_name <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER hcp_name_after_insert AFTER INSERT ON hcp REFERENCING NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION hcp_name_collect();--> statement-breakpoint
CREATE TRIGGER hcp_name_after_update AFTER UPDATE ON hcp REFERENCING NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION hcp_name_collect();--> statement-breakpoint
INSERT INTO hcp_name (name)
  SELECT lower(last_name) FROM hcp WHERE last_name IS NOT NULL AND last_name <> ''
  UNION SELECT lower(first_name) FROM hcp WHERE first_name IS NOT NULL AND first_name <> ''
ON CONFLICT DO NOTHING;
