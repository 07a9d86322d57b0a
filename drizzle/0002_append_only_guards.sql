-- Audit events and consent records are history: rows may be added, never changed or removed.
-- Enforced in the database so no code path (or hand-written SQL) can rewrite them.
CREATE OR REPLACE FUNCTION reject_history_rewrite() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_event_append_only
  BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER consent_record_append_only
  BEFORE UPDATE OR DELETE ON consent_record
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER consent_record_no_truncate
  BEFORE TRUNCATE ON consent_record
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_rewrite();
