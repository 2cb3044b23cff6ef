ALTER TABLE "personnel_records" ADD COLUMN "id_number" varchar(32) NOT NULL;--> statement-breakpoint
ALTER TABLE "personnel_records" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "personnel_records" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "personnel_records" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "personnel_records" ADD COLUMN "reviewer_name" text;--> statement-breakpoint
CREATE UNIQUE INDEX "personnel_records_employer_person_uq" ON "personnel_records" USING btree ("employer_id","id_number");--> statement-breakpoint
CREATE INDEX "personnel_records_queue_idx" ON "personnel_records" USING btree ("status","submitted_at");