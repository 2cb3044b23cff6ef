ALTER TABLE "employer_name_changes" ADD COLUMN "proof_file_id" uuid;--> statement-breakpoint
ALTER TABLE "employer_name_changes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "employer_name_changes" ADD COLUMN "opinion" text;--> statement-breakpoint
ALTER TABLE "employer_name_changes" ADD COLUMN "decider_name" text;--> statement-breakpoint
ALTER TABLE "personnel_records" ADD COLUMN "id_number" varchar(32) NOT NULL;--> statement-breakpoint
ALTER TABLE "personnel_records" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "personnel_records" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "personnel_records" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "personnel_records" ADD COLUMN "reviewer_name" text;--> statement-breakpoint
ALTER TABLE "employer_name_changes" ADD CONSTRAINT "employer_name_changes_proof_file_id_files_id_fk" FOREIGN KEY ("proof_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employer_name_changes_one_open_uq" ON "employer_name_changes" USING btree ("employer_id") WHERE status = 'submitted';--> statement-breakpoint
CREATE UNIQUE INDEX "personnel_records_employer_person_uq" ON "personnel_records" USING btree ("employer_id","id_number");--> statement-breakpoint
CREATE INDEX "personnel_records_queue_idx" ON "personnel_records" USING btree ("status","submitted_at");