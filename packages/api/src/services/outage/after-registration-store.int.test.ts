import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, eq, sql } from "@vardkedjan/db/client";
import { computeAfterRegistration, type AfterRegistrationCase } from "@vardkedjan/domain/outage/after-registration";
import { castCallers } from "../../testing/callers";
import { demoActor } from "../../seed/actors";
import { loadCaseFacts } from "../case/facts";
import { declareOutage, endOutage } from "./manage";
import { afterRegistrationCandidates } from "@vardkedjan/domain/outage/after-registration-candidates";
import { afterRegistrationInputs, outageCandidateCases, storedPrefillOf } from "./after-registration-store";

const HOUR = 3600_000;

/**
 * Ending an outage loads only the cases that can give an item, with their histories in a few
 * queries, and stores every list in one statement. The stored rows must be exactly what the
 * domain's rule gives over every case of the region loaded one by one, as the case view loads
 * a case: here over the demo region's history and a mix of cases made around the outage.
 */
describe("after-registration computed set-based", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(() => t.close());
  const as = castCallers(() => ({ db: t.db }));

  /**
   * Cases on Avd 12 with the biståndsenhet as party, admitted `admitted` hours from the outage's
   * start, optionally discharged, with an admission notice to the kommun and a general message,
   * each at an hour from the start (reserve numbers only).
   */
  async function makeCase(
    start: Date,
    ref: string,
    c: { admitted: number; discharged?: number; notice?: number; message?: number; acknowledged?: boolean; provisional?: boolean },
  ) {
    const at = (h: number | undefined) => (h === undefined ? null : new Date(start.getTime() + h * HOUR).toISOString());
    await t.db.execute(sql`
      with ward as (select id, parent_id, organisation_id from units where hsa_id = 'SE2321000032-MSEAVD12'),
      kommun as (select id from units where hsa_id = 'SE2120000357-BIST'),
      staff as (select id from staff where hsa_id like 'SE2321000032-%' order by hsa_id limit 1),
      p as (
        insert into patients (identifier_kind, identifier, given_name, family_name, municipality_code)
        values ('reservnummer', ${ref}, 'Test', 'Blandad', '0484') returning id
      ),
      c as (
        insert into coordination_cases (reference, patient_id, region_id, hospital_unit_id, ward_unit_id, admitted_at, discharged_at, provisional, stage)
        select ${"MIX-" + ref}, p.id, ward.organisation_id, ward.parent_id, ward.id, ${at(c.admitted)}::timestamptz, ${at(c.discharged)}::timestamptz,
          ${c.provisional ?? false}, 'inskriven'
        from p, ward returning id, ward_unit_id
      ),
      parties as (
        insert into case_parties (case_id, unit_id, role, visible_from)
        select c.id, c.ward_unit_id, 'avdelning'::case_party_role, ${at(c.admitted)}::timestamptz from c
        union all
        select c.id, kommun.id, 'kommun', ${at(c.notice ?? c.message)}::timestamptz from c, kommun
        returning case_id
      ),
      m as (
        insert into messages (case_id, kind, sender_unit_id, payload, occurred_at, registered_at, sender_staff_id, idempotency_key, title)
        select c.id, x.kind::message_kind, c.ward_unit_id, '{}'::jsonb, x.at, x.at, staff.id, 'mix-' || x.kind || '-' || c.id, x.title
        from c, staff, (values ('inskrivningsmeddelande', ${at(c.notice)}::timestamptz, null), ('generellt', ${at(c.message)}::timestamptz, 'Fråga')) as x(kind, at, title)
        where x.at is not null
        returning id, occurred_at
      )
      insert into message_recipients (message_id, unit_id, acknowledged_at)
      select m.id, kommun.id, case when ${c.acknowledged ?? false} then m.occurred_at + interval '1 hour' end from m, kommun`);
  }

  it("stores exactly the items the rule gives over every case of the region loaded one by one", async () => {
    const asa = await demoActor(t.db, "asa.berg", "forvaltning");
    const start = new Date(Date.now() - 48 * HOUR);
    const { outageId } = await declareOutage(t.db, asa, { system: "journalsystem", scope: "region", idempotencyKey: "mix" }, start);
    // Before the outage and quiet since: no candidate, nothing to register.
    await makeCase(start, "MIX0000001", { admitted: -30, notice: -29 });
    // Admitted during it, nothing sent: the admission is registered.
    await makeCase(start, "MIX0000002", { admitted: 5 });
    // Admitted and discharged within it: nothing at all.
    await makeCase(start, "MIX0000003", { admitted: 3, discharged: 20 });
    // Admitted before with its notice, discharged during it: the discharge is registered.
    await makeCase(start, "MIX0000004", { admitted: -40, notice: -39, discharged: 10 });
    // A message during the outage the kommun has not acknowledged, and one it has.
    await makeCase(start, "MIX0000005", { admitted: -20, notice: -19, message: 6 });
    await makeCase(start, "MIX0000006", { admitted: -20, notice: -19, message: 7, acknowledged: true });
    // A provisional case admitted during it, and a notice sent just before it (a possible duplicate of a phoned admission).
    await makeCase(start, "MIX0000007", { admitted: 2, provisional: true });
    await makeCase(start, "MIX0000008", { admitted: -2, notice: -1 });
    // A call during the outage for a patient without a case (a provisional case is opened) and one for a case.
    const sanna = await as("sanna.sjoberg", "slutenvard");
    const [withCall] = (await t.db.execute<{ id: string }>(sql`select id from coordination_cases where reference = 'MIX-MIX0000008'`)).rows;
    for (const form of [
      { patientIdentifier: "19121212-1212", steps: ["inskrivning", "beraknat_utskrivningsdatum"] },
      { caseId: withCall!.id, steps: ["inskrivning"] },
    ]) {
      await sanna.outage.logPhoneContact({
        form: {
          ...form,
          occurredAt: new Date(Date.now() - HOUR).toISOString(),
          counterpartName: "Berit Holm",
          counterpartUnitText: "Biståndsenheten Eskilstuna",
          estimatedDischargeDate: new Date(Date.now() + 4 * 24 * HOUR).toISOString().slice(0, 10),
          direction: "lamnat",
          receiverConfirmed: true,
        },
        idempotencyKey: `mix-call-${form.steps.length}`,
      });
    }
    // A call whose patient has no case in Vårdkedjan (a SIP date agreed by phone): its item has no case.
    await t.db.execute(sql`
      with p as (
        insert into patients (identifier_kind, identifier, given_name, family_name, municipality_code)
        values ('reservnummer', 'MIX0000009', 'Test', 'Utanärende', '0484') returning id
      )
      insert into phone_contacts (outage_id, patient_id, occurred_at, counterpart_name, steps, direction, details, unit_id, signed_by_staff_id, idempotency_key)
      select ${outageId}, p.id, ${new Date(start.getTime() + 4 * HOUR).toISOString()}::timestamptz, 'Berit Holm', '["sip_datum"]'::jsonb, 'lamnat',
        jsonb_build_object('sipAt', ${new Date(start.getTime() + 72 * HOUR).toISOString()}::text), u.id, s.id, 'mix-no-case'
      from p, units u, staff s where u.hsa_id = 'SE2321000032-MSEAVD12' and s.hsa_id like 'SE2321000032-%'
      order by s.hsa_id limit 1`);
    await endOutage(t.db, asa, outageId);

    const stored = await t.db.select().from(schema.afterRegistrationItems).where(eq(schema.afterRegistrationItems.outageId, outageId));
    const { expected, regionCases, candidates } = await t.db.transaction(async (tx) => {
      const [outage] = await tx.select().from(schema.outages).where(eq(schema.outages.id, outageId));
      const { input, periodFrom } = await afterRegistrationInputs(tx, outage!);
      // Every case of the region open at some point during the outage, not only the candidates.
      const regionCaseRows = await tx.execute<{
        id: string;
        patient_id: string;
        admitted_at: Date;
        discharged_at: Date | null;
        provisional: boolean;
        last: Date | null;
      }>(sql`
        select c.id, c.patient_id, c.admitted_at, c.discharged_at, c.provisional, (select max(occurred_at) from messages m where m.case_id = c.id) as last
        from coordination_cases c where region_id = ${outage!.regionId} and admitted_at <= ${outage!.endedAt!.toISOString()}::timestamptz
          and (closed_at is null or closed_at >= ${outage!.startedAt.toISOString()}::timestamptz)`);
      // The database chooses the same candidates as the domain's rule over all of them.
      const byRule = afterRegistrationCandidates(
        regionCaseRows.rows.map((r) => ({
          id: r.id,
          patientId: r.patient_id,
          admittedAt: new Date(r.admitted_at),
          dischargedAt: r.discharged_at ? new Date(r.discharged_at) : null,
          provisional: r.provisional,
          lastEventAt: r.last ? new Date(r.last) : null,
        })),
        periodFrom,
        input.phoneLog,
      );
      const chosen = await outageCandidateCases(tx, outage!, periodFrom, input.phoneLog);
      expect(chosen.map((c) => c.id).sort()).toEqual(byRule.map((c) => c.id).sort());
      const cases: AfterRegistrationCase[] = [];
      for (const row of regionCaseRows.rows) {
        const loaded = await loadCaseFacts(tx, row.id);
        cases.push({
          id: loaded.row.id,
          patientId: loaded.row.patientId,
          wardUnitId: loaded.row.wardUnitId,
          parties: loaded.facts.parties,
          admittedAt: loaded.row.admittedAt,
          dischargedAt: loaded.row.dischargedAt,
          events: loaded.facts.events,
          provisional: loaded.row.provisional,
          consents: loaded.facts.consents,
        });
      }
      return { expected: computeAfterRegistration({ ...input, cases }), regionCases: cases.length, candidates: chosen.length };
    });

    const byKey = <T extends { key: string }>(xs: T[]) => [...xs].sort((a, b) => (a.key < b.key ? -1 : 1));
    // An item with a case names its patient through the case; one without, by its own column.
    const casePatient = new Map(
      (await t.db.select({ id: schema.coordinationCases.id, patientId: schema.coordinationCases.patientId }).from(schema.coordinationCases)).map((c) => [
        c.id,
        c.patientId,
      ]),
    );
    expect(stored.filter((r) => r.caseId !== null && r.patientId !== null)).toEqual([]);
    expect(stored.filter((r) => r.caseId === null).map((r) => [r.kind, r.patientId !== null])).toEqual([["formal_sip_call", true]]);
    expect(
      byKey(stored).map((r) => ({
        key: r.key,
        unitId: r.unitId,
        caseId: r.caseId,
        patientId: r.patientId ?? (r.caseId ? casePatient.get(r.caseId) : null),
        kind: r.kind,
        messageKind: r.messageKind,
        eventAt: r.eventAt.toISOString(),
        title: r.title,
        prefill: r.prefill,
        sourcePhoneContactIds: r.sourcePhoneContactIds,
        messageId: r.messageId,
      })),
    ).toEqual(
      byKey(expected).map((i) => ({
        key: i.key,
        unitId: i.unitId,
        caseId: i.caseId,
        patientId: i.patientId || null,
        kind: i.kind,
        messageKind: i.messageKind ?? null,
        eventAt: i.eventAt.toISOString(),
        title: i.title,
        prefill: JSON.parse(JSON.stringify(storedPrefillOf(i))),
        sourcePhoneContactIds: i.sourcePhoneContactIds,
        messageId: i.messageId ?? null,
      })),
    );
    // The mix gives every kind of item it was made for, and the region's other open cases gave their own.
    const kinds = new Set(stored.map((r) => r.kind));
    for (const kind of ["register_admission", "register_discharge", "acknowledge", "summary_message"] as const) expect(kinds).toContain(kind);
    expect(stored.some((r) => r.prefill.possibleDuplicate)).toBe(true);
    expect(regionCases).toBeGreaterThan(stored.length / 2);
    expect(candidates).toBeLessThan(regionCases);
    const mixed = new Set(stored.map((r) => r.caseId));
    const ref = async (r: string) => (await t.db.execute<{ id: string }>(sql`select id from coordination_cases where reference = ${r}`)).rows[0]!.id;
    expect(mixed.has(await ref("MIX-MIX0000001"))).toBe(false);
    expect(mixed.has(await ref("MIX-MIX0000003"))).toBe(false);
    expect(mixed.has(await ref("MIX-MIX0000006"))).toBe(false);

    // The ward's list names the patient of an item with a case and of one without.
    const list = await (await as("sanna.sjoberg", "slutenvard")).outage.afterRegistration();
    const mine = list.items.filter((i) => i.outageId === outageId);
    expect(mine.find((i) => i.caseId === null)).toMatchObject({ kind: "formal_sip_call", patientName: "Test Utanärende", caseReference: null });
    expect(mine.find((i) => i.caseReference === "MIX-MIX0000002")).toMatchObject({ kind: "register_admission", patientName: "Test Blandad" });
    expect(mine.every((i) => i.patientName !== null)).toBe(true);
  });
});
