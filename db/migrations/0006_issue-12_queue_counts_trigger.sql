-- Exact queue counts (issue 12): the reviewer's tab badges read application_queue_counts instead of counting a third of
-- a million rows per page view. These triggers change the counters in the same transaction as the row, whichever
-- service (or script) writes it, so the counts cannot drift from the table.
-- Statement-level triggers with transition tables: one counter write per (scope, owner, status) per statement, so a
-- bulk insert of 100,000 rows does a handful of upserts instead of 100,000 updates of one counter row (which within
-- one transaction grows a version chain and gets slower with every row).
CREATE OR REPLACE FUNCTION application_queue_counts_add(deltas jsonb) RETURNS void AS $$
BEGIN
  -- Rows in key order: two transactions moving applications between the same statuses lock the counter rows in the
  -- same order, so they queue instead of deadlocking.
  INSERT INTO application_queue_counts AS c (scope, owner_id, status, n)
  SELECT d.scope, d.owner_id, d.status, sum(d.n)
  FROM jsonb_to_recordset(deltas) AS d(scope text, owner_id uuid, status text, n bigint)
  GROUP BY d.scope, d.owner_id, d.status
  HAVING sum(d.n) <> 0
  ORDER BY d.scope, d.owner_id, d.status
  ON CONFLICT (scope, owner_id, status) DO UPDATE SET n = c.n + EXCLUDED.n;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION application_queue_counts_inserted() RETURNS trigger AS $$
BEGIN
  PERFORM application_queue_counts_add(coalesce((SELECT jsonb_agg(d) FROM (
    SELECT 'authority' AS scope, authority_id AS owner_id, status::text AS status, count(*) AS n
      FROM new_rows WHERE authority_id IS NOT NULL GROUP BY 2, 3
    UNION ALL SELECT 'employer', employer_id, status::text, count(*) FROM new_rows WHERE employer_id IS NOT NULL GROUP BY 2, 3
  ) d), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION application_queue_counts_deleted() RETURNS trigger AS $$
BEGIN
  PERFORM application_queue_counts_add(coalesce((SELECT jsonb_agg(d) FROM (
    SELECT 'authority' AS scope, authority_id AS owner_id, status::text AS status, -count(*) AS n
      FROM old_rows WHERE authority_id IS NOT NULL GROUP BY 2, 3
    UNION ALL SELECT 'employer', employer_id, status::text, -count(*) FROM old_rows WHERE employer_id IS NOT NULL GROUP BY 2, 3
  ) d), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A draft save changes none of the counted columns: the join finds no moved row and no counter row is touched
-- (no hot-row contention on saves).
CREATE OR REPLACE FUNCTION application_queue_counts_updated() RETURNS trigger AS $$
BEGIN
  PERFORM application_queue_counts_add(coalesce((SELECT jsonb_agg(d) FROM (
    SELECT x.scope, x.owner_id, x.status, sum(x.n) AS n FROM (
      SELECT 'authority' AS scope, o.authority_id AS owner_id, o.status::text AS status, -1 AS n
        FROM old_rows o JOIN new_rows nw ON nw.id = o.id
        WHERE o.authority_id IS NOT NULL AND (o.status, o.authority_id, o.employer_id) IS DISTINCT FROM (nw.status, nw.authority_id, nw.employer_id)
      UNION ALL SELECT 'authority', nw.authority_id, nw.status::text, 1
        FROM old_rows o JOIN new_rows nw ON nw.id = o.id
        WHERE nw.authority_id IS NOT NULL AND (o.status, o.authority_id, o.employer_id) IS DISTINCT FROM (nw.status, nw.authority_id, nw.employer_id)
      UNION ALL SELECT 'employer', o.employer_id, o.status::text, -1
        FROM old_rows o JOIN new_rows nw ON nw.id = o.id
        WHERE o.employer_id IS NOT NULL AND (o.status, o.authority_id, o.employer_id) IS DISTINCT FROM (nw.status, nw.authority_id, nw.employer_id)
      UNION ALL SELECT 'employer', nw.employer_id, nw.status::text, 1
        FROM old_rows o JOIN new_rows nw ON nw.id = o.id
        WHERE nw.employer_id IS NOT NULL AND (o.status, o.authority_id, o.employer_id) IS DISTINCT FROM (nw.status, nw.authority_id, nw.employer_id)
    ) x GROUP BY 1, 2, 3
  ) d), '[]'));
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
DROP TRIGGER IF EXISTS applications_queue_counts_insert ON applications;
--> statement-breakpoint
CREATE TRIGGER applications_queue_counts_insert AFTER INSERT ON applications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_queue_counts_inserted();
--> statement-breakpoint
DROP TRIGGER IF EXISTS applications_queue_counts_delete ON applications;
--> statement-breakpoint
CREATE TRIGGER applications_queue_counts_delete AFTER DELETE ON applications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION application_queue_counts_deleted();
--> statement-breakpoint
DROP TRIGGER IF EXISTS applications_queue_counts_update ON applications;
--> statement-breakpoint
CREATE TRIGGER applications_queue_counts_update AFTER UPDATE ON applications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_queue_counts_updated();
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
