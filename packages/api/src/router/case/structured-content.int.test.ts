import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, and, eq, sql } from "@vardkedjan/db/client";
import { castActor, castCallers, openWardCase, type Caller } from "../../testing/callers";
import { EventHub } from "../../realtime/hub";
import type { RealtimeEvent } from "../../realtime/events";
import { patientSummaryContent } from "../../services/documents/patient-summary";
import { renderCaseDocument } from "../../services/documents/outage-documents";
import { getCase } from "../../services/case/get-case";
import { PHYSICIAN_REFUSAL } from "@vardkedjan/domain/case/structured-content";
import { refusal } from "../../testing/refusal";

/**
 * Structured content beside the messages: the called parties' answers to a SIP call, a unit's
 * phrase templates and a unit's internal notes, which no other party may reach by any read path.
 */
describe("SIP answers, phrase templates and internal notes", () => {
  let t: TestDatabase;
  let hub: EventHub;
  const events: RealtimeEvent[] = [];
  let key = 0;
  const k = () => `structured-${++key}`;
  const as = castCallers(() => ({ db: t.db }));
  const sanna = () => as("sanna.sjoberg", "slutenvard");
  const johan = () => as("johan.ekstrom", "slutenvard");
  const elin = () => as("elin.strand", "slutenvard");
  const berit = () => as("berit.holm", "kommun");
  const fredrik = () => as("fredrik.vall", "primarvard");

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    hub = new EventHub(t.url);
    hub.subscribe((e) => events.push(e));
    await hub.ready();
  });
  afterAll(async () => {
    await hub.close();
    await t.close();
  });

  async function send(caller: Caller, caseId: string, kind: string, payload: Record<string, unknown>, recipientUnitIds?: string[]) {
    const view = await caller.case.get({ caseId });
    return caller.case.sendMessage({
      caseId,
      kind: kind as never,
      payload,
      recipientUnitIds: recipientUnitIds ?? view.viewer.defaultRecipients[kind as never] ?? [],
      idempotencyKey: k(),
    });
  }

  const audits = async (action: string, caseId: string) =>
    (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where action = ${action} and case_id = ${caseId}`)).rows[0]!.n;

  let caseId = "";
  let kommun = "";
  let vc = "";
  let ward = "";

  it("opens a case: consent to the kommun, none to the vårdcentral, both notified", async () => {
    ({ caseId } = await openWardCase(await sanna(), "191212121212", k()));
    const view = await (await sanna()).case.get({ caseId });
    kommun = view.parties.find((p) => p.role === "kommun")!.unitId;
    vc = view.parties.find((p) => p.role === "vardcentral")!.unitId;
    ward = view.ward.unitId;
    await send(await sanna(), caseId, "samtycke", {
      consents: [
        { kind: "informationsoverforing_kommun", given: true },
        { kind: "informationsoverforing_vardcentral", given: false },
        { kind: "sip", given: true },
      ],
      source: "patient",
    });
    const date = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
    await send(await sanna(), caseId, "inskrivningsmeddelande", { estimatedDischargeDate: date }, [kommun, vc]);
    expect((await (await fredrik()).case.get({ caseId })).viewer.visibility.level).toBe("basic");
  });

  it("gives the patient's summary the structured planning basis in plain Swedish, without codes or staff shorthand", async () => {
    await send(await sanna(), caseId, "planeringsunderlag", {
      version: 1,
      needs: "Hjälp morgon och kväll",
      adl: [
        { area: "personlig_hygien", level: "helt_beroende" },
        { area: "forflyttning", level: "delvis_hjalp" },
      ],
      medicationHandler: "hemtjanst",
      aidKinds: ["rollator"],
    });
    const actor = await castActor(t.db, "sanna.sjoberg", "slutenvard");
    const content = patientSummaryContent(await getCase(t.db, actor, caseId));
    expect(content.dailyLiving).toEqual([
      "Du behöver hjälp med personlig hygien.",
      "Du behöver lite stöd med förflyttning och gång.",
      "Hjälpmedel du har hemma eller får: rollator.",
    ]);
    expect(content.medicationHelp).toBe("Hemtjänsten hjälper dig att ta dina läkemedel.");
    expect(content.nextSteps!.length).toBeGreaterThan(0);
    expect(JSON.stringify(content)).not.toMatch(/ADL|helt_beroende|personlig_hygien|hemtjanst"/);
    // The kommun sees the planning basis structured, as sent.
    const kommunView = await (await berit()).case.get({ caseId });
    expect(kommunView.messages.find((m) => m.kind === "planeringsunderlag")!.payload).toMatchObject({ adl: expect.any(Array), aidKinds: ["rollator"] });
  });

  describe("SIP call with parties that accept or decline", () => {
    let callId = "";

    it("refuses a call to a unit that is not a party of the case", async () => {
      const other = (await t.db.select({ id: schema.units.id }).from(schema.units).where(eq(schema.units.hsaId, "SE2321000032-MSEAVD41")))[0];
      const outsider = other?.id ?? "00000000-0000-4000-8000-000000000001";
      const e = await refusal(
        send(await sanna(), caseId, "kallelse_sip", {
          meetingAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
          video: true,
          invitedUnitIds: [kommun, outsider],
          consentStatus: "given",
        }),
      );
      expect(e.message).toMatch(/Bara ärendets parter kan kallas/);
    });

    it("sends a call naming the kommun and the ward, with a follow-up date", async () => {
      const sent = await send(await sanna(), caseId, "kallelse_sip", {
        meetingAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
        video: true,
        invitedUnitIds: [kommun, ward],
        participants: ["Patienten", "Dottern"],
        consentStatus: "given",
        followUpAt: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10),
      });
      callId = sent.messageId;
      const answers = await (await berit()).case.sipAnswers({ caseId });
      expect(answers).toEqual([
        {
          callMessageId: callId,
          invited: [expect.objectContaining({ unitId: kommun, answer: null }), expect.objectContaining({ unitId: ward, answer: null })],
          myUnitId: kommun,
        },
      ]);
    });

    it("lets the kommun decline and then accept: the latest answer counts, each audited, and the parties are told", async () => {
      events.length = 0;
      await (await berit()).case.answerSip({ caseId, callMessageId: callId, answer: "declined", comment: "Krockar med annat möte" });
      await (await berit()).case.answerSip({ caseId, callMessageId: callId, answer: "accepted" });
      const [call] = await (await sanna()).case.sipAnswers({ caseId });
      expect(call!.invited.find((i) => i.unitId === kommun)).toMatchObject({ answer: "accepted", comment: null, answeredBy: "Berit Holm" });
      expect(call!.invited.find((i) => i.unitId === ward)).toMatchObject({ answer: null });
      expect(call!.myUnitId).toBe(ward);
      expect(await audits("case.sip_answer", caseId)).toBe(2);
      await expect.poll(() => events.some((e) => e.type === "case.changed" && e.kind === "sip_svar" && e.unitIds.includes(ward)), { timeout: 5000 }).toBe(true);
    });

    it("refuses an answer from a party the call does not name, and one with a bad answer, changing nothing", async () => {
      const before = await t.db.$count(schema.sipAnswers);
      expect(await refusal((await fredrik()).case.answerSip({ caseId, callMessageId: callId, answer: "accepted" }))).toMatchObject({
        code: "BAD_REQUEST",
        message: "Din enhet är inte kallad till det här SIP-mötet.",
      });
      expect(await refusal((await berit()).case.answerSip({ caseId, callMessageId: callId, answer: "kanske" as never }))).toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(/Svara att din enhet kommer eller inte kommer/),
      });
      expect(await refusal((await elin()).case.answerSip({ caseId, callMessageId: callId, answer: "accepted" }))).toMatchObject({ code: "NOT_FOUND" });
      expect(await t.db.$count(schema.sipAnswers)).toBe(before);
    });
  });

  describe("phrase templates per unit", () => {
    let templateId = "";

    it("are shared by the unit's users and audited when changed", async () => {
      templateId = (await (await sanna()).templates.create({ title: "Hemgång", text: "Patienten går hem med taxi." })).id;
      expect(await (await johan()).templates.list()).toEqual([
        expect.objectContaining({ id: templateId, title: "Hemgång", text: "Patienten går hem med taxi." }),
      ]);
      await (await johan()).templates.update({ id: templateId, title: "Hemgång", text: "Patienten går hem med färdtjänst." });
      expect((await (await sanna()).templates.list())[0]!.text).toBe("Patienten går hem med färdtjänst.");
      const changes = await t.db.execute<{ n: number }>(
        sql`select count(*)::int as n from audit_events where action = 'template.change' and entity_id = ${templateId}`,
      );
      expect(changes.rows[0]!.n).toBe(2);
    });

    it("are not shown to another unit, and another unit's change or removal is refused as not found and audited", async () => {
      expect(await (await elin()).templates.list()).toEqual([]);
      expect(await (await berit()).templates.list()).toEqual([]);
      expect(await refusal((await elin()).templates.update({ id: templateId, title: "x", text: "y" }))).toMatchObject({ code: "NOT_FOUND" });
      expect(await refusal((await berit()).templates.remove({ id: templateId }))).toMatchObject({ code: "NOT_FOUND" });
      const denied = await t.db.execute<{ n: number }>(
        sql`select count(*)::int as n from audit_events where action = 'access.denied' and entity_type = 'phrase_template' and entity_id = ${templateId}`,
      );
      expect(denied.rows[0]!.n).toBe(2);
      expect((await (await sanna()).templates.list())[0]!.text).toBe("Patienten går hem med färdtjänst.");
    });

    it("refuses an empty template and a duplicate title in Swedish", async () => {
      expect(await refusal((await sanna()).templates.create({ title: " ", text: "x" }))).toMatchObject({
        message: expect.stringMatching(/Rubriken får inte vara tom/),
      });
      expect(await refusal((await sanna()).templates.create({ title: "Hemgång", text: "x" }))).toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/redan en textmall med den rubriken/),
      });
      await (await sanna()).templates.remove({ id: templateId });
      expect(await (await sanna()).templates.list()).toEqual([]);
    });

    it("are refused to a role without the action (hemtjänst), audited", async () => {
      expect(await refusal((await as("hans.tjader", "kommun")).templates.list())).toMatchObject({ code: "FORBIDDEN" });
    });
  });

  describe("internal notes", () => {
    // Markers outside the hexadecimal alphabet, so that no id in the answers can contain them by chance.
    const WARD_NOTE = "Avdelningens interna anteckning qxwz";
    const KOMMUN_NOTE = "Kommunens interna anteckning vjyk";

    it("are written by a unit and read by that unit alone, audited on write and read", async () => {
      events.length = 0;
      await (await sanna()).case.addInternalNote({ caseId, text: WARD_NOTE });
      await (await berit()).case.addInternalNote({ caseId, text: KOMMUN_NOTE });
      expect((await (await johan()).case.internalNotes({ caseId })).map((n) => n.text)).toEqual([WARD_NOTE]);
      expect((await (await berit()).case.internalNotes({ caseId })).map((n) => n.text)).toEqual([KOMMUN_NOTE]);
      expect(await (await fredrik()).case.internalNotes({ caseId })).toEqual([]);
      expect(await audits("case.internal_note_write", caseId)).toBe(2);
      expect(await audits("case.internal_note_read", caseId)).toBe(3);
      // The live event of a note goes to the writing unit only.
      await expect.poll(() => events.filter((e) => e.type === "case.changed" && e.kind === "intern_anteckning").length, { timeout: 5000 }).toBe(2);
      for (const e of events.filter((e) => e.type === "case.changed" && e.kind === "intern_anteckning")) {
        expect((e as { unitIds: string[] }).unitIds.length).toBe(1);
      }
      expect(JSON.stringify(events)).not.toContain("qxwz");
    });

    it("refuses an empty note and a unit outside the case, changing nothing", async () => {
      expect(await refusal((await sanna()).case.addInternalNote({ caseId, text: "   " }))).toMatchObject({ message: "Anteckningen får inte vara tom" });
      expect(await refusal((await elin()).case.internalNotes({ caseId }))).toMatchObject({ code: "NOT_FOUND" });
      expect(await refusal((await elin()).case.addInternalNote({ caseId, text: "x" }))).toMatchObject({ code: "NOT_FOUND" });
      expect(await t.db.$count(schema.caseInternalNotes, eq(schema.caseInternalNotes.caseId, caseId))).toBe(2);
    });

    it("never reach another party, nor a party without consent: case view, documents, worklist, SIP answers, events", async () => {
      for (const [who, portal, hidden] of [
        ["berit.holm", "kommun", WARD_NOTE],
        ["fredrik.vall", "primarvard", WARD_NOTE],
        ["fredrik.vall", "primarvard", KOMMUN_NOTE],
        ["sanna.sjoberg", "slutenvard", KOMMUN_NOTE],
      ] as const) {
        const caller = await as(who, portal);
        const seen = JSON.stringify([
          await caller.case.get({ caseId }),
          await caller.case.list({}),
          await caller.case.sipAnswers({ caseId }),
          await caller.case.internalNotes({ caseId }),
        ]);
        expect(seen, `${who} sees ${hidden}`).not.toContain(hidden.slice(-4));
      }
      // The patient's documents are built from the ward's own case view: no note of any unit.
      const actor = await castActor(t.db, "sanna.sjoberg", "slutenvard");
      expect(JSON.stringify(patientSummaryContent(await getCase(t.db, actor, caseId)))).not.toMatch(/qxwz|vjyk/);
      const sip = await renderCaseDocument(t.db, actor, caseId, "sip.pdf");
      expect(sip.pdf.toString("latin1")).not.toMatch(/qxwz|vjyk/);
      // Nothing of a note is in the audit log's details either (the log names ids, never text).
      const logged = await t.db.execute(sql`select details::text as d from audit_events where case_id = ${caseId}`);
      expect(JSON.stringify(logged.rows)).not.toMatch(/qxwz|vjyk/);
      expect(await t.db.$count(schema.caseInternalNotes, and(eq(schema.caseInternalNotes.caseId, caseId), eq(schema.caseInternalNotes.unitId, vc)))).toBe(0);
    });
  });
  describe("the physician of the ready-for-discharge decision", () => {
    const staffIdOf = async (key: Parameters<typeof castActor>[1], portal: "slutenvard" | "kommun") => (await castActor(t.db, key, portal)).staffId;

    it("offers the ward's physicians, refuses a person who is not one of them, and stores the catalogue's name for one who is", async () => {
      const johan = await staffIdOf("johan.ekstrom", "slutenvard");
      expect((await (await sanna()).case.physicians({ caseId })).map((p) => p.name)).toEqual(["Johan Ekström"]);
      const before = await t.db.$count(schema.messages, eq(schema.messages.caseId, caseId));
      // A nurse of the ward, and the kommun's handläggare: neither is a physician of the ward.
      for (const other of [await staffIdOf("sanna.sjoberg", "slutenvard"), await staffIdOf("berit.holm", "kommun")]) {
        const refused = await refusal(
          send(await sanna(), caseId, "utskrivningsklar", { decidedAt: new Date().toISOString(), decidedBy: "Dr X", decidedByStaffId: other }),
        );
        expect(refused).toMatchObject({ code: "BAD_REQUEST", message: PHYSICIAN_REFUSAL });
      }
      expect(await t.db.$count(schema.messages, eq(schema.messages.caseId, caseId))).toBe(before);
      // A name typed in the form for a listed physician is replaced by the catalogue's.
      await send(await sanna(), caseId, "utskrivningsklar", { decidedAt: new Date().toISOString(), decidedBy: "J Ekström", decidedByStaffId: johan });
      const ready = (await (await sanna()).case.get({ caseId })).messages.find((m) => m.kind === "utskrivningsklar")!;
      expect(ready.payload).toMatchObject({ decidedBy: "Johan Ekström", decidedByStaffId: johan });
    });
  });
});
