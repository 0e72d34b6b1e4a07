CREATE TYPE "public"."care_type" AS ENUM('somatisk', 'psykiatrisk');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('region', 'kommun', 'privat_vardgivare');--> statement-breakpoint
CREATE TYPE "public"."unit_kind" AS ENUM('sjukhus', 'vardavdelning', 'vardcentral', 'psykiatrisk_oppenvard', 'bistandsenhet', 'hemsjukvard', 'hemtjanstgrupp', 'forvaltning');--> statement-breakpoint
CREATE TYPE "public"."patient_identifier_kind" AS ENUM('personnummer', 'samordningsnummer', 'reservnummer');--> statement-breakpoint
CREATE TYPE "public"."case_close_reason" AS ENUM('utskriven_klar', 'avliden', 'overflyttad', 'makulerad');--> statement-breakpoint
CREATE TYPE "public"."case_party_role" AS ENUM('avdelning', 'kommun', 'vardcentral', 'psykiatrisk_oppenvard', 'hemsjukvard', 'hemtjanst');--> statement-breakpoint
CREATE TYPE "public"."case_stage" AS ENUM('inskriven', 'planering', 'utskrivningsklar', 'utskriven', 'avslutad');--> statement-breakpoint
CREATE TYPE "public"."consent_kind" AS ENUM('informationsoverforing_kommun', 'informationsoverforing_vardcentral', 'npo', 'sip');--> statement-breakpoint
CREATE TYPE "public"."message_kind" AS ENUM('samtycke', 'inskrivningsmeddelande', 'andrat_utskrivningsdatum', 'svar_pa_inskrivning', 'avvisning', 'planeringsunderlag', 'meddela_beslut', 'uppdrag_hemsjukvard', 'egenvardsbedomning', 'kallelse_sip', 'sip_plan', 'utskrivningsklar', 'ej_utskrivningsklar', 'kommunklar', 'utskrivningsdatum', 'utskrivningsmeddelande', 'generellt', 'avslut');--> statement-breakpoint
CREATE TYPE "public"."outage_status" AS ENUM('foreslagen', 'pagaende', 'avslutad', 'avvisad');--> statement-breakpoint
CREATE TYPE "public"."outage_system" AS ENUM('journalsystem', 'samordning', 'vardkedjan_planerat', 'inloggning', 'integration');--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hsa_id" text NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"org_no" text NOT NULL,
	"region_id" uuid,
	"municipality_code" text,
	"short_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_hsaId_unique" UNIQUE("hsa_id"),
	CONSTRAINT "organisations_municipalityCode_unique" UNIQUE("municipality_code")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hsa_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" "unit_kind" NOT NULL,
	"name" text NOT NULL,
	"care_type" "care_type",
	"phone" text,
	"switchboard" text,
	"opening_hours" text,
	"function_mailbox" text,
	"street_address" text,
	"postal_code" text,
	"city" text,
	"municipality_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_hsaId_unique" UNIQUE("hsa_id")
);
--> statement-breakpoint
CREATE TABLE "login_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"portal" text NOT NULL,
	"principal" jsonb NOT NULL,
	"contexts" jsonb NOT NULL,
	"denial_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active_context_id" text,
	"id_token" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "role_mapping_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_org_hsa_id" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"priority" integer NOT NULL,
	"rule" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_staff_id" uuid
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hsa_id" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"title" text,
	"organisation_id" uuid,
	"preferred_contexts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_hsaId_unique" UNIQUE("hsa_id")
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier_kind" "patient_identifier_kind" NOT NULL,
	"identifier" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"protected_identity" boolean DEFAULT false NOT NULL,
	"street_address" text,
	"postal_code" text,
	"city" text,
	"municipality_code" text,
	"listed_unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patients_identifier_unique" UNIQUE("identifier")
);
--> statement-breakpoint
CREATE TABLE "case_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" "case_party_role" NOT NULL,
	"fixed_care_contact_staff_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by_staff_id" uuid,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "consent_kind" NOT NULL,
	"given" boolean NOT NULL,
	"source" text NOT NULL,
	"documented_by_staff_id" uuid NOT NULL,
	"documented_by_unit_id" uuid NOT NULL,
	"documented_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "coordination_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"hospital_unit_id" uuid NOT NULL,
	"ward_unit_id" uuid NOT NULL,
	"care_type" "care_type" DEFAULT 'somatisk' NOT NULL,
	"lpt" boolean DEFAULT false NOT NULL,
	"lrv" boolean DEFAULT false NOT NULL,
	"admitted_at" timestamp with time zone NOT NULL,
	"stage" "case_stage" DEFAULT 'inskriven' NOT NULL,
	"estimated_discharge_date" date,
	"ready_for_discharge_at" timestamp with time zone,
	"discharged_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_reason" "case_close_reason",
	"previous_case_id" uuid,
	"provisional" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coordination_cases_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "message_recipients" (
	"message_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_staff_id" uuid,
	CONSTRAINT "message_recipients_message_id_unit_id_pk" PRIMARY KEY("message_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "message_kind" NOT NULL,
	"title" text,
	"sender_unit_id" uuid NOT NULL,
	"sender_staff_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"free_text" text,
	"corrects_message_id" uuid,
	"idempotency_key" text NOT NULL,
	"outage_id" uuid
);
--> statement-breakpoint
CREATE TABLE "outage_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outage_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_id" uuid,
	"change" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outage_units" (
	"outage_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "outage_units_outage_id_unit_id_pk" PRIMARY KEY("outage_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "outages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"system" "outage_system" NOT NULL,
	"system_detail" text,
	"status" "outage_status" NOT NULL,
	"scope" text NOT NULL,
	"message" text,
	"started_at" timestamp with time zone NOT NULL,
	"expected_end_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"declared_by_staff_id" uuid,
	"ended_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outage_id" uuid,
	"case_id" uuid,
	"patient_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"counterpart_name" text NOT NULL,
	"counterpart_unit_id" uuid,
	"counterpart_unit_text" text,
	"steps" jsonb NOT NULL,
	"direction" text NOT NULL,
	"comment" text,
	"unit_id" uuid NOT NULL,
	"signed_by_staff_id" uuid NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"category" text NOT NULL,
	"activity" text,
	"outcome" text DEFAULT 'success' NOT NULL,
	"portal" text,
	"actor_staff_id" uuid,
	"actor_hsa_id" text,
	"actor_name" text,
	"role" text,
	"unit_hsa_id" text,
	"commission_hsa_id" text,
	"provider_hsa_id" text,
	"purpose" text,
	"patient_id" uuid,
	"case_id" uuid,
	"entity_type" text,
	"entity_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_sessions" ADD CONSTRAINT "login_sessions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_mapping_rules" ADD CONSTRAINT "role_mapping_rules_updated_by_staff_id_staff_id_fk" FOREIGN KEY ("updated_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_listed_unit_id_units_id_fk" FOREIGN KEY ("listed_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_fixed_care_contact_staff_id_staff_id_fk" FOREIGN KEY ("fixed_care_contact_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_added_by_staff_id_staff_id_fk" FOREIGN KEY ("added_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_documented_by_staff_id_staff_id_fk" FOREIGN KEY ("documented_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_documented_by_unit_id_units_id_fk" FOREIGN KEY ("documented_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_cases" ADD CONSTRAINT "coordination_cases_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_cases" ADD CONSTRAINT "coordination_cases_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_cases" ADD CONSTRAINT "coordination_cases_hospital_unit_id_units_id_fk" FOREIGN KEY ("hospital_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_cases" ADD CONSTRAINT "coordination_cases_ward_unit_id_units_id_fk" FOREIGN KEY ("ward_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_cases" ADD CONSTRAINT "coordination_cases_previous_case_id_coordination_cases_id_fk" FOREIGN KEY ("previous_case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_cases" ADD CONSTRAINT "coordination_cases_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_recipients" ADD CONSTRAINT "message_recipients_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_recipients" ADD CONSTRAINT "message_recipients_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_recipients" ADD CONSTRAINT "message_recipients_acknowledged_by_staff_id_staff_id_fk" FOREIGN KEY ("acknowledged_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_unit_id_units_id_fk" FOREIGN KEY ("sender_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_staff_id_staff_id_fk" FOREIGN KEY ("sender_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_corrects_message_id_messages_id_fk" FOREIGN KEY ("corrects_message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_events" ADD CONSTRAINT "outage_events_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_events" ADD CONSTRAINT "outage_events_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_units" ADD CONSTRAINT "outage_units_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_units" ADD CONSTRAINT "outage_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outages" ADD CONSTRAINT "outages_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outages" ADD CONSTRAINT "outages_declared_by_staff_id_staff_id_fk" FOREIGN KEY ("declared_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outages" ADD CONSTRAINT "outages_ended_by_staff_id_staff_id_fk" FOREIGN KEY ("ended_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_contacts" ADD CONSTRAINT "phone_contacts_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_contacts" ADD CONSTRAINT "phone_contacts_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_contacts" ADD CONSTRAINT "phone_contacts_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_contacts" ADD CONSTRAINT "phone_contacts_counterpart_unit_id_units_id_fk" FOREIGN KEY ("counterpart_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_contacts" ADD CONSTRAINT "phone_contacts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_contacts" ADD CONSTRAINT "phone_contacts_signed_by_staff_id_staff_id_fk" FOREIGN KEY ("signed_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_organisation_idx" ON "units" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "units_active_kind_idx" ON "units" USING btree ("kind") WHERE "units"."active";--> statement-breakpoint
CREATE INDEX "login_sessions_staff_idx" ON "login_sessions" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_parties_case_unit" ON "case_parties" USING btree ("case_id","unit_id");--> statement-breakpoint
CREATE INDEX "case_parties_unit_idx" ON "case_parties" USING btree ("unit_id","case_id");--> statement-breakpoint
CREATE INDEX "consents_case_idx" ON "consents" USING btree ("case_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_cases_one_open_per_patient" ON "coordination_cases" USING btree ("patient_id") WHERE "coordination_cases"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "coordination_cases_ward_stage_idx" ON "coordination_cases" USING btree ("ward_unit_id","stage");--> statement-breakpoint
CREATE INDEX "coordination_cases_hospital_stage_idx" ON "coordination_cases" USING btree ("hospital_unit_id","stage");--> statement-breakpoint
CREATE INDEX "message_recipients_unacked_idx" ON "message_recipients" USING btree ("unit_id") WHERE "message_recipients"."acknowledged_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_idempotency" ON "messages" USING btree ("sender_staff_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "messages_case_idx" ON "messages" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "outages_region_status_idx" ON "outages" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "phone_contacts_outage_idx" ON "phone_contacts" USING btree ("outage_id","unit_id");--> statement-breakpoint
CREATE INDEX "audit_events_patient_idx" ON "audit_events" USING btree ("patient_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_hsa_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");