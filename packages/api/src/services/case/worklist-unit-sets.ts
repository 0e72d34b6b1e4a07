import { createHash } from "node:crypto";
import { sql, type SQL, type Tx } from "@vardkedjan/db/client";

/**
 * The kept count of a list over several units (a hospital with its wards, a kommun's units, "Alla
 * mina enheter"): the set of units is named by a hash of its sorted ids, registered the first time
 * a list reads it, and from then on kept by a statement trigger on the party rows (migration
 * worklist_unit_set_counts), so the first page of a hospital-wide list does not count the
 * hospital's open cases on every request. A changed organisation tree gives a context another set
 * of units, so another key: a set is never read for units it was not counted over.
 */
export function unitSetKey(units: readonly string[]): string {
  return createHash("sha256")
    .update([...units].sort().join(","))
    .digest("hex");
}

/** The set's kept count (SQL), null while the set is not registered. */
export function keptSetCount(key: string, includeClosed: boolean): SQL {
  return sql`(select (select coalesce(sum(c.listed), 0)::int from worklist_unit_set_counts c where c.set_id = s.id and (c.case_open or ${includeClosed}))
    from worklist_unit_sets s where s.key = ${key})`;
}

/**
 * Registers the set and counts it once, in the caller's transaction; returns the count, or null
 * when another transaction registered it at the same time (the caller then counts this once).
 * The count is taken under a SHARE lock on `case_parties`: a write that has already run waits to
 * be committed and is counted, and a write after it waits for this transaction and finds the set
 * for its trigger, so no change falls between the two.
 */
export async function registerUnitSet(tx: Tx, key: string, units: readonly string[], includeClosed: boolean): Promise<number | null> {
  await tx.execute(sql`lock table case_parties in share mode`);
  const inserted = await tx.execute<{ id: string }>(sql`insert into worklist_unit_sets (key) values (${key}) on conflict (key) do nothing returning id`);
  const id = inserted.rows[0]?.id;
  if (!id) return null;
  const unitArray = sql`${`{${units.join(",")}}`}::uuid[]`;
  await tx.execute(sql`insert into worklist_unit_set_members (set_id, unit_id) select ${id}::uuid, u from unnest(${unitArray}) u on conflict do nothing`);
  const counts = await tx.execute<{ case_open: boolean; listed: number }>(sql`
    insert into worklist_unit_set_counts (set_id, case_open, listed)
    select ${id}::uuid, o.case_open, coalesce(x.n, 0) from (values (true), (false)) o(case_open)
    left join (
      select case_open, count(distinct case_id)::int as n from case_parties
      where unit_id = any(${unitArray}) and removed_at is null and visible_from is not null group by case_open) x using (case_open)
    returning case_open, listed`);
  return counts.rows.reduce((n, r) => n + (r.case_open || includeClosed ? r.listed : 0), 0);
}
