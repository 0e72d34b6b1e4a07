import { executePrepared, sql, type DbOrTx } from "@vardkedjan/db/client";
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
  return [...(await scopeAt(db, ctx)).ids];
}

/** The context's unit set as kept for the tree's current version (null: no version row, nothing kept). */
async function scopeAt(db: DbOrTx, ctx: RoleContext): Promise<{ version: string | null; ids: readonly string[] }> {
  const version = await treeVersion(db);
  if (version === null) return { version, ids: await resolveFromTree(db, ctx) };
  const key = `${version}|${ctx.id}|${ctx.scopeHsaId ?? "*"}|${ctx.includeDescendants}`;
  let ids = cache.get(key);
  if (!ids) {
    ids = await resolveFromTree(db, ctx);
    if (cache.size >= MAX_KEPT) cache.clear();
    cache.set(key, ids);
  }
  return { version, ids };
}

/** What lists show of the organisation tree, read once per version of it (a few thousand units at national scale). */
export interface OrgNames {
  /** A unit's name. */
  unitName: (id: string) => string;
  /** The kommuner (code and name, in Swedish order) of the regions the units belong to: the worklist's kommun filter. */
  kommunerOf: (unitIds: readonly string[]) => { code: string; name: string }[];
}

/**
 * The context's unit ids (as resolveScopeUnitIds) and the tree's names at the same version, read
 * with one look at the version: a list that shows unit names (the worklist's ward, hospital and
 * the reader's unit) or the kommuner of its region takes them from here instead of joining `units`
 * three times per row and `organisations` on every first page.
 */
export async function resolveScope(db: DbOrTx, ctx: RoleContext): Promise<{ unitIds: string[]; treeVersion: string | null } & OrgNames> {
  const { version, ids } = await scopeAt(db, ctx);
  let names = version !== null && kept?.version === version ? kept.names : null;
  if (!names) {
    names = await readOrgNames(db);
    if (version !== null) kept = { version, names };
  }
  // The version names the database too: what is kept under it is never read against another.
  return { unitIds: [...ids], treeVersion: version, ...names };
}

/** The names at the version last read (one slot: a process serves one database; tests' many databases only read more often). */
let kept: { version: string; names: OrgNames } | null = null;

const swedish = new Intl.Collator("sv");

async function readOrgNames(db: DbOrTx): Promise<OrgNames> {
  // Sequential: db may be a transaction, whose one connection takes a statement at a time.
  const units = await db.execute<{ id: string; name: string; region_id: string }>(
    sql`select u.id, u.name, coalesce(o.region_id, o.id) as region_id from units u join organisations o on o.id = u.organisation_id`,
  );
  const kommuner = await db.execute<{ region_id: string; code: string; name: string }>(
    sql`select region_id, municipality_code as code, name from organisations where kind = 'kommun' and municipality_code is not null and region_id is not null`,
  );
  const unit = new Map(units.rows.map((r) => [r.id, r]));
  // Each region's kommuner sorted once here; a list over one region (nearly every list) gets that array as it is.
  const byRegion = new Map<string, { code: string; name: string }[]>();
  for (const k of kommuner.rows) {
    const list = byRegion.get(k.region_id) ?? [];
    list.push({ code: k.code, name: k.name });
    byRegion.set(k.region_id, list);
  }
  // Shared by every list that reads them until the tree changes: frozen, so no reader can change another's.
  for (const list of byRegion.values()) {
    list.sort((a, b) => swedish.compare(a.name, b.name));
    for (const k of list) Object.freeze(k);
    Object.freeze(list);
  }
  const none: { code: string; name: string }[] = Object.freeze([]) as unknown as { code: string; name: string }[];
  return {
    // A unit id from a case row the tree does not know cannot happen (foreign keys); were it to,
    // the list shows an empty name rather than fail.
    unitName: (id) => unit.get(id)?.name ?? "",
    kommunerOf: (unitIds) => {
      const regions = new Set<string>();
      for (const id of unitIds) {
        const r = unit.get(id)?.region_id;
        if (r) regions.add(r);
      }
      if (regions.size <= 1) return regions.size === 0 ? none : (byRegion.get([...regions][0]!) ?? none);
      return [...regions].flatMap((r) => byRegion.get(r) ?? []).sort((a, b) => swedish.compare(a.name, b.name));
    },
  };
}

/** Contexts kept per process; far above the contexts in use at once, a bound only against growth. */
const MAX_KEPT = 20_000;
const cache = new Map<string, readonly string[]>();

/** The tree's version in this database (a test run has a database per file, told apart by name and instance). */
async function treeVersion(db: DbOrTx): Promise<string | null> {
  // Prepared: every scoped request of every portal asks it, and parsing and planning it each time
  // cost PostgreSQL more than running it.
  const res = await executePrepared<{ v: string }>(
    db,
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
