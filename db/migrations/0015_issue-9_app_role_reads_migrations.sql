-- /readyz compares the applied migrations with the committed ones, and the portal serves as portal_app (0012): it may
-- read drizzle's journal, nothing more — it neither migrates nor changes what was applied.
GRANT USAGE ON SCHEMA drizzle TO portal_app;--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO portal_app;
