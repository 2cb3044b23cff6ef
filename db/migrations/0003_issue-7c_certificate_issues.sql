CREATE TABLE IF NOT EXISTS "certificate_issues" (
	"registration_id" uuid NOT NULL,
	"serial" varchar(32) NOT NULL,
	"file_id" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificate_issues_registration_id_serial_pk" PRIMARY KEY("registration_id","serial"),
	CONSTRAINT "certificate_issues_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action
);
