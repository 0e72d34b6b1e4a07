import type pg from "pg";

/**
 * The national load's secondary indexes, dropped for the bulk COPY and built again after it.
 *
 * The worklist's indexes on the party rows, the reports' and the payments' indexes by kommun and
 * region all begin with a unit or an organisation, so each batch's rows land all over them: kept
 * during the load, every row is a random insert into indexes that soon outgrow shared memory, and
 * the write slows down as the tables grow. Built once at the end, each is one sort of the table.
 *
 * Only non-unique indexes are dropped: a unique index (the services' idempotency keys, one open
 * case per patient) keeps guarding the data while the system runs beside the load. Indexes that
 * begin with the case (or message) id stay too: the load's ids ascend (ids.ts), so they grow at
 * their right edge and cost no more kept than built.
 *
 * Autovacuum is held off the loaded tables for the same time: it would start on each table every
 * time a fifth more rows had come in and read it whole, several times over a load of millions of
 * rows. The tables get fresh statistics at the end (load.ts), and autovacuum does its one round
 * after the load as after any other.
 *
 * What must be undone is stored in the transaction that does it (the index definitions, the
 * tables' settings to reset), so a load that stops half way still knows it: the next run (which
 * goes on where the last one stopped, or finds the data complete) builds the indexes and resets
 * the tables.
 */

export const LOADED_TABLES = [
  "patients",
  "population_register",
  "coordination_cases",
  "case_parties",
  "messages",
  "message_recipients",
  "consents",
  "case_report_facts",
  "case_payments",
  "case_payment_periods",
] as const;

const STORE = "national_load_deferred_indexes";

/** The indexes the load defers, with their definitions (pg_get_indexdef). */
export async function deferrableIndexes(client: pg.PoolClient): Promise<{ name: string; definition: string }[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select ic.relname as name, pg_get_indexdef(ic.oid) as definition
     from pg_index x
     join pg_class ic on ic.oid = x.indexrelid
     join pg_class tc on tc.oid = x.indrelid
     join pg_namespace n on n.oid = tc.relnamespace and n.nspname = current_schema()
     left join pg_attribute a on a.attrelid = tc.oid and a.attnum = x.indkey[0]
     where tc.relname = any($1) and not x.indisunique and not x.indisprimary
       and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
       and coalesce(a.attname, '') not in ('case_id', 'message_id')
     order by ic.relname`,
    [LOADED_TABLES],
  );
  return rows;
}

/** Drops the indexes the load defers, after storing their definitions. */
export async function deferIndexes(client: pg.PoolClient): Promise<string[]> {
  await client.query(`create table if not exists ${STORE} (name text primary key, definition text not null)`);
  await client.query("begin");
  try {
    const rows = await deferrableIndexes(client);
    for (const r of rows) {
      await client.query(`insert into ${STORE} (name, definition) values ($1, $2) on conflict (name) do nothing`, [r.name, r.definition]);
      await client.query(`drop index "${r.name}"`);
    }
    // Tables whose autovacuum an administrator has set are left as they are.
    const tables = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
       where c.relname = any($1) and c.relkind = 'r' and not exists (select 1 from unnest(c.reloptions) o where o like 'autovacuum_enabled=%')`,
      [LOADED_TABLES],
    );
    for (const t of tables.rows) {
      await client.query(`insert into ${STORE} (name, definition) values ($1, $2) on conflict (name) do nothing`, [
        `autovacuum:${t.name}`,
        `ALTER TABLE "${t.name}" RESET (autovacuum_enabled)`,
      ]);
      await client.query(`alter table "${t.name}" set (autovacuum_enabled = false)`);
    }
    await client.query("commit");
    return rows.map((r) => r.name);
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  }
}

/** Builds every index a load deferred (none if none was), one sort of its table each, then gives the tables back to autovacuum. */
export async function restoreIndexes(client: pg.PoolClient, log: (line: string) => void = () => undefined): Promise<string[]> {
  const stored = await client.query<{ exists: boolean }>("select to_regclass($1) is not null as exists", [STORE]);
  if (!stored.rows[0]!.exists) return [];
  const { rows } = await client.query<{ name: string; definition: string }>(`select name, definition from ${STORE} order by name like 'autovacuum:%', name`);
  // Room to sort a table's keys in memory; the server's default (64 MB) spills a million rows to disk.
  await client.query("set maintenance_work_mem = '512MB'");
  for (const r of rows) {
    const t0 = performance.now();
    await client.query("begin");
    try {
      await client.query(r.definition.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS "));
      await client.query(`delete from ${STORE} where name = $1`, [r.name]);
      await client.query("commit");
    } catch (e) {
      await client.query("rollback").catch(() => undefined);
      throw e;
    }
    if (!r.name.startsWith("autovacuum:")) log(`Index ${r.name} byggt (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  await client.query(`drop table ${STORE}`);
  await client.query("reset maintenance_work_mem");
  return rows.map((r) => r.name);
}
