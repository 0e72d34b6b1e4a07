import { sql, type DbOrTx, type SQL } from "@vardkedjan/db/client";
import type { Job } from "../../jobs/runner";
import { keepSerialized } from "../../transformer";

/**
 * Worklist pages kept in this process, each with the PostgreSQL snapshot it was read in, so that a
 * page is read again only when something it shows has changed.
 *
 * A ward's lists are read many times over the same data: every open list of the unit refetches at
 * once when a case of the unit changes, and a page is read again on every return to Min arbetsyta.
 * The page's query (its rows with case, patient, consents and payment) cost more than everything
 * else in the request together.
 *
 * Whether a kept page still holds is asked of the database, in the same statement that writes the
 * read's audit row: has any transaction that the page's snapshot did not see written a row in
 * `worklist_changes` for one of the page's units? Statement triggers write such a row for every
 * write to what a worklist row shows or is chosen by (migration worklist_changes), in the writer's
 * own transaction. So a kept page is served only when reading it again would give the same rows:
 * a page is never older than the database, however many processes write, and a writer never waits
 * on another (the table is insert-only). The audit row is written for every read as before, with
 * the ids of the cases shown, and the reader's scope is resolved and authorised on every request:
 * only the reading of the rows is saved.
 */

/** How long a page is kept at most. The job below keeps every change row a page this old may need. */
export const KEPT_PAGE_MS = 60_000;
/** A bound on memory: a page of 50 rows is some 100 kB with its serialised answer. */
const MAX_PAGES = 200;

export interface KeptPage<T extends object> {
  /** The page's units, as the list resolved them (a page is never served for another set). */
  units: readonly string[];
  /** `pg_current_snapshot()` of the statement that read the page. */
  snapshot: string;
  result: T;
  keptAt: number;
}

const pages = new Map<string, KeptPage<object>>();

const sameUnits = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((u, i) => u === b[i]);

/** The page kept under `key` for exactly these units and not older than KEPT_PAGE_MS, or null. */
export function keptPage<T extends object>(key: string, units: readonly string[], now = Date.now()): KeptPage<T> | null {
  const page = pages.get(key);
  if (!page) return null;
  pages.delete(key);
  if (now - page.keptAt > KEPT_PAGE_MS || !sameUnits(page.units, units)) return null;
  // Put back last: the map's order is the order of use, and the least used goes first.
  pages.set(key, page);
  return page as KeptPage<T>;
}

/**
 * Keeps a page read in `snapshot`. The answer is shared by every read that gets it from here, so
 * it is frozen (rows, their due steps and the kommuner), and its serialised form is kept with it.
 */
export function keepPage<T extends object>(key: string, page: KeptPage<T>): void {
  deepFreeze(page.result);
  keepSerialized(page.result);
  pages.delete(key);
  if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
  pages.set(key, page);
}

/** Drops a page found changed, so that the next read does not ask again. */
export function forgetPage(key: string): void {
  pages.delete(key);
}

/** How many pages this process keeps (for tests). */
export function keptPageCount(): number {
  return pages.size;
}

/** Forgets every kept page (tests compare a kept page with one read anew). */
export function clearKeptPages(): void {
  pages.clear();
}

function deepFreeze(v: unknown): void {
  if (typeof v !== "object" || v === null || v instanceof Date || Object.isFrozen(v)) return;
  for (const child of Object.values(v)) deepFreeze(child);
  Object.freeze(v);
}

/**
 * True (as SQL) when a transaction that `snapshot` did not see has changed a worklist row of one of
 * the units: a change row whose transaction id is not visible in the snapshot. Every such row is
 * committed (the reading statement sees no other), and its id is at least the snapshot's xmin.
 */
export function changedSinceSql(units: readonly string[], snapshot: string): SQL {
  return sql`exists (select 1 from worklist_changes w
    where w.unit_id = any(${`{${units.join(",")}}`}::uuid[]) and w.xid >= pg_snapshot_xmin(${snapshot}::pg_snapshot)
      and not pg_visible_in_snapshot(w.xid, ${snapshot}::pg_snapshot))`;
}

/** Margin for the clocks of several portal processes (each keeps pages by its own clock). */
const CLOCK_MARGIN_MS = 60_000;

/**
 * Removes change rows that no kept page can need. Each run notes the oldest transaction still
 * running (the xmin of a new snapshot) and removes the rows of transactions older than the one
 * noted at least KEPT_PAGE_MS (and a margin) ago. A page kept now was read after that note, and
 * every snapshot taken after it has an xmin at least as high: the rows below it are visible to
 * every kept page, so none of them could make a page changed.
 */
export function worklistChangesPruneJob(db: () => DbOrTx): Job {
  const noted: { at: number; xmin: string }[] = [];
  return {
    name: "worklist-changes-prune",
    everyMs: 60_000,
    run: async () => {
      const now = Date.now();
      const current = await db().execute<{ xmin: string }>(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`);
      noted.push({ at: now, xmin: current.rows[0]!.xmin });
      let horizon: string | null = null;
      while (noted.length > 1 && noted[0]!.at <= now - KEPT_PAGE_MS - CLOCK_MARGIN_MS) horizon = noted.shift()!.xmin;
      if (horizon !== null) await pruneWorklistChanges(db(), horizon);
    },
  };
}

/** Removes the change rows of transactions older than `horizon` (an xid8 as text). */
export async function pruneWorklistChanges(db: DbOrTx, horizon: string): Promise<number> {
  const res = await db.execute(sql`delete from worklist_changes where xid < ${horizon}::xid8`);
  return res.rowCount ?? 0;
}
