CREATE TABLE "person_anomalies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"flagged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person_anomaly_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"anomaly_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "anomaly_id" uuid;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "proof_file_id" uuid;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "person_anomalies" ADD CONSTRAINT "person_anomalies_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_anomalies" ADD CONSTRAINT "person_anomalies_flagged_by_user_accounts_id_fk" FOREIGN KEY ("flagged_by") REFERENCES "public"."user_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_anomaly_events" ADD CONSTRAINT "person_anomaly_events_anomaly_id_person_anomalies_id_fk" FOREIGN KEY ("anomaly_id") REFERENCES "public"."person_anomalies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_anomaly_events" ADD CONSTRAINT "person_anomaly_events_actor_user_id_user_accounts_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "person_anomalies_open_uq" ON "person_anomalies" USING btree ("person_id","kind") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "person_anomaly_events_anomaly_idx" ON "person_anomaly_events" USING btree ("anomaly_id","id");--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_anomaly_id_person_anomalies_id_fk" FOREIGN KEY ("anomaly_id") REFERENCES "public"."person_anomalies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_proof_file_id_files_id_fk" FOREIGN KEY ("proof_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decided_by_user_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_one_pending_uq" ON "appeals" USING btree ("anomaly_id") WHERE status = 'submitted';--> statement-breakpoint
-- The anomaly timeline is an audit record: the application role may read and append, never rewrite it.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON person_anomaly_events FROM portal_app;
  END IF;
END $$;
--> statement-breakpoint
-- People already flagged before anomalies were records (the flag was set by hand) get a record, so they can appeal it.
INSERT INTO person_anomalies (person_id, kind, source, reason)
SELECT id, 'social_insurance', 'reviewer', '社保核查结果：社保缴纳情况异常' FROM people WHERE social_insurance_anomaly;
