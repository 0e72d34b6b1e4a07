-- Made by hand in worklist_party_sort_keys; declared in the schema from here on, so the generated
-- statement must not fail where it exists.
CREATE INDEX IF NOT EXISTS "organisations_hsa_prefix_idx" ON "organisations" USING btree (split_part("hsa_id", '-', 1),"hsa_id");--> statement-breakpoint
-- The same answer as before (audit_events_partitioned), in PL/pgSQL: its three lookups are planned
-- once per connection and kept, where an SQL function's were parsed and planned again on every
-- audit row written. The first lookup now uses organisations_hsa_prefix_idx.
CREATE OR REPLACE FUNCTION audit_actor_org(actor_hsa_id text, scope_hsa_id text) RETURNS text AS $$
DECLARE
  found text;
BEGIN
  IF actor_hsa_id IS NOT NULL THEN
    SELECT o.hsa_id INTO found FROM organisations o
      WHERE split_part(o.hsa_id, '-', 1) = split_part(actor_hsa_id, '-', 1) ORDER BY o.hsa_id LIMIT 1;
    IF found IS NOT NULL THEN
      RETURN found;
    END IF;
  END IF;
  SELECT o.hsa_id INTO found FROM organisations o WHERE o.hsa_id = scope_hsa_id;
  IF found IS NOT NULL THEN
    RETURN found;
  END IF;
  SELECT o.hsa_id INTO found FROM units u JOIN organisations o ON o.id = u.organisation_id WHERE u.hsa_id = scope_hsa_id;
  RETURN found;
END $$ LANGUAGE plpgsql STABLE;
