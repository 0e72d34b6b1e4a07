import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { sql } from "@vardkedjan/db/client";
import { castActor, castCallers, openWardCase } from "../../../testing/callers";
import { writeAudit } from "../../../audit";
import { countPendingLogFlags, detectAuditFlags } from "../../../services/admin/audit/flags";
import { addDaysToIsoDate, stockholmDate } from "@vardkedjan/domain/time/stockholm";
import { refusal } from "../../../testing/refusal";

const ALVA = "200001252386"; // skyddad identitet, a case at Sanna's ward (demo data)
const LENNART = "195009072553";
const ESK = "SE2120000357";
const SANNA = "SE2321000032-P0001";
const ASA = "SE2321000032-P0009";

/** Loggkontroll: the log search, the patient's extract, stickprov, flags, and each organisation seeing only its own staff. */
describe("log review (Loggkontroll)", () => {
  let t: TestDatabase;
  const as = castCallers(() => ({ db: t.db }));
  const asa = () => as("asa.berg", "forvaltning");
  const gunilla = () => as("gunilla.rask", "forvaltning");
  const tomas = () => as("tomas.wik", "forvaltning");

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(() => t.close());

  /** The patient's case, opened by Sanna's ward on first use (the seeded database has patients, no cases). */
  const cases = new Map<string, string>();
  async function caseOf(identifier: string): Promise<string> {
    if (!cases.has(identifier)) {
      const { caseId } = await openWardCase(await as("sanna.sjoberg", "slutenvard"), identifier, `logs-${identifier}`);
      cases.set(identifier, caseId);
    }
    return cases.get(identifier)!;
  }

  const auditCount = async (action: string, hsaId: string, outcome = "success") =>
    (
      await t.db.execute<{ n: number }>(
        sql`select count(*)::int as n from audit_events where action = ${action} and actor_hsa_id = ${hsaId} and outcome = ${outcome}`,
      )
    ).rows[0]!.n;

  it("the MAS gets the kommun's log review in Förvaltning through the rule", async () => {
    const actor = await castActor(t.db, "gunilla.rask", "forvaltning");
    expect(actor.context).toMatchObject({ role: "loggranskare", scopeHsaId: `${ESK}-VG` });
  });

  it("finds a read made through the case page, with who, role, unit, what and which case", async () => {
    const sanna = await as("sanna.sjoberg", "slutenvard");
    const caseId = await caseOf(LENNART);
    const view = await sanna.case.get({ caseId });
    const page = await (await asa()).admin.audit.search({ patient: "19500907-2553" });
    const read = page.rows.find((r) => r.actorHsaId === SANNA && r.activity === "Läsa" && r.caseReference === view.reference);
    expect(read).toMatchObject({ actorName: "Sanna Sjöberg", roleLabel: "Sjuksköterska", unitName: "Avd 12 Medicin", outcome: "success" });
    expect(read!.patient).toMatchObject({ identifier: "19500907-2553", name: "Lennart Berglöf" });
    // Every row is this patient's, newest first.
    expect(page.rows.every((r) => r.patient?.identifier === "19500907-2553")).toBe(true);
    expect(page.rows.map((r) => r.at.getTime())).toEqual([...page.rows.map((r) => r.at.getTime())].sort((a, b) => b - a));
    expect(await auditCount("audit.search", ASA)).toBeGreaterThan(0);
  });

  it("pages with a keyset cursor: no row twice, none missed", async () => {
    const caller = await asa();
    const all = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where actor_hsa_id = ${SANNA} and category = 'pdl'`);
    const seen: number[] = [];
    let cursor: { at: Date; id: number } | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await caller.admin.audit.search({ staff: SANNA, cursor });
      seen.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(all.rows[0]!.n);
    // By part of the name: the same accesses.
    const byName = await caller.admin.audit.search({ staff: "sjöberg" });
    expect(byName.rows.length).toBeGreaterThan(0);
    expect(byName.rows.every((r) => r.actorHsaId === SANNA)).toBe(true);
    expect((await caller.admin.audit.search({ staff: "Ingen Sådan" })).rows).toEqual([]);
  });

  it("refuses an invalid personnummer in Swedish, field by field", async () => {
    const e = await refusal((await asa()).admin.audit.search({ patient: "19121212-1213" }));
    expect(e.code).toBe("BAD_REQUEST");
  });

  it("the patient's extract holds every access to that patient by the organisation's staff and nothing else", async () => {
    // A kommun nurse's access to the same patient (written as every access is, by writeAudit):
    // that is Eskilstuna's log, not the region's.
    const caseId = await caseOf(LENNART);
    const [patient] = (await t.db.execute<{ id: string }>(sql`select id from patients where identifier = ${LENNART}`)).rows;
    await writeAudit(t.db, await castActor(t.db, "karin.ek", "kommun"), {
      action: "case.read",
      activity: "Läsa",
      patientId: patient!.id,
      caseId,
      entityType: "case",
      entityId: caseId,
    });
    const expected = await t.db.execute<{ id: string }>(sql`
      select a.id::text from audit_events a join patients p on p.id = a.patient_id
      where p.identifier = ${LENNART} and a.category = 'pdl' and a.actor_org_hsa_id = 'SE2321000032-VG'`);
    const file = await (await asa()).admin.audit.extract({ patient: "195009072553", format: "csv" });
    const bytes = Buffer.from(file.base64, "base64");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    const csv = bytes.subarray(3).toString("utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("Tidpunkt;Enhet;Enhetens HSA-id;Åtgärd;Personal;Personalens HSA-id;Roll;Ärende;Utfall");
    expect(lines.length - 1).toBe(expected.rows.length);
    expect(file.rows).toBe(expected.rows.length);
    // Nothing else: only this patient's cases, only the region's staff, no personnummer in the file name.
    const refs = await t.db.execute<{ reference: string }>(
      sql`select c.reference from coordination_cases c join patients p on p.id = c.patient_id where p.identifier <> ${LENNART}`,
    );
    for (const r of refs.rows) expect(csv).not.toContain(r.reference);
    expect(csv).not.toContain(ESK);
    expect(file.filename).not.toMatch(/\d{8}/);
    const pdf = await (await asa()).admin.audit.extract({ patient: "195009072553", format: "pdf" });
    expect(Buffer.from(pdf.base64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    expect(await auditCount("audit.extract", ASA)).toBe(2);
  });

  it("a kommun's reviewer sees only its own staff: not the region's, not another kommun's, and each attempt is audited", async () => {
    const g = await gunilla();
    const before = await auditCount("audit.search", "SE2120000357-P0004", "denied");
    for (const input of [{ staff: SANNA }, { unitHsaId: "SE2321000032-MSEAVD12" }, { staff: "SE2120002940-P0001" }]) {
      expect(await refusal(g.admin.audit.search(input))).toEqual({
        code: "FORBIDDEN",
        message: "Du kan bara granska åtkomster som din egen organisations personal har gjort.",
      });
    }
    expect(await auditCount("audit.search", "SE2120000357-P0004", "denied")).toBe(before + 3);
    // A patient shared with the region: Eskilstuna sees its own staff's accesses only.
    const page = await g.admin.audit.search({ patient: LENNART });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.actorHsaId?.startsWith(`${ESK}-`))).toBe(true);
    const file = await g.admin.audit.extract({ patient: LENNART, format: "csv" });
    expect(Buffer.from(file.base64, "base64").toString("utf8")).not.toContain("SE2321000032-P");
  });

  it("the kommun's administrator does not review logs (separation of duties), and the attempt is audited", async () => {
    const before = await auditCount("access.denied", "SE2120000357-P0005", "denied");
    expect((await refusal((await tomas()).admin.audit.search({ patient: LENNART }))).code).toBe("FORBIDDEN");
    expect(await auditCount("access.denied", "SE2120000357-P0005", "denied")).toBe(before + 1);
  });

  it("flags an access to a patient with protected identity; reviewing it clears the start page's count; each step audited", async () => {
    const sanna = await as("sanna.sjoberg", "slutenvard");
    await sanna.case.get({ caseId: await caseOf(ALVA) });
    await detectAuditFlags(t.db);
    const reviewer = await castActor(t.db, "asa.berg", "forvaltning");
    const pending = await countPendingLogFlags(t.db, reviewer);
    expect(pending.href).toBe("/loggkontroll/flaggor");
    const caller = await asa();
    const flags = await caller.admin.audit.flags({ pendingOnly: true });
    const flag = flags.find((f) => f.kind === "protected_identity" && f.row.actorHsaId === SANNA);
    expect(flag).toMatchObject({ label: "Patient med skyddad identitet", review: null });
    expect(flags.length).toBe(pending.count);
    await caller.admin.audit.review({ target: "flag", id: flag!.id, outcome: "utan_anmarkning", note: "Vårdrelation finns" });
    expect((await countPendingLogFlags(t.db, reviewer)).count).toBe(pending.count - 1);
    const all = await caller.admin.audit.flags({ pendingOnly: false });
    expect(all.find((f) => f.id === flag!.id)?.review).toMatchObject({ outcome: "utan_anmarkning", outcomeLabel: "Utan anmärkning", reviewerName: "Åsa Berg" });
    expect(await auditCount("audit.flags", ASA)).toBe(2);
    expect(await auditCount("audit.review", ASA)).toBe(1);
    // Eskilstuna's reviewer cannot review the region's flag.
    expect((await refusal((await gunilla()).admin.audit.review({ target: "flag", id: flag!.id, outcome: "utreds" }))).code).toBe("NOT_FOUND");
    expect(await auditCount("audit.review", "SE2120000357-P0004", "denied")).toBe(1);
  });

  it("catches up on a long log in short runs, flagging each access once", async () => {
    const sanna = await castActor(t.db, "sanna.sjoberg", "slutenvard");
    await caseOf(ALVA); // the patient is known from her case on
    const [alva] = (await t.db.execute<{ id: string }>(sql`select id from patients where identifier = ${ALVA}`)).rows;
    await detectAuditFlags(t.db);
    const flagged = async () =>
      (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_flags where kind = 'protected_identity' and org_hsa_id = 'SE2321000032-VG'`))
        .rows[0]!.n;
    const before = await flagged();
    // Five accesses in one transaction share their time to the millisecond, as one request's reads do.
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 5; i++)
        await writeAudit(tx, sanna, { action: "patient.lookup", activity: "Läsa", patientId: alva!.id, entityType: "population_register" });
    });
    // Two accesses per run (the first run re-reads the last ten minutes, already flagged): the
    // runs go on where the last one stopped until all five are flagged, once each.
    let runs = 0;
    while ((await flagged()) < before + 5 && runs < 500) {
      await detectAuditFlags(t.db, new Date(), { batch: 2, maxBatches: 1 });
      runs += 1;
    }
    expect(await flagged()).toBe(before + 5);
    expect(await detectAuditFlags(t.db)).toBe(0);
    expect(await flagged()).toBe(before + 5);
  });

  it("draws a reproducible stickprov of the organisation's accesses, reviews one, and audits each step", async () => {
    const caller = await asa();
    // The period is in Stockholm days, as the reviewer picks it: a UTC date would end the period an
    // hour or two early around midnight and leave out the accesses just made.
    const today = stockholmDate(new Date());
    const from = addDaysToIsoDate(today, -40);
    const a = await caller.admin.audit.drawSample({ from, to: today, size: 5, seed: "00c0ffee" });
    const b = await caller.admin.audit.drawSample({ from, to: today, size: 5, seed: "00c0ffee" });
    const first = await caller.admin.audit.sample({ id: a.id });
    const second = await caller.admin.audit.sample({ id: b.id });
    expect(first.items.length).toBe(5);
    expect(first.items.map((i) => i.row.id)).toEqual(second.items.map((i) => i.row.id));
    expect(first.items.every((i) => i.row.actorHsaId?.startsWith("SE2321000032-"))).toBe(true);
    await caller.admin.audit.review({ target: "sampleItem", id: first.items[0]!.id, outcome: "utreds", note: "Fråga enheten" });
    const list = await caller.admin.audit.samples();
    expect(list.find((s) => s.id === a.id)).toMatchObject({ size: 5, reviewed: 1, seed: "00c0ffee", drawnByName: "Åsa Berg" });
    expect(await auditCount("audit.sample", ASA)).toBe(4);
    // Another organisation's sample is not found, and the attempt audited.
    expect((await refusal((await gunilla()).admin.audit.sample({ id: a.id }))).code).toBe("NOT_FOUND");
    expect(await auditCount("audit.sample", "SE2120000357-P0004", "denied")).toBe(1);
  });
});
