ALTER TABLE "applications" ADD COLUMN "filed" jsonb;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "outcome" jsonb;