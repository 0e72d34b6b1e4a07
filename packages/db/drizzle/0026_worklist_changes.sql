CREATE TABLE "worklist_changes" (
	"unit_id" uuid NOT NULL,
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "worklist_changes_unit_xid_idx" ON "worklist_changes" USING btree ("unit_id","xid");--> statement-breakpoint
CREATE INDEX "worklist_changes_xid_idx" ON "worklist_changes" USING btree ("xid");--> statement-breakpoint
CREATE INDEX "coordination_cases_patient_idx" ON "coordination_cases" USING btree ("patient_id");--> statement-breakpoint
-- Which units' worklists a statement changed, for the pages the portals keep (worklist_changes):
-- per statement, one row per unit, with the writing transaction's id (the column's default).
-- Everything a worklist row shows or is chosen by is covered: the party rows themselves, and the
-- case, patient, consents and payment responsibility of each case, which reach the units party to it.
CREATE OR REPLACE FUNCTION worklist_changes_note(p_units uuid[]) RETURNS void AS $$
BEGIN
  IF p_units IS NOT NULL AND cardinality(p_units) > 0 THEN
    INSERT INTO worklist_changes (unit_id) SELECT DISTINCT u FROM unnest(p_units) AS u WHERE u IS NOT NULL;
  END IF;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION worklist_changes_of_parties() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM worklist_changes_note(array_agg(DISTINCT unit_id)) FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM worklist_changes_note(array_agg(DISTINCT unit_id)) FROM old_rows;
  ELSE
    PERFORM worklist_changes_note(array_agg(DISTINCT unit_id)) FROM (SELECT unit_id FROM new_rows UNION SELECT unit_id FROM old_rows) x;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
-- For the tables keyed by case: the units party to the changed cases (TG_ARGV[0] names the case column).
CREATE OR REPLACE FUNCTION worklist_changes_of_cases() RETURNS trigger AS $$
BEGIN
  IF TG_ARGV[0] = 'id' THEN
    IF TG_OP = 'DELETE' THEN
      PERFORM worklist_changes_note(array_agg(DISTINCT cp.unit_id)) FROM case_parties cp WHERE cp.case_id IN (SELECT id FROM old_rows);
    ELSE
      PERFORM worklist_changes_note(array_agg(DISTINCT cp.unit_id)) FROM case_parties cp WHERE cp.case_id IN (SELECT id FROM new_rows);
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM worklist_changes_note(array_agg(DISTINCT cp.unit_id)) FROM case_parties cp WHERE cp.case_id IN (SELECT case_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM worklist_changes_note(array_agg(DISTINCT cp.unit_id)) FROM case_parties cp WHERE cp.case_id IN (SELECT case_id FROM old_rows);
  ELSE
    PERFORM worklist_changes_note(array_agg(DISTINCT cp.unit_id)) FROM case_parties cp
      WHERE cp.case_id IN (SELECT case_id FROM new_rows UNION SELECT case_id FROM old_rows);
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
-- A patient's name, number or protected identity: the units party to any of the patient's cases.
CREATE OR REPLACE FUNCTION worklist_changes_of_patients() RETURNS trigger AS $$
BEGIN
  PERFORM worklist_changes_note(array_agg(DISTINCT cp.unit_id))
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN coordination_cases c ON c.patient_id = n.id
    JOIN case_parties cp ON cp.case_id = c.id
    WHERE (n.given_name, n.family_name, n.identifier, n.protected_identity) IS DISTINCT FROM (o.given_name, o.family_name, o.identifier, o.protected_identity);
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
-- Emptying a table (tests, a reload of demo data) says nothing of which units: every unit's kept pages go.
CREATE OR REPLACE FUNCTION worklist_changes_of_everything() RETURNS trigger AS $$
BEGIN
  INSERT INTO worklist_changes (unit_id) SELECT id FROM units;
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER case_parties_worklist_changes_insert AFTER INSERT ON "case_parties"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_parties();--> statement-breakpoint
CREATE TRIGGER case_parties_worklist_changes_update AFTER UPDATE ON "case_parties"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_parties();--> statement-breakpoint
CREATE TRIGGER case_parties_worklist_changes_delete AFTER DELETE ON "case_parties"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_parties();--> statement-breakpoint
CREATE TRIGGER coordination_cases_worklist_changes_update AFTER UPDATE ON "coordination_cases"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_cases('id');--> statement-breakpoint
-- Consents and payment responsibility alike: rows keyed by case_id, every kind of write.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['consents', 'case_payments'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_cases(%L)', t || '_worklist_changes_insert', t, 'case_id');
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_cases(%L)', t || '_worklist_changes_update', t, 'case_id');
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_cases(%L)', t || '_worklist_changes_delete', t, 'case_id');
  END LOOP;
END $$;--> statement-breakpoint
CREATE TRIGGER patients_worklist_changes_update AFTER UPDATE ON "patients"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_patients();--> statement-breakpoint
CREATE TRIGGER case_parties_worklist_changes_truncate AFTER TRUNCATE ON "case_parties" FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_everything();--> statement-breakpoint
CREATE TRIGGER coordination_cases_worklist_changes_truncate AFTER TRUNCATE ON "coordination_cases" FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_everything();--> statement-breakpoint
CREATE TRIGGER patients_worklist_changes_truncate AFTER TRUNCATE ON "patients" FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_everything();--> statement-breakpoint
CREATE TRIGGER consents_worklist_changes_truncate AFTER TRUNCATE ON "consents" FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_everything();--> statement-breakpoint
CREATE TRIGGER case_payments_worklist_changes_truncate AFTER TRUNCATE ON "case_payments" FOR EACH STATEMENT EXECUTE FUNCTION worklist_changes_of_everything();
