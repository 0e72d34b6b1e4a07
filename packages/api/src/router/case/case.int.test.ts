import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { castByKey, type DemoKey } from "@vardkedjan/db/seed";
import { schema, eq, and, desc } from "@vardkedjan/db/client";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { castCallers, openWardCase, castActor } from "../../testing/callers";
import { patientSummaryPdf } from "../../services/documents/patient-summary";
import { extractPdf, flat } from "@vardkedjan/documents/testing/pdf-text";
import { refusal } from "../../testing/refusal";

/** The discharge process through the real procedures and their authorisation. */
describe("coordination cases", () => {
  let t: TestDatabase;
  let key = 0;
  const k = () => `test-key-${++key}-${Date.now()}`;

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(() => t.close());

  const as = castCallers(() => ({ db: t.db }));
  const sanna = () => as("sanna.sjoberg", "slutenvard");
  const actorFor = (who: DemoKey, portal: Portal) => castActor(t.db, who, portal);
  const berit = () => as("berit.holm", "kommun");
  const fredrik = () => as("fredrik.vall", "primarvard");

  async function openCase(identifier: string) {
    return openWardCase(await sanna(), identifier, k());
  }

  async function send(
    caller: Awaited<ReturnType<typeof as>>,
    caseId: string,
    kind: string,
    payload: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) {
    const view = await caller.case.get({ caseId });
    return caller.case.sendMessage({
      caseId,
      kind: kind as never,
      payload,
      recipientUnitIds: view.viewer.defaultRecipients[kind as never] ?? [],
      idempotencyKey: k(),
      ...extra,
    });
  }

  let tolvanCase = "";

  it("proposes the municipality from the address and the vårdcentral from the listing", async () => {
    const prep = await (await sanna()).case.prepare({ identifier: "19121212-1212" });
    expect(prep.person?.name).toBe("Tolvan Tolvansson");
    const muni = prep.options.municipalities.find((m) => m.id === prep.proposed.municipalityUnitId);
    const vc = prep.options.primaryCare.find((m) => m.id === prep.proposed.primaryCareUnitId);
    expect(muni?.organisationName).toBe("Eskilstuna kommun");
    expect(vc?.name).toBe("Vårdcentralen Fröslunda");
    expect(prep.options.wards.map((w) => w.name)).toEqual(["Avd 12 Medicin"]);
  });

  it("refuses an invalid personnummer in Swedish and creates nothing", async () => {
    expect(await refusal((await sanna()).case.prepare({ identifier: "19121212-1213" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/kontrollsiffran/i),
    });
    const before = await t.db.select().from(schema.coordinationCases);
    const prep = await (await sanna()).case.prepare({ identifier: "191212121212" });
    expect(
      await refusal(
        (await sanna()).case.create({
          identifier: "191212121213",
          admittedAt: new Date(),
          wardUnitId: prep.options.wards[0]!.id,
          careType: "somatisk",
          municipalityUnitId: null,
          primaryCareUnitId: null,
          idempotencyKey: k(),
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });
    expect(await t.db.select().from(schema.coordinationCases)).toHaveLength(before.length);
  });

  it("refuses a unit of the wrong kind in the kommun's or the vårdcentral's place, and creates nothing", async () => {
    const prep = await (await sanna()).case.prepare({ identifier: "191212121212" });
    const muni = prep.proposed.municipalityUnitId!;
    const vc = prep.proposed.primaryCareUnitId!;
    const base = {
      identifier: "191212121212",
      admittedAt: new Date(Date.now() - 3600_000),
      wardUnitId: prep.options.wards[0]!.id,
      careType: "somatisk" as const,
    };
    const before = await t.db.$count(schema.coordinationCases);
    // The two swapped: a case with two vårdcentral-like parties and no kommun would never get the kommun's notices.
    expect(await refusal((await sanna()).case.create({ ...base, municipalityUnitId: vc, primaryCareUnitId: null, idempotencyKey: k() }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "Välj kommunens biståndsenhet som kommun.",
    });
    expect(await refusal((await sanna()).case.create({ ...base, municipalityUnitId: null, primaryCareUnitId: muni, idempotencyKey: k() }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "Välj en vårdcentral eller en psykiatrisk öppenvårdsmottagning som vårdcentral.",
    });
    expect(await t.db.$count(schema.coordinationCases)).toBe(before);
  });

  it("opens one case for a double-clicked create, and refuses a second open case for the patient", async () => {
    const prep = await (await sanna()).case.prepare({ identifier: "191212121212" });
    const input = {
      identifier: "191212121212",
      admittedAt: new Date(Date.now() - 2 * 3600_000),
      wardUnitId: prep.options.wards[0]!.id,
      careType: "somatisk" as const,
      municipalityUnitId: prep.proposed.municipalityUnitId,
      primaryCareUnitId: prep.proposed.primaryCareUnitId,
      idempotencyKey: k(),
    };
    const [a, b] = await Promise.all([(await sanna()).case.create(input), (await sanna()).case.create(input)].map((p) => p.catch((e: unknown) => e)));
    const ok = [a, b].filter((x) => !(x instanceof Error)) as { caseId: string }[];
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((x) => x.caseId)).size).toBe(1);
    tolvanCase = ok[0]!.caseId;
    const again = await (await sanna()).case.create(input);
    expect(again.caseId).toBe(tolvanCase);
    expect(await refusal((await sanna()).case.create({ ...input, idempotencyKey: k() }))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/redan ett pågående/),
    });
  });

  it("refuses steps out of order with a Swedish explanation", async () => {
    const view = await (await sanna()).case.get({ caseId: tolvanCase });
    expect(view.stage).toBe("inskriven");
    expect(view.viewer.canSend).not.toContain("utskrivningsklar");
    const r = await refusal(
      send(
        await sanna(),
        tolvanCase,
        "utskrivningsklar",
        { decidedAt: new Date().toISOString(), decidedBy: "Dr Läkare" },
        { recipientUnitIds: view.parties.filter((p) => p.role !== "avdelning").map((p) => p.unitId) },
      ),
    );
    expect(r.code).toBe("PRECONDITION_FAILED");
    expect(r.message).toMatch(/inskrivningsmeddelande/i);
  });

  it("runs the admission: consent, the notice, acknowledgements and answers", async () => {
    await send(await sanna(), tolvanCase, "samtycke", {
      consents: [
        { kind: "informationsoverforing_kommun", given: true },
        { kind: "informationsoverforing_vardcentral", given: true },
        { kind: "npo", given: true },
        { kind: "sip", given: true },
      ],
    });
    const date = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
    const sent = await send(await sanna(), tolvanCase, "inskrivningsmeddelande", { estimatedDischargeDate: date });
    expect(sent.duplicate).toBe(false);

    // Berit's worklist: the new notice on top, unacknowledged.
    const list = await (await berit()).case.list({});
    expect(list.rows[0]).toMatchObject({ caseId: tolvanCase, patientName: "Tolvan Tolvansson", unacknowledged: 1 });
    const view = await (await berit()).case.get({ caseId: tolvanCase });
    expect(view.viewer.visibility.level).toBe("full");
    const notice = view.messages.find((m) => m.kind === "inskrivningsmeddelande")!;
    expect(notice.awaitingMyAcknowledgement).toBe(true);
    await (await berit()).case.acknowledge({ caseId: tolvanCase, messageId: notice.id });
    await (await berit()).case.acknowledge({ caseId: tolvanCase, messageId: notice.id }); // idempotent
    await send(await berit(), tolvanCase, "svar_pa_inskrivning", { currentServices: "Hemtjänst två gånger per dag", knownToUnit: true });

    // Fredrik names himself fast vårdkontakt.
    const candidates = await (await fredrik()).case.fixedCareContacts({ caseId: tolvanCase });
    const me = candidates.find((c) => c.name === "Fredrik Vall")!;
    expect(me).toBeTruthy();
    // Someone without a commission at the vårdcentral cannot be named.
    const [outsider] = await t.db
      .select()
      .from(schema.staff)
      .where(eq(schema.staff.hsaId, castByKey("sofia.lund").employeeHsaId));
    expect(candidates.map((c) => c.staffId)).not.toContain(outsider!.id);
    expect(
      (
        await refusal(
          send(await fredrik(), tolvanCase, "svar_pa_inskrivning", { currentServices: "Inga", knownToUnit: true, fixedCareContactStaffId: outsider!.id }),
        )
      ).message,
    ).toMatch(/uppdrag vid din enhet/);
    await send(await fredrik(), tolvanCase, "svar_pa_inskrivning", {
      currentServices: "Inga insatser",
      knownToUnit: true,
      fixedCareContactStaffId: me.staffId,
    });

    // The ward sees who has acknowledged and the answers.
    const ward = await (await sanna()).case.get({ caseId: tolvanCase });
    expect(ward.stage).toBe("planering");
    const wardNotice = ward.messages.find((m) => m.kind === "inskrivningsmeddelande")!;
    expect(wardNotice.recipients.find((r) => r.unitName.startsWith("Bistånd"))?.acknowledgedBy).toBe("Berit Holm");
    expect(wardNotice.recipients.find((r) => r.unitName === "Vårdcentralen Fröslunda")?.acknowledgedAt).toBeNull();
    expect(ward.parties.find((p) => p.role === "vardcentral")?.fixedCareContact?.name).toBe("Fredrik Vall");
  });

  it("refuses a message to a unit outside the case", async () => {
    expect(
      (
        await refusal(
          send(
            await fredrik(),
            tolvanCase,
            "generellt",
            { subject: "Fråga", text: "Hej" },
            { recipientUnitIds: [(await t.db.select().from(schema.units).where(eq(schema.units.kind, "hemtjanstgrupp")).limit(1))[0]!.id] },
          ),
        )
      ).message,
    ).toMatch(/inte part/);
  });

  it("lets the ward add a party later, who then gets the admission notice", async () => {
    const options = await (await sanna()).case.partyOptions({ caseId: tolvanCase });
    const hsl = options.find((o) => o.kind === "hemsjukvard" && o.organisationName === "Eskilstuna kommun")!;
    await (await sanna()).case.addParty({ caseId: tolvanCase, unitId: hsl.id });
    expect((await refusal((await sanna()).case.addParty({ caseId: tolvanCase, unitId: hsl.id }))).code).toBe("CONFLICT");
    // The kommun may bring in its own home care too (the same unit again is a conflict), never a unit of the region (a vårdcentral).
    expect((await refusal((await berit()).case.addParty({ caseId: tolvanCase, unitId: hsl.id }))).code).toBe("CONFLICT");
    const vc = options.find((o) => o.kind === "vardcentral")!;
    expect((await refusal((await berit()).case.addParty({ caseId: tolvanCase, unitId: vc.id }))).code).toBe("BAD_REQUEST");
    const view = await (await sanna()).case.get({ caseId: tolvanCase });
    expect(view.parties.map((p) => p.role)).toContain("hemsjukvard");
    // The new party sees the case from the first message addressed to it: the admission notice.
    const karin = await as("karin.ek", "kommun");
    expect((await refusal(karin.case.get({ caseId: tolvanCase }))).code).toBe("NOT_FOUND");
    await send(await sanna(), tolvanCase, "inskrivningsmeddelande", { estimatedDischargeDate: view.estimatedDischargeDate }, { recipientUnitIds: [hsl.id] });
    expect((await karin.case.get({ caseId: tolvanCase })).reference).toBe(view.reference);
  });

  it("detects two people editing the planning basis at once", async () => {
    const base = (await (await sanna()).case.get({ caseId: tolvanCase })).planningVersion;
    await send(await sanna(), tolvanCase, "planeringsunderlag", { version: base + 1, needs: "Hjälp med dusch" }, { baseVersion: base });
    const r = await refusal(send(await sanna(), tolvanCase, "planeringsunderlag", { version: base + 1, needs: "Hjälp med mat" }, { baseVersion: base }));
    expect(r.code).toBe("CONFLICT");
    expect(r.message).toMatch(/ändrats av någon annan/);
  });

  it("sends a double-clicked message once", async () => {
    const view = await (await sanna()).case.get({ caseId: tolvanCase });
    const input = {
      caseId: tolvanCase,
      kind: "generellt" as const,
      payload: { subject: "Transport", text: "Taxi bokad" },
      recipientUnitIds: view.viewer.defaultRecipients.generellt ?? [],
      idempotencyKey: k(),
    };
    const [a, b] = await Promise.all([(await sanna()).case.sendMessage(input), (await sanna()).case.sendMessage(input)].map((p) => p.catch((e: unknown) => e)));
    const rows = await t.db
      .select()
      .from(schema.messages)
      .where(and(eq(schema.messages.caseId, tolvanCase), eq(schema.messages.idempotencyKey, input.idempotencyKey)));
    expect(rows).toHaveLength(1);
    expect([a, b].some((x) => !(x instanceof Error))).toBe(true);
  });

  it("keeps other municipalities and vårdcentraler out, and audits the refusal", async () => {
    const sofia = await as("sofia.lund", "kommun");
    expect(await refusal(sofia.case.get({ caseId: tolvanCase }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await sofia.case.list({})).rows.map((r) => r.caseId)).not.toContain(tolvanCase);
    const maria = await as("maria.lindqvist", "primarvard");
    expect(await refusal(maria.case.get({ caseId: tolvanCase }))).toMatchObject({ code: "NOT_FOUND" });
    const [denied] = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "case.read"), eq(schema.auditEvents.outcome, "denied")))
      .orderBy(desc(schema.auditEvents.id))
      .limit(1);
    expect(denied).toMatchObject({ entityId: tolvanCase, actorHsaId: castByKey("maria.lindqvist").employeeHsaId });
  });

  it("writes an audit row for every read and write of the case", async () => {
    const rows = await t.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.caseId, tolvanCase));
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ["case.create", "case.read", "case.send_message", "case.acknowledge"]) expect(actions.has(a), a).toBe(true);
    expect(rows.every((r) => r.category === "pdl" && r.patientId)).toBe(true);
  });

  it("hides what consent does not allow: the municipality sees only the basic data", async () => {
    const { caseId } = await openCase("195009072553");
    await send(await sanna(), caseId, "samtycke", {
      consents: [
        { kind: "informationsoverforing_kommun", given: false },
        { kind: "informationsoverforing_vardcentral", given: true },
      ],
    });
    await send(await sanna(), caseId, "inskrivningsmeddelande", { estimatedDischargeDate: new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10) });
    await send(await sanna(), caseId, "planeringsunderlag", { version: 1, needs: "Känslig planeringsinformation" }, { baseVersion: 0 });
    const view = await (await berit()).case.get({ caseId });
    expect(view.viewer.visibility.level).toBe("basic");
    expect(view.viewer.visibility.message).toMatch(/samtyck/i);
    expect(view.patient.name).toBe("Lennart Berglöf");
    expect(JSON.stringify(view.messages)).not.toContain("Känslig planeringsinformation");
    expect(view.estimatedDischargeDate).toBeTruthy();
    const vc = await (await fredrik()).case.get({ caseId }).catch(() => null);
    // Lennart is listed elsewhere; Fredrik's unit is not a party.
    expect(vc).toBeNull();
  });

  it("records 'kan inte ta ställning' and a representative's consent, and shows each party where consent stands", async () => {
    const { caseId } = await openCase("200001252386");
    await send(await sanna(), caseId, "samtycke", {
      consents: [
        { kind: "informationsoverforing_kommun", given: false, unable: true },
        { kind: "informationsoverforing_vardcentral", given: true },
        { kind: "npo", given: false, unable: true },
      ],
      representative: { kind: "god_man", name: "Anna Ek" },
      documentedNote: "Förordnandet omfattar att sörja för person",
    });
    await send(await sanna(), caseId, "inskrivningsmeddelande", { estimatedDischargeDate: new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10) });
    await send(await sanna(), caseId, "planeringsunderlag", { version: 1, needs: "Känslig planeringsinformation" }, { baseVersion: 0 });
    const ward = await (await sanna()).case.get({ caseId });
    expect(ward.consent.map((c) => [c.kind, c.state, c.representative?.name ?? null])).toEqual([
      ["informationsoverforing_kommun", "unable", null],
      ["informationsoverforing_vardcentral", "given", "Anna Ek"],
      ["npo", "unable", null],
      ["sip", "none", null],
    ]);
    const [row] = await t.db
      .select()
      .from(schema.consents)
      .where(and(eq(schema.consents.caseId, caseId), eq(schema.consents.kind, "informationsoverforing_vardcentral")));
    expect(row).toMatchObject({
      given: true,
      unable: false,
      representativeKind: "god_man",
      representativeName: "Anna Ek",
      note: "Förordnandet omfattar att sörja för person",
    });
    // The kommun: the patient cannot take a position on transfer to it and nobody consented for them.
    const kommun = await (await berit()).case.get({ caseId });
    expect(kommun.viewer.visibility.level).toBe("basic");
    expect(kommun.viewer.visibility.message).toMatch(/^Patienten kan inte ta ställning till informationsöverföring till kommunen/);
    expect(kommun.consent.map((c) => [c.kind, c.state])).toEqual([
      ["informationsoverforing_kommun", "unable"],
      ["npo", "unable"],
      ["sip", "none"],
    ]);
    expect(JSON.stringify(kommun.messages)).not.toContain("Känslig planeringsinformation");
    // A representative cannot consent to reading in NPÖ.
    expect(
      (
        await refusal(
          send(await sanna(), caseId, "samtycke", { consents: [{ kind: "npo", given: true }], representative: { kind: "forvaltare", name: "Bo Ek" } }),
        )
      ).message,
    ).toMatch(/NPÖ kräver patientens eget samtycke/);
  });

  it("takes the patient home: ready for discharge, kommunklar, discharge notice, closed", async () => {
    const parties = (await (await sanna()).case.get({ caseId: tolvanCase })).parties;
    await send(await sanna(), tolvanCase, "utskrivningsklar", { decidedAt: new Date().toISOString(), decidedBy: "Dr Lisa Läkare" });
    expect((await (await sanna()).case.get({ caseId: tolvanCase })).stage).toBe("utskrivningsklar");
    // The municipality's worklist shows the ready patient.
    expect((await (await berit()).case.list({ stage: "utskrivningsklar" })).rows.map((r) => r.caseId)).toContain(tolvanCase);
    await send(await berit(), tolvanCase, "kommunklar", { ready: true });
    // No SIP has been called though both the kommun and the vårdcentral are needed afterwards: the
    // form warns before the send, and the server refuses a send without a confirmation and a reason.
    const before = await (await sanna()).case.get({ caseId: tolvanCase });
    const warned = before.viewer.preflight.utskrivningsmeddelande ?? [];
    expect(warned.filter((w) => w.confirm).map((w) => w.text)).toEqual([expect.stringMatching(/^Ingen kallelse till SIP har skickats/)]);
    const discharge = { dischargedAt: new Date().toISOString(), dischargePlan: "Hem med hemtjänst", medicationList: "Alvedon 1 g vb" };
    const unconfirmed = await refusal(send(await sanna(), tolvanCase, "utskrivningsmeddelande", discharge));
    expect(unconfirmed.message).toMatch(
      /^Utskrivningsmeddelande har inte skickats: Ingen kallelse till SIP har skickats.*Bekräfta att du skickar ändå och ange skälet\.$/,
    );
    expect(
      (await refusal(send(await sanna(), tolvanCase, "utskrivningsmeddelande", discharge, { confirmation: { confirmed: true, reason: "  " } }))).message,
    ).toMatch(/har inte skickats/);
    const unchanged = await (await sanna()).case.get({ caseId: tolvanCase });
    expect(unchanged.stage).toBe("utskrivningsklar");
    expect(unchanged.messages.length).toBe(before.messages.length);
    await send(await sanna(), tolvanCase, "utskrivningsmeddelande", discharge, {
      confirmation: { confirmed: true, reason: "Vårdcentralen kallar till SIP i hemmet nästa vecka" },
    });
    const sent = await (await sanna()).case.get({ caseId: tolvanCase });
    expect(sent.stage).toBe("utskriven");
    expect(sent.messages.find((m) => m.kind === "utskrivningsmeddelande")?.sentDespite).toEqual({
      warnings: [warned.find((w) => w.confirm)!.text],
      reason: "Vårdcentralen kallar till SIP i hemmet nästa vecka",
    });
    // The written summary for the patient: the ward prints it; the print is audited.
    const { pdf } = await patientSummaryPdf(t.db, (await actorFor("sanna.sjoberg", "slutenvard"))!, tolvanCase);
    const text = flat((await extractPdf(pdf)).text);
    expect(text).toContain("Tolvan Tolvansson");
    expect(text).toContain("19121212-1212");
    expect(text).toContain("Fredrik Vall");
    expect(text).toContain("Alvedon 1 g vb");
    await expect(patientSummaryPdf(t.db, (await actorFor("berit.holm", "kommun"))!, tolvanCase)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await send(await sanna(), tolvanCase, "avslut", { reason: "utskriven_klar" });
    const closed = await (await sanna()).case.get({ caseId: tolvanCase });
    expect(closed.stage).toBe("avslutad");
    expect(closed.closedAt).toBeTruthy();
    expect(closed.viewer.canSend).toEqual([]);
    expect((await refusal(send(await berit(), tolvanCase, "generellt", { subject: "x", text: "y" }))).message).toMatch(/avslutat/);
    expect(parties.length).toBe(4);
    // A readmission opens a new case linked to the earlier one.
    const { prep, caseId } = await openCase("191212121212");
    expect(prep.previousCaseReference).toBeTruthy();
    const [row] = await t.db.select().from(schema.coordinationCases).where(eq(schema.coordinationCases.id, caseId));
    expect(row?.previousCaseId).toBe(tolvanCase);
  });
});
