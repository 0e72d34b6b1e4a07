// `npm run bench`: speed and memory targets (never in timed tests). Prints a table and exits
// non-zero when a target is missed. `--system` also starts the whole system and measures its
// memory at idle (needs a build; `npm start` or `npm test` makes one); `--live` measures
// latency through the running portals in Chromium (scripts/bench-live.ts); `--national` the
// national-scale figures over HTTP on the data of `npm run db:national` (scripts/bench/national.ts).
import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
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
import { benchSimulator } from "./bench/simulator";
import { benchAuditLog } from "./bench/audit-log";
import { pssMb } from "./bench/national-memory";

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

if (process.argv.includes("--national")) {
  // The national-scale figures over HTTP (scripts/bench/national.ts) run on their own.
  await import("./bench/national");
  process.exit(0);
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
  const pages = await timeEach(20, () => getWorklist(h.db, sanna, { pageSize: 50 }));
  results.push({ name: "worklist, ward with 5,000 open cases, one page of 50 (median)", value: median(pages), unit: "ms", target: 100 });
  const searches = await timeEach(20, (i) => getWorklist(h.db, sanna, { pageSize: 50, search: `Test${100 + i}` }));
  results.push({ name: "worklist search by name among 5,000 (median)", value: median(searches), unit: "ms", target: 100 });

  // The simulator over the region with 5,000 more cases at another ward.
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

  // The invoice basis and the payment totals over a national year of stored payment days.
  results.push(...(await (await import("./bench/payment-invoice")).benchPaymentInvoice(h.db)));
} finally {
  await h.close();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}

results.push(...(await import("./bench/payment-engine")).benchPaymentEngine());
results.push(...(await benchAuditLog()));
results.push(...(await (await import("./bench/reports")).benchReports()));
// After-registration over 10,000 cases and the outage banner on 1,000 open pages (its own database).
results.push(...(await (await import("./bench/outage-scale")).benchOutageScale()));

// First-load JavaScript per portal page, from the last build's manifests (needs a build).
results.push(...(await import("./bench/bundle")).benchBundles());
results.push(...(await (await import("./bench/worklist-scale")).benchWorklistScale()));

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
