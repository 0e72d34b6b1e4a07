import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, eq, and } from "@vardkedjan/db/client";
import { castActor, castCallers } from "../../testing/callers";
import { prepareNewCase } from "../case/prepare";
import { createCase } from "../case/create-case";
import { RegisterUnavailableError, type PatientDirectory } from "./directory";
import { reconcileUncheckedPatients } from "./reconcile";
import { caseRecordContent } from "../documents/case-record";

/**
 * A patient directory that never blocks an admission. The numbers are Skatteverket's published test
 * personnummer (never generated ones) that the demo register does not hold.
 */
const NOT_IN_REGISTER = "199107172380";
const DURING_OUTAGE = "199610202385";

const registerDown: PatientDirectory = {
  lookup: () => Promise.reject(new RegisterUnavailableError()),
};

describe("the patient directory never blocks an admission", () => {
  let t: TestDatabase;
  let key = 0;
  const k = () => `register-${++key}-${Date.now()}`;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(() => t.close());
  const as = castCallers(() => ({ db: t.db }));
  const sanna = () => as("sanna.sjoberg", "slutenvard");
  const patientRow = async (identifier: string) => (await t.db.select().from(schema.patients).where(eq(schema.patients.identifier, identifier)))[0];

  async function refusal(p: Promise<unknown>) {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(TRPCError);
    return (e as TRPCError).message;
  }

  async function create(identifier: string, manual: { givenName: string; familyName: string } | null, address?: Record<string, string>) {
    const ward = await sanna();
    const prep = await ward.case.prepare({ identifier });
    return ward.case.create({
      identifier,
      admittedAt: new Date(Date.now() - 3600_000),
      wardUnitId: prep.options.wards[0]!.id,
      careType: "somatisk",
      municipalityUnitId: prep.options.municipalities[0]!.id,
      primaryCareUnitId: null,
      manualName: manual,
      manualAddress: address ?? null,
      idempotencyKey: k(),
    });
  }

  it("a valid number the register does not know leads to hand registration, flagged on the case", async () => {
    const prep = await (await sanna()).case.prepare({ identifier: NOT_IN_REGISTER });
    expect(prep).toMatchObject({ register: "not_found", person: null, onFile: false });
    expect(await refusal(create(NOT_IN_REGISTER, null))).toMatch(/registrera patientens namn och adress för hand/);
    expect(await refusal(create(NOT_IN_REGISTER, { givenName: "Ines", familyName: "Testberg" }, { postalCode: "12" }))).toMatch(/Postnummer/);
    expect(await patientRow(NOT_IN_REGISTER)).toBeUndefined();

    const { caseId } = await create(
      NOT_IN_REGISTER,
      { givenName: "Ines", familyName: "Testberg" },
      { streetAddress: "Provgatan 1", postalCode: "63220", city: "Eskilstuna" },
    );
    const view = await (await sanna()).case.get({ caseId });
    expect(view.patient).toMatchObject({ name: "Ines Testberg", address: "Provgatan 1, 632 20 Eskilstuna", register: { unchecked: true, reconciled: null } });
    // The printed case record carries the flag as the case page does.
    expect(caseRecordContent(view).facts[0]).toEqual({ label: "Folkbokföring", value: "Ej kontrollerad mot folkbokföringen" });
    const audit = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.caseId, caseId), eq(schema.auditEvents.action, "case.create")));
    expect(audit[0]!.details).toMatchObject({ registeredByHand: "not_found" });
  });

  it("reconciles when the register knows the person: the register's details win, the flag is cleared, the differences shown and audited", async () => {
    // Nothing to reconcile while the register is down.
    expect(await reconcileUncheckedPatients(t.db, registerDown)).toMatchObject({ reconciled: 0, unavailable: true });
    expect((await patientRow(NOT_IN_REGISTER))!.registerUncheckedSince).not.toBeNull();

    await t.db.insert(schema.populationRegister).values({
      identifier: NOT_IN_REGISTER,
      identifierKind: "personnummer",
      givenName: "Ines",
      familyName: "Testberg-Ek",
      streetAddress: "Provgatan 1",
      postalCode: "632 20",
      city: "Eskilstuna",
      municipalityCode: "0484",
    });
    expect(await reconcileUncheckedPatients(t.db)).toMatchObject({ reconciled: 1, unavailable: false });
    const row = (await patientRow(NOT_IN_REGISTER))!;
    expect(row).toMatchObject({ familyName: "Testberg-Ek", registerUncheckedSince: null });
    const caseRow = (await t.db.select().from(schema.coordinationCases).where(eq(schema.coordinationCases.patientId, row.id)))[0]!;
    const view = await (await sanna()).case.get({ caseId: caseRow.id });
    expect(view.patient.register).toMatchObject({ unchecked: false, reconciled: { differences: ["Efternamn: Testberg → Testberg-Ek"] } });
    expect(caseRecordContent(view).facts.map((f) => f.label)).not.toContain("Folkbokföring");
    const audit = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.patientId, row.id), eq(schema.auditEvents.action, "patient.reconcile")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ changedFields: ["familyName"], uncheckedSince: expect.any(String) });
    expect(JSON.stringify(audit[0]!.details)).not.toContain("Testberg");
  });

  it("a register that does not answer is no dead end either: hand registration, reconciled on the next lookup", async () => {
    const actor = await castActor(t.db, "sanna.sjoberg", "slutenvard");
    const prep = await prepareNewCase(t.db, actor, DURING_OUTAGE, registerDown);
    expect(prep).toMatchObject({ register: "unavailable", person: null });
    const input = {
      identifier: DURING_OUTAGE,
      admittedAt: new Date(Date.now() - 3600_000),
      wardUnitId: prep.options.wards[0]!.id,
      careType: "somatisk" as const,
      lpt: false,
      lrv: false,
      municipalityUnitId: null,
      primaryCareUnitId: prep.options.primaryCare[0]!.id,
      otherPartyUnitIds: [],
      idempotencyKey: k(),
    };
    expect(await createCase(t.db, actor, input, registerDown).catch((e: Error) => e.message)).toMatch(/svarar inte/);
    const { caseId } = await createCase(t.db, actor, { ...input, manualName: { givenName: "Otto", familyName: "Avbrott" } }, registerDown);
    expect((await (await sanna()).case.get({ caseId })).patient.register.unchecked).toBe(true);

    // The register answers again and knows the person: the next lookup reconciles and says what changed.
    await t.db
      .insert(schema.populationRegister)
      .values({ identifier: DURING_OUTAGE, identifierKind: "personnummer", givenName: "Otto", familyName: "Avbrott", city: "Nyköping" });
    const again = await (await sanna()).case.prepare({ identifier: DURING_OUTAGE });
    expect(again).toMatchObject({ register: "found", reconciledDifferences: ["Postort: (tomt) → Nyköping"] });
    expect((await (await sanna()).case.get({ caseId })).patient.register).toMatchObject({ unchecked: false });
  });

  it("finds the training population by name, and a found person needs no hand registration", async () => {
    const ward = await sanna();
    const found = await ward.case.trainingPersons({ query: "Andersson" });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.identifier.startsWith("OVN") && p.name.endsWith("Andersson"))).toBe(true);
    const prep = await ward.case.prepare({ identifier: found[0]!.identifier });
    expect(prep).toMatchObject({ register: "found", kind: "reservnummer", person: { name: found[0]!.name } });
    expect(await refusal(ward.case.trainingPersons({ query: "a" }))).toMatch(/minst två/);
  });
});
