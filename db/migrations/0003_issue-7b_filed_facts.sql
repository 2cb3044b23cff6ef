ALTER TABLE "applications" ADD COLUMN IF NOT EXISTS "filed" jsonb;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN IF NOT EXISTS "outcome" jsonb;