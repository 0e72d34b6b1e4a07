// Outage mode at scale, in a throwaway embedded PostgreSQL with the demo data:
//  1. after-registration for a region-wide outage over 10,000 cases, through the services: ending
//     the outage (every unit's list computed and stored in its transaction) and the ward's list as
//     its page reads it;
//  2. the outage banner on 1,000 open pages: 1,000 live-update streams on the in-process hub (one
//     LISTEN per process, as in a portal), each taking the outage state its event carries (checked
//     against its own login session), as the page does; over HTTP through the real portals see
//     outage-banner-http.ts.
// Run alone with `npx tsx scripts/bench/outage-scale.ts`, or within `npm run bench`. The national
// HTTP benchmark calls `loadOutageCases`, `benchAfterRegistration` and `benchBannerFanOut` against
// its own database.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { startEmbeddedPostgres } from "@vardkedjan/db/embedded";
import { createDb, sql, type Db, type DbHandle } from "@vardkedjan/db/client";

import { runMigrations } from "@vardkedjan/db/migrate";
import { seedDemoData, demoCast } from "@vardkedjan/db/seed";
import { LOA3, type Portal } from "@vardkedjan/domain/identity/types";
import { createCaller } from "@vardkedjan/api";
import { demoActor } from "@vardkedjan/api/seed/actors";
import { signIn } from "@vardkedjan/api/services/identity/sign-in";
import { loadSession, actorOf } from "@vardkedjan/api/services/identity/session";
import { declareOutage, endOutage } from "@vardkedjan/api/services/outage/manage";
import { listAfterRegistration } from "@vardkedjan/api/services/outage/after-registration";
import { regionOfActor } from "@vardkedjan/api/services/outage/region";
import { contextScope, outageStateOfSession } from "@vardkedjan/api/services/outage/current";
import { EventHub } from "@vardkedjan/api/realtime/hub";
import { eventStream } from "@vardkedjan/api/realtime/stream";
import { ROOT, portsFromEnv } from "../lib/system";
import { cpuMsOf } from "./national-cpu";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const DAY = 24 * 3600_000;

/**
 * Cases for a region-wide outage of Region Sörmland, on two wards: half admitted before the outage
 * with an admission notice the kommun has not acknowledged, half admitted during it with nothing
 * sent (reserve numbers only, never personnummer). Returns how many were made.
 */
export async function loadOutageCases(db: Db, n: number, outageStart: Date, prefix = "BENCHO"): Promise<number> {
  await db.execute(sql`
    with wards as (
      select row_number() over (order by u.hsa_id) - 1 as i, u.id, u.parent_id, u.organisation_id
      from units u where u.hsa_id in ('SE2321000032-MSEAVD12', 'SE2321000032-MSEAVD14')
    ),
    kommun as (select u.id from units u where u.hsa_id = 'SE2120000357-BIST'),
    p as (
      insert into patients (identifier_kind, identifier, given_name, family_name, municipality_code)
      select 'reservnummer', ${prefix} || lpad(g::text, 7, '0'), 'Test' || g, 'Bänkpatient', '0484' from generate_series(1, ${n}) g
      returning id, identifier
    ),
    c as (
      insert into coordination_cases (reference, patient_id, region_id, hospital_unit_id, ward_unit_id, admitted_at, stage)
      select 'BENCH-' || p.identifier, p.id, w.organisation_id, w.parent_id, w.id,
        case when right(p.identifier, 1)::int % 2 = 0
          then ${outageStart.toISOString()}::timestamptz - interval '2 days' + random() * interval '1 day'
          else ${outageStart.toISOString()}::timestamptz + random() * interval '1 day' end,
        'inskriven'
      from p join wards w on w.i = (right(p.identifier, 2)::int / 2) % 2
      returning id, ward_unit_id, admitted_at
    ),
    ward_party as (
      insert into case_parties (case_id, unit_id, role, visible_from) select c.id, c.ward_unit_id, 'avdelning', c.admitted_at from c returning case_id
    ),
    kommun_party as (
      insert into case_parties (case_id, unit_id, role, visible_from)
      select c.id, kommun.id, 'kommun', case when c.admitted_at < ${outageStart.toISOString()}::timestamptz then c.admitted_at + interval '1 hour' end
      from c, kommun returning case_id
    ),
    m as (
      insert into messages (case_id, kind, sender_unit_id, payload, occurred_at, registered_at, sender_staff_id, idempotency_key)
      select c.id, 'inskrivningsmeddelande', c.ward_unit_id, '{}'::jsonb, c.admitted_at + interval '1 hour', c.admitted_at + interval '1 hour',
        (select id from staff where hsa_id like 'SE2321000032-%' order by hsa_id limit 1), 'bench-' || c.id
      from c where c.admitted_at < ${outageStart.toISOString()}::timestamptz
      returning id, occurred_at
    )
    insert into message_recipients (message_id, unit_id) select m.id, kommun.id from m, kommun`);
  await db.execute(sql`analyze`);
  const [row] = (await db.execute<{ n: string }>(sql`select count(*)::text as n from patients where identifier like ${prefix + "%"}`)).rows;
  return Number(row?.n ?? 0);
}

/**
 * Ends a region-wide outage over the loaded cases (the after-registration lists are computed in
 * that transaction), then reads the ward's list as the Efterregistrering page does, median of 9.
 */
export async function benchAfterRegistration(db: Db, cases: number, outageStart: Date, pgDataDir?: string): Promise<BenchResult[]> {
  const asa = await demoActor(db, "asa.berg", "forvaltning");
  const { outageId } = await declareOutage(db, asa, { system: "journalsystem", scope: "region", idempotencyKey: `bench-scale-${Date.now()}` }, outageStart);
  // CPU beside wall time: this process and the embedded PostgreSQL (its processes run in its data
  // folder), which the neighbours' load on a shared machine does not change.
  const cpu = () => ({ node: process.cpuUsage(), pg: pgDataDir ? cpuMsOf([process.pid], pgDataDir) : Number.NaN });
  const cpuSince = (c: ReturnType<typeof cpu>) => {
    const n = process.cpuUsage(c.node);
    return `CPU ${Math.round((n.user + n.system) / 1000)} ms Node + ${Number.isNaN(c.pg) ? "?" : Math.round(cpuMsOf([process.pid], pgDataDir!) - c.pg)} ms PostgreSQL`;
  };
  const c0 = cpu();
  const t0 = performance.now();
  await endOutage(db, asa, outageId);
  const ended = performance.now() - t0;
  console.log(`  end outage: ${Math.round(ended)} ms, ${cpuSince(c0)}`);
  const [items] = (await db.execute<{ n: string }>(sql`select count(*)::text as n from after_registration_items where outage_id = ${outageId}`)).rows;
  const sanna = await demoActor(db, "sanna.sjoberg", "slutenvard");
  let listed = 0;
  const reads: number[] = [];
  const c1 = cpu();
  for (let i = 0; i < 9; i++) {
    const s = performance.now();
    listed = (await listAfterRegistration(db, sanna)).items.length;
    reads.push(performance.now() - s);
  }
  console.log(`  the ward's list, 9 reads: median ${Math.round(median(reads))} ms, ${cpuSince(c1)} in all`);
  return [
    {
      name: `after-registration: end outage over ${cases.toLocaleString("en")} cases, ${Number(items?.n ?? 0).toLocaleString("en")} items`,
      value: ended,
      unit: "ms",
      target: 500,
    },
    { name: `after-registration: a ward's list of ${listed.toLocaleString("en")} items (median)`, value: median(reads), unit: "ms", target: 500 },
  ];
}

/**
 * A login session per page, as a thousand people's pages have: copies of the cast's sessions
 * (same person, portal and contexts), `pages` of them, taken in turn.
 */
export async function sessionPerPage(db: Db, sessions: { loginSessionId: string; portal: Portal }[], pages: number) {
  const out = Array.from({ length: pages }, (_, i) => ({ ...sessions[i % sessions.length]!, loginSessionId: randomUUID() }));
  const newIds = `{${out.map((s) => s.loginSessionId).join(",")}}`;
  const baseIds = `{${out.map((_, i) => sessions[i % sessions.length]!.loginSessionId).join(",")}}`;
  await db.execute(sql`
    insert into login_sessions (id, staff_id, portal, principal, contexts, denial_reasons, active_context_id, id_token, expires_at)
    select n.id, s.staff_id, s.portal, s.principal, s.contexts, s.denial_reasons, s.active_context_id, s.id_token, s.expires_at
    from unnest(${newIds}::uuid[], ${baseIds}::uuid[]) as n(id, base_id) join login_sessions s on s.id = n.base_id`);
  return out;
}

/**
 * 1,000 open pages of the region's people, spread over the demo cast's contexts in every portal,
 * each page with a login session of its own (as a thousand people's are). Each page holds a
 * live-update stream on the process's hub, whose outage event carries what `outage.current`
 * answers that session (or, without it, the page refetches through the tRPC caller). The figure is
 * the worst time from "Starta driftstörning" (the call) to a page holding the outage state.
 */
export async function benchBannerFanOut(db: Db, databaseUrl: string, pool?: DbHandle["pool"], pages = 1000): Promise<BenchResult[]> {
  const hub = new EventHub(databaseUrl);
  // VK_BENCH_OUTAGE_NO_CACHE=1: every lookup from the database, as before the process's outage cache.
  const cache = process.env.VK_BENCH_OUTAGE_NO_CACHE ? null : hub.outages;
  const controllers: AbortController[] = [];
  try {
    const asa = await demoActor(db, "asa.berg", "forvaltning");
    const region = await regionOfActor(db, asa);
    const portals: Portal[] = ["slutenvard", "primarvard", "kommun", "forvaltning"];
    const sessions: { loginSessionId: string; portal: Portal }[] = [];
    for (const member of demoCast) {
      for (const portal of portals) {
        const { loginSessionId } = await signIn(db, { portal, claims: { ...member.claims, acr: LOA3 }, maxAgeSeconds: 3600 });
        const view = await loadSession(db, loginSessionId, portal);
        const actor = view && actorOf(view);
        if (actor && (await regionOfActor(db, actor)) === region) sessions.push({ loginSessionId, portal });
      }
    }
    if (sessions.length === 0) throw new Error("Inga sessioner i regionen");
    const pageSessions = await sessionPerPage(db, sessions, pages);
    await hub.ready();

    let declaredAt = 0;
    const answered: number[] = [];
    const heard: number[] = [];
    const outagesSeen: number[] = [];
    const done: Promise<void>[] = [];
    for (let i = 0; i < pages; i++) {
      const { loginSessionId, portal } = pageSessions[i]!;
      // Opening a stream as the events route does: the session, the context's units and region.
      const view = (await loadSession(db, loginSessionId, portal))!;
      const actor = actorOf(view)!;
      const { regionId, unitIds } = await contextScope(db, actor, cache);
      // The banner asks once as the page opens (no outage yet).
      if ((await createCaller({ db, portal, session: view, expectedContextId: null, mailer: null, outageCache: cache }).outage.current()).length > 0)
        throw new Error("En driftstörning pågår redan");
      const ac = new AbortController();
      controllers.push(ac);
      // As the events route opens it: an outage event carries the page's state while its session is live.
      const reader = eventStream(hub, actor, [...unitIds], regionId, ac.signal, () => outageStateOfSession(db, actor, portal, cache)).getReader();
      done.push(
        (async () => {
          const dec = new TextDecoder();
          let buf = "";
          for (;;) {
            const { value, done: end } = await reader.read();
            if (end) return;
            buf += dec.decode(value);
            if (declaredAt && /event: outage\ndata: .*\n/.test(buf)) break;
          }
          heard.push(performance.now() - declaredAt);
          // The page takes the state the event carries; without one it refetches with its own session.
          let current = (JSON.parse(/event: outage\ndata: (.*)\n/.exec(buf)![1]!) as { current?: unknown[] }).current;
          if (!current) {
            const session = await loadSession(db, loginSessionId, portal);
            current = await createCaller({ db, portal, session, expectedContextId: null, mailer: null, outageCache: cache }).outage.current();
          }
          outagesSeen.push(current.length);
          answered.push(performance.now() - declaredAt);
        })(),
      );
    }
    // Database round trips while the pages switch (the pool's acquisitions): a figure the load of a
    // shared machine does not change.
    let queries = 0;
    const count = () => void (queries += 1);
    await new Promise((r) => setTimeout(r, 200));
    pool?.on("acquire", count);
    declaredAt = performance.now();
    await declareOutage(db, asa, { system: "journalsystem", scope: "region", idempotencyKey: `bench-banner-${Date.now()}` });
    const declared = performance.now() - declaredAt;
    await Promise.race([Promise.all(done), new Promise((r) => setTimeout(r, 30_000))]);
    pool?.off("acquire", count);
    if (answered.length < pages || outagesSeen.some((n) => n === 0)) throw new Error(`${answered.length} av ${pages} sidor fick driftstörningen`);
    console.log(
      `Driftstörningen startad på ${Math.round(declared)} ms; händelsen hördes av sidorna efter ${Math.round(Math.min(...heard))}–${Math.round(Math.max(...heard))} ms`,
    );
    const perPage = pool ? [{ name: "outage banner: database round trips per page", value: queries / pages, unit: "", target: 1.1 }] : [];
    return [
      ...perPage,
      { name: `outage banner: ${pages.toLocaleString("en")} streams with the state (worst)`, value: Math.max(...answered), unit: "ms", target: 1000 },
      { name: `outage banner: ${pages.toLocaleString("en")} streams with the state (median)`, value: median(answered), unit: "ms", target: 500 },
    ];
  } finally {
    for (const c of controllers) c.abort();
    await hub.close();
  }
}

export async function benchOutageScale(): Promise<BenchResult[]> {
  mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, ".data/bench-outage-"));
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    port: portsFromEnv({}, Number(process.env.VK_BENCH_PORT_OFFSET ?? 3700)).pgPort,
    ephemeral: true,
  });
  // A portal's pool size (packages/db client default).
  const h = createDb(pg.url, { max: 10 });
  try {
    await runMigrations(h.db);
    await seedDemoData(h.db);
    // VK_BENCH_OUTAGE_ONLY=after-registration or =banner runs one half (when working on it).
    const only = process.env.VK_BENCH_OUTAGE_ONLY;
    const out: BenchResult[] = [];
    if (only !== "banner") {
      const outageStart = new Date(Date.now() - 5 * DAY);
      const cases = await loadOutageCases(h.db, 10_000, outageStart);
      out.push(...(await benchAfterRegistration(h.db, cases, outageStart, path.join(dir, "pg"))));
    }
    if (only !== "after-registration") out.push(...(await benchBannerFanOut(h.db, pg.url, h.pool)));
    return out;
  } finally {
    await h.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchOutageScale())
    console.log(`${r.value <= r.target ? "✔" : "✖"} ${r.name}: ${r.value.toFixed(r.unit === "ms" ? 1 : 3)} ${r.unit} (≤ ${r.target} ${r.unit})`);
}
