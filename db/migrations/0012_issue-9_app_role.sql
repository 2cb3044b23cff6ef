-- Issue 9 item 5 (ASVS V7.3.3, V1.4.x): the portal serves as `portal_app`, a role that may read and append audit
-- events but not change, remove, truncate or un-trigger them; only the owner (who runs these migrations) can.
-- The role is created NOLOGIN here; the start gives it a login and password (scripts/prepare-database.ts) or an
-- operator grants it to a login role of their own (DATABASE_OWNER_URL + DATABASE_URL, docs/deploy.md).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_app') THEN
    CREATE ROLE portal_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
-- Owner-only DDL: before PostgreSQL 15 every role may create objects in schema public.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO portal_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portal_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO portal_app;
--> statement-breakpoint
-- Tables and sequences later migrations create get the same rights (the event tables are narrowed again below).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portal_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO portal_app;
--> statement-breakpoint
-- The audit streams: read and append only. The append-only triggers stay as a second wall against the owner's mistakes.
REVOKE UPDATE, DELETE, TRUNCATE ON application_events, security_events FROM portal_app;
--> statement-breakpoint
-- Epoch seals are written by the owner at the start that migrates; the app only reads them (审计校验).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_epochs FROM portal_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION security_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'security_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER security_events_no_update BEFORE UPDATE OR DELETE ON security_events
  FOR EACH ROW EXECUTE FUNCTION security_events_append_only();
--> statement-breakpoint
CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON security_events
  FOR EACH STATEMENT EXECUTE FUNCTION security_events_append_only();
--> statement-breakpoint
-- Every row that exists now predates the keyed chain of its stream (application events written with the old
-- unkeyed SHA-256, security events never chained). The start that runs this migration seals these boundaries with
-- the audit key (lib/services/audit/epochs.ts); a later start never re-seals.
INSERT INTO audit_chain_epochs (stream, legacy_max_id)
  VALUES ('application_events', (SELECT coalesce(max(id), 0) FROM application_events)),
         ('security_events', (SELECT coalesce(max(id), 0) FROM security_events));
