ALTER TABLE "patients" ADD COLUMN "register_unchecked_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "register_reconciled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "register_differences" jsonb;--> statement-breakpoint
CREATE INDEX "patients_register_unchecked_idx" ON "patients" USING btree ("register_unchecked_since") WHERE "patients"."register_unchecked_since" is not null;