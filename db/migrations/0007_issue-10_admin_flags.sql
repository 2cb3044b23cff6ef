ALTER TABLE "authorities" ADD COLUMN "disabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "user_accounts" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;