import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { TOLVAN_IDENTIFIER } from "@vardkedjan/db/seed";
import { sql } from "@vardkedjan/db/client";
import { seedDemoCases } from "./demo-cases";

describe("demo cases", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(() => t.close());

  it("gives every region cases at every stage, some overdue, through the services, idempotently", async () => {
    await seedDemoCases(t.db);
    const count = async () =>
      (await t.db.execute<{ n: number }>(sql`select (select count(*) from coordination_cases) + (select count(*) from messages) as n`)).rows[0]!.n;
    const first = await count();
    await seedDemoCases(t.db);
    expect(await count()).toBe(first);

    const stages = await t.db.execute<{ region: string; stage: string; n: number }>(sql`
      select o.short_code as region, c.stage::text as stage, count(*)::int as n
      from coordination_cases c join organisations o on o.id = c.region_id group by 1, 2 order by 1, 2`);
    for (const region of ["SRM", "RVN", "RJH"]) {
      const mine = stages.rows.filter((r) => r.region === region).map((r) => r.stage);
      expect(mine.length, `${region}: ${JSON.stringify(stages.rows)}`).toBeGreaterThan(0);
    }
    const all = new Set(stages.rows.map((r) => r.stage));
    for (const s of ["inskriven", "planering", "utskrivningsklar", "utskriven", "avslutad"]) expect(all.has(s), s).toBe(true);

    const overdue = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from case_parties where case_open and next_due_at < now()`);
    expect(overdue.rows[0]!.n).toBeGreaterThan(0);
    const readmissions = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from coordination_cases where previous_case_id is not null`);
    expect(readmissions.rows[0]!.n).toBe(3);
    const tolvan = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from patients where identifier = ${TOLVAN_IDENTIFIER}`);
    expect(tolvan.rows[0]!.n).toBe(0);
    // Made by the services: every case has its create audited.
    const audited = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from coordination_cases c where not exists (select 1 from audit_events a where a.case_id = c.id and a.action = 'case.create')`,
    );
    expect(audited.rows[0]!.n).toBe(0);
  });
});
