import { sql, type DbOrTx } from "@vardkedjan/db/client";
import type { RoleContext } from "@vardkedjan/domain/identity/types";

/**
 * The unit ids a context covers: its scope root (a unit, or every unit of an organisation) and,
 * when the context includes descendants, every unit below. Global scope covers every unit.
 */
export async function resolveScopeUnitIds(db: DbOrTx, ctx: RoleContext): Promise<string[]> {
  if (ctx.scopeHsaId === null) {
    const all = await db.execute<{ id: string }>(sql`select id from units`);
    return all.rows.map((r) => r.id);
  }
  const res = await db.execute<{ id: string }>(sql`
    with recursive roots as (
      select u.id from units u where u.hsa_id = ${ctx.scopeHsaId}
      union
      select u.id from units u join organisations o on o.id = u.organisation_id
        where o.hsa_id = ${ctx.scopeHsaId} and (${ctx.includeDescendants} or u.parent_id is null)
    ),
    tree as (
      select id from roots
      union
      select u.id from units u join tree t on u.parent_id = t.id where ${ctx.includeDescendants}
    )
    select id from tree`);
  return res.rows.map((r) => r.id);
}
