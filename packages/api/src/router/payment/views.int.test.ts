import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, eq, sql } from "@vardkedjan/db/client";
import { castCallers } from "../../testing/callers";
import { seedDemoCases } from "../../seed/demo-cases";

/**
 * Where people see payment responsibility: the utskrivningsledare's "Utskrivningsklara nu", the
 * case page and the kommun's worklist, through the same scope and visibility as the case view.
 * The demo data has Alva Lindberg (folkbokförd in Eskilstuna) ready for discharge at Mälarsjukhuset.
 */
describe("payment responsibility on the ward's overview, the case page and the worklist", () => {
  let t: TestDatabase;
  const as = castCallers(() => ({ db: t.db }));
  let alvaCase = "";

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    await seedDemoCases(t.db);
    const res = await t.db.execute<{ id: string }>(
      sql`select c.id from coordination_cases c join patients p on p.id = c.patient_id where p.identifier = '200001252386' and c.closed_at is null`,
    );
    alvaCase = res.rows[0]!.id;
  }, 120_000);
  afterAll(() => t.close());

  it("Ulrika Lind's overview lists every ready patient of her hospital with days, kommun, kommunklar and the start of payment, audited once with the case ids", async () => {
    const ulrika = await as("ulrika.lind", "slutenvard");
    const overview = await ulrika.payment.readyOverview();
    const alva = overview.rows.find((r) => r.caseId === alvaCase);
    expect(alva).toMatchObject({ patientName: "Alva Lindberg", municipalityName: "Eskilstuna kommun", kommunklar: false });
    expect(alva!.daysWaiting).toBeGreaterThanOrEqual(2);
    expect(alva!.liabilityText).toMatch(/^Betalningsansvar från \d+ \S+ 00:00$/);
    expect(overview.perMunicipality.find((m) => m.municipalityName === "Eskilstuna kommun")?.patients).toBeGreaterThanOrEqual(1);
    const audits = await t.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityType, "ready_overview"));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ caseIds: overview.rows.map((r) => r.caseId) });
  });

  it("another region's utskrivningsledare does not see Mälarsjukhuset's patients, and the kommun portal cannot call it", async () => {
    // Nyköpings lasarett's utskrivningsledare (same region, another hospital) and one in Västernorrland.
    for (const who of ["petra.nyman", "annika.forslund"] as const) {
      const other = await as(who, "slutenvard");
      expect(
        (await other.payment.readyOverview()).rows.some((r) => r.caseId === alvaCase),
        who,
      ).toBe(false);
    }
    const berit = await as("berit.holm", "kommun");
    const e = await berit.payment.readyOverview().then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(TRPCError);
  });

  it("the case page shows when payment starts to the ward and the kommun, not to hemtjänst", async () => {
    const hans = await as("hans.tjader", "kommun");
    const visibleToHans = await hans.case.list({ pageSize: 50 });
    for (const row of visibleToHans.rows) {
      expect(row.paymentLiabilityText).toBeNull();
      expect((await hans.case.get({ caseId: row.caseId })).payment).toBeNull();
    }
    const sanna = await as("sanna.sjoberg", "slutenvard");
    const ward = await sanna.case.get({ caseId: alvaCase });
    expect(ward.payment?.liabilityText).toMatch(/^Betalningsansvar från /);
    expect(ward.payment?.agreementName).toMatch(/^Lagens standardregel \(demo/);
    const berit = await as("berit.holm", "kommun");
    const kommun = await berit.case.get({ caseId: alvaCase });
    expect(kommun.payment?.liabilityText).toBe(ward.payment?.liabilityText);
    // The kommun's kommunklar deadline is the last instant before payment starts.
    const step = kommun.due.find((d) => d.step === "meddela_kommunklar");
    expect(step?.dueAt?.getTime()).toBe(kommun.payment!.liabilityFrom!.getTime() - 1);
    // And the worklist says it too.
    const list = await berit.case.list({ pageSize: 50 });
    expect(list.rows.find((r) => r.caseId === alvaCase)?.paymentLiabilityText).toBe(ward.payment?.liabilityText);
  });
});
