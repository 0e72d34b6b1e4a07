import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "../client";
import "./provided";

export interface TestDatabase {
  db: Db;
  url: string;
  close(): Promise<void>;
}

/**
 * A database of its own for one test file, cloned from the migrated template made by the global
 * setup (`seeded: true` clones the one with the demo data; `empty: true` starts from nothing). Call in beforeAll, close in afterAll.
 */
export async function createTestDatabase(opts: { seeded?: boolean; empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("vkAdminUrl");
  // `empty`: no migrations at all (template0), for testing the migrations themselves.
  const template = opts.empty ? "template0" : opts.seeded ? inject("vkSeededTemplate") : inject("vkTemplate");
  const name = `vk_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const handle = createDb(url, { max: 5 });
  return {
    db: handle.db,
    url,
    async close() {
      await handle.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        await a.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
