CREATE TABLE "org_tree_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"instance" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "case_parties_worklist_idx";--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "due_steps" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "legal_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "unacknowledged" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "stage" "case_stage";--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "admitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "estimated_discharge_date" date;--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "ready_for_discharge_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "municipality_code" text;--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "municipality_name" text;--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "kommunklar_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "fixed_care_contact_name" text;--> statement-breakpoint
CREATE INDEX "case_parties_list_due_idx" ON "case_parties" USING btree ("unit_id","case_open",coalesce("next_due_at", 'infinity'::timestamptz),"case_id") WHERE "case_parties"."removed_at" is null and "case_parties"."visible_from" is not null;--> statement-breakpoint
CREATE INDEX "case_parties_list_due_kommun_idx" ON "case_parties" USING btree ("unit_id","case_open","municipality_code",coalesce("next_due_at", 'infinity'::timestamptz),"case_id") WHERE "case_parties"."removed_at" is null and "case_parties"."visible_from" is not null;--> statement-breakpoint
CREATE INDEX "case_parties_list_admitted_idx" ON "case_parties" USING btree ("unit_id","case_open","admitted_at","case_id") WHERE "case_parties"."removed_at" is null and "case_parties"."visible_from" is not null;--> statement-breakpoint
CREATE INDEX "case_parties_list_estimated_idx" ON "case_parties" USING btree ("unit_id","case_open",coalesce("estimated_discharge_date", 'infinity'::date),"case_id") WHERE "case_parties"."removed_at" is null and "case_parties"."visible_from" is not null;--> statement-breakpoint
CREATE INDEX "case_parties_list_ready_idx" ON "case_parties" USING btree ("unit_id","case_open",coalesce("ready_for_discharge_at", 'infinity'::timestamptz),"case_id") WHERE "case_parties"."removed_at" is null and "case_parties"."visible_from" is not null;--> statement-breakpoint
CREATE INDEX "case_parties_list_kommun_idx" ON "case_parties" USING btree ("unit_id","case_open",("municipality_name" is null),coalesce("municipality_name", ''),"case_id") WHERE "case_parties"."removed_at" is null and "case_parties"."visible_from" is not null;--> statement-breakpoint
CREATE INDEX "case_parties_list_kommunklar_idx" ON "case_parties" USING btree ("unit_id","case_open",coalesce("kommunklar_at", '-infinity'::timestamptz),"case_id") WHERE "case_parties"."removed_at" is null and "case_parties"."visible_from" is not null;--> statement-breakpoint
CREATE INDEX "case_parties_list_contact_idx" ON "case_parties" USING btree ("unit_id","case_open",("fixed_care_contact_name" is null),coalesce("fixed_care_contact_name", ''),"case_id") WHERE "case_parties"."removed_at" is null and "case_parties"."visible_from" is not null;--> statement-breakpoint
-- The case's sortable columns for parties that exist already; the due steps follow at the case's next write.
UPDATE "case_parties" cp SET "stage" = c."stage", "admitted_at" = c."admitted_at", "estimated_discharge_date" = c."estimated_discharge_date",
  "ready_for_discharge_at" = c."ready_for_discharge_at", "municipality_code" = p."municipality_code", "municipality_name" = k."name"
  FROM "coordination_cases" c JOIN "patients" p ON p."id" = c."patient_id"
  LEFT JOIN "organisations" k ON k."kind" = 'kommun' AND k."municipality_code" = p."municipality_code"
  WHERE c."id" = cp."case_id";--> statement-breakpoint
INSERT INTO "org_tree_version" ("id") VALUES (1);--> statement-breakpoint
CREATE OR REPLACE FUNCTION org_tree_version_bump() RETURNS trigger AS $$
BEGIN
  UPDATE org_tree_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER units_org_tree_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "units" FOR EACH STATEMENT EXECUTE FUNCTION org_tree_version_bump();--> statement-breakpoint
CREATE TRIGGER organisations_org_tree_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisations" FOR EACH STATEMENT EXECUTE FUNCTION org_tree_version_bump();--> statement-breakpoint
-- audit_actor_org matches the actor's HSA-id prefix against every organisation's: an index, so
-- the one audit row a worklist page writes does not read the whole organisation table.
CREATE INDEX "organisations_hsa_prefix_idx" ON "organisations" (split_part("hsa_id", '-', 1), "hsa_id");
