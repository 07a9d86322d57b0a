-- Erasure by anonymisation: an admin's erasure of a person may overwrite the free text of append-only history rows
-- (consent_record.source, nba_decision.reason) and nothing else. The erasure's transaction says so with
-- `SET LOCAL pharmacrm.erasure = 'on'`; every other UPDATE, and any UPDATE that touches another column, is still
-- refused. The trigger's arguments name the columns an erasure may overwrite. audit_event keeps its plain guard:
-- audit rows are never rewritten, not even by an erasure.
CREATE OR REPLACE FUNCTION reject_history_rewrite_except_erasure() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('pharmacrm.erasure', true) = 'on'
     AND (to_jsonb(NEW) - TG_ARGV) = (to_jsonb(OLD) - TG_ARGV) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER consent_record_append_only ON consent_record;
--> statement-breakpoint
CREATE TRIGGER consent_record_append_only
  BEFORE UPDATE OR DELETE ON consent_record
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite_except_erasure('source');
--> statement-breakpoint
DROP TRIGGER nba_decision_append_only ON nba_decision;
--> statement-breakpoint
CREATE TRIGGER nba_decision_append_only
  BEFORE UPDATE OR DELETE ON nba_decision
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite_except_erasure('reason');
