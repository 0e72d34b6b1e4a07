// The ward worklist at scale, in a throwaway embedded PostgreSQL: Sanna Sjöberg's ward (Avd 12
// Medicin) with 50 000 closed cases and first 100, then 2 000 open ones (reserve numbers only,
// loaded by SQL with the worklist's party columns as refreshCaseDerived keeps them). A page must
// cost the same at both sizes: measured through the service as the API calls it (the first page,
// and a page deep in the list by the cursor), for one user, 200 times each; the plan of the page
// query must read each unit's rows in index order with no sort of the unit's cases.
// Run alone with `npx tsx scripts/bench/worklist-scale.ts`, or within `npm run bench`.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@vardkedjan/db/embedded";
import { createDb, sql, type Db } from "@vardkedjan/db/client";
import { runMigrations } from "@vardkedjan/db/migrate";
import { seedDemoData } from "@vardkedjan/db/seed";
import { demoActor } from "@vardkedjan/api/seed/actors";
import { getWorklist, worklistQueries } from "@vardkedjan/api/services/case/worklist";
import { decodeCursor } from "@vardkedjan/api/services/case/worklist-sorts";
import { readyOverview } from "@vardkedjan/api/services/payment/ready-overview";
import { loadWardCases } from "@vardkedjan/api/testing/worklist-load";
import { resolveScopeUnitIds } from "@vardkedjan/api/services/workspace/scope";
import { ROOT, portsFromEnv } from "../lib/system";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const WARD = "SE2321000032-MSEAVD12";
const RUNS = 200;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

async function openCount(db: Db): Promise<number> {
  const r = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from case_parties cp join units u on u.id = cp.unit_id where u.hsa_id = ${WARD} and cp.case_open`,
  );
  return r.rows[0]!.n;
}

async function measure(db: Db, label: string) {
  const sanna = await demoActor(db, "sanna.sjoberg", "slutenvard");
  // A cursor well into the list (page 11 of 50 rows), as the "Nästa" button would carry.
  let cursor: string | null = null;
  for (let i = 0; i < 10; i++) cursor = (await getWorklist(db, sanna, { pageSize: 50, cursor })).nextCursor;
  await timeEach(20, () => getWorklist(db, sanna, { pageSize: 50 }));
  const first = await timeEach(RUNS, () => getWorklist(db, sanna, { pageSize: 50 }));
  const deep = await timeEach(RUNS, () => getWorklist(db, sanna, { pageSize: 50, cursor }));
  const byKommun = await timeEach(RUNS, () => getWorklist(db, sanna, { pageSize: 50, sort: "kommun" }));
  const open = await openCount(db);
  return { label, open, first, deep, byKommun, sanna, cursor };
}

export async function benchWorklistScale(): Promise<BenchResult[]> {
  mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, ".data/bench-worklist-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: portsFromEnv({}, 3300).pgPort, ephemeral: true });
  const h = createDb(pg.url, { max: 4 });
  const results: BenchResult[] = [];
  try {
    await runMigrations(h.db);
    await seedDemoData(h.db);
    await loadWardCases(h.db, WARD, { prefix: "WLB", open: 100, closed: 50_000 });
    const small = await measure(h.db, "100");
    await loadWardCases(h.db, WARD, { prefix: "WLD", open: 1_900, closed: 0 });
    const large = await measure(h.db, "2000");

    for (const m of [small, large]) {
      results.push({
        name: `worklist first page, ${m.open.toLocaleString("en")} open / 50,000 closed (p97.5)`,
        value: percentile(m.first, 97.5),
        unit: "ms",
        target: 25,
      });
      results.push({
        name: `worklist page 11 by cursor, ${m.open.toLocaleString("en")} open (p97.5)`,
        value: percentile(m.deep, 97.5),
        unit: "ms",
        target: 25,
      });
      results.push({
        name: `worklist sorted by kommun, ${m.open.toLocaleString("en")} open (p97.5)`,
        value: percentile(m.byKommun, 97.5),
        unit: "ms",
        target: 25,
      });
    }
    // Flat: the page at 2,000 open may cost at most a little more than at 100 (ratio of medians, target 1.5).
    const ratio = percentile(large.first, 50) / percentile(small.first, 50);
    results.push({ name: "worklist page cost 2,000 open ÷ 100 open (median ratio)", value: Math.round(ratio * 100) / 100, unit: "×", target: 1.5 });

    // The plan: each unit's rows from the worklist index after the cursor, no sort of the unit's cases.
    const units = await resolveScopeUnitIds(h.db, large.sanna.context);
    const cursor = large.cursor ? decodeCursor(large.cursor, "frist", "asc") : null;
    const { pageSql } = worklistQueries(units, { pageSize: 50 }, "frist", "asc", cursor);
    const plan = await h.db.execute<{ "QUERY PLAN": string }>(sql`explain (analyze, buffers) ${pageSql}`);
    const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    console.log(`\nEXPLAIN of the worklist page (2,000 open, page 11):\n${text}\n`);
    const indexed = /Index (Only )?Scan using case_parties_list_due_idx/.test(text);
    // A sort node may only order the merged page rows (at most units × 51), never the unit's cases.
    const sortedRows = [...text.matchAll(/Sort .*?rows=(\d+)/g)].map((m) => Number(m[1]));
    const bigSort = sortedRows.some((n) => n > 51 * units.length);
    results.push({ name: "worklist page plan: missing index scan + sorts of all rows", value: (indexed ? 0 : 1) + (bigSort ? 1 : 0), unit: "", target: 0 });

    const ulrika = await demoActor(h.db, "ulrika.lind", "slutenvard");
    const ready = await timeEach(50, () => readyOverview(h.db, ulrika));
    results.push({ name: "Utskrivningsklara nu, hospital with 2,000 open at one ward (p97.5)", value: percentile(ready, 97.5), unit: "ms", target: 150 });
  } finally {
    await h.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchWorklistScale();
  let failed = false;
  for (const r of results) {
    const ok = r.value <= r.target;
    if (!ok) failed = true;
    console.log(`${r.name.padEnd(80)}${`${r.value.toFixed(2)} ${r.unit}`.padStart(12)}${`${r.target} ${r.unit}`.padStart(10)} ${ok ? "" : "MISS"}`);
  }
  process.exit(failed ? 1 : 0);
}
