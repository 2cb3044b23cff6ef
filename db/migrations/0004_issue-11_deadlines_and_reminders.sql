CREATE TABLE "deadline_reminders" (
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"reminder_key" varchar(32) NOT NULL,
	"sent" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_reminders_subject_kind_subject_id_reminder_key_pk" PRIMARY KEY("subject_kind","subject_id","reminder_key")
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "correction_due_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "expected_decision_on" date;