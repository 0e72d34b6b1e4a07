CREATE TABLE "case_report_facts" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"hospital_unit_id" uuid NOT NULL,
	"ward_unit_id" uuid NOT NULL,
	"municipality_id" uuid,
	"primary_care_unit_id" uuid,
	"discharge_month" text,
	"admission_notice_on_time" boolean NOT NULL,
	"fixed_care_contact_due" boolean NOT NULL,
	"fixed_care_contact_before_discharge" boolean,
	"sip_needed" boolean NOT NULL,
	"sip_called" boolean NOT NULL,
	"sip_called_in_time" boolean,
	"information_on_time" boolean,
	"ready_to_discharge_days" integer,
	"readmitted_within30_days" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD CONSTRAINT "case_report_facts_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD CONSTRAINT "case_report_facts_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD CONSTRAINT "case_report_facts_hospital_unit_id_units_id_fk" FOREIGN KEY ("hospital_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD CONSTRAINT "case_report_facts_ward_unit_id_units_id_fk" FOREIGN KEY ("ward_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD CONSTRAINT "case_report_facts_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD CONSTRAINT "case_report_facts_primary_care_unit_id_units_id_fk" FOREIGN KEY ("primary_care_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_report_facts_region_month_idx" ON "case_report_facts" USING btree ("region_id","discharge_month");--> statement-breakpoint
CREATE INDEX "case_report_facts_municipality_month_idx" ON "case_report_facts" USING btree ("municipality_id","discharge_month");