import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, sql, asc } from "@vardkedjan/db/client";
import { seedDemoCases } from "../../seed/demo-cases";
import { backfillCaseReportFacts } from "./case-facts";

describe("case_report_facts", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    await seedDemoCases(t.db);
  });
  afterAll(() => t.close());

  it("every write keeps a case's report row; the backfill rewrites the same rows for cases that lack one", async () => {
    const rows = async () => (await t.db.select().from(schema.caseReportFacts).orderBy(asc(schema.caseReportFacts.caseId))).map(({ updatedAt: _u, ...r }) => r);
    const written = await rows();
    const cases = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from coordination_cases`);
    expect(written.length).toBe(cases.rows[0]!.n);
    // The closed demo stay of each region counts in its discharge month; the open ones in none.
    expect(written.filter((r) => r.dischargeMonth !== null).length).toBeGreaterThanOrEqual(3);

    await t.db.execute(sql`delete from case_report_facts`);
    expect(await backfillCaseReportFacts(t.db)).toBe(written.length);
    expect(await rows()).toEqual(written);
    expect(await backfillCaseReportFacts(t.db)).toBe(0);
  });
});
