import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { TOLVAN_IDENTIFIER } from "@vardkedjan/db/seed";
import { schema, and, eq, sql } from "@vardkedjan/db/client";
import { createTestMailServer, type TestMailServer } from "../../../../../apps/test-mail/src/server";
import { createSmtpMailer, type SmtpMailer } from "../../mail/mailer";
import { DEVIATION_NOTICE_SENTENCE } from "../../mail/templates";
import { castActor, castCallers, openWardCase, type Caller } from "../../testing/callers";
import { countOpenDeviations } from "../../services/deviation/count";
import { refusal } from "../../testing/refusal";

/**
 * Avvikelser through the real procedures: the ward reports to the kommun, the kommun's MAS
 * investigates and answers, the ward reads the answer and closes; and the other way, the kommun to
 * the region's utskrivningsledare. Who sees what (no patient without case access, no other kommun),
 * what the e-mail carries (nothing about the patient) and what Förvaltning counts.
 */
describe("deviations in the cooperation", () => {
  let t: TestDatabase;
  let mail: TestMailServer;
  let mailer: SmtpMailer;
  let n = 0;
  const k = () => `deviation-key-${++n}-${Date.now()}`;

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    mail = await createTestMailServer({ smtpPort: 0, host: "127.0.0.1" });
    mailer = createSmtpMailer({ url: mail.smtpUrl, from: "Vårdkedjan <noreply@vardkedjan.local>" });
  });
  afterAll(async () => {
    mailer.close();
    await mail.close();
    await t.close();
  });

  const as = castCallers(() => ({
    db: t.db,
    mailer,
    portalUrls: {
      slutenvard: "http://slutenvard.test",
      primarvard: "http://primarvard.test",
      kommun: "http://kommun.test",
      forvaltning: "http://forvaltning.test",
    },
  }));
  const sanna = () => as("sanna.sjoberg", "slutenvard");
  const berit = () => as("berit.holm", "kommun");
  const gunilla = () => as("gunilla.rask", "kommun");
  const ulrika = () => as("ulrika.lind", "slutenvard");

  async function send(caller: Caller, caseId: string, recipientUnitIds: string[]) {
    return caller.case.sendMessage({
      caseId,
      kind: "inskrivningsmeddelande",
      payload: { estimatedDischargeDate: new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10) },
      recipientUnitIds,
      idempotencyKey: k(),
    });
  }

  let caseId = "";
  let reference = "";
  let eskilstuna = "";
  let sormland = "";
  let fromWard = "";
  const DESCRIPTION = "Inskrivningsmeddelandet kom två dygn efter inskrivningen; Tolvan hade hemtjänst sedan tidigare.";

  beforeAll(async () => {
    const opened = await openWardCase(await sanna(), TOLVAN_IDENTIFIER, k());
    caseId = opened.caseId;
    const view = await (await sanna()).case.get({ caseId });
    reference = view.reference;
    await send(await sanna(), caseId, view.viewer.defaultRecipients.inskrivningsmeddelande ?? []);
    const orgs = await t.db.select({ id: schema.organisations.id, name: schema.organisations.name }).from(schema.organisations);
    eskilstuna = orgs.find((o) => o.name === "Eskilstuna kommun")!.id;
    sormland = orgs.find((o) => o.name === "Region Sörmland")!.id;
  });

  it("offers the reporter the case's other organisations, never its own", async () => {
    expect((await (await sanna()).deviation.forCase({ caseId })).receivers.map((o) => o.name)).toEqual(["Eskilstuna kommun"]);
    expect((await (await berit()).deviation.forCase({ caseId })).receivers.map((o) => o.name)).toEqual(["Region Sörmland"]);
    // Hemtjänst reads its cases but does not report deviations.
    expect((await (await as("hans.tjader", "kommun")).deviation.forCase({ caseId }).catch(() => null))?.receivers ?? []).toEqual([]);
  });

  it("refuses a report to the reporter's own organisation or one outside the case, and bad input, in Swedish, storing nothing", async () => {
    const base = { caseId, category: "meddelande_sent" as const, description: DESCRIPTION, idempotencyKey: k() };
    expect(await refusal((await sanna()).deviation.report({ ...base, receiverOrganisationId: sormland }))).toEqual({
      code: "BAD_REQUEST",
      message: "Välj en av de andra organisationerna i ärendet.",
    });
    const nykoping = (await t.db.select().from(schema.organisations).where(eq(schema.organisations.name, "Nyköpings kommun")))[0]!.id;
    expect(await refusal((await sanna()).deviation.report({ ...base, receiverOrganisationId: nykoping }))).toMatchObject({ code: "BAD_REQUEST" });
    // The form's own Swedish field message (the client shows it beside the field).
    expect(await refusal((await sanna()).deviation.report({ ...base, description: "   ", receiverOrganisationId: eskilstuna }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Skriv vad som hände."),
    });
    expect(await t.db.select().from(schema.deviations)).toEqual([]);
  });

  it("a ward reports to the kommun: the report is audited, and the kommun is mailed a notice without any patient data", async () => {
    mail.clear();
    const key = k();
    const { deviationId } = await (
      await sanna()
    ).deviation.report({ caseId, category: "meddelande_sent", description: DESCRIPTION, receiverOrganisationId: eskilstuna, idempotencyKey: key });
    fromWard = deviationId;
    // A double click reports once.
    expect(
      (
        await (
          await sanna()
        ).deviation.report({ caseId, category: "meddelande_sent", description: DESCRIPTION, receiverOrganisationId: eskilstuna, idempotencyKey: key })
      ).deviationId,
    ).toBe(deviationId);
    expect(await t.db.select().from(schema.deviations)).toHaveLength(1);

    const [audit] = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "deviation.report"), eq(schema.auditEvents.entityId, deviationId)));
    expect(audit).toMatchObject({ category: "pdl", outcome: "success", caseId, actorName: "Sanna Sjöberg" });
    expect(JSON.stringify(audit!.details)).not.toContain("Tolvan");

    // Eskilstuna's designated contact-list representative (the demo's delegated administrator).
    const received = await mail.waitFor((m) => m.to.includes("tomas.wik@example.se"), 5000);
    expect(received.subject).toBe("Ny avvikelse i samverkan i Vårdkedjan");
    expect(received.text).toContain(DEVIATION_NOTICE_SENTENCE);
    expect(received.text).toContain("http://kommun.test/avvikelser");
    const [patient] = await t.db.select().from(schema.patients).where(eq(schema.patients.identifier, TOLVAN_IDENTIFIER));
    for (const body of [received.subject, received.text, received.html ?? ""]) {
      for (const secret of [
        patient!.givenName,
        patient!.familyName,
        TOLVAN_IDENTIFIER,
        TOLVAN_IDENTIFIER.slice(2),
        "19121212-1212",
        "121212-1212",
        reference,
        caseId,
        deviationId,
        "Inskrivningsmeddelandet kom",
        "hemtjänst",
        "Sanna",
        "Avd 12",
        "för sent",
      ]) {
        expect(body, `e-posten får inte innehålla ${secret}`).not.toContain(secret);
      }
      expect(body).not.toMatch(/\d{6}[-+]?\d{4}/);
    }
    await expect.poll(async () => (await t.db.select().from(schema.deviations).where(eq(schema.deviations.id, deviationId)))[0]!.notifiedAt).not.toBeNull();
  });

  it("reaches the kommun's MAS, who sees the patient (she may read the case) and investigates and answers; the ward sees the answer on the case and in its list", async () => {
    expect(await countOpenDeviations(t.db, await castActor(t.db, "gunilla.rask", "kommun"))).toEqual({ count: 1, href: "/avvikelser" });
    const [received] = await (await gunilla()).deviation.list({ view: "mottagna" });
    expect(received).toMatchObject({
      id: fromWard,
      side: "mottagare",
      status: "ny",
      category: "meddelande_sent",
      caseReference: reference,
      reporterName: "Sanna Sjöberg",
      reporterUnitName: "Avd 12 Medicin",
      reporterOrganisationName: "Region Sörmland",
      receiverOrganisationName: "Eskilstuna kommun",
      patient: { name: "Tolvan Tolvansson", identifier: TOLVAN_IDENTIFIER },
      description: DESCRIPTION,
      transitions: ["paborja_utredning"],
    });
    expect(await (await gunilla()).deviation.list({ view: "rapporterade" })).toEqual([]);
    const reads = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "deviation.read"), eq(schema.auditEvents.actorName, "Gunilla Rask")));
    expect(reads.at(-1)).toMatchObject({ caseId, patientId: expect.any(String), outcome: "success" });

    // The reporter cannot take the receiver's steps, nor the receiver answer before investigating.
    expect(await refusal((await sanna()).deviation.conclude({ deviationId: fromWard, transition: "avsluta", version: 1 }))).toEqual({
      code: "PRECONDITION_FAILED",
      message: "Det går inte att avsluta avvikelsen: avvikelsen är ny.",
    });
    expect(await refusal((await gunilla()).deviation.handle({ deviationId: fromWard, transition: "besvara", text: "Svar", version: 1 }))).toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    // A colleague of the MAS in the same kommun who does not handle deviations (no seat, and no action).
    expect(await refusal((await berit()).deviation.handle({ deviationId: fromWard, transition: "paborja_utredning", version: 1 }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await (await berit()).deviation.list({ view: "mottagna" })).toEqual([]);

    const investigating = await (await gunilla()).deviation.handle({ deviationId: fromWard, transition: "paborja_utredning", version: 1 });
    expect(investigating).toMatchObject({ status: "under_utredning", version: 2, transitions: ["besvara"] });
    // Someone else's stale step is a conflict, not a second step.
    expect(await refusal((await gunilla()).deviation.handle({ deviationId: fromWard, transition: "paborja_utredning", version: 1 }))).toMatchObject({
      code: "CONFLICT",
    });
    expect(await refusal((await gunilla()).deviation.handle({ deviationId: fromWard, transition: "besvara", text: " ", version: 2 }))).toEqual({
      code: "BAD_REQUEST",
      message: "Skriv ett svar.",
    });
    const answered = await (
      await gunilla()
    ).deviation.handle({
      deviationId: fromWard,
      transition: "besvara",
      text: "Biståndsenheten såg meddelandet först på måndagen. Vi har infört bevakning under helger.",
      version: 2,
    });
    expect(answered).toMatchObject({ status: "besvarad", transitions: [] });
    expect(await countOpenDeviations(t.db, await castActor(t.db, "gunilla.rask", "kommun"))).toEqual({ count: 0, href: "/avvikelser" });

    const { deviations: onCase } = await (await sanna()).deviation.forCase({ caseId });
    expect(onCase).toHaveLength(1);
    expect(onCase[0]).toMatchObject({
      side: "anmalare",
      status: "besvarad",
      answer: {
        text: "Biståndsenheten såg meddelandet först på måndagen. Vi har infört bevakning under helger.",
        by: "Gunilla Rask",
        organisationName: "Eskilstuna kommun",
      },
      transitions: ["avsluta", "ateroppna"],
    });
    expect(onCase[0]!.events.map((e) => e.toStatus)).toEqual(["ny", "under_utredning", "besvarad"]);
    const [reported] = await (await sanna()).deviation.list({ view: "rapporterade" });
    expect(reported).toMatchObject({ id: fromWard, status: "besvarad", answer: { by: "Gunilla Rask" } });
    // The hospital's utskrivningsledare, the region's responsible function, follows it too.
    expect((await (await ulrika()).deviation.list({ view: "rapporterade" })).map((d) => d.id)).toEqual([fromWard]);
    expect(await countOpenDeviations(t.db, await castActor(t.db, "sanna.sjoberg", "slutenvard"))).toEqual({ count: 1, href: "/avvikelser" });

    const audits = await t.db
      .select({ details: schema.auditEvents.details })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "deviation.update"), eq(schema.auditEvents.entityId, fromWard), eq(schema.auditEvents.outcome, "success")));
    expect(audits.map((a) => a.details.transition)).toEqual(["paborja_utredning", "besvara"]);
  });

  it("the reporting side reopens an answer that is not enough, and closes after the next answer; a closed deviation stays closed", async () => {
    const reopened = await (
      await sanna()
    ).deviation.conclude({ deviationId: fromWard, transition: "ateroppna", text: "Gäller det även röda dagar?", version: 3 });
    expect(reopened).toMatchObject({ status: "under_utredning" });
    await (await gunilla()).deviation.handle({ deviationId: fromWard, transition: "besvara", text: "Ja, även röda dagar.", version: 4 });
    const closed = await (await sanna()).deviation.conclude({ deviationId: fromWard, transition: "avsluta", version: 5 });
    expect(closed).toMatchObject({ status: "avslutad", transitions: [], answer: { text: "Ja, även röda dagar." } });
    expect(await refusal((await sanna()).deviation.conclude({ deviationId: fromWard, transition: "ateroppna", text: "x", version: 6 }))).toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("hides the deviation from whoever has no case access or no seat: another ward, another kommun, another kommun's MAS, another hospital's utskrivningsledare", async () => {
    for (const [who, portal] of [
      ["mira.dahl", "slutenvard"],
      ["sofia.lund", "kommun"],
      ["birgitta.hedlund", "kommun"],
      ["ingrid.sjostrom", "kommun"],
      ["petra.nyman", "slutenvard"],
    ] as const) {
      const caller = await as(who, portal);
      expect(await caller.deviation.list({ view: "mottagna" }), who).toEqual([]);
      expect(await caller.deviation.list({ view: "rapporterade" }), who).toEqual([]);
      expect(await refusal(caller.deviation.get({ deviationId: fromWard })), who).toMatchObject({ code: "NOT_FOUND" });
      expect(await refusal(caller.deviation.forCase({ caseId })), who).toMatchObject({ code: "NOT_FOUND" });
      expect(
        await refusal(caller.deviation.report({ caseId, category: "annat", description: "x", receiverOrganisationId: sormland, idempotencyKey: k() })),
        who,
      ).toMatchObject({
        code: "NOT_FOUND",
      });
    }
    // Every refused read or report of the case is audited.
    const denied = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_events where outcome = 'denied' and actor_name = 'Birgitta Hedlund' and (case_id = ${caseId} or entity_id = ${caseId} or entity_id = ${fromWard})`,
    );
    expect(denied.rows[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it("the kommun reports to the region: the utskrivningsledare of the case's hospital handles it, mailed at the hospital's utskrivningsledare mailbox", async () => {
    mail.clear();
    const { deviationId } = await (
      await berit()
    ).deviation.report({
      caseId,
      category: "information_saknas",
      description: "Läkemedelslistan saknades i utskrivningsmeddelandet.",
      receiverOrganisationId: sormland,
      idempotencyKey: k(),
    });
    const received = await mail.waitFor((m) => m.to.includes("utskrivningsledareMSE@regionsormland.se"), 5000);
    expect(received.text).toContain("http://slutenvard.test/avvikelser");
    expect(received.text).not.toContain("Läkemedelslistan");
    expect((await (await ulrika()).deviation.list({ view: "mottagna" })).map((d) => d.id)).toEqual([deviationId]);
    expect(await (await as("petra.nyman", "slutenvard")).deviation.list({ view: "mottagna" })).toEqual([]);
    // The ward that was reported about is not the responsible function; it has no receiver's seat.
    expect(await refusal((await sanna()).deviation.get({ deviationId }))).toMatchObject({ code: "NOT_FOUND" });
    // Eskilstuna's MAS follows what her kommun reported.
    expect((await (await gunilla()).deviation.list({ view: "rapporterade" })).map((d) => d.id)).toEqual([deviationId]);
  });

  it("shows a deviation without its patient or texts to a reporter who may no longer read the case", async () => {
    const [kommunParty] = await t.db
      .select({ id: schema.caseParties.id, unitId: schema.caseParties.unitId })
      .from(schema.caseParties)
      .where(and(eq(schema.caseParties.caseId, caseId), eq(schema.caseParties.role, "kommun")));
    await t.db.update(schema.caseParties).set({ removedAt: new Date() }).where(eq(schema.caseParties.id, kommunParty!.id));
    try {
      const [mine] = await (await berit()).deviation.list({ view: "rapporterade" });
      expect(mine).toMatchObject({ category: "information_saknas", status: "ny", patient: null, description: null });
      expect(JSON.stringify(mine)).not.toContain("Tolvan");
      expect(JSON.stringify(mine)).not.toContain(TOLVAN_IDENTIFIER);
      expect(await refusal((await berit()).deviation.forCase({ caseId }))).toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await t.db.update(schema.caseParties).set({ removedAt: null }).where(eq(schema.caseParties.id, kommunParty!.id));
    }
  });

  it("counts per category and month in Förvaltning, within the administrator's reach only, and audits an attempt outside it", async () => {
    const month = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit" }).format(new Date());
    const asa = await as("asa.berg", "forvaltning");
    const regionStats = await asa.deviation.statistics({ organisationId: eskilstuna });
    expect(regionStats.organisations.map((o) => o.name)).toContain("Eskilstuna kommun");
    expect(regionStats.organisations.map((o) => o.name)).toContain("Region Sörmland");
    expect(regionStats.organisations.map((o) => o.name)).not.toContain("Sundsvalls kommun");
    expect(regionStats.rows).toEqual([
      { month, category: "information_saknas", received: 0, reported: 1 },
      { month, category: "meddelande_sent", received: 1, reported: 0 },
    ]);
    expect(JSON.stringify(regionStats)).not.toContain("Tolvan");

    const tomas = await as("tomas.wik", "forvaltning");
    const own = await tomas.deviation.statistics({});
    expect(own.organisations.map((o) => o.name)).toEqual(["Eskilstuna kommun"]);
    expect(own.rows).toEqual(regionStats.rows);
    expect(await refusal(tomas.deviation.statistics({ organisationId: sormland }))).toMatchObject({ code: "FORBIDDEN" });
    // An administrator reads counts, never the deviations themselves (they name patients); the refusal is audited.
    expect(await refusal(tomas.deviation.list({ view: "mottagna" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(tomas.deviation.get({ deviationId: fromWard }))).toMatchObject({ code: "FORBIDDEN" });
    const refusedProcedures = await t.db
      .select({ entityId: schema.auditEvents.entityId })
      .from(schema.auditEvents)
      .where(
        and(eq(schema.auditEvents.action, "access.denied"), eq(schema.auditEvents.actorName, "Tomas Wik"), eq(schema.auditEvents.entityType, "procedure")),
      );
    expect(refusedProcedures.map((r) => r.entityId)).toEqual(expect.arrayContaining(["deviation.list", "deviation.get"]));
    expect(await refusal((await as("niklas.hellstrom", "forvaltning")).deviation.statistics({ organisationId: eskilstuna }))).toMatchObject({
      code: "FORBIDDEN",
    });
    const denied = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "access.denied"), eq(schema.auditEvents.entityId, sormland), eq(schema.auditEvents.actorName, "Tomas Wik")));
    expect(denied).toHaveLength(1);
    expect((await (await as("niklas.hellstrom", "forvaltning")).deviation.statistics({})).rows).toEqual([]);

    // The start page's slot: the open deviations of the reach (the ward's is closed, the kommun's is new).
    expect(await countOpenDeviations(t.db, await castActor(t.db, "tomas.wik", "forvaltning"))).toEqual({ count: 1, href: "/avvikelser" });
    expect(await countOpenDeviations(t.db, await castActor(t.db, "asa.berg", "forvaltning"))).toEqual({ count: 1, href: "/avvikelser" });
    expect(await countOpenDeviations(t.db, await castActor(t.db, "niklas.hellstrom", "forvaltning"))).toEqual({ count: 0, href: "/avvikelser" });
    // Care staff cannot read the counts.
    expect(await refusal((await gunilla()).deviation.statistics({}))).toMatchObject({ code: "FORBIDDEN" });
  });
});
