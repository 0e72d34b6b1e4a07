// `npm run bench`: speed and memory targets (never in timed tests). Prints a table and exits
// non-zero when a target is missed. `--system` also starts the whole system and measures its
// memory at idle (needs a build; `npm start` or `npm test` makes one); `--live` measures
// latency through the running portals in Chromium (scripts/bench-live.ts).
import { mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@vardkedjan/db/embedded";
import { createDb } from "@vardkedjan/db/client";
import { runMigrations } from "@vardkedjan/db/migrate";
import { seedDemoData, demoCast } from "@vardkedjan/db/seed";
import { schema } from "@vardkedjan/db/client";
import { evaluateRules } from "@vardkedjan/domain/identity/evaluate";
import { normaliseClaims } from "@vardkedjan/domain/identity/claims";
import { LOA3, type MappingRule } from "@vardkedjan/domain/identity/types";
import { loadOrgTree } from "@vardkedjan/api/services/identity/org-tree";
import { signIn } from "@vardkedjan/api/services/identity/sign-in";
import { loadSession } from "@vardkedjan/api/services/identity/session";
import { ROOT, portsFromEnv, startSystem } from "./lib/system";
import { sql } from "@vardkedjan/db/client";
import { getWorklist } from "@vardkedjan/api/services/case/worklist";
import { demoActor } from "@vardkedjan/api/seed/actors";
import { declareOutage, endOutage } from "@vardkedjan/api/services/outage/manage";
import { benchSimulator } from "./bench/simulator";
import { benchAuditLog } from "./bench/audit-log";

interface Result {
  name: string;
  value: number;
  unit: string;
  target: number;
}
const results: Result[] = [];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeEach(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

mkdirSync(path.join(ROOT, ".data"), { recursive: true });
const dir = mkdtempSync(path.join(ROOT, ".data/bench-"));
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: portsFromEnv({}, 3000).pgPort, ephemeral: true });
const h = createDb(pg.url, { max: 4 });
try {
  await runMigrations(h.db);
  await seedDemoData(h.db);
  const rules = (await h.db.select({ rule: schema.roleMappingRules.rule }).from(schema.roleMappingRules)).map((r) => r.rule as MappingRule);
  const tree = await loadOrgTree(h.db);
  const principals = demoCast.map((c) => normaliseClaims({ ...c.claims, acr: LOA3 }));

  const evalTimes = await timeEach(5000, (i) => evaluateRules(principals[i % principals.length]!, rules, tree, new Date()));
  results.push({ name: `role mapping: one login against ${rules.length} rules (median)`, value: median(evalTimes), unit: "ms", target: 1 });

  const loginTimes = await timeEach(300, (i) =>
    signIn(h.db, { portal: "slutenvard", claims: { ...demoCast[i % demoCast.length]!.claims, acr: LOA3 }, maxAgeSeconds: 3600 }),
  );
  results.push({ name: "sign-in service incl. audit, real PostgreSQL (median)", value: median(loginTimes), unit: "ms", target: 25 });

  const { loginSessionId } = await signIn(h.db, { portal: "slutenvard", claims: { ...demoCast[0]!.claims, acr: LOA3 }, maxAgeSeconds: 3600 });
  const loadTimes = await timeEach(2000, () => loadSession(h.db, loginSessionId, "slutenvard"));
  results.push({ name: "session lookup per request (median)", value: median(loadTimes), unit: "ms", target: 3 });

  // Worklist of one ward with 5,000 open cases (reserve numbers: never real personnummer).
  const sanna = await demoActor(h.db, "sanna.sjoberg", "slutenvard");
  await h.db.execute(sql`
    with ward as (select u.id, u.parent_id, u.organisation_id from units u where u.hsa_id = ${sanna.context.scopeHsaId}),
    p as (
      insert into patients (identifier_kind, identifier, given_name, family_name, municipality_code)
      select 'reservnummer', 'BENCH' || lpad(g::text, 7, '0'), 'Test' || g, 'Bänkpatient', '0484' from generate_series(1, 5000) g
      returning id, identifier
    ),
    c as (
      insert into coordination_cases (reference, patient_id, region_id, hospital_unit_id, ward_unit_id, admitted_at, stage)
      select 'BENCH-' || p.identifier, p.id, ward.organisation_id, ward.parent_id, ward.id,
             now() - (random() * interval '10 days'), (array['inskriven','planering','utskrivningsklar','utskriven'])[1 + (random() * 3)::int]::case_stage
      from p, ward
      returning id, ward_unit_id, admitted_at
    )
    insert into case_parties (case_id, unit_id, role, next_due_at, next_due_step)
    select c.id, c.ward_unit_id, 'avdelning', c.admitted_at + interval '24 hours', 'skicka_inskrivningsmeddelande' from c`);
  await h.db.execute(sql`analyze`);
  const pages = await timeEach(20, (i) => getWorklist(h.db, sanna, { page: 1 + (i % 5), pageSize: 50 }));
  results.push({ name: "worklist, ward with 5,000 open cases, one page of 50 (median)", value: median(pages), unit: "ms", target: 100 });
  const searches = await timeEach(20, (i) => getWorklist(h.db, sanna, { page: 1, pageSize: 50, search: `Test${100 + i}` }));
  results.push({ name: "worklist search by name among 5,000 (median)", value: median(searches), unit: "ms", target: 100 });

  // An outage over the whole region covering 10,000 cases: 5,000 more at another ward.
  await h.db.execute(sql`
    with ward as (select u.id, u.parent_id, u.organisation_id from units u where u.hsa_id = 'SE2321000032-MSEAVD14'),
    p as (
      insert into patients (identifier_kind, identifier, given_name, family_name, municipality_code)
      select 'reservnummer', 'BENCHB' || lpad(g::text, 6, '0'), 'Test' || g, 'Bänkpatient', '0484' from generate_series(1, 5000) g
      returning id, identifier
    ),
    c as (
      insert into coordination_cases (reference, patient_id, region_id, hospital_unit_id, ward_unit_id, admitted_at, stage)
      select 'BENCH-' || p.identifier, p.id, ward.organisation_id, ward.parent_id, ward.id, now() - (random() * interval '10 days'), 'inskriven'
      from p, ward returning id, ward_unit_id, admitted_at
    )
    insert into case_parties (case_id, unit_id, role) select c.id, c.ward_unit_id, 'avdelning' from c`);
  const asa = await demoActor(h.db, "asa.berg", "forvaltning");
  results.push(await benchSimulator(h.db, asa));
  const { outageId } = await declareOutage(
    h.db,
    asa,
    { system: "journalsystem", scope: "region", idempotencyKey: "bench-declare-region" },
    new Date(Date.now() - 11 * 24 * 3600_000),
  );
  const t0 = performance.now();
  // Ending the outage computes every unit's after-registration list in its transaction.
  await endOutage(h.db, asa, outageId);
  const elapsed = performance.now() - t0;
  const covered = Number(
    (
      await h.db.execute<{ n: string }>(
        sql`select count(*)::text as n from coordination_cases where region_id = (select region_id from outages where id = ${outageId})`,
      )
    ).rows[0]!.n,
  );
  results.push({
    name: `after-registration lists, outage over ${covered.toLocaleString("en")} cases (end to end)`,
    value: elapsed,
    unit: "ms",
    target: 15_000,
  });

  // The invoice basis and the payment totals over a national year of stored payment days.
  results.push(...(await (await import("./bench/payment-invoice")).benchPaymentInvoice(h.db)));
} finally {
  await h.close();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** Proportional set size (shared pages divided among sharers) of a process tree, in MB. */
function pssMb(rootPids: number[]): number {
  const parent = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  const all = new Set(rootPids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (all.has(ppid) && !all.has(pid)) {
        all.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of all) {
    try {
      const m = /Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
      kb += Number(m?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

results.push(...(await import("./bench/payment-engine")).benchPaymentEngine());
results.push(...(await benchAuditLog()));
results.push(...(await (await import("./bench/reports")).benchReports()));

if (process.argv.includes("--system")) {
  const sysDir = mkdtempSync(path.join(ROOT, ".data/bench-system-"));
  const system = await startSystem({ dataDir: sysDir, ...portsFromEnv({}, 2000), skipBuild: true, childOutput: "quiet", log: () => undefined });
  try {
    // Touch every portal once, then let it settle.
    await Promise.all(Object.values(system.urls).map((u) => fetch(`${u}/api/health`)));
    await new Promise((r) => setTimeout(r, 10_000));
    results.push({ name: "whole system at idle: 4 portals, IdP, PostgreSQL (PSS)", value: pssMb([...system.pids(), process.pid]), unit: "MB", target: 1500 });
  } finally {
    await system.stop();
    rmSync(sysDir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--live")) await import("./bench-live");

let failed = false;
console.log("\nbenchmark".padEnd(66) + "value".padStart(10) + "target".padStart(10));
for (const r of results) {
  const ok = r.value <= r.target;
  failed ||= !ok;
  console.log(
    `${ok ? "✔" : "✖"} ${r.name.padEnd(64)}${r.value.toFixed(r.unit === "MB" ? 0 : 3).padStart(8)} ${r.unit}${`≤ ${r.target} ${r.unit}`.padStart(11)}`,
  );
}
process.exit(failed ? 1 : 0);
