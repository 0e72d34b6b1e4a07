// The log review's figure: a patient's access log among 10 million audit rows (36 months, many
// patients) through the real search service, median and p95 against 200 ms. The rows are made in
// SQL (generate_series) in a throwaway embedded PostgreSQL, with the migrated schema: monthly
// partitions and the migration's own indexes, which are dropped for the load and rebuilt from
// their saved definitions (the usual bulk-load order: far faster than maintaining them per row).
// Run alone: `npx tsx scripts/bench/audit-log.ts [rows]`; `npm run bench` runs it too.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startEmbeddedPostgres } from "@vardkedjan/db/embedded";
import { createDb, sql } from "@vardkedjan/db/client";
import { runMigrations } from "@vardkedjan/db/migrate";
import { seedDemoData } from "@vardkedjan/db/seed";
import { demoActor } from "@vardkedjan/api/seed/actors";
import { logRowsQuery, searchAuditLog } from "@vardkedjan/api/services/admin/audit/search";
import { parsePatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { ROOT, portsFromEnv } from "../lib/system";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const MONTHS = 36;
const PATIENTS = 200_000;
const STAFF = 2_000;
const CHUNK = 1_000_000;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export async function benchAuditLog(rows = 10_000_000, log: (s: string) => void = console.log): Promise<BenchResult[]> {
  mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, ".data/bench-audit-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: portsFromEnv({}, 3100).pgPort, ephemeral: true });
  const h = createDb(pg.url, { max: 2 });
  try {
    await runMigrations(h.db);
    await seedDemoData(h.db);
    const t0 = performance.now();
    // Patients with reserve numbers (never real personnummer), and the months' partitions.
    await h.db.execute(sql`
      create table bench_patients as
      with p as (
        insert into patients (identifier_kind, identifier, given_name, family_name, municipality_code)
        select 'reservnummer', 'LOGG' || lpad(g::text, 7, '0'), 'Test' || g, 'Loggpatient', '0484' from generate_series(1, ${PATIENTS}::int) g
        returning id, identifier
      ) select (row_number() over ())::int - 1 as n, id from p`);
    await h.db.execute(sql`create unique index on bench_patients (n)`);
    await h.db.execute(sql`
      select audit_events_ensure_month((date_trunc('month', now() at time zone 'Europe/Stockholm') - make_interval(months => m))::date)
      from generate_series(0, ${MONTHS}::int) m`);
    const indexes = (
      await h.db.execute<{ name: string; def: string }>(
        sql`select indexname as name, indexdef as def from pg_indexes where tablename = 'audit_events' and indexname not like '%_pk'`,
      )
    ).rows;
    for (const i of indexes) await h.db.execute(sql.raw(`drop index ${i.name}`));
    for (let done = 0; done < rows; done += CHUNK) {
      const n = Math.min(CHUNK, rows - done);
      // Mostly the region's staff reading, some printing and sending; a tenth by Eskilstuna's staff.
      await h.db.execute(sql`
        insert into audit_events (at, action, category, activity, portal, actor_hsa_id, actor_name, actor_org_hsa_id, role, unit_hsa_id, purpose, patient_id, entity_type)
        select now() - random() * make_interval(days => ${MONTHS * 30}::int),
               (array['case.read','case.read','case.read','case.print','case.send_message'])[1 + g % 5],
               'pdl',
               (array['Läsa','Läsa','Läsa','Utskrift','Skicka'])[1 + g % 5],
               'slutenvard',
               case when g % 10 = 0 then 'SE2120000357-B' else 'SE2321000032-B' end || (g % ${STAFF}::int),
               'Bänk Personal ' || (g % ${STAFF}::int),
               case when g % 10 = 0 then 'SE2120000357-VG' else 'SE2321000032-VG' end,
               'avd_ssk',
               (array['SE2321000032-MSEAVD12','SE2321000032-MSEAVD14','SE2321000032-MSEAVD31','SE2321000032-MSEAVD41'])[1 + g % 4],
               'Vård och behandling',
               bp.id,
               'case'
        from generate_series(${done + 1}::int, ${done + n}::int) g
        join bench_patients bp on bp.n = (hashint4(g) & 2147483647) % ${PATIENTS}::int`);
      log(`  audit rows: ${(done + n).toLocaleString("en")} of ${rows.toLocaleString("en")}`);
    }
    // pg_indexes shows a partitioned index as "ON ONLY" the parent; built plainly, it cascades to every partition.
    for (const i of indexes) await h.db.execute(sql.raw(i.def.replace(" ON ONLY ", " ON ")));
    await h.db.execute(sql`analyze`);
    const loadSeconds = (performance.now() - t0) / 1000;
    const [count] = (await h.db.execute<{ n: string }>(sql`select count(*)::text as n from audit_events`)).rows;
    log(`  loaded ${Number(count!.n).toLocaleString("en")} audit rows in ${loadSeconds.toFixed(0)} s`);

    const asa = await demoActor(h.db, "asa.berg", "forvaltning");
    const search = (i: number) => {
      const parsed = parsePatientIdentifier(`LOGG${String((i * 7919) % PATIENTS).padStart(7, "0")}`);
      if (!parsed.ok) throw new Error(parsed.error);
      return searchAuditLog(h.db, asa, { patient: parsed.value });
    };
    for (let i = 0; i < 10; i++) await search(10_000 + i); // warm the caches, as a running system has them
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      found += (await search(i)).rows.length;
      times.push(performance.now() - t);
    }
    if (process.env.BENCH_EXPLAIN) {
      const [p] = (await h.db.execute<{ id: string }>(sql`select id from patients where identifier = 'LOGG0000042'`)).rows;
      const plan = await h.db.execute<{ "QUERY PLAN": string }>(
        sql`explain (analyze, buffers) ${logRowsQuery(sql`a.actor_org_hsa_id = 'SE2321000032-VG' and a.category = 'pdl' and a.patient_id = ${p!.id}::uuid`, sql`order by a.at desc, a.id desc limit 51`)}`,
      );
      log(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"));
      const t = performance.now();
      for (let i = 0; i < 20; i++) await h.db.execute(sql`select 1`);
      log(`  round trip: ${((performance.now() - t) / 20).toFixed(2)} ms`);
    }
    log(`  ${found.toLocaleString("en")} rows found over 200 searches (first page of 50, own staff only)`);
    const label = `${(rows / 1e6).toLocaleString("en")} million audit rows`;
    return [
      { name: `log search by patient among ${label} (median)`, value: percentile(times, 0.5), unit: "ms", target: 200 },
      { name: `log search by patient among ${label} (p95)`, value: percentile(times, 0.95), unit: "ms", target: 200 },
    ];
  } finally {
    await h.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = Number(process.argv[2] ?? 10_000_000);
  for (const r of await benchAuditLog(rows))
    console.log(`${r.value <= r.target ? "✔" : "✖"} ${r.name}: ${r.value.toFixed(1)} ${r.unit} (≤ ${r.target} ${r.unit})`);
  process.exit(0);
}
