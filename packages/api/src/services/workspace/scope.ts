import { sql, type DbOrTx } from "@vardkedjan/db/client";
import type { RoleContext } from "@vardkedjan/domain/identity/types";
import { unitsWithDescendants } from "../org/unit-tree";

/**
 * The unit ids a context covers: its scope root (a unit, or every unit of an organisation) and,
 * when the context includes descendants, every unit below. Global scope covers every unit.
 */
export async function resolveScopeUnitIds(db: DbOrTx, ctx: RoleContext): Promise<string[]> {
  if (ctx.scopeHsaId === null) {
    const all = await db.execute<{ id: string }>(sql`select id from units`);
    return all.rows.map((r) => r.id);
  }
  // The roots: the unit with that HSA id, or an organisation's units (all of them when the
  // context reaches below its root, else those at the top of its tree).
  const roots = await db.execute<{ id: string }>(sql`
    select u.id from units u where u.hsa_id = ${ctx.scopeHsaId}
    union
    select u.id from units u join organisations o on o.id = u.organisation_id
      where o.hsa_id = ${ctx.scopeHsaId} and (${ctx.includeDescendants} or u.parent_id is null)`);
  const rootIds = roots.rows.map((r) => r.id);
  return ctx.includeDescendants ? unitsWithDescendants(db, rootIds) : rootIds;
}
