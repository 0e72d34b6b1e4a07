import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { createTestDatabase, type TestDatabase } from "./testing/index";
import { migrationsFolder, runMigrations } from "./migrate";
import journal from "../drizzle/meta/_journal.json";

const PARTITIONING = journal.entries.find((e) => e.tag.endsWith("_audit_events_partitioned"))!.tag;

/** The migrations up to (not including) the partitioning, as a folder of their own. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), "vk-migrations-"));
  mkdirSync(join(dir, "meta"));
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  if (upTo < 0) throw new Error(`Migreringen ${tag} finns inte`);
  const entries = journal.entries.slice(0, upTo);
  for (const e of entries) cpSync(join(migrationsFolder, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  writeFileSync(join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  return dir;
}

const refused = { cause: { message: expect.stringMatching(/skrivskyddad/) } };

describe("audit log partitioning (migration)", () => {
  let t: TestDatabase;
  let before: string;
  beforeAll(async () => {
    t = await createTestDatabase({ empty: true });
    before = migrationsBefore(PARTITIONING);
    await migrate(t.db, { migrationsFolder: before });
    // A database in use: an organisation, and log rows from three years ago up to now.
    await t.db.execute(sql`insert into organisations (hsa_id, kind, name, org_no) values ('SE2321000032-VG', 'region', 'Region Sörmland', '2321000032')`);
    await t.db.execute(sql`
      insert into audit_events (at, action, category, actor_hsa_id, unit_hsa_id)
      select now() - make_interval(days => g * 30), 'case.read', 'pdl', 'SE2321000032-P0001', 'SE2321000032-MSEAVD12'
      from generate_series(0, 36) g`);
    await t.db.execute(sql`insert into audit_events (at, action, category) values (now(), 'session.login', 'security')`);
    await runMigrations(t.db);
  });
  afterAll(async () => {
    rmSync(before, { recursive: true, force: true });
    await t.close();
  });

  it("keeps every existing row, with its id, and fills in the actor's organisation", async () => {
    const rows = await t.db.execute<{ n: number; orgs: number; max: number }>(
      sql`select count(*)::int as n, count(actor_org_hsa_id)::int as orgs, max(id)::int as max from audit_events`,
    );
    expect(rows.rows[0]).toEqual({ n: 38, orgs: 37, max: 38 });
    await t.db.execute(sql`insert into audit_events (action, category) values ('session.logout', 'security')`);
    const next = await t.db.execute<{ id: number }>(sql`select id::int from audit_events where action = 'session.logout'`);
    expect(next.rows[0]?.id).toBe(39);
  });

  it("is partitioned by month, with a default partition and months created ahead", async () => {
    const parts = await t.db.execute<{ name: string }>(sql`
      select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'audit_events'::regclass order by 1`);
    const names = parts.rows.map((r) => r.name);
    expect(names).toContain("audit_events_default");
    // Every month of the old rows has its partition (37 months), plus up to three ahead.
    expect(names.filter((n) => /^audit_events_\d{4}_\d{2}$/.test(n)).length).toBeGreaterThanOrEqual(37 + 3);
    const inDefault = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events_default`);
    expect(inDefault.rows[0]?.n).toBe(0);
  });

  it("refuses UPDATE and DELETE on the table and on each partition", async () => {
    await expect(t.db.execute(sql`update audit_events set action = 'x'`)).rejects.toMatchObject(refused);
    await expect(t.db.execute(sql`delete from audit_events`)).rejects.toMatchObject(refused);
    const [month] = (await t.db.execute<{ name: string }>(sql`select tableoid::regclass::text as name from audit_events order by at limit 1`)).rows;
    await expect(t.db.execute(sql.raw(`delete from ${month!.name}`))).rejects.toMatchObject(refused);
    await expect(t.db.execute(sql.raw(`update ${month!.name} set action = 'x'`))).rejects.toMatchObject(refused);
    await t.db.execute(sql`insert into audit_events (at, action, category) values ('1999-06-15T12:00:00Z', 'session.login', 'security')`);
    await expect(t.db.execute(sql`delete from audit_events_default`)).rejects.toMatchObject(refused);
  });

  it("creating a month moves the rows the default partition caught into it, unchanged, and keeps them append-only", async () => {
    const created = await t.db.execute<{ created: boolean }>(sql`select audit_events_ensure_month('1999-06-01') as created`);
    expect(created.rows[0]?.created).toBe(true);
    const again = await t.db.execute<{ created: boolean }>(sql`select audit_events_ensure_month('1999-06-20') as created`);
    expect(again.rows[0]?.created).toBe(false);
    const moved = await t.db.execute<{ part: string; action: string }>(
      sql`select tableoid::regclass::text as part, action from audit_events where at = '1999-06-15T12:00:00Z'`,
    );
    expect(moved.rows).toEqual([{ part: "audit_events_1999_06", action: "session.login" }]);
    await expect(t.db.execute(sql`delete from audit_events_1999_06`)).rejects.toMatchObject(refused);
    // The trigger is enabled again on the default partition after the move.
    await t.db.execute(sql`insert into audit_events (at, action, category) values ('1998-01-15T12:00:00Z', 'session.login', 'security')`);
    await expect(t.db.execute(sql`update audit_events_default set action = 'x'`)).rejects.toMatchObject(refused);
  });
});
