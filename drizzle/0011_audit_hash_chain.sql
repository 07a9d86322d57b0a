CREATE TABLE "audit_chain_head" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" char(64) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "prev_hash" char(64);--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "hash" char(64) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_chain_head" ADD CONSTRAINT "audit_chain_head_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The canonical serialisation an event's hash covers: a JSON array (jsonb's text form is deterministic) of a version
-- tag, the org, the chain position, the previous hash and every field of the event, the time in UTC microseconds.
CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_event) RETURNS text
  LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(
    'pharmacrm-audit-v1', e.org_id, e.seq, e.prev_hash, e.id, e.actor_id, e.action, e.entity_type, e.entity_id,
    e.before, e.after, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )::text
$$;
--> statement-breakpoint
-- Numbers and links each new event, whatever the insert said. The org's chain-head row is locked until the
-- transaction ends, so two writers of one org take turns and never fork the chain. SECURITY DEFINER: the app's
-- database role may read the chain head but not write it.
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head_seq bigint;
  head_hash char(64);
BEGIN
  INSERT INTO audit_chain_head (org_id, seq, hash) VALUES (NEW.org_id, 0, repeat('0', 64)) ON CONFLICT (org_id) DO NOTHING;
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_head WHERE org_id = NEW.org_id FOR UPDATE;
  NEW.seq := head_seq + 1;
  NEW.prev_hash := CASE WHEN head_seq = 0 THEN NULL ELSE head_hash END;
  NEW.hash := encode(sha256(convert_to(audit_event_canonical(NEW), 'UTF8')), 'hex');
  UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE org_id = NEW.org_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- Backfill: chain the events written before this migration, per org in the order they happened.
DO $$
DECLARE
  r record;
  prev char(64);
  last_org uuid;
  n bigint := 0;
BEGIN
  ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
  FOR r IN SELECT id, org_id FROM audit_event ORDER BY org_id, occurred_at, id LOOP
    IF last_org IS DISTINCT FROM r.org_id THEN
      n := 0;
      prev := NULL;
      last_org := r.org_id;
    END IF;
    n := n + 1;
    UPDATE audit_event SET seq = n, prev_hash = prev WHERE id = r.id;
    UPDATE audit_event e SET hash = encode(sha256(convert_to(audit_event_canonical(e), 'UTF8')), 'hex')
      WHERE e.id = r.id RETURNING e.hash INTO prev;
  END LOOP;
  INSERT INTO audit_chain_head (org_id, seq, hash)
    SELECT org_id, max(seq), (array_agg(hash ORDER BY seq DESC))[1] FROM audit_event GROUP BY org_id;
  ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_chain
  BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
--> statement-breakpoint
CREATE INDEX "audit_event_org_actor_idx" ON "audit_event" USING btree ("org_id","actor_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_event_org_seq_uq" ON "audit_event" USING btree ("org_id","seq");