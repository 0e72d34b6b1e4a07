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

/**
 * A change log for tests that make thousands of calls: a row trigger on every table (but the
 * excluded ones) notes the table of each inserted, updated or deleted row, and TRUNCATE, so a
 * test asks "what was written since I last asked" without hashing the whole database after each
 * call. It sees more than `stateFingerprint` (an update to the same values counts as a write).
 * Only for a test's own database: it adds a trigger to every table.
 */
export async function watchChanges(db: Db, exclude: readonly string[] = ["audit_events"]): Promise<() => Promise<string[]>> {
  const tables = await db.execute<{ name: string }>(sql`
    select t.tablename as name from pg_tables t join pg_class c on c.oid = format('public.%I', t.tablename)::regclass
    where t.schemaname = 'public' and not c.relispartition order by t.tablename`);
  const names = tables.rows.map((r) => r.name).filter((n) => !exclude.includes(n) && !n.startsWith("__"));
  await db.execute(sql`create table if not exists __changes (t text not null)`);
  await db.execute(sql`create or replace function __note_change() returns trigger language plpgsql as $$
    begin insert into __changes (t) values (tg_table_name); return null; end $$`);
  for (const n of names) {
    await db.execute(
      sql.raw(`create or replace trigger __note_change after insert or update or delete on "${n}" for each row execute function __note_change()`),
    );
    await db.execute(sql.raw(`create or replace trigger __note_truncate after truncate on "${n}" for each statement execute function __note_change()`));
  }
  // Taking the rows out as they are read: a write committed later shows at the next question.
  return async () => {
    const rows = await db.execute<{ t: string }>(sql`with d as (delete from __changes returning t) select distinct t from d order by t`);
    return rows.rows.map((r) => r.t);
  };
}
