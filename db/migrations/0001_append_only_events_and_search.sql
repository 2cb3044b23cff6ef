-- Audit events are append-only: the database itself refuses to change or remove them (T1, issue 3).
CREATE OR REPLACE FUNCTION application_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'application_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER application_events_no_update BEFORE UPDATE OR DELETE ON application_events
  FOR EACH ROW EXECUTE FUNCTION application_events_append_only();
--> statement-breakpoint
CREATE TRIGGER application_events_no_truncate BEFORE TRUNCATE ON application_events
  FOR EACH STATEMENT EXECUTE FUNCTION application_events_append_only();
--> statement-breakpoint
-- Employer pickers search by any part of the name (验证企业名称): trigram index makes ILIKE '%…%' indexable.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS employers_name_trgm_idx ON employers USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS people_name_trgm_idx ON people USING gin (name gin_trgm_ops);
