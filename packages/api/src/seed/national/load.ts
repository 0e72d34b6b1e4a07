import type pg from "pg";
import type { Db } from "@vardkedjan/db/client";
import { loadPaymentReference, type PaymentReference } from "../../services/payment/store";
import { historyAnchor } from "../history/load";
import { buildBatch, type BatchContext, type BuiltBatch } from "./batch";
import { columnKinds, copyInto } from "./copy";
import { uuidV7Sequence } from "./ids";
import { deferIndexes, deferrableIndexes, LOADED_TABLES, restoreIndexes } from "./indexes";
import { BatchWorkers } from "./workers";
import { createNationalTree, nationalTreeExists } from "./org";
import { nationalIdentifier } from "./plan";
import { resolveNationalUnits, type NationalUnits } from "./units";

// For scripts/bench/national-rows.ts, which measures making and writing the rows on their own.
export { buildBatch, copyInto, deferrableIndexes };

/**
 * `npm run db:national`: synthetic national-scale data beside the demo data (the organisation tree
 * of org.ts, about a million cases over three years with their full histories, patients with
 * reservnummer only). Rows are made per case by the same domain functions the services use
 * (build.ts) and streamed in with COPY, a batch of patients per transaction. Idempotent and
 * resumable: a batch whose last patient exists is skipped (a batch is one transaction), so a rerun after a finished load only
 * checks the last batch, and one after an interrupted load goes on where it stopped.
 */

/** Patients at scale 1: about 1.6 stays each gives about a million cases. */
export const NATIONAL_PATIENTS = 620_000;
const BATCH_PATIENTS = 4_000;

export interface NationalOptions {
  /** 1 = national scale; the tests use a small fraction. */
  scale?: number;
  now?: Date;
  log?: (line: string) => void;
  /** Worker threads that make the rows (0: in this thread, as the tests do). */
  workers?: number;
}

export interface NationalSummary {
  alreadyLoaded: boolean;
  tree: Record<string, number> | null;
  made: { patients: number; cases: number; openCases: number; messages: number; recipients: number; consents: number; paymentPeriods: number };
  avd12: { open: number; closed: number };
  eskilstunaOpen: number;
  seconds: number;
}

export async function loadNational(handle: { db: Db; pool: pg.Pool }, opts: NationalOptions = {}): Promise<NationalSummary> {
  const t0 = performance.now();
  const log = opts.log ?? (() => undefined);
  const { db, pool } = handle;
  const now = historyAnchor(opts.now ?? new Date());
  const patients = Math.max(1, Math.round(NATIONAL_PATIENTS * (opts.scale ?? 1)));
  const made = { patients: 0, cases: 0, openCases: 0, messages: 0, recipients: 0, consents: 0, paymentPeriods: 0 };

  let tree: Record<string, number> | null = null;
  if (!(await nationalTreeExists(db))) {
    tree = await db.transaction((tx) => createNationalTree(tx));
    log(`Organisationsträd: ${JSON.stringify(tree)}`);
  }
  const batches = Math.ceil(patients / BATCH_PATIENTS);
  const exists = async (i: number) => (await pool.query("select 1 from patients where identifier = $1", [nationalIdentifier(i)])).rowCount! > 0;
  const summary = async (alreadyLoaded: boolean): Promise<NationalSummary> => ({
    alreadyLoaded,
    tree,
    made,
    ...(await unitFigures(pool, await resolveNationalUnits(db, now))),
    seconds: (performance.now() - t0) / 1000,
  });
  if (await exists(patients - 1)) {
    // A load that stopped while building its deferred indexes builds the rest.
    const client = await pool.connect();
    try {
      if ((await restoreIndexes(client, log)).length > 0) await analyze(pool);
    } finally {
      client.release();
    }
    return summary(true);
  }

  const context = await nationalContext(handle, now);
  const newId = uuidV7Sequence();
  // Case references are drawn from the services' sequence, enough for any batch (about 1.6 stays a
  // patient; the unused numbers are gaps, as after any rolled-back case).
  const reserve = async (first: number, last: number) =>
    (await pool.query<{ n: string }>("select nextval('case_reference_seq')::text as n from generate_series(1, $1)", [(last - first) * 4])).rows.map((r) => r.n);
  const builder = opts.workers ? new BatchWorkers(opts.workers, context) : null;
  const build = async (b: number): Promise<BuiltBatch> => {
    const first = b * BATCH_PATIENTS;
    const last = Math.min(patients, first + BATCH_PATIENTS);
    const refs = await reserve(first, last);
    return builder ? builder.build({ first, last, refs }) : buildBatch(context, { first, last, refs }, newId);
  };

  const client = await pool.connect();
  try {
    await client.query("set synchronous_commit = off");
    // The rows are consistent by construction (the integration test checks every reference); the
    // per-row foreign-key triggers would double the load. Only a superuser may skip them.
    const skipTriggers = await client.query("set session_replication_role = replica").then(
      () => true,
      () => false,
    );
    if (!skipTriggers) log("Kan inte hoppa över främmande nycklars kontroller (inte superanvändare): inläsningen tar längre tid.");
    const deferred = await deferIndexes(client);
    if (deferred.length > 0) log(`Bygger ${deferred.length} index efter inläsningen i stället för rad för rad`);
    const todo: number[] = [];
    for (let b = 0; b < batches; b++) if (!(await exists(Math.min(patients, (b + 1) * BATCH_PATIENTS) - 1))) todo.push(b);
    // Up to one batch per worker is being made while the previous one is written.
    const ahead = Math.max(1, opts.workers ?? 0);
    const inFlight = todo.slice(0, ahead).map((b) => build(b));
    for (const p of inFlight) p.catch(() => undefined);
    let next = ahead;
    let waitMs = 0;
    let copyMs = 0;
    while (inFlight.length > 0) {
      const tw = performance.now();
      const batch = await inFlight.shift()!;
      waitMs += performance.now() - tw;
      if (next < todo.length) {
        const p = build(todo[next++]!);
        p.catch(() => undefined);
        inFlight.push(p);
      }
      const tc = performance.now();
      await client.query("begin");
      for (const table of batch.tables) await copyInto(client, table);
      await client.query("commit");
      copyMs += performance.now() - tc;
      for (const k of Object.keys(made) as (keyof typeof made)[]) made[k] += batch.counts[k];
      log(
        `${made.cases.toLocaleString("sv-SE")} ärenden (${Math.round((performance.now() - t0) / 1000)} s; väntat på raderna ${Math.round(waitMs / 1000)} s, skrivit dem ${Math.round(copyMs / 1000)} s)`,
      );
    }
    await builder?.close();
    if (skipTriggers) await client.query("set session_replication_role = origin");
    const ti = performance.now();
    await restoreIndexes(client, log);
    log(`Index byggda (${Math.round((performance.now() - ti) / 1000)} s)`);
    await recountUnitLists(client);
  } catch (e) {
    await builder?.close();
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  const ta = performance.now();
  await analyze(pool);
  log(`Statistik (${Math.round((performance.now() - ta) / 1000)} s)`);
  return summary(false);
}

/**
 * Each unit's listed count (unit_list_counts), counted once over the loaded party rows: the
 * trigger that keeps it per write does not run while the load skips triggers. The sets of units
 * that lists over several units registered are dropped for the same reason: the next list that
 * reads one registers it again and counts it then. For the same reason every unit gets a row in
 * `worklist_changes`: a portal that kept a page of a unit's list before the load reads it anew.
 * (While the load runs a kept page lasts at most its minute, as services/case/worklist-page-cache.ts keeps them.)
 */
async function recountUnitLists(client: pg.PoolClient): Promise<void> {
  await client.query("begin");
  await client.query("insert into worklist_changes (unit_id) select id from units");
  await client.query("delete from worklist_unit_sets");
  await client.query("update unit_list_counts set listed = 0");
  await client.query(`
    insert into unit_list_counts (unit_id, case_open, listed)
    select unit_id, case_open, count(*)::int from case_parties where removed_at is null and visible_from is not null group by unit_id, case_open
    on conflict (unit_id, case_open) do update set listed = excluded.listed`);
  await client.query("commit");
}

/** Fresh statistics, so the planner sees a million cases (autovacuum would take its time). */
async function analyze(pool: pg.Pool): Promise<void> {
  for (const table of LOADED_TABLES) await pool.query(`analyze ${table}`);
}

/** What every batch needs (the tree must exist): the units in their fixed order, and each region's payment reference. */
export async function nationalContext(handle: { db: Db; pool: pg.Pool }, now: Date): Promise<BatchContext> {
  const units = await resolveNationalUnits(handle.db, now);
  const organisationOfUnit = new Map(
    (await handle.pool.query<{ id: string; organisation_id: string }>("select id, organisation_id from units")).rows.map((r) => [r.id, r.organisation_id]),
  );
  // The worklist's name columns, looked up as refreshCaseDerived does (worklistColumns in services/case/facts.ts).
  const municipalityNames = new Map(
    (
      await handle.pool.query<{ code: string; name: string }>(
        "select municipality_code as code, name from organisations where kind = 'kommun' and municipality_code is not null",
      )
    ).rows.map((r) => [r.code, r.name]),
  );
  const staffNames = new Map(
    (await handle.pool.query<{ id: string; name: string | null }>("select id, given_name || ' ' || family_name as name from staff")).rows.map((r) => [
      r.id,
      r.name,
    ]),
  );
  const payments = new Map<string, PaymentReference>();
  for (const r of units.regions) payments.set(r.regionId, await loadPaymentReference(handle.db, r.regionId));
  return { units, organisationOfUnit, municipalityNames, staffNames, payments, columns: await columnKinds(handle.pool, LOADED_TABLES), now };
}

async function unitFigures(pool: pg.Pool, units: NationalUnits) {
  const count = async (unitId: string) =>
    (
      await pool.query<{ open: number; closed: number }>(
        "select count(*) filter (where case_open)::int as open, count(*) filter (where not case_open)::int as closed from case_parties where unit_id = $1",
        [unitId],
      )
    ).rows[0]!;
  const avd12 = await count(units.avd12);
  return { avd12, eskilstunaOpen: (await count(units.eskilstuna)).open };
}
