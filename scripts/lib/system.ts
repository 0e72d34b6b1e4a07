import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@vardkedjan/db/embedded";
import { createDb } from "@vardkedjan/db/client";
import { runMigrations } from "@vardkedjan/db/migrate";
import { seedDemoData } from "@vardkedjan/db/seed";
import { seedDemoCases } from "@vardkedjan/api/seed/demo-cases";
import { seedHistory } from "@vardkedjan/api/seed/history";
import { backfillCaseReportFacts } from "@vardkedjan/api/services/reports/case-facts";
import type { Portal } from "@vardkedjan/domain/identity/types";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export const PORTAL_APPS: { portal: Portal; app: string; label: string; envPort: string; defaultPort: number }[] = [
  { portal: "slutenvard", app: "ward", label: "Slutenvård", envPort: "VK_PORT_SLUTENVARD", defaultPort: 3001 },
  { portal: "primarvard", app: "primary-care", label: "Primärvård", envPort: "VK_PORT_PRIMARVARD", defaultPort: 3002 },
  { portal: "kommun", app: "municipality", label: "Kommun", envPort: "VK_PORT_KOMMUN", defaultPort: 3003 },
  { portal: "forvaltning", app: "admin", label: "Förvaltning", envPort: "VK_PORT_FORVALTNING", defaultPort: 3004 },
];

export interface SystemOptions {
  /** Folder for the embedded PostgreSQL data and the local secrets. */
  dataDir: string;
  ports: Record<Portal, number>;
  idpPort: number;
  /** The test mail server: SMTP port for the portals, and its web page. */
  mailSmtpPort: number;
  mailHttpPort: number;
  pgPort: number;
  /** Any PostgreSQL server; when unset the embedded one is started. */
  databaseUrl?: string;
  /** The database already holds the migrated demo data (cloned from one prepared by prepareDatabase): neither is run again. */
  prepared?: boolean;
  /** Skip `turbo run build` (when the caller already built). */
  skipBuild?: boolean;
  log: (line: string) => void;
  /** Portal and IdP output goes here (default: prefixed to stdout). */
  childOutput?: "inherit" | "quiet";
}

export interface RunningSystem {
  databaseUrl: string;
  urls: Record<Portal, string>;
  idpUrl: string;
  /** The test mail server's page (and /api/messages): every e-mail the portals sent. */
  mailUrl: string;
  /** Process ids of the portals, the IdP, the test mail server and (when embedded) the PostgreSQL postmaster. */
  pids(): number[];
  stop(): Promise<void>;
}

function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function waitFor(url: string, timeoutMs: number, isUp: (r: Response) => boolean = (r) => r.ok): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < until) {
    try {
      const r = await fetch(url, { redirect: "manual" });
      if (isUp(r)) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} svarade inte inom ${timeoutMs / 1000} s (${last})`);
}

function pipe(child: ChildProcess, prefix: string, mode: "inherit" | "quiet") {
  if (mode === "quiet") {
    const keep: string[] = [];
    const collect = (d: Buffer) => {
      keep.push(d.toString());
      if (keep.length > 200) keep.shift();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.on("exit", (code) => {
      if (code && code !== 0 && code !== 143) process.stderr.write(`${prefix} avslutades med kod ${code}:\n${keep.join("")}\n`);
    });
    return;
  }
  const write = (d: Buffer) => {
    for (const line of d.toString().split("\n")) if (line.trim()) process.stdout.write(`${prefix} ${line}\n`);
  };
  child.stdout?.on("data", write);
  child.stderr?.on("data", write);
}

/** Migrates the database and loads the demo data: the state `npm start` and the browser tests begin from. */
export async function prepareDatabase(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const handle = createDb(databaseUrl, { max: 2 });
  try {
    log("Kör migreringar …");
    await runMigrations(handle.db);
    // Report rows of cases written before the reports existed (computed by the domain, so not in the SQL migration).
    await backfillCaseReportFacts(handle.db);
    log("Läser in demodata …");
    const summary = await seedDemoData(handle.db);
    const cases = await seedDemoCases(handle.db);
    const history = await seedHistory(handle.db);
    log(`Demodata: ${JSON.stringify({ ...summary, demoCases: cases, historyCases: history })}`);
  } finally {
    await handle.close();
  }
}

/**
 * Starts the whole system: PostgreSQL (embedded unless a URL is given), migrations, demo data,
 * the four portals (built with Turborepo's cache), the test IdP and the test mail server.
 */
export async function startSystem(opts: SystemOptions): Promise<RunningSystem> {
  mkdirSync(opts.dataDir, { recursive: true });
  const children: ChildProcess[] = [];
  let pg: EmbeddedPostgresHandle | undefined;

  let databaseUrl = opts.databaseUrl;
  if (!databaseUrl) {
    opts.log(`Startar inbäddad PostgreSQL (data i ${path.relative(ROOT, path.join(opts.dataDir, "pg")) || "."}, port ${opts.pgPort}) …`);
    pg = await startEmbeddedPostgres({ dataDir: path.join(opts.dataDir, "pg"), port: opts.pgPort });
    databaseUrl = pg.url;
  }

  if (!opts.prepared) await prepareDatabase(databaseUrl, opts.log);

  if (!opts.skipBuild) {
    opts.log("Bygger portalerna (Turborepo, cachat) …");
    execFileSync("npx", ["turbo", "run", "build", "--filter=./apps/*", "--output-logs=errors-only"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
    });
  }

  const idpUrl = `http://localhost:${opts.idpPort}`;
  const urls = Object.fromEntries(PORTAL_APPS.map((p) => [p.portal, `http://localhost:${opts.ports[p.portal]}`])) as Record<Portal, string>;
  const secret = localSecret(opts.dataDir);
  const clients = PORTAL_APPS.map((p) => ({
    client_id: `vk-${p.portal}`,
    client_secret: `${secret.slice(0, 16)}-${p.portal}`,
    redirect_uris: [`${urls[p.portal]}/api/auth/callback/siths`],
    post_logout_redirect_uris: [`${urls[p.portal]}/utloggad`],
  }));
  const mode = opts.childOutput ?? "inherit";
  const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };

  const idp = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "src/main.ts"], {
    cwd: path.join(ROOT, "apps/test-idp"),
    env: { ...baseEnv, TEST_IDP_PORT: String(opts.idpPort), TEST_IDP_ISSUER: idpUrl, TEST_IDP_CLIENTS: JSON.stringify(clients) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(idp);
  pipe(idp, "[test-idp]", mode);

  const mailUrl = `http://localhost:${opts.mailHttpPort}`;
  const mail = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "src/main.ts"], {
    cwd: path.join(ROOT, "apps/test-mail"),
    env: { ...baseEnv, TEST_MAIL_SMTP_PORT: String(opts.mailSmtpPort), TEST_MAIL_HTTP_PORT: String(opts.mailHttpPort) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(mail);
  pipe(mail, "[test-mail]", mode);

  for (const p of PORTAL_APPS) {
    const client = clients.find((c) => c.client_id === `vk-${p.portal}`)!;
    // Start next-server directly (not through npx) so that stopping the PID stops the server.
    // VK_CPU_PROF_DIR: each portal writes a V8 CPU profile there when it stops (to find where a request's time goes).
    const profile = process.env.VK_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.VK_CPU_PROF_DIR}`, `--cpu-prof-name=${p.app}.cpuprofile`] : [];
    const child = spawn(process.execPath, [...profile, path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(opts.ports[p.portal])], {
      cwd: path.join(ROOT, "apps", p.app),
      env: {
        ...baseEnv,
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: secret,
        OIDC_ISSUER: idpUrl,
        OIDC_CLIENT_ID: client.client_id,
        OIDC_CLIENT_SECRET: client.client_secret,
        VK_URL_SLUTENVARD: urls.slutenvard,
        VK_URL_PRIMARVARD: urls.primarvard,
        VK_URL_KOMMUN: urls.kommun,
        VK_URL_FORVALTNING: urls.forvaltning,
        SMTP_URL: `smtp://localhost:${opts.mailSmtpPort}`,
        MAIL_FROM: "Vårdkedjan <noreply@vardkedjan.local>",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    pipe(child, `[${p.app}]`, mode);
  }

  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
    if (pg) await pg.stop();
  };

  try {
    await waitFor(`${idpUrl}/health`, 30_000);
    await waitFor(`${mailUrl}/health`, 30_000);
    await Promise.all(PORTAL_APPS.map((p) => waitFor(`${urls[p.portal]}/api/health`, 60_000)));
  } catch (e) {
    await stop();
    throw e;
  }
  const pids = () => {
    const list = children.map((c) => c.pid).filter((p): p is number => typeof p === "number");
    const pidFile = path.join(opts.dataDir, "pg", "postmaster.pid");
    if (pg && existsSync(pidFile)) list.push(Number(readFileSync(pidFile, "utf8").split("\n")[0]));
    return list;
  };
  return { databaseUrl, urls, idpUrl, mailUrl, pids, stop };
}

/** Ports from the environment (VK_PORT_*, TEST_IDP_PORT, TEST_MAIL_*_PORT, VK_PG_PORT) or the defaults. */
export function portsFromEnv(env: NodeJS.ProcessEnv, offset = 0): Pick<SystemOptions, "ports" | "idpPort" | "mailSmtpPort" | "mailHttpPort" | "pgPort"> {
  const num = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d + offset);
  return {
    ports: Object.fromEntries(PORTAL_APPS.map((p) => [p.portal, num(env[p.envPort], p.defaultPort)])) as Record<Portal, number>,
    idpPort: num(env.TEST_IDP_PORT, 3010),
    mailSmtpPort: num(env.TEST_MAIL_SMTP_PORT, 3025),
    mailHttpPort: num(env.TEST_MAIL_HTTP_PORT, 3011),
    pgPort: num(env.VK_PG_PORT, 5433),
  };
}
