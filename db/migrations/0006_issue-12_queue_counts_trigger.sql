-- Exact queue counts (issue 12): the reviewer's tab badges read application_queue_counts instead of counting a third of
-- a million rows per page view. These triggers change the counters in the same transaction as the row, whichever
-- service (or script) writes it, so the counts cannot drift from the table.
CREATE OR REPLACE FUNCTION application_queue_counts_track() RETURNS trigger AS $$
BEGIN
  -- One statement, rows in key order: two transactions moving applications between the same statuses lock the
  -- counter rows in the same order, so they queue instead of deadlocking.
  INSERT INTO application_queue_counts AS c (scope, owner_id, status, n)
  SELECT d.scope, d.owner_id, d.status, sum(d.n)
  FROM (
    SELECT 'authority' AS scope, OLD.authority_id AS owner_id, OLD.status AS status, -1 AS n
      WHERE TG_OP <> 'INSERT' AND OLD.authority_id IS NOT NULL
    UNION ALL SELECT 'authority', NEW.authority_id, NEW.status, 1
      WHERE TG_OP <> 'DELETE' AND NEW.authority_id IS NOT NULL
    UNION ALL SELECT 'employer', OLD.employer_id, OLD.status, -1
      WHERE TG_OP <> 'INSERT' AND OLD.employer_id IS NOT NULL
    UNION ALL SELECT 'employer', NEW.employer_id, NEW.status, 1
      WHERE TG_OP <> 'DELETE' AND NEW.employer_id IS NOT NULL
  ) d
  GROUP BY d.scope, d.owner_id, d.status
  HAVING sum(d.n) <> 0
  ORDER BY d.scope, d.owner_id, d.status
  ON CONFLICT (scope, owner_id, status) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recounts everything from the table: after a bulk load with triggers off (bench/data.ts), or to verify the counters.
CREATE OR REPLACE FUNCTION application_queue_counts_rebuild() RETURNS void AS $$
BEGIN
  LOCK TABLE applications IN SHARE MODE;
  DELETE FROM application_queue_counts;
  INSERT INTO application_queue_counts (scope, owner_id, status, n)
  SELECT 'authority', authority_id, status, count(*) FROM applications WHERE authority_id IS NOT NULL GROUP BY 2, 3
  UNION ALL
  SELECT 'employer', employer_id, status, count(*) FROM applications WHERE employer_id IS NOT NULL GROUP BY 2, 3;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS applications_queue_counts_insert_delete ON applications;
--> statement-breakpoint
CREATE TRIGGER applications_queue_counts_insert_delete AFTER INSERT OR DELETE ON applications
  FOR EACH ROW EXECUTE FUNCTION application_queue_counts_track();
--> statement-breakpoint
-- A draft save changes none of these columns, so it never touches a counter row (no hot-row contention on saves).
DROP TRIGGER IF EXISTS applications_queue_counts_update ON applications;
--> statement-breakpoint
CREATE TRIGGER applications_queue_counts_update AFTER UPDATE OF status, authority_id, employer_id ON applications
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.authority_id IS DISTINCT FROM NEW.authority_id
        OR OLD.employer_id IS DISTINCT FROM NEW.employer_id)
  EXECUTE FUNCTION application_queue_counts_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION application_queue_counts_truncate() RETURNS trigger AS $$
BEGIN
  DELETE FROM application_queue_counts;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS applications_queue_counts_truncate ON applications;
--> statement-breakpoint
CREATE TRIGGER applications_queue_counts_truncate AFTER TRUNCATE ON applications
  FOR EACH STATEMENT EXECUTE FUNCTION application_queue_counts_truncate();
--> statement-breakpoint
SELECT application_queue_counts_rebuild();
--> statement-breakpoint
-- 姓名 search in the queues ("any part"): names are 2–4 characters, too short for the trigram index, so this indexes
-- the name's characters; the query asks for all of them (@>) and then checks the exact substring with ILIKE.
CREATE INDEX IF NOT EXISTS people_name_chars_idx ON people USING gin (string_to_array(lower(name), NULL));
