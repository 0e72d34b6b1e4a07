ALTER TABLE "consents" ADD COLUMN "unable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "representative_kind" text;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "representative_name" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "sent_despite" jsonb;