import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "./testing/index";
import { runMigrations } from "./migrate";
import { migrationStatus } from "./migration-status";
import journal from "../drizzle/meta/_journal.json";

describe("migrations", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ empty: true });
  });
  afterAll(() => t.close());

  it("apply from an empty database, report current, and are idempotent", async () => {
    expect((await migrationStatus(t.db)).current).toBe(false);
    await runMigrations(t.db);
    const status = await migrationStatus(t.db);
    expect(status).toMatchObject({ current: true, applied: journal.entries.length, expected: journal.entries.length });
    await runMigrations(t.db);
    expect((await migrationStatus(t.db)).applied).toBe(journal.entries.length);
    const tables = await t.db.execute<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        "organisations",
        "units",
        "staff",
        "patients",
        "coordination_cases",
        "messages",
        "message_recipients",
        "consents",
        "outages",
        "audit_events",
        "login_sessions",
        "role_mapping_rules",
      ]),
    );
  });

  it("make the audit log append-only", async () => {
    await t.db.execute(sql`insert into audit_events (action, category) values ('session.login', 'security')`);
    // Drizzle wraps the driver error; the trigger's message is on the cause.
    const refused = { cause: { message: expect.stringMatching(/skrivskyddad/) } };
    await expect(t.db.execute(sql`update audit_events set action = 'x'`)).rejects.toMatchObject(refused);
    await expect(t.db.execute(sql`delete from audit_events`)).rejects.toMatchObject(refused);
    const n = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'session.login'`);
    expect(n.rows[0]?.n).toBe(1);
  });
});
