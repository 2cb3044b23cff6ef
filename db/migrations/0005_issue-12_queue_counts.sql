CREATE TABLE "application_queue_counts" (
	"scope" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"status" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "application_queue_counts_scope_owner_id_status_pk" PRIMARY KEY("scope","owner_id","status")
);
--> statement-breakpoint
CREATE INDEX "applications_employer_confirmed_idx" ON "applications" USING btree ("employer_id","applicant_signed_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE employer_signed_at is not null;