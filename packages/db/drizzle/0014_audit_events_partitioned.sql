-- The audit log becomes a table partitioned by month on "at", so that a month past the retention
-- time (at least five years, HSLF-FS 2016:40) can be detached and archived whole, and a patient's
-- log is searched per month through small indexes. Drizzle cannot express partitioning, hence
-- this hand-written migration. Existing rows are copied into their months; nothing is lost.
-- Partition bounds are Stockholm calendar months. "at" keeps milliseconds (JavaScript's precision),
-- so an (id, at) pair read by the API names its row exactly.
ALTER TABLE "audit_events" RENAME TO "audit_events_unpartitioned";--> statement-breakpoint
ALTER TABLE "audit_events_unpartitioned" DROP CONSTRAINT "audit_events_pkey";--> statement-breakpoint
DROP INDEX "audit_events_patient_idx";--> statement-breakpoint
DROP INDEX "audit_events_actor_idx";--> statement-breakpoint
DROP INDEX "audit_events_at_idx";--> statement-breakpoint
ALTER SEQUENCE "audit_events_id_seq" OWNED BY NONE;--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint DEFAULT nextval('audit_events_id_seq'::regclass) NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"category" text NOT NULL,
	"activity" text,
	"outcome" text DEFAULT 'success' NOT NULL,
	"portal" text,
	"actor_staff_id" uuid,
	"actor_hsa_id" text,
	"actor_name" text,
	"actor_org_hsa_id" text,
	"role" text,
	"unit_hsa_id" text,
	"commission_hsa_id" text,
	"provider_hsa_id" text,
	"purpose" text,
	"patient_id" uuid,
	"case_id" uuid,
	"entity_type" text,
	"entity_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_events_id_at_pk" PRIMARY KEY("id","at")
) PARTITION BY RANGE ("at");--> statement-breakpoint
ALTER SEQUENCE "audit_events_id_seq" OWNED BY "audit_events"."id";--> statement-breakpoint
CREATE INDEX "audit_events_patient_idx" ON "audit_events" USING btree ("patient_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_hsa_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_unit_idx" ON "audit_events" USING btree ("unit_hsa_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_org_idx" ON "audit_events" USING btree ("actor_org_hsa_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
-- A row trigger on the partitioned table is cloned onto every partition, present and future, so
-- an UPDATE or DELETE aimed at a single partition is refused as well.
CREATE TRIGGER "audit_events_no_update_delete"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();--> statement-breakpoint
-- Catches any row no month partition covers, so that a write never fails for want of a partition.
CREATE TABLE "audit_events_default" PARTITION OF "audit_events" DEFAULT;--> statement-breakpoint
-- Creates the partition of the Stockholm month containing month_start, unless it exists; returns
-- whether it created one. Rows that already landed in the default partition for that month are
-- moved into the new partition (the same rows, unchanged): PostgreSQL refuses a partition whose
-- range the default partition holds rows of. The append-only trigger is disabled on the default
-- partition only for that move, inside this transaction.
CREATE OR REPLACE FUNCTION audit_events_ensure_month(month_start date) RETURNS boolean AS $$
DECLARE
  first_day date := date_trunc('month', month_start)::date;
  lower_at timestamptz := (date_trunc('month', month_start)::timestamp AT TIME ZONE 'Europe/Stockholm');
  upper_at timestamptz := ((date_trunc('month', month_start) + interval '1 month')::timestamp AT TIME ZONE 'Europe/Stockholm');
  part text := format('audit_events_%s', to_char(first_day, 'YYYY_MM'));
  stray boolean;
BEGIN
  IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
    RETURN false;
  END IF;
  LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE;
  SELECT EXISTS (SELECT 1 FROM audit_events_default WHERE at >= lower_at AND at < upper_at) INTO stray;
  IF stray THEN
    CREATE TEMP TABLE audit_events_move ON COMMIT DROP AS
      SELECT * FROM audit_events_default WHERE at >= lower_at AND at < upper_at;
    ALTER TABLE audit_events_default DISABLE TRIGGER audit_events_no_update_delete;
    DELETE FROM audit_events_default WHERE at >= lower_at AND at < upper_at;
    ALTER TABLE audit_events_default ENABLE TRIGGER audit_events_no_update_delete;
  END IF;
  EXECUTE format('CREATE TABLE public.%I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)', part, lower_at, upper_at);
  IF stray THEN
    INSERT INTO audit_events SELECT * FROM audit_events_move;
    DROP TABLE audit_events_move;
  END IF;
  RETURN true;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- The organisation employing an actor, for log review by organisation (each reviews its own
-- staff): the organisation whose HSA catalogue issued the employeeHsaId (the part before the
-- first '-', as in the login's employment check), else the organisation owning the context's
-- unit (a hired person from a catalogue we do not know is reviewed where they worked).
CREATE OR REPLACE FUNCTION audit_actor_org(actor_hsa_id text, scope_hsa_id text) RETURNS text AS $$
  SELECT coalesce(
    (SELECT o.hsa_id FROM organisations o
      WHERE actor_hsa_id IS NOT NULL AND split_part(o.hsa_id, '-', 1) = split_part(actor_hsa_id, '-', 1)
      ORDER BY o.hsa_id LIMIT 1),
    (SELECT o.hsa_id FROM organisations o WHERE o.hsa_id = scope_hsa_id),
    (SELECT o.hsa_id FROM units u JOIN organisations o ON o.id = u.organisation_id WHERE u.hsa_id = scope_hsa_id))
$$ LANGUAGE sql STABLE;--> statement-breakpoint
DO $$
DECLARE
  m date;
BEGIN
  FOR m IN SELECT DISTINCT date_trunc('month', at AT TIME ZONE 'Europe/Stockholm')::date FROM audit_events_unpartitioned LOOP
    PERFORM audit_events_ensure_month(m);
  END LOOP;
  FOR i IN 0..3 LOOP
    PERFORM audit_events_ensure_month((date_trunc('month', now() AT TIME ZONE 'Europe/Stockholm') + make_interval(months => i))::date);
  END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "audit_events" ("id", "at", "action", "category", "activity", "outcome", "portal", "actor_staff_id", "actor_hsa_id", "actor_name", "role", "unit_hsa_id", "commission_hsa_id", "provider_hsa_id", "purpose", "patient_id", "case_id", "entity_type", "entity_id", "details", "actor_org_hsa_id")
  SELECT "id", "at", "action", "category", "activity", "outcome", "portal", "actor_staff_id", "actor_hsa_id", "actor_name", "role", "unit_hsa_id", "commission_hsa_id", "provider_hsa_id", "purpose", "patient_id", "case_id", "entity_type", "entity_id", "details", audit_actor_org("actor_hsa_id", "unit_hsa_id")
  FROM "audit_events_unpartitioned";--> statement-breakpoint
DROP TABLE "audit_events_unpartitioned";
