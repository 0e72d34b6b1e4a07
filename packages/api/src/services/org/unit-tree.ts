import { sql, type DbOrTx } from "@vardkedjan/db/client";

/**
 * Walking our mirror of the HSA unit tree (`units.parent_id`): the one place that knows how. A
 * context's scope reaches the units below its root, an outage of named units reaches the units
 * below them, and a ward's hospital carries the numbers its wards are phoned through.
 */

/**
 * Depth at which a walk stops. The HSA tree is a handful of levels deep; the bound only keeps a
 * parent cycle typed in by mistake from walking forever.
 */
const MAX_DEPTH = 64;

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/** The given units and every unit below them, each once (unknown ids are left out). */
export async function unitsWithDescendants(db: DbOrTx, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const res = await db.execute<{ id: string }>(sql`
    with recursive tree(id) as (
      select u.id from units u where u.id = any(${uuidArray(unitIds)})
      union
      select u.id from units u join tree t on u.parent_id = t.id
    )
    select id::text as id from tree`);
  return res.rows.map((r) => r.id);
}

/**
 * For each given unit, the units above it, nearest first (the parent, then its parent …); a unit
 * at the top of its tree, or unknown, has none.
 */
export async function ancestorsOf(db: DbOrTx, unitIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(unitIds.map((id) => [id, []]));
  if (unitIds.length === 0) return result;
  const res = await db.execute<{ id: string; ancestor: string }>(sql`
    with recursive up(id, ancestor, depth) as (
      select u.id, u.parent_id, 1 from units u where u.id = any(${uuidArray(unitIds)}) and u.parent_id is not null
      union all
      select up.id, p.parent_id, up.depth + 1 from up join units p on p.id = up.ancestor
        where p.parent_id is not null and up.depth < ${MAX_DEPTH}
    )
    select id::text as id, ancestor::text as ancestor from up order by id, depth`);
  for (const r of res.rows) result.get(r.id)?.push(r.ancestor);
  return result;
}

export interface RegionUnit {
  id: string;
  /** The region the unit's organisation belongs to (the region itself for its own units). */
  regionId: string;
  name: string;
  /** The units above it, nearest first. */
  ancestors: string[];
}

/** Every unit in a region (the region's own and its kommuner's and providers'), with the units above each. */
export async function regionUnitsWithAncestors(db: DbOrTx, regionId: string): Promise<RegionUnit[]> {
  const rows = await db.execute<{ id: string; region_id: string; name: string }>(sql`
    select u.id::text as id, coalesce(o.region_id, o.id)::text as region_id, u.name
    from units u join organisations o on o.id = u.organisation_id
    where coalesce(o.region_id, o.id) = ${regionId}`);
  const ancestors = await ancestorsOf(
    db,
    rows.rows.map((r) => r.id),
  );
  return rows.rows.map((r) => ({ id: r.id, regionId: r.region_id, name: r.name, ancestors: ancestors.get(r.id) ?? [] }));
}
