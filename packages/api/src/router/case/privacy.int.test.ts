import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import type { DemoKey } from "@vardkedjan/db/seed";
import { schema, and, eq, desc, sql } from "@vardkedjan/db/client";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { resolveScopeUnitIds } from "../../services/workspace/scope";
import { castCallers, openWardCase, type Caller, castActor } from "../../testing/callers";
import { EventHub } from "../../realtime/hub";
import { eventStream } from "../../realtime/stream";
import type { RealtimeEvent } from "../../realtime/events";
import { refusal } from "../../testing/refusal";

/**
 * Privacy inside a case: who sees a case before it is notified, the kommun's consent statements,
 * another provider's open case, offered parties, live events, audit of searches, same-key races.
 */
describe("case privacy", () => {
  let t: TestDatabase;
  let hub: EventHub;
  const events: RealtimeEvent[] = [];
  let key = 0;
  const k = () => `privacy-key-${++key}-${Date.now()}`;

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

  const as = castCallers(() => ({ db: t.db }));
  const sanna = () => as("sanna.sjoberg", "slutenvard");
  const berit = () => as("berit.holm", "kommun");
  const fredrik = () => as("fredrik.vall", "primarvard");
  const actorFor = (who: DemoKey, portal: Portal) => castActor(t.db, who, portal);

  async function send(caller: Caller, caseId: string, kind: string, payload: Record<string, unknown>, extra: Record<string, unknown> = {}) {
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

  let caseId = "";
  let prepared: Awaited<ReturnType<Caller["case"]["prepare"]>>;

  it("creates one case for the same key sent concurrently, and every request gets that case", async () => {
    prepared = await (await sanna()).case.prepare({ identifier: "191212121212" });
    const input = {
      identifier: "191212121212",
      admittedAt: new Date(Date.now() - 2 * 3600_000),
      wardUnitId: prepared.options.wards[0]!.id,
      careType: "somatisk" as const,
      municipalityUnitId: prepared.proposed.municipalityUnitId,
      primaryCareUnitId: prepared.proposed.primaryCareUnitId,
      idempotencyKey: k(),
    };
    const ward = await sanna();
    const results = await Promise.all(Array.from({ length: 6 }, () => ward.case.create(input)));
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    const [patient] = await t.db.select().from(schema.patients).where(eq(schema.patients.identifier, "191212121212"));
    expect(await t.db.select().from(schema.coordinationCases).where(eq(schema.coordinationCases.patientId, patient!.id))).toHaveLength(1);
    caseId = results[0]!.caseId;
  });

  it("hides a case the ward has not notified from the proposed parties: list, page and overview", async () => {
    for (const caller of [await berit(), await fredrik()]) {
      expect((await caller.case.list({})).rows.map((r) => r.caseId)).not.toContain(caseId);
      expect((await caller.case.list({ search: "Tolvan" })).rows).toHaveLength(0);
      expect(await refusal(caller.case.get({ caseId }))).toMatchObject({ code: "NOT_FOUND" });
    }
    // Consent recorded at the ward is addressed to nobody: still hidden.
    await send(await sanna(), caseId, "samtycke", {
      consents: [
        { kind: "informationsoverforing_kommun", given: false },
        { kind: "informationsoverforing_vardcentral", given: true },
      ],
      source: "patient",
    });
    expect(await refusal((await berit()).case.get({ caseId }))).toMatchObject({ code: "NOT_FOUND" });
    // The ward side always sees it, the utskrivningsledare's hospital view too.
    expect((await (await sanna()).case.list({})).rows.map((r) => r.caseId)).toContain(caseId);
    expect((await (await as("ulrika.lind", "slutenvard")).case.get({ caseId })).id).toBe(caseId);
  });

  it("shows the case to each party from the first message addressed to it, and tells only them live", async () => {
    const view = await (await sanna()).case.get({ caseId });
    const kommun = view.parties.find((p) => p.role === "kommun")!.unitId;
    const vc = view.parties.find((p) => p.role === "vardcentral")!.unitId;
    const date = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
    events.length = 0;
    const sent = await send(await sanna(), caseId, "inskrivningsmeddelande", { estimatedDischargeDate: date }, { recipientUnitIds: [kommun] });
    expect((await (await berit()).case.list({})).rows.map((r) => r.caseId)).toContain(caseId);
    expect((await (await berit()).case.get({ caseId })).id).toBe(caseId);
    expect(await refusal((await fredrik()).case.get({ caseId }))).toMatchObject({ code: "NOT_FOUND" });
    await expect.poll(() => events.some((e) => e.type === "case.changed" && e.messageId === sent.messageId), { timeout: 5000 }).toBe(true);
    const event = events.find((e) => e.type === "case.changed" && e.messageId === sent.messageId) as Extract<RealtimeEvent, { type: "case.changed" }>;
    expect(event.unitIds).toContain(kommun);
    expect(event.unitIds).not.toContain(vc);

    await send(await sanna(), caseId, "inskrivningsmeddelande", { estimatedDischargeDate: date }, { recipientUnitIds: [vc] });
    expect((await (await fredrik()).case.get({ caseId })).id).toBe(caseId);
  });

  it("refuses the kommun's 'already held' consent over the patient's refusal, and consents not the kommun's, changing nothing", async () => {
    const before = await t.db.select().from(schema.consents).where(eq(schema.consents.caseId, caseId));
    const messagesBefore = await t.db.select().from(schema.messages).where(eq(schema.messages.caseId, caseId));
    const held = await refusal(send(await berit(), caseId, "samtycke", { consents: [], municipalityAlreadyHolds: ["informationsoverforing_kommun"] }));
    expect(held.message).toMatch(/^Patienten har sagt nej till informationsöverföring till kommunen\. .*gäller tills avdelningen dokumenterar/);
    const npo = await refusal(
      send(await berit(), caseId, "samtycke", { consents: [], municipalityAlreadyHolds: ["npo", "informationsoverforing_vardcentral"] }),
    );
    expect(npo.message).toMatch(/^Kommunen kan bara ange samtycken som kommunen själv har/);
    expect(await t.db.select().from(schema.consents).where(eq(schema.consents.caseId, caseId))).toHaveLength(before.length);
    expect(await t.db.select().from(schema.messages).where(eq(schema.messages.caseId, caseId))).toHaveLength(messagesBefore.length);
    expect((await (await berit()).case.get({ caseId })).viewer.visibility.level).toBe("basic");

    // A consent the kommun does hold is recorded, with who and the source.
    await send(await berit(), caseId, "samtycke", { consents: [], municipalityAlreadyHolds: ["sip"] });
    const [row] = await t.db.select().from(schema.consents).where(eq(schema.consents.caseId, caseId)).orderBy(desc(schema.consents.documentedAt)).limit(1);
    expect(row).toMatchObject({ kind: "sip", given: true, source: "befintligt" });
    const timeline = (await (await sanna()).case.get({ caseId })).messages.filter((m) => m.kind === "samtycke");
    expect(timeline.map((m) => [m.senderName, m.senderUnitName !== "", m.payload.source ?? m.payload.municipalityAlreadyHolds])).toEqual([
      ["Sanna Sjöberg", true, "patient"],
      ["Berit Holm", true, ["sip"]],
    ]);
  });

  it("returns the first message to every same-key send fired at once", async () => {
    const view = await (await sanna()).case.get({ caseId });
    const input = {
      caseId,
      kind: "generellt" as const,
      payload: { subject: "Transport", text: "Taxi bokad" },
      recipientUnitIds: view.viewer.defaultRecipients.generellt ?? [],
      idempotencyKey: k(),
    };
    const ward = await sanna();
    const results = await Promise.all(Array.from({ length: 6 }, () => ward.case.sendMessage(input)));
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    const rows = await t.db
      .select()
      .from(schema.messages)
      .where(and(eq(schema.messages.caseId, caseId), eq(schema.messages.idempotencyKey, input.idempotencyKey)));
    expect(rows).toHaveLength(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
  });

  it("adds only a unit the case offers as a party", async () => {
    const [elsewhere] = await t.db
      .execute<{ id: string }>(
        sql`
      select u.id from units u join organisations o on o.id = u.organisation_id
      where u.kind = 'bistandsenhet' and u.active and o.name <> 'Eskilstuna kommun'
        and coalesce(o.region_id, o.id) <> (select region_id from coordination_cases where id = ${caseId})
      limit 1`,
      )
      .then((r) => r.rows);
    expect(elsewhere, "a receiving unit of another region in the seed").toBeTruthy();
    const offered = await (await sanna()).case.partyOptions({ caseId });
    expect(offered.map((o) => o.id)).not.toContain(elsewhere!.id);
    const r = await refusal((await sanna()).case.addParty({ caseId, unitId: elsewhere!.id }));
    expect(r).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Enheten kan inte läggas till i det här ärendet/) });
    expect(
      await t.db
        .select()
        .from(schema.caseParties)
        .where(and(eq(schema.caseParties.caseId, caseId), eq(schema.caseParties.unitId, elsewhere!.id))),
    ).toHaveLength(0);
  });

  it("tells hemtjänst live only of messages it may see", async () => {
    const offered = await (await sanna()).case.partyOptions({ caseId });
    const hans = await actorFor("hans.tjader", "kommun");
    const hansScope = await resolveScopeUnitIds(t.db, hans.context);
    const htj = offered.find((o) => hansScope.includes(o.id))!;
    expect(htj, "Hans's hemtjänst group is offered").toBeTruthy();
    await (await sanna()).case.addParty({ caseId, unitId: htj.id });
    const view = await (await sanna()).case.get({ caseId });
    const kommun = view.parties.find((p) => p.role === "kommun")!.unitId;
    const notice = await send(
      await sanna(),
      caseId,
      "inskrivningsmeddelande",
      { estimatedDischargeDate: view.estimatedDischargeDate },
      { recipientUnitIds: [htj.id] },
    );
    // Let the notice's own event pass before Hans's page starts listening.
    await expect.poll(() => events.some((e) => e.type === "case.changed" && e.messageId === notice.messageId), { timeout: 5000 }).toBe(true);

    const abort = new AbortController();
    const reader = eventStream(hub, hans, hansScope, null, abort.signal).getReader();
    await send(await sanna(), caseId, "generellt", { subject: "Till kommunen", text: "Bara till biståndshandläggaren" }, { recipientUnitIds: [kommun] });
    await send(
      await sanna(),
      caseId,
      "planeringsunderlag",
      { version: view.planningVersion + 1, needs: "Hjälp med dusch" },
      { recipientUnitIds: [kommun, htj.id] },
    );
    await send(await sanna(), caseId, "andrat_utskrivningsdatum", { estimatedDischargeDate: view.estimatedDischargeDate }, { recipientUnitIds: [htj.id] });
    const decoder = new TextDecoder();
    let text = "";
    while (!/event: case/.test(text)) text += decoder.decode((await reader.read()).value);
    abort.abort();
    // The first case event Hans's page hears of is the one addressed to his group.
    expect(/event: case\ndata: (.*)\n/.exec(text)?.[1]).toBe(JSON.stringify({ caseId, kind: "andrat_utskrivningsdatum" }));
  });

  it("says only that another provider has an open case: no reference, id or unit, and audits the check", async () => {
    // A patient with an open case at a ward in Region Västernorrland.
    const identifier = "199002222397";
    await openWardCase(await as("emma.nordin", "slutenvard"), identifier, k());
    const prep = await (await sanna()).case.prepare({ identifier });
    expect(prep.openCase).toBeNull();
    expect(prep.previousCaseReference).toBeNull();
    expect(prep.openCaseElsewhere).toMatch(/^Patienten har redan ett pågående samordningsärende hos en annan vårdenhet eller vårdgivare\. .*överflyttning/);
    const [other] = await t.db
      .select({ id: schema.coordinationCases.id, reference: schema.coordinationCases.reference })
      .from(schema.coordinationCases)
      .innerJoin(schema.patients, eq(schema.patients.id, schema.coordinationCases.patientId))
      .where(eq(schema.patients.identifier, identifier));
    expect(JSON.stringify(prep)).not.toContain(other!.reference);
    expect(JSON.stringify(prep)).not.toContain(other!.id);

    const r = await refusal(
      (await sanna()).case.create({
        identifier,
        admittedAt: new Date(Date.now() - 3600_000),
        wardUnitId: prep.options.wards[0]!.id,
        careType: "somatisk",
        municipalityUnitId: null,
        primaryCareUnitId: null,
        idempotencyKey: k(),
      }),
    );
    expect(r.code).toBe("CONFLICT");
    expect(r.message).toMatch(/hos en annan vårdenhet eller vårdgivare/);
    expect(r.message).not.toContain(other!.reference);

    const sannaActor = await actorFor("sanna.sjoberg", "slutenvard");
    const audits = await t.db
      .select()
      .from(schema.auditEvents)
      .where(
        and(
          eq(schema.auditEvents.actorStaffId, sannaActor.staffId),
          eq(schema.auditEvents.entityType, "open_case_check"),
          eq(schema.auditEvents.caseId, other!.id),
        ),
      );
    expect(audits.length).toBeGreaterThanOrEqual(2);
    expect(audits.every((a) => a.outcome === "denied")).toBe(true);
  });

  it("audits searches without hits, with what was searched for", async () => {
    const sannaActor = await actorFor("sanna.sjoberg", "slutenvard");
    const list = await (await sanna()).case.list({ search: "Ingen Sådan Patient" });
    expect(list.rows).toHaveLength(0);
    const [listed] = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.actorStaffId, sannaActor.staffId), eq(schema.auditEvents.action, "case.list")))
      .orderBy(desc(schema.auditEvents.at))
      .limit(1);
    expect(listed?.details).toMatchObject({ caseIds: [], search: "Ingen Sådan Patient" });

    await (await sanna()).case.prepare({ identifier: "19121212-1212" });
    const [lookup] = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.actorStaffId, sannaActor.staffId), eq(schema.auditEvents.action, "patient.lookup")))
      .orderBy(desc(schema.auditEvents.at))
      .limit(1);
    expect(lookup?.details).toMatchObject({ searched: "191212121212" });
  });
});
