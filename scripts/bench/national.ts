// `npm run bench -- --national`: the national-scale figures over HTTP, against the system started as
// `npm start` starts it on the database that `npm run db:national` loaded (VK_DATA_DIR/pg or
// DATABASE_URL; ports from the environment, moved by VK_E2E_PORT_OFFSET), with a load generator
// (autocannon) at 1 and 50 connections. Needs a build (`npm start` makes one) and Chromium for
// the sign-in through the real test IdP. Prints each figure with its goal and ratio; exits
// non-zero on a miss. Figures live here, never in timed tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { chromium } from "playwright-core";
import { ROOT, portsFromEnv, startSystem } from "../lib/system";
import { pssMb, peakRssMb } from "./national-memory";
import { cpuMsOf } from "./national-cpu";
import { firstLoadScripts, gzipBytes, preloadedScripts } from "./bundle";
import { benchBannerOverHttp } from "./outage-banner-http";
import { DEFAULT_WORKLIST_INPUT } from "@vardkedjan/ui/case/worklist/worklist-input";

interface Figure {
  name: string;
  value: number;
  unit: string;
  goal: number;
  /** "max": the value must not exceed the goal; "min": it must reach it. */
  kind: "max" | "min";
}

const offset = Number(process.env.VK_E2E_PORT_OFFSET ?? 0) || 0;
/** `--worklist`: only the ward worklist's figures (one user, 50 users against /api/health) and the case page's data, with CPU per request. */
const worklistOnly = process.argv.includes("--worklist");
/** `--after-registration`: only the after-registration figure (a region-wide outage declared, ended, the ward's list read), three times, with CPU. */
const afterRegistrationOnly = process.argv.includes("--after-registration");
const dataDir = path.resolve(ROOT, process.env.VK_DATA_DIR ?? ".data");
const system = await startSystem({
  dataDir,
  ...portsFromEnv(process.env, offset),
  databaseUrl: process.env.DATABASE_URL || undefined,
  skipBuild: true,
  childOutput: "quiet",
  log: (line) => console.log(line),
});
const figures: Figure[] = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

/** Signs in through the test IdP in Chromium and returns the portal's session cookie header. */
async function signIn(url: string, who: string): Promise<string> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.getByRole("button", { name: new RegExp(who) }).click();
  await page.waitForURL((u) => u.toString().startsWith(url));
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await page.context().close();
  return cookie;
}

function trpcBody(input: unknown): string {
  return JSON.stringify({ 0: { json: input } });
}

async function call(url: string, cookie: string, procedure: string, input: unknown, mutation = false): Promise<unknown> {
  const res = await fetch(`${url}/api/trpc/${procedure}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: url },
    body: trpcBody(input ?? null),
  });
  const json = (await res.json()) as { result?: { data?: { json?: unknown } }; error?: unknown }[];
  if (json[0]?.error) throw new Error(`${procedure}: ${JSON.stringify(json[0].error).slice(0, 300)}`);
  void mutation;
  return json[0]?.result?.data?.json;
}

async function load(opts: { url: string; connections: number; seconds: number; cookie?: string; body?: string; method?: "GET" | "POST" }) {
  const r = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    method: opts.method ?? "GET",
    headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.body ? { "content-type": "application/json" } : {}) },
    body: opts.body,
  });
  if (r.non2xx > 0 || r.errors > 0) console.log(`  ${opts.url}: ${r.non2xx} svar utan 2xx, ${r.errors} fel`);
  return { p50: r.latency.p50, p975: r.latency.p97_5, rps: r.requests.average, requests: r.requests.total };
}

/**
 * A load run with the CPU it cost the portal's process and PostgreSQL (all backends), per request
 * served: what decides how many requests two shared cores can answer, whatever the neighbours do.
 */
async function loadWithCpu(app: string, opts: Parameters<typeof load>[0]) {
  const portalDir = path.join(ROOT, "apps", app);
  const pgDir = path.join(dataDir, "pg");
  const before = { portal: cpuMsOf(system.pids(), portalDir), pg: cpuMsOf(system.pids(), pgDir) };
  const r = await load(opts);
  const n = Math.max(r.requests, 1);
  const portalMs = (cpuMsOf(system.pids(), portalDir) - before.portal) / n;
  const pgMs = databaseIsEmbedded ? (cpuMsOf(system.pids(), pgDir) - before.pg) / n : Number.NaN;
  return { ...r, portalMs, pgMs };
}
const databaseIsEmbedded = !process.env.DATABASE_URL;
const cpuText = (r: { portalMs: number; pgMs: number }) =>
  `CPU ${r.portalMs.toFixed(2)} ms portal + ${Number.isNaN(r.pgMs) ? "?" : r.pgMs.toFixed(2)} ms PostgreSQL per request`;

/**
 * Gzipped size of the JavaScript a page loads first (its script tags), in kB of 1024 bytes: counted
 * as bundle.ts counts it from the build's manifests (the same tags, compression and unit), so the
 * two figures agree.
 */
async function firstLoadJs(url: string, cookie: string): Promise<number> {
  const html = await (await fetch(url, { headers: { cookie } })).text();
  const kb = async (srcs: string[]) => {
    let bytes = 0;
    for (const src of srcs) bytes += gzipBytes(Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer()));
    return Math.round((bytes / 1024) * 10) / 10;
  };
  const first = await kb(firstLoadScripts(html));
  const after = preloadedScripts(html);
  console.log(
    `  ${new URL(url).pathname}: ${first} kB first load; ${await kb(after)} kB more in ${after.length} scripts loaded beside it (preload) before the page's controls work`,
  );
  return first;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * After-registration: ending the outage computes every unit's list (Förvaltning's portal); then
 * the ward's list (Slutenvård's). Wall time, with the CPU the two portals and PostgreSQL spent.
 */
async function afterRegistrationFigure(ward: string, sanna: string, admin: string, asa: string, outageId: string): Promise<number> {
  const pgDir = path.join(dataDir, "pg");
  const cpu = () => ({
    admin: cpuMsOf(system.pids(), path.join(ROOT, "apps", "admin")),
    ward: cpuMsOf(system.pids(), path.join(ROOT, "apps", "ward")),
    pg: cpuMsOf(system.pids(), pgDir),
  });
  const before = cpu();
  const t0 = Date.now();
  await call(admin, asa, "outage.end", { outageId }, true);
  const ended = Date.now() - t0;
  const list = (await call(ward, sanna, "outage.afterRegistration", null)) as { items: unknown[] };
  const total = Date.now() - t0;
  const after = cpu();
  console.log(
    `  after-registration: ${total} ms (ended ${ended} ms, list of ${list.items.length} items ${total - ended} ms); ` +
      `CPU Förvaltning ${Math.round(after.admin - before.admin)} ms, Slutenvård ${Math.round(after.ward - before.ward)} ms, ` +
      `PostgreSQL ${databaseIsEmbedded ? Math.round(after.pg - before.pg) : "?"} ms`,
  );
  return total;
}

// A labelled block, so that `--worklist` can leave it after the worklist's figures and still stop the system.
measure: try {
  const ward = system.urls.slutenvard;
  const sanna = await signIn(ward, "Sanna Sjöberg");
  // The worklist page's own first query, so the figure is the page's.
  const worklistBody = trpcBody(DEFAULT_WORKLIST_INPUT);
  const list = (await call(ward, sanna, "case.list", DEFAULT_WORKLIST_INPUT)) as { rows: { caseId: string }[]; count: { value: number; more: boolean } | null };
  console.log(`Sanna Sjöberg: ${list.count ? `${list.count.value}${list.count.more ? "+" : ""}` : "?"} öppna ärenden i arbetslistan`);
  const caseId = list.rows[0]?.caseId;

  if (afterRegistrationOnly) {
    const admin = system.urls.forvaltning;
    const asa = await signIn(admin, "Åsa Berg");
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { outageId } = (await call(admin, asa, "outage.declare", {
        system: "journalsystem",
        scope: "region",
        message: "Mätning",
        idempotencyKey: `bench-afterreg-${Date.now()}`,
      })) as { outageId: string };
      // About as long as the banner's outage lasts in the full run.
      await new Promise((r) => setTimeout(r, 20_000));
      runs.push(await afterRegistrationFigure(ward, sanna, admin, asa, outageId));
    }
    figures.push({
      name: "after-registration, end of a region's outage to the ward's list (median of 3)",
      value: median(runs),
      unit: "ms",
      goal: 500,
      kind: "max",
    });
    break measure;
  }

  // Idle memory first, before any load has grown the heaps.
  if (!worklistOnly) {
    await new Promise((r) => setTimeout(r, 10_000));
    figures.push({ name: "whole system at idle with national data (PSS)", value: pssMb(system.pids()), unit: "MB", goal: 1500, kind: "max" });
  }

  const worklistUrl = `${ward}/api/trpc/case.list?batch=1`;
  const one = await loadWithCpu("ward", { url: worklistUrl, connections: 1, seconds: 15, cookie: sanna, body: worklistBody, method: "POST" });
  console.log(`  worklist one user: p50 ${one.p50} ms, p97.5 ${one.p975} ms, ${one.rps.toFixed(0)} req/s; ${cpuText(one)}`);
  figures.push({ name: "ward worklist, one user, p97.5", value: one.p975, unit: "ms", goal: 25, kind: "max" });
  // 50 users: the worklist against /api/health in alternating rounds, not one long run each: this
  // machine's speed drifts by a third within minutes (health alone went from 400 to 700 req/s
  // between two runs), and a ceiling measured in another minute than the figure misstates the share.
  // The API's cheapest call (the outage state every page asks, kept in memory) runs beside them: what
  // any tRPC request costs through the portal, whatever it does.
  const targets = {
    health: { url: `${ward}/api/health`, connections: 50 },
    worklist: { url: worklistUrl, connections: 50, cookie: sanna, body: worklistBody, method: "POST" as const },
    cheapest: { url: `${ward}/api/trpc/outage.current?batch=1`, connections: 50, cookie: sanna, body: trpcBody(null), method: "POST" as const },
  };
  for (const t of Object.values(targets)) await load({ ...t, seconds: 3 });
  const rounds = Object.fromEntries(Object.keys(targets).map((k) => [k, [] as Awaited<ReturnType<typeof loadWithCpu>>[]])) as Record<
    keyof typeof targets,
    Awaited<ReturnType<typeof loadWithCpu>>[]
  >;
  for (let round = 0; round < 4; round++) {
    for (const [k, t] of Object.entries(targets) as [keyof typeof targets, (typeof targets)[keyof typeof targets]][])
      rounds[k].push(await loadWithCpu("ward", { ...t, seconds: 5 }));
    console.log(
      `  round ${round + 1}: ${Object.entries(rounds)
        .map(([k, rs]) => `${k} ${rs.at(-1)!.rps.toFixed(0)} req/s`)
        .join(", ")}`,
    );
  }
  const overall = (rs: Awaited<ReturnType<typeof loadWithCpu>>[]) => {
    const n = rs.reduce((a, r) => a + r.requests, 0);
    const perRequest = (f: (r: (typeof rs)[number]) => number) => rs.reduce((a, r) => a + f(r) * r.requests, 0) / Math.max(n, 1);
    return {
      rps: rs.reduce((a, r) => a + r.rps, 0) / rs.length,
      p50: median(rs.map((r) => r.p50)),
      p975: median(rs.map((r) => r.p975)),
      portalMs: perRequest((r) => r.portalMs),
      pgMs: perRequest((r) => r.pgMs),
    };
  };
  const health = overall(rounds.health);
  const fifty = overall(rounds.worklist);
  const cheapest = overall(rounds.cheapest);
  console.log(`  worklist 50 users: ${fifty.rps.toFixed(0)} req/s, p50 ${fifty.p50} ms, p97.5 ${fifty.p975} ms; ${cpuText(fifty)}`);
  console.log(`  /api/health 50 users: ${health.rps.toFixed(0)} req/s, p50 ${health.p50} ms; ${cpuText(health)}`);
  console.log(
    `  outage.current 50 users (the API's cheapest call): ${cheapest.rps.toFixed(0)} req/s, ${((100 * cheapest.rps) / health.rps).toFixed(1)} % of /api/health; ${cpuText(cheapest)}`,
  );
  figures.push({ name: "ward worklist, 50 users, share of /api/health req/s", value: (100 * fifty.rps) / health.rps, unit: "%", goal: 50, kind: "min" });
  if (caseId) {
    // One call first: the portal loads the case page's server modules on its first request (about
    // 2 s here), which would otherwise be most of a one-connection run's slowest percentile.
    await call(ward, sanna, "case.get", { caseId });
    const page = await loadWithCpu("ward", {
      url: `${ward}/api/trpc/case.get?batch=1`,
      connections: 1,
      seconds: 10,
      cookie: sanna,
      body: trpcBody({ caseId }),
      method: "POST",
    });
    console.log(`  case page data one user: p50 ${page.p50} ms, p97.5 ${page.p975} ms, ${page.rps.toFixed(0)} req/s; ${cpuText(page)}`);
    figures.push({ name: "case page data, one user, p97.5", value: page.p975, unit: "ms", goal: 25, kind: "max" });
  }
  if (worklistOnly) break measure;
  const rss = peakRssMb(system.pids());
  figures.push({ name: "largest portal process, max RSS under the 50-user load", value: rss, unit: "MB", goal: 600, kind: "max" });

  figures.push({ name: "first-load JavaScript, worklist (gzip)", value: await firstLoadJs(`${ward}/`, sanna), unit: "kB", goal: 150, kind: "max" });
  if (caseId)
    figures.push({
      name: "first-load JavaScript, case page (gzip)",
      value: await firstLoadJs(`${ward}/arenden/${caseId}`, sanna),
      unit: "kB",
      goal: 150,
      kind: "max",
    });

  // The outage banner on 1,000 open pages, each with its own session and stream (outage-banner-http.ts).
  const banner = await benchBannerOverHttp(system, readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim());
  console.log(
    `  outage banner: median ${Math.round(banner.medianMs)} ms; CPU portals ${Math.round(banner.cpuMs.portals)} ms, PostgreSQL ${Math.round(banner.cpuMs.postgres)} ms`,
  );
  figures.push({ name: "outage banner on 1,000 pages with the outage state, worst", value: banner.worstMs, unit: "ms", goal: 1000, kind: "max" });
  const admin = system.urls.forvaltning;
  const asa = await signIn(admin, "Åsa Berg");
  const outageId = banner.outageId;

  const afterRegistration = await afterRegistrationFigure(ward, sanna, admin, asa, outageId);
  figures.push({ name: "after-registration, end of a region's outage to the ward's list", value: afterRegistration, unit: "ms", goal: 500, kind: "max" });
} finally {
  await browser.close();
  await system.stop();
}

let failed = false;
console.log("\nnational benchmark".padEnd(78) + "value".padStart(10) + "goal".padStart(12) + "ratio".padStart(8));
for (const f of figures) {
  const ok = f.kind === "max" ? f.value <= f.goal : f.value >= f.goal;
  failed ||= !ok;
  const ratio = f.kind === "max" ? f.value / f.goal : f.goal / Math.max(f.value, 1e-9);
  console.log(
    `${ok ? "✔" : "✖"} ${f.name.padEnd(76)}${f.value.toFixed(f.unit === "ms" ? 0 : 1).padStart(8)} ${f.unit.padEnd(2)}${`${f.kind === "max" ? "≤" : "≥"} ${f.goal} ${f.unit}`.padStart(11)}${ratio.toFixed(2).padStart(8)}`,
  );
}
process.exit(failed ? 1 : 0);
