CREATE TABLE "after_registration_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outage_id" uuid NOT NULL,
	"key" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"case_id" uuid,
	"patient_id" uuid,
	"kind" text NOT NULL,
	"message_kind" text,
	"event_at" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"prefill" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_phone_contact_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message_id" uuid,
	"status" text DEFAULT 'att_gora' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_staff_id" uuid,
	"result_message_id" uuid
);
--> statement-breakpoint
CREATE TABLE "integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"system" "outage_system" NOT NULL,
	"health_url" text NOT NULL,
	"last_checked_at" timestamp with time zone,
	"last_ok" boolean,
	"failing_since" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "routine_profiles" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"profile" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_staff_id" uuid
);
--> statement-breakpoint
CREATE TABLE "contact_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outage_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"send_error" text,
	"responded_at" timestamp with time zone,
	"response" text,
	"responded_by_staff_id" uuid,
	"comment" text,
	CONSTRAINT "contact_confirmations_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "contact_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"region_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"unit_id" uuid,
	"function" text NOT NULL,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opening_hours" text,
	"function_mailbox" text,
	"postal_address" text,
	"note" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"removed" boolean DEFAULT false NOT NULL,
	"changed_by_staff_id" uuid,
	"change_note" text
);
--> statement-breakpoint
CREATE TABLE "contact_representatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"staff_id" uuid,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outages" ADD COLUMN "proposed_by_integration_id" uuid;--> statement-breakpoint
ALTER TABLE "phone_contacts" ADD COLUMN "receiver_confirmed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "phone_contacts" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "phone_contacts" ADD COLUMN "idempotency_key" text NOT NULL;--> statement-breakpoint
ALTER TABLE "after_registration_items" ADD CONSTRAINT "after_registration_items_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_registration_items" ADD CONSTRAINT "after_registration_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_registration_items" ADD CONSTRAINT "after_registration_items_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_registration_items" ADD CONSTRAINT "after_registration_items_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_registration_items" ADD CONSTRAINT "after_registration_items_done_by_staff_id_staff_id_fk" FOREIGN KEY ("done_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_profiles" ADD CONSTRAINT "routine_profiles_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_profiles" ADD CONSTRAINT "routine_profiles_updated_by_staff_id_staff_id_fk" FOREIGN KEY ("updated_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_confirmations" ADD CONSTRAINT "contact_confirmations_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_confirmations" ADD CONSTRAINT "contact_confirmations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_confirmations" ADD CONSTRAINT "contact_confirmations_responded_by_staff_id_staff_id_fk" FOREIGN KEY ("responded_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_entries" ADD CONSTRAINT "contact_entries_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_entries" ADD CONSTRAINT "contact_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_entries" ADD CONSTRAINT "contact_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_entries" ADD CONSTRAINT "contact_entries_changed_by_staff_id_staff_id_fk" FOREIGN KEY ("changed_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_representatives" ADD CONSTRAINT "contact_representatives_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_representatives" ADD CONSTRAINT "contact_representatives_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "after_registration_items_key" ON "after_registration_items" USING btree ("outage_id","key");--> statement-breakpoint
CREATE INDEX "after_registration_items_unit_idx" ON "after_registration_items" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_confirmations_outage_org" ON "contact_confirmations" USING btree ("outage_id","organisation_id");--> statement-breakpoint
CREATE INDEX "contact_entries_current_idx" ON "contact_entries" USING btree ("region_id","superseded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_entries_entry_version" ON "contact_entries" USING btree ("entry_id","version");--> statement-breakpoint
CREATE INDEX "phone_contacts_case_idx" ON "phone_contacts" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_contacts_idempotency" ON "phone_contacts" USING btree ("signed_by_staff_id","idempotency_key");