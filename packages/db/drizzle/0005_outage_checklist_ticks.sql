CREATE TABLE "outage_checklist_ticks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"outage_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"key" text NOT NULL,
	"done" boolean NOT NULL,
	"staff_id" uuid NOT NULL,
	"unit_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outage_checklist_ticks" ADD CONSTRAINT "outage_checklist_ticks_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_checklist_ticks" ADD CONSTRAINT "outage_checklist_ticks_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_checklist_ticks" ADD CONSTRAINT "outage_checklist_ticks_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_checklist_ticks" ADD CONSTRAINT "outage_checklist_ticks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outage_checklist_ticks_case_idx" ON "outage_checklist_ticks" USING btree ("outage_id","case_id","key","id");--> statement-breakpoint
-- Ticks are a log (who ticked or unticked what, when): rows are never changed or removed.
CREATE OR REPLACE FUNCTION outage_checklist_ticks_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'outage_checklist_ticks är skrivskyddad: checklistans historik får inte ändras eller raderas';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER outage_checklist_ticks_no_update_delete
  BEFORE UPDATE OR DELETE ON outage_checklist_ticks
  FOR EACH ROW EXECUTE FUNCTION outage_checklist_ticks_append_only();
