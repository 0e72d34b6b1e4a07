import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { castCallers, openWardCase } from "../../testing/callers";

/** The UI's additions: "vem ska jag ringa" per case (outage.callGuidance) and the region's units (admin.units). */
describe("outage.callGuidance and admin.units", () => {
  let t: TestDatabase;
  let n = 0;
  const k = () => `guidance-test-${++n}-${Date.now()}`;

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(async () => {
    await t.close();
  });

  const as = castCallers(() => ({ db: t.db }));
  const asa = () => as("asa.berg", "forvaltning");
  const sanna = () => as("sanna.sjoberg", "slutenvard");

  let caseId = "";

  it("lists the region's organisations and units, editable by role", async () => {
    const r = await (await asa()).admin.units();
    expect(r.organisations.find((o) => o.id === r.regionId)?.kind).toBe("region");
    expect(r.organisations.some((o) => o.kind === "kommun")).toBe(true);
    expect(r.organisations.every((o) => o.editable)).toBe(true);
    expect(r.units.length).toBeGreaterThan(5);
    expect(new Set(r.units.map((u) => u.organisationId)).size).toBeGreaterThan(1);

    const tomas = await (await as("tomas.wik", "forvaltning")).admin.units();
    const editable = tomas.organisations.filter((o) => o.editable);
    expect(editable).toHaveLength(1);
    expect(editable[0]?.name).toMatch(/Eskilstuna/);

    const e = await (await sanna()).admin.units().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TRPCError);
  });

  it("gives no guidance outside an outage", async () => {
    const identifier = "191212121212";
    ({ caseId } = await openWardCase(await sanna(), identifier, k()));
    const g = await (await sanna()).outage.callGuidance({ caseId });
    expect(g.outage).toBeNull();
    expect(g.steps).toEqual([]);
  });

  it("during an outage: whom to call for the admission notice, with numbers from the contact list, and the routine's checklist", async () => {
    await (await asa()).outage.declare({ system: "journalsystem", scope: "region", idempotencyKey: k() });
    const g = await (await sanna()).outage.callGuidance({ caseId });
    expect(g.outage?.system).toBe("journalsystem");
    expect(g.routine?.text).toBeTruthy();
    const admission = g.steps.find((s) => s.step === "skicka_inskrivningsmeddelande");
    expect(admission).toBeTruthy();
    expect(admission!.targets.length).toBeGreaterThan(0);
    expect(admission!.targets.some((x) => x.contacts.some((c) => c.entry.phones.length > 0))).toBe(true);
    expect(admission!.say.join(" ")).toMatch(/Tolvan/);
    expect(g.checklist.some((c) => c.key.startsWith("inskrivning:"))).toBe(true);
    expect(g.contactListVersion).toBeGreaterThan(0);
  });

  it("marks a party reached once the call is logged, and counts the call in the outage list", async () => {
    const before = await (await sanna()).outage.callGuidance({ caseId });
    const kommun = before.steps.find((s) => s.step === "skicka_inskrivningsmeddelande")!.targets.find((x) => x.role === "kommun")!;
    expect(kommun.reached).toBe(false);
    await (
      await sanna()
    ).outage.logPhoneContact({
      form: { caseId, counterpartName: "Berit Holm", counterpartUnitId: kommun.unitId, steps: ["inskrivning"], direction: "lamnat" },
      idempotencyKey: k(),
    });
    const after = await (await sanna()).outage.callGuidance({ caseId });
    expect(after.steps.find((s) => s.step === "skicka_inskrivningsmeddelande")!.targets.find((x) => x.unitId === kommun.unitId)!.reached).toBe(true);
    expect(after.parties.find((p) => p.unitId === kommun.unitId)?.label).toMatch(/Kommun/);
    const [row] = (await (await asa()).outage.list()).filter((o) => o.status === "pagaende");
    expect(row?.calls).toBe(1);
  });

  it("reads the numbers the kommun's administrator keeps in Organisation: a changed unit phone is what the ward is told to call", async () => {
    const before = await (await sanna()).outage.callGuidance({ caseId });
    const kommun = before.steps.find((s) => s.step === "skicka_inskrivningsmeddelande")!.targets.find((x) => x.role === "kommun")!;
    const tomas = await as("tomas.wik", "forvaltning");
    const unit = (await tomas.admin.org.units({})).units.find((u) => u.id === kommun.unitId)!;
    expect(unit).toBeDefined();
    await tomas.admin.org.updateUnit({ unitId: unit.id, version: unit.version, attributes: { ...unit, phone: "016-710 00 42" } });
    const after = await (await sanna()).outage.callGuidance({ caseId });
    const phones = after.steps
      .find((s) => s.step === "skicka_inskrivningsmeddelande")!
      .targets.find((x) => x.unitId === kommun.unitId)!
      .contacts.flatMap((c) => c.entry.phones);
    expect(phones).toContain("016-710 00 42");
    expect(phones).not.toContain(unit.phone);
  });

  it("refuses a case the unit is not a party to", async () => {
    const e = await (await as("sofia.lund", "kommun")).outage.callGuidance({ caseId }).catch((x: unknown) => x);
    expect((e as TRPCError).code).toBe("NOT_FOUND");
  });
});
