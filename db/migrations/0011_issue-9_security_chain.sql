CREATE TABLE "audit_chain_epochs" (
	"stream" text PRIMARY KEY NOT NULL,
	"legacy_max_id" bigint NOT NULL,
	"legacy_count" bigint,
	"legacy_digest" varchar(64),
	"seal" varchar(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "security_events" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "security_events" ADD COLUMN "prev_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "security_events" ADD COLUMN "hash" varchar(64);--> statement-breakpoint
CREATE UNIQUE INDEX "security_events_seq_uq" ON "security_events" USING btree ("seq");