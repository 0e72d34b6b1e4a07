CREATE TABLE "worklist_unit_set_counts" (
	"set_id" uuid NOT NULL,
	"case_open" boolean NOT NULL,
	"listed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "worklist_unit_set_counts_set_id_case_open_pk" PRIMARY KEY("set_id","case_open")
);
--> statement-breakpoint
CREATE TABLE "worklist_unit_set_members" (
	"set_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "worklist_unit_set_members_set_id_unit_id_pk" PRIMARY KEY("set_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "worklist_unit_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worklist_unit_sets_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "worklist_unit_set_counts" ADD CONSTRAINT "worklist_unit_set_counts_set_id_worklist_unit_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."worklist_unit_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worklist_unit_set_members" ADD CONSTRAINT "worklist_unit_set_members_set_id_worklist_unit_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."worklist_unit_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worklist_unit_set_members" ADD CONSTRAINT "worklist_unit_set_members_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worklist_unit_set_members_unit_idx" ON "worklist_unit_set_members" USING btree ("unit_id","set_id");--> statement-breakpoint
-- Applies a statement's changes of listed party rows (+1 listed now, -1 listed before, per case,
-- unit and open/closed) to the counts of the sets those units belong to. A case counts in a set
-- while at least one of its listed party rows is at a unit of the set, so the change per set and
-- case is read from the rows as they are after the statement (the count) and before it (the count
-- less the statement's change). The cases are locked first, in id order: two transactions adding
-- parties of one case in one set then count one after the other, each seeing the other's row.
CREATE OR REPLACE FUNCTION worklist_unit_set_counts_apply(p_case uuid[], p_unit uuid[], p_open boolean[], p_d integer[]) RETURNS void AS $$
DECLARE
  affected uuid[];
BEGIN
  SELECT array_agg(DISTINCT c.case_id ORDER BY c.case_id) INTO affected
    FROM unnest(p_case, p_unit) AS c(case_id, unit_id)
    WHERE EXISTS (SELECT 1 FROM worklist_unit_set_members m WHERE m.unit_id = c.unit_id);
  IF affected IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM coordination_cases WHERE id = ANY (affected) ORDER BY id FOR NO KEY UPDATE;
  INSERT INTO worklist_unit_set_counts (set_id, case_open, listed)
    SELECT ps.set_id, ps.case_open, sum((a.n > 0)::int - (a.n - ps.d > 0)::int)::int
    FROM (SELECT m.set_id, c.case_id, c.case_open, sum(c.d)::int AS d
          FROM unnest(p_case, p_unit, p_open, p_d) AS c(case_id, unit_id, case_open, d)
          JOIN worklist_unit_set_members m ON m.unit_id = c.unit_id
          GROUP BY m.set_id, c.case_id, c.case_open
          HAVING sum(c.d) <> 0) ps
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM case_parties cp
      JOIN worklist_unit_set_members m ON m.set_id = ps.set_id AND m.unit_id = cp.unit_id
      WHERE cp.case_id = ps.case_id AND cp.case_open = ps.case_open AND cp.removed_at IS NULL AND cp.visible_from IS NOT NULL) a
    GROUP BY ps.set_id, ps.case_open
    HAVING sum((a.n > 0)::int - (a.n - ps.d > 0)::int) <> 0
    ORDER BY ps.set_id, ps.case_open
    ON CONFLICT (set_id, case_open) DO UPDATE SET listed = worklist_unit_set_counts.listed + EXCLUDED.listed;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
-- Per statement, like unit_list_counts_keep: a write that does not change whether a party is
-- listed (most of them) passes no row on, and a unit in no registered set stops at one lookup.
CREATE OR REPLACE FUNCTION worklist_unit_set_counts_keep() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM worklist_unit_set_counts_apply(array_agg(case_id), array_agg(unit_id), array_agg(case_open), array_agg(1))
      FROM new_rows WHERE removed_at IS NULL AND visible_from IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM worklist_unit_set_counts_apply(array_agg(case_id), array_agg(unit_id), array_agg(case_open), array_agg(-1))
      FROM old_rows WHERE removed_at IS NULL AND visible_from IS NOT NULL;
  ELSE
    PERFORM worklist_unit_set_counts_apply(array_agg(case_id), array_agg(unit_id), array_agg(case_open), array_agg(d))
      FROM (SELECT case_id, unit_id, case_open, sum(d)::int AS d FROM (
              SELECT case_id, unit_id, case_open, 1 AS d FROM new_rows WHERE removed_at IS NULL AND visible_from IS NOT NULL
              UNION ALL
              SELECT case_id, unit_id, case_open, -1 AS d FROM old_rows WHERE removed_at IS NULL AND visible_from IS NOT NULL) x
            GROUP BY case_id, unit_id, case_open HAVING sum(d) <> 0) y;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER case_parties_set_counts_insert AFTER INSERT ON "case_parties"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_unit_set_counts_keep();--> statement-breakpoint
CREATE TRIGGER case_parties_set_counts_update AFTER UPDATE ON "case_parties"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_unit_set_counts_keep();--> statement-breakpoint
CREATE TRIGGER case_parties_set_counts_delete AFTER DELETE ON "case_parties"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_unit_set_counts_keep();
