import { sql, type Db } from "@vardkedjan/db/client";

/**
 * A cheap fingerprint of the database's state: per table, its row count and a hash over its rows,
 * so an insert, update or delete anywhere shows. The audit log is left out: a refusal is audited.
 */
export async function stateFingerprint(db: Db, exclude: readonly string[] = ["audit_events"]): Promise<Record<string, string>> {
  // A partition's rows are counted with its parent (the audit log is partitioned by month).
  const tables = await db.execute<{ name: string }>(sql`
    select t.tablename as name from pg_tables t join pg_class c on c.oid = format('public.%I', t.tablename)::regclass
    where t.schemaname = 'public' and not c.relispartition order by t.tablename`);
  const names = tables.rows.map((r) => r.name).filter((n) => !exclude.includes(n) && !n.startsWith("__"));
  const parts = names.map((n) => `select '${n}' as t, count(*)::text || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0)::text as f from "${n}" x`);
  const rows = await db.execute<{ t: string; f: string }>(sql.raw(parts.join(" union all ")));
  return Object.fromEntries(rows.rows.map((r) => [r.t, r.f]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}
