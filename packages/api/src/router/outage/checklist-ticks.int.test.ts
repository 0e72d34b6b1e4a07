import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, and, desc, eq } from "@vardkedjan/db/client";
import { castByKey } from "@vardkedjan/db/seed";
import type { AppError } from "../../errors";
import { castCallers, openWardCase } from "../../testing/callers";

/** The routine's manual checklist points, ticked and stored per case during an outage (outage.tickChecklist). */
describe("outage.tickChecklist", () => {
  let t: TestDatabase;
  let n = 0;
  const k = () => `checklist-test-${++n}-${Date.now()}`;

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(async () => {
    await t.close();
  });

  const as = castCallers(() => ({ db: t.db }));
  const asa = () => as("asa.berg", "forvaltning");
  const sanna = () => as("sanna.sjoberg", "slutenvard");
  // Sörmland's routine (Region Sörmland, Reservrutin Link): "Skicka med aktuell läkemedelslista, utskrivningsplan … i förslutet kuvert".
  const KUVERT = "manuell:kuvert";

  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e as TRPCError,
    );
  const ticksOf = (caseId: string) =>
    t.db.select().from(schema.outageChecklistTicks).where(eq(schema.outageChecklistTicks.caseId, caseId)).orderBy(schema.outageChecklistTicks.id);

  let caseId = "";

  it("refuses a tick when no outage is in progress for the unit", async () => {
    const identifier = "191212121212";
    ({ caseId } = await openWardCase(await sanna(), identifier, k()));
    const e = await refusal((await sanna()).outage.tickChecklist({ caseId, key: KUVERT, done: true }));
    expect(e).toBeInstanceOf(TRPCError);
    expect((e!.cause as AppError).code).toBe("TRANSITION_NOT_ALLOWED");
    expect(e!.message).toBe("Ingen driftstörning pågår för din enhet.");
    expect(await ticksOf(caseId)).toHaveLength(0);
  });

  it("shows the manual points unticked during an outage", async () => {
    await (await asa()).outage.declare({ system: "journalsystem", scope: "region", idempotencyKey: k() });
    const g = await (await sanna()).outage.callGuidance({ caseId });
    const kuvert = g.checklist.find((c) => c.key === KUVERT);
    expect(kuvert).toMatchObject({ manual: true, checked: false, tick: null });
    // The points that follow from the phone log carry no tick.
    expect(g.checklist.filter((c) => !c.manual).every((c) => c.tick === null)).toBe(true);
  });

  it("ticks a manual point: callGuidance shows it checked, by whom and when, with an audit row", async () => {
    const r = await (await sanna()).outage.tickChecklist({ caseId, key: KUVERT, done: true });
    expect(r).toMatchObject({ key: KUVERT, done: true, changed: true });
    const g = await (await sanna()).outage.callGuidance({ caseId });
    const kuvert = g.checklist.find((c) => c.key === KUVERT)!;
    expect(kuvert.checked).toBe(true);
    expect(kuvert.tick).toMatchObject({ done: true, byName: "Sanna Sjöberg" });
    expect(kuvert.tick!.unitName).toBeTruthy();
    expect(kuvert.tick!.at).toBeInstanceOf(Date);
    // The other manual point is untouched.
    expect(g.checklist.find((c) => c.key === "manuell:hemtjanst_rapport")).toMatchObject({ checked: false, tick: null });

    // Seen by a colleague too (the hospital's utskrivningsledare, whose scope covers the ward).
    const ulrika = await (await as("ulrika.lind", "slutenvard")).outage.callGuidance({ caseId });
    expect(ulrika.checklist.find((c) => c.key === KUVERT)).toMatchObject({ checked: true, tick: { byName: "Sanna Sjöberg" } });

    const [audit] = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.caseId, caseId), eq(schema.auditEvents.entityType, "outage_checklist_tick")))
      .orderBy(desc(schema.auditEvents.id))
      .limit(1);
    expect(audit).toMatchObject({ activity: "Skriva", outcome: "success", category: "pdl", actorHsaId: castByKey("sanna.sjoberg").employeeHsaId });
    expect(audit!.patientId).toBeTruthy();
    expect(audit!.details).toMatchObject({ key: KUVERT, done: true });
  });

  it("does not store a repeated tick (double click)", async () => {
    const r = await (await sanna()).outage.tickChecklist({ caseId, key: KUVERT, done: true });
    expect(r.changed).toBe(false);
    expect(await ticksOf(caseId)).toHaveLength(1);
  });

  it("unticks: the point is unchecked again, and the history keeps both events", async () => {
    const r = await (await sanna()).outage.tickChecklist({ caseId, key: KUVERT, done: false });
    expect(r).toMatchObject({ done: false, changed: true });
    const g = await (await sanna()).outage.callGuidance({ caseId });
    const kuvert = g.checklist.find((c) => c.key === KUVERT)!;
    expect(kuvert.checked).toBe(false);
    expect(kuvert.tick).toMatchObject({ done: false, byName: "Sanna Sjöberg" });

    const rows = await ticksOf(caseId);
    expect(rows.map((x) => x.done)).toEqual([true, false]);
    expect(rows.every((x) => x.staffId && x.outageId && x.key === KUVERT)).toBe(true);
    const audits = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.caseId, caseId), eq(schema.auditEvents.entityType, "outage_checklist_tick")));
    expect(audits.map((a) => (a.details as { done: boolean }).done)).toEqual([true, false]);
  });

  it("refuses a key that is not a manual point of the region's routine, in Swedish", async () => {
    for (const key of ["manuell:finns_inte", "kuvert", "inskrivning:" + caseId]) {
      const e = await refusal((await sanna()).outage.tickChecklist({ caseId, key, done: true }));
      expect(e).toBeInstanceOf(TRPCError);
      expect(e!.code).toBe("BAD_REQUEST");
      expect((e!.cause as AppError).code).toBe("INVALID_INPUT");
      expect(e!.message).toBe("Punkten finns inte i rutinen.");
    }
    expect(await ticksOf(caseId)).toHaveLength(2);
  });

  it("answers NOT_FOUND to a unit that is not a party of the case, stores nothing, and audits the refusal", async () => {
    const sofia = await as("sofia.lund", "kommun");
    const e = await refusal(sofia.outage.tickChecklist({ caseId, key: KUVERT, done: true }));
    expect(e).toBeInstanceOf(TRPCError);
    expect(e!.code).toBe("NOT_FOUND");
    expect((e!.cause as AppError).code).toBe("NOT_FOUND");
    expect(await ticksOf(caseId)).toHaveLength(2);
    const [denied] = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "case.read"), eq(schema.auditEvents.outcome, "denied"), eq(schema.auditEvents.entityId, caseId)))
      .orderBy(desc(schema.auditEvents.id))
      .limit(1);
    expect(denied).toMatchObject({ actorHsaId: castByKey("sofia.lund").employeeHsaId });
  });

  it("refuses a role without outage.logPhoneContact", async () => {
    const e = await refusal((await asa()).outage.tickChecklist({ caseId, key: KUVERT, done: true }));
    expect(e).toBeInstanceOf(TRPCError);
    expect(e!.code).toBe("FORBIDDEN");
  });

  it("keeps the ticks as a log: the database refuses to change or remove one", async () => {
    const refused = { cause: { message: expect.stringMatching(/skrivskyddad/) } };
    await expect(t.db.update(schema.outageChecklistTicks).set({ done: false }).where(eq(schema.outageChecklistTicks.caseId, caseId))).rejects.toMatchObject(
      refused,
    );
    await expect(t.db.delete(schema.outageChecklistTicks).where(eq(schema.outageChecklistTicks.caseId, caseId))).rejects.toMatchObject(refused);
    expect(await ticksOf(caseId)).toHaveLength(2);
  });
});
