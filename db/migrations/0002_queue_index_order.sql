DROP INDEX "applications_queue_idx";--> statement-breakpoint
DROP INDEX "applications_employer_queue_idx";--> statement-breakpoint
CREATE INDEX "people_id_number_idx" ON "people" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "applications" USING btree ("authority_id","status","submitted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "applications_employer_queue_idx" ON "applications" USING btree ("employer_id","status","applicant_signed_at" DESC NULLS LAST,"id" DESC NULLS LAST);