// `npm test`: every test. Lint and typecheck, unit and integration tests (Vitest, real PostgreSQL),
// then the browser tests: the whole system is started on a fresh embedded database and Playwright
// drives Debian's Chromium through the real portals and the test IdP.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { ROOT, portsFromEnv, startSystem } from "./lib/system";

const args = new Set(process.argv.slice(2));
const e2eOnly = args.has("--e2e-only");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const timings: [string, number][] = [];

function step(name: string, cmd: string, argv: string[]) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: "inherit", env });
  timings.push([name, Date.now() - t0]);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} misslyckades (kod ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

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

if (!e2eOnly) {
  step("Lint (ESLint, importriktningar)", "npx", ["eslint", ".", "--max-warnings=0"]);
  step("Formatering (Prettier)", "npx", ["prettier", "--check", "**/*.{ts,tsx,mts,mjs,js,css}"]);
  step("Typkontroll", "npm", ["run", "typecheck"]);
  step("Enhets- och integrationstester (Vitest)", "npx", ["vitest", "run"]);
}

const t0 = Date.now();
console.log("\n▶ Bygger portalerna");
execFileSync("npx", ["turbo", "run", "build", "--filter=./apps/*", "--output-logs=errors-only"], { cwd: ROOT, stdio: "inherit", env });
timings.push(["Bygge", Date.now() - t0]);

mkdirSync(path.join(ROOT, ".data"), { recursive: true });
const dataDir = mkdtempSync(path.join(ROOT, ".data/e2e-"));
const t1 = Date.now();
console.log("\n▶ Startar systemet för webbläsartester (egen databas)");
const system = await startSystem({
  dataDir,
  // Separate ports, so a running `npm start` is left alone (VK_E2E_PORT_OFFSET moves them again,
  // so that two checkouts can run their browser tests side by side).
  ...portsFromEnv({}, /^\d+$/.test(process.env.VK_E2E_PORT_OFFSET ?? "") ? Number(process.env.VK_E2E_PORT_OFFSET) : 1000),
  databaseUrl: undefined,
  skipBuild: true,
  childOutput: "quiet",
  log: (l) => console.log(`  ${l}`),
});
timings.push(["Start av systemet", Date.now() - t1]);

let status = 1;
try {
  const t2 = Date.now();
  console.log("\n▶ Webbläsartester (Playwright + Chromium, axe)");
  const r = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2).filter((a) => !a.startsWith("--e2e"))], {
    cwd: ROOT,
    stdio: "inherit",
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
  timings.push(["Webbläsartester", Date.now() - t2]);
  status = r.status ?? 1;
} finally {
  await system.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log("\nTider:");
for (const [name, ms] of timings) console.log(`  ${name.padEnd(42)} ${(ms / 1000).toFixed(1)} s`);
if (status !== 0) console.error("\n✖ Webbläsartesterna misslyckades.");
else console.log("\n✔ Alla tester gick igenom.");
process.exit(status);
