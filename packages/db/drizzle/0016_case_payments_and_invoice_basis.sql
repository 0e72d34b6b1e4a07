CREATE TABLE "case_payment_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"amount_per_day_kr" integer,
	CONSTRAINT "case_payment_periods_order" CHECK ("case_payment_periods"."to_date" is null or "case_payment_periods"."to_date" >= "case_payment_periods"."from_date")
);
--> statement-breakpoint
CREATE TABLE "case_payments" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid,
	"agreement_id" uuid,
	"basis" text NOT NULL,
	"liability_from" timestamp with time zone,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_invoice_disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"invoice_month" text NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_by_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by_staff_id" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_invoice_locks" (
	"municipality_id" uuid NOT NULL,
	"month" text NOT NULL,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by_staff_id" uuid NOT NULL,
	CONSTRAINT "payment_invoice_locks_municipality_id_month_pk" PRIMARY KEY("municipality_id","month"),
	CONSTRAINT "payment_invoice_locks_month" CHECK ("payment_invoice_locks"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "payment_invoice_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"invoice_month" text NOT NULL,
	"case_id" uuid NOT NULL,
	"service_month" text NOT NULL,
	"kind" text NOT NULL,
	"days" integer NOT NULL,
	"amount_kr" integer
);
--> statement-breakpoint
ALTER TABLE "case_payment_periods" ADD CONSTRAINT "case_payment_periods_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_payment_periods" ADD CONSTRAINT "case_payment_periods_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_payment_periods" ADD CONSTRAINT "case_payment_periods_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_payments" ADD CONSTRAINT "case_payments_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_payments" ADD CONSTRAINT "case_payments_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_payments" ADD CONSTRAINT "case_payments_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_payments" ADD CONSTRAINT "case_payments_agreement_id_payment_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."payment_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_invoice_disputes" ADD CONSTRAINT "payment_invoice_disputes_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_invoice_disputes" ADD CONSTRAINT "payment_invoice_disputes_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_invoice_disputes" ADD CONSTRAINT "payment_invoice_disputes_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_invoice_disputes" ADD CONSTRAINT "payment_invoice_disputes_answered_by_staff_id_staff_id_fk" FOREIGN KEY ("answered_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_invoice_locks" ADD CONSTRAINT "payment_invoice_locks_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_invoice_locks" ADD CONSTRAINT "payment_invoice_locks_locked_by_staff_id_staff_id_fk" FOREIGN KEY ("locked_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_invoice_rows" ADD CONSTRAINT "payment_invoice_rows_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_invoice_rows" ADD CONSTRAINT "payment_invoice_rows_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_payment_periods_municipality_idx" ON "case_payment_periods" USING btree ("municipality_id","from_date");--> statement-breakpoint
CREATE INDEX "case_payment_periods_region_idx" ON "case_payment_periods" USING btree ("region_id","from_date");--> statement-breakpoint
CREATE INDEX "case_payment_periods_case_idx" ON "case_payment_periods" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_payments_municipality_idx" ON "case_payments" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "payment_invoice_disputes_month_idx" ON "payment_invoice_disputes" USING btree ("municipality_id","invoice_month");--> statement-breakpoint
CREATE INDEX "payment_invoice_rows_month_idx" ON "payment_invoice_rows" USING btree ("municipality_id","invoice_month");--> statement-breakpoint
CREATE INDEX "payment_invoice_rows_case_idx" ON "payment_invoice_rows" USING btree ("case_id","service_month");