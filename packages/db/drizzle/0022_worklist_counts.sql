CREATE TABLE "unit_list_counts" (
	"unit_id" uuid NOT NULL,
	"case_open" boolean NOT NULL,
	"listed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "unit_list_counts_unit_id_case_open_pk" PRIMARY KEY("unit_id","case_open")
);
--> statement-breakpoint
ALTER TABLE "unit_list_counts" ADD CONSTRAINT "unit_list_counts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Each unit's listed rows as they are now (a party not removed that sees the case).
INSERT INTO "unit_list_counts" ("unit_id", "case_open", "listed")
  SELECT "unit_id", "case_open", count(*)::int FROM "case_parties"
  WHERE "removed_at" IS NULL AND "visible_from" IS NOT NULL GROUP BY "unit_id", "case_open";--> statement-breakpoint
-- Kept per statement (transition tables), so that a loader's bulk insert costs one grouped upsert
-- and a write that does not change whether a party is listed (most of them) touches no count row,
-- and so takes no lock on it. Rows are upserted in key order, so two writers never wait on each
-- other in opposite orders.
CREATE OR REPLACE FUNCTION unit_list_counts_keep() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO unit_list_counts (unit_id, case_open, listed)
      SELECT unit_id, case_open, count(*)::int FROM new_rows
      WHERE removed_at IS NULL AND visible_from IS NOT NULL GROUP BY unit_id, case_open ORDER BY unit_id, case_open
      ON CONFLICT (unit_id, case_open) DO UPDATE SET listed = unit_list_counts.listed + EXCLUDED.listed;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE unit_list_counts c SET listed = c.listed - d.n
      FROM (SELECT unit_id, case_open, count(*)::int AS n FROM old_rows
            WHERE removed_at IS NULL AND visible_from IS NOT NULL GROUP BY unit_id, case_open) d
      WHERE c.unit_id = d.unit_id AND c.case_open = d.case_open;
  ELSE
    INSERT INTO unit_list_counts (unit_id, case_open, listed)
      SELECT unit_id, case_open, sum(n)::int FROM (
        SELECT unit_id, case_open, 1 AS n FROM new_rows WHERE removed_at IS NULL AND visible_from IS NOT NULL
        UNION ALL
        SELECT unit_id, case_open, -1 AS n FROM old_rows WHERE removed_at IS NULL AND visible_from IS NOT NULL) d
      GROUP BY unit_id, case_open HAVING sum(n) <> 0 ORDER BY unit_id, case_open
      ON CONFLICT (unit_id, case_open) DO UPDATE SET listed = unit_list_counts.listed + EXCLUDED.listed;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER case_parties_list_counts_insert AFTER INSERT ON "case_parties"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_list_counts_keep();--> statement-breakpoint
CREATE TRIGGER case_parties_list_counts_update AFTER UPDATE ON "case_parties"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_list_counts_keep();--> statement-breakpoint
CREATE TRIGGER case_parties_list_counts_delete AFTER DELETE ON "case_parties"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_list_counts_keep();
