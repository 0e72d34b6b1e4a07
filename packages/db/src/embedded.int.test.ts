import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, inject } from "vitest";
import { startEmbeddedPostgres } from "./embedded";
import "./testing/provided";

describe("embedded PostgreSQL", () => {
  const root = path.resolve(import.meta.dirname, "../../../.data");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(path.join(root, "embedded-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!!process.env.DATABASE_URL)(
    "says in Swedish why a server that stops before it is ready did not start (here: its port is taken)",
    async () => {
      // The tests' own server holds this port (unless they run on DATABASE_URL).
      const port = Number(new URL(inject("vkAdminUrl")).port || 5432);
      const started = startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port, ephemeral: true });
      await expect(started).rejects.toThrow(/PostgreSQL avslutades innan den var klar \(port \d+/);
      await expect(started).rejects.toThrow(/Address already in use|could not bind|could not create/i);
    },
    120_000,
  );
});
