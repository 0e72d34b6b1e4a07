CREATE TABLE "payment_invoice_average_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"invoice_month" text NOT NULL,
	"service_month" text NOT NULL,
	"kind" text NOT NULL,
	"stays" integer NOT NULL,
	"ready_days" integer NOT NULL,
	"level_tenths" integer NOT NULL,
	"excess_tenths" integer NOT NULL,
	"amount_ore" integer
);
--> statement-breakpoint
CREATE TABLE "payment_recomputations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"agreement_id" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by_staff_id" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cases" integer
);
--> statement-breakpoint
ALTER TABLE "case_payments" ADD COLUMN "ready_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_payments" ADD COLUMN "end_month" text;--> statement-breakpoint
ALTER TABLE "case_payments" ADD COLUMN "unmet_preconditions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_invoice_average_rows" ADD CONSTRAINT "payment_invoice_average_rows_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_recomputations" ADD CONSTRAINT "payment_recomputations_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_recomputations" ADD CONSTRAINT "payment_recomputations_agreement_id_payment_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."payment_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_recomputations" ADD CONSTRAINT "payment_recomputations_requested_by_staff_id_staff_id_fk" FOREIGN KEY ("requested_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_invoice_average_rows_month_idx" ON "payment_invoice_average_rows" USING btree ("municipality_id","invoice_month");--> statement-breakpoint
CREATE INDEX "payment_invoice_average_rows_service_idx" ON "payment_invoice_average_rows" USING btree ("municipality_id","service_month");--> statement-breakpoint
CREATE INDEX "payment_recomputations_region_idx" ON "payment_recomputations" USING btree ("region_id","requested_at");--> statement-breakpoint
CREATE INDEX "case_payments_end_month_idx" ON "case_payments" USING btree ("municipality_id","end_month");--> statement-breakpoint
-- Stays stored before this migration lack their days, end month and preconditions: the background recomputation fills them in.
INSERT INTO "payment_recomputations" ("region_id") SELECT DISTINCT "region_id" FROM "case_payments";
