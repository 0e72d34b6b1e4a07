import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "../embedded";
import { createDb } from "../client";
import { runMigrations } from "../migrate";
import { seedDemoData } from "../seed/index";

import "./provided";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Integration tests run against a real PostgreSQL: the embedded server (a fresh data folder per
 * run) or the server named by DATABASE_URL. Two templates are migrated once: empty and seeded
 * with the demo data; each test file clones one (see createTestDatabase).
 */
export default async function setup(project: TestProject) {
  let server: EmbeddedPostgresHandle | undefined;
  let dataDir: string | undefined;
  let adminUrl: string;
  const suffix = `${process.pid}`;
  const template = `vk_tpl_${suffix}`;
  const seededTemplate = `vk_tpl_seeded_${suffix}`;

  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const root = path.resolve(import.meta.dirname, "../../../../.data");
    mkdirSync(root, { recursive: true });
    dataDir = mkdtempSync(path.join(root, "test-pg-"));
    server = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pg"),
      port: await freePort(),
      database: "postgres",
      ephemeral: true,
    });
    adminUrl = server.adminUrl;
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of [template, seededTemplate]) {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  }
  for (const [name, seeded] of [
    [template, false],
    [seededTemplate, true],
  ] as const) {
    const handle = createDb(withDatabase(adminUrl, name), { max: 4 });
    await runMigrations(handle.db);
    if (seeded) await seedDemoData(handle.db);
    // CREATE DATABASE … TEMPLATE needs the template to have no open connections.
    await handle.close();
  }

  project.provide("vkAdminUrl", adminUrl);
  project.provide("vkTemplate", template);
  project.provide("vkSeededTemplate", seededTemplate);

  return async () => {
    await admin.query(`drop database if exists "${template}" with (force)`).catch(() => undefined);
    await admin.query(`drop database if exists "${seededTemplate}" with (force)`).catch(() => undefined);
    await admin.end();
    if (server) await server.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
