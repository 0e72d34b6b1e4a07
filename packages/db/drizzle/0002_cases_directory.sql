CREATE SEQUENCE "public"."case_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "staff_commissions" (
	"staff_id" uuid NOT NULL,
	"commission_hsa_id" text NOT NULL,
	"unit_hsa_id" text NOT NULL,
	"purpose" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_commissions_staff_id_commission_hsa_id_pk" PRIMARY KEY("staff_id","commission_hsa_id")
);
--> statement-breakpoint
CREATE TABLE "population_register" (
	"identifier" text PRIMARY KEY NOT NULL,
	"identifier_kind" "patient_identifier_kind" NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"protected_identity" boolean DEFAULT false NOT NULL,
	"street_address" text,
	"postal_code" text,
	"city" text,
	"municipality_code" text,
	"listed_unit_hsa_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "next_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "next_due_step" text;--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "case_open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "coordination_cases" ADD COLUMN "need_assessed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "coordination_cases" ADD COLUMN "creation_key" text;--> statement-breakpoint
ALTER TABLE "staff_commissions" ADD CONSTRAINT "staff_commissions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_commissions_unit_idx" ON "staff_commissions" USING btree ("unit_hsa_id");--> statement-breakpoint
CREATE INDEX "case_parties_worklist_idx" ON "case_parties" USING btree ("unit_id","case_open","next_due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_cases_creation_key" ON "coordination_cases" USING btree ("created_by_staff_id","creation_key");