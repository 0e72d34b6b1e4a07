import { sql, type DbOrTx } from "@vardkedjan/db/client";
import type { RoleContext } from "@vardkedjan/domain/identity/types";
import { unitsWithDescendants } from "../org/unit-tree";

/**
 * The unit ids a context covers: its scope root (a unit, or every unit of an organisation) and,
 * when the context includes descendants, every unit below. Global scope covers every unit.
 *
 * Resolved once per session context and kept in this process while the organisation tree stays
 * as it was: every page and call of a context needs the set, and walking the tree each time cost
 * as much as the worklist page itself. A change to `units` or `organisations` (Förvaltning's
 * organisation services, an import, the seed) moves `org_tree_version` by trigger, which every
 * portal process reads here (one primary-key row) before it trusts what it kept.
 */
export async function resolveScopeUnitIds(db: DbOrTx, ctx: RoleContext): Promise<string[]> {
  const version = await treeVersion(db);
  if (version === null) return resolveFromTree(db, ctx);
  const key = `${version}|${ctx.id}|${ctx.scopeHsaId ?? "*"}|${ctx.includeDescendants}`;
  const kept = cache.get(key);
  if (kept) return [...kept];
  const ids = await resolveFromTree(db, ctx);
  if (cache.size >= MAX_KEPT) cache.clear();
  cache.set(key, ids);
  return [...ids];
}

/** Contexts kept per process; far above the contexts in use at once, a bound only against growth. */
const MAX_KEPT = 20_000;
const cache = new Map<string, readonly string[]>();

/** The tree's version in this database (a test run has a database per file, told apart by name and instance). */
async function treeVersion(db: DbOrTx): Promise<string | null> {
  const res = await db.execute<{ v: string }>(
    sql`select current_database() || ':' || instance::text || ':' || version::text as v from org_tree_version where id = 1`,
  );
  // No row (someone emptied the table): keep nothing rather than trust a set that cannot be checked.
  return res.rows[0]?.v ?? null;
}

async function resolveFromTree(db: DbOrTx, ctx: RoleContext): Promise<string[]> {
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
