CREATE TYPE "public"."deviation_category" AS ENUM('meddelande_sent', 'information_saknas', 'fel_mottagare', 'utskriven_utan_kommunklar', 'reservrutin_ej_foljd', 'annat');--> statement-breakpoint
CREATE TYPE "public"."deviation_status" AS ENUM('ny', 'under_utredning', 'besvarad', 'avslutad');--> statement-breakpoint
CREATE TYPE "public"."deviation_transition" AS ENUM('paborja_utredning', 'besvara', 'avsluta', 'ateroppna');--> statement-breakpoint
CREATE TABLE "deviation_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deviation_id" uuid NOT NULL,
	"transition" "deviation_transition",
	"to_status" "deviation_status" NOT NULL,
	"text" text,
	"staff_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deviations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"category" "deviation_category" NOT NULL,
	"description" text NOT NULL,
	"status" "deviation_status" DEFAULT 'ny' NOT NULL,
	"reporter_staff_id" uuid NOT NULL,
	"reporter_unit_id" uuid NOT NULL,
	"reporter_organisation_id" uuid NOT NULL,
	"receiver_organisation_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	"notify_error" text,
	"idempotency_key" text
);
--> statement-breakpoint
ALTER TABLE "deviation_events" ADD CONSTRAINT "deviation_events_deviation_id_deviations_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_events" ADD CONSTRAINT "deviation_events_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_events" ADD CONSTRAINT "deviation_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_reporter_staff_id_staff_id_fk" FOREIGN KEY ("reporter_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_reporter_unit_id_units_id_fk" FOREIGN KEY ("reporter_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_reporter_organisation_id_organisations_id_fk" FOREIGN KEY ("reporter_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_receiver_organisation_id_organisations_id_fk" FOREIGN KEY ("receiver_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deviation_events_deviation_idx" ON "deviation_events" USING btree ("deviation_id","at");--> statement-breakpoint
CREATE INDEX "deviations_receiver_idx" ON "deviations" USING btree ("receiver_organisation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "deviations_reporter_org_idx" ON "deviations" USING btree ("reporter_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "deviations_reporter_staff_idx" ON "deviations" USING btree ("reporter_staff_id","created_at");--> statement-breakpoint
CREATE INDEX "deviations_case_idx" ON "deviations" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deviations_idempotency_key" ON "deviations" USING btree ("reporter_staff_id","idempotency_key");