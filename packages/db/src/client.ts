import { createHash } from "node:crypto";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { PgDialect, type PgTable } from "drizzle-orm/pg-core";
import { getTableColumns, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** A transaction handle; services take `Db | Tx` so they compose inside one transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** One pool per process and URL. The portals call this with their validated DATABASE_URL. */
export function createDb(url: string, opts: { max?: number } = {}): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    idleTimeoutMillis: 30_000,
    // PostgreSQL's own plan choice (plan_cache_mode auto). Forcing generic plans here, once meant
    // for executePrepared's named statements, reached the unnamed statement of every query with
    // parameters too: a plan made without the values, which took ending a national outage from
    // 5 ms to 10.9 s where a time decides the plan.
  });
  // An idle client dropped by the server must not crash the process.
  pool.on("error", () => undefined);
  const db = drizzle(pool, { schema, casing: "snake_case" });
  return { db, pool, close: () => pool.end() };
}

const dialect = new PgDialect();

/**
 * Runs a query as a named prepared statement (named by its text), so that each pooled connection
 * plans it once and then only executes it: for the worklist's joins over eight tables the planning
 * took longer than the execution, on every request. PostgreSQL plans a named statement with the
 * values of its first five executions on a connection and then keeps its generic plan when that
 * costs no more, so use it for queries whose best plan does not depend on the values, such as
 * index lookups by id and keyset pages. Parameters and result are as for `db.execute`.
 */
export function executePrepared<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<pg.QueryResult<T>> {
  const built = dialect.sqlToQuery(query);
  const name = `vk_${createHash("sha1").update(built.sql).digest("base64url").slice(0, 24)}`;
  return db._.session.prepareQuery(built, undefined, name, false).execute() as Promise<pg.QueryResult<T>>;
}

/**
 * A table's row as `to_json(t)` writes it (columns by their database names, values as JSON), in
 * the shape a Drizzle select returns: properties by the schema's names, each value through its
 * column's own mapping (timestamps to Date …). For a statement that reads a row together with other
 * JSON in one round trip. Names follow the pool's snake_case casing unless a column names itself.
 */
export function rowOfJson<T extends PgTable>(table: T, json: Record<string, unknown>): T["$inferSelect"] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const name = column.keyAsName ? toSnakeCase(key) : column.name;
    if (!(name in json)) throw new Error(`rowOfJson: ${name} saknas`);
    const value = json[name];
    // A json or jsonb column is JSON within the JSON already: a string in it is a string, not text to parse.
    out[key] = value === null ? null : column.columnType === "PgJsonb" || column.columnType === "PgJson" ? value : column.mapFromDriverValue(value);
  }
  return out as T["$inferSelect"];
}

export { schema };
export { and, asc, desc, eq, gt, gte, ilike, inArray, isNotNull, isNull, lt, lte, ne, not, or, sql, count, type SQL } from "drizzle-orm";
