import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { DEMO_HSA } from "@vardkedjan/db/seed";
import { schema, eq, and } from "@vardkedjan/db/client";
import { castCallers, openWardCase } from "../../testing/callers";
import { refusal } from "../../testing/refusal";

/** Home care in the loop: who brings which unit into a case, and what home care then sees. */
describe("home care in the case", () => {
  let t: TestDatabase;
  let key = 0;
  const k = () => `home-care-${++key}-${Date.now()}`;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(() => t.close());

  const as = castCallers(() => ({ db: t.db }));
  const sanna = () => as("sanna.sjoberg", "slutenvard");
  const berit = () => as("berit.holm", "kommun");
  const karin = () => as("karin.ek", "kommun");
  const hans = () => as("hans.tjader", "kommun");

  const unitId = async (hsaId: string) => (await t.db.select().from(schema.units).where(eq(schema.units.hsaId, hsaId)))[0]!.id;
  const soon = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

  let caseId = "";

  it("the ward opens the case and notifies the kommun; home care is not yet in it", async () => {
    ({ caseId } = await openWardCase(await sanna(), "191212121212", k()));
    const ward = await sanna();
    await ward.case.sendMessage({
      caseId,
      kind: "samtycke",
      payload: { consents: [{ kind: "informationsoverforing_kommun", given: true }] },
      recipientUnitIds: [],
      idempotencyKey: k(),
    });
    const view = await ward.case.get({ caseId });
    await ward.case.sendMessage({
      caseId,
      kind: "inskrivningsmeddelande",
      payload: { estimatedDischargeDate: soon(4) },
      recipientUnitIds: view.viewer.defaultRecipients.inskrivningsmeddelande ?? [],
      idempotencyKey: k(),
    });
    expect(await (await karin()).inbox.homeCare()).toEqual([]);
    expect(await (await hans()).inbox.homeCare()).toEqual([]);
  });

  it("offers the kommun only its own hemsjukvård and hemtjänst, grouped by organisation", async () => {
    const options = await (await berit()).case.partyOptions({ caseId });
    expect(options.length).toBeGreaterThan(0);
    expect(new Set(options.map((o) => o.organisationName))).toEqual(new Set(["Eskilstuna kommun"]));
    expect(new Set(options.map((o) => o.role))).toEqual(new Set(["hemsjukvard", "hemtjanst"]));
    // The ward is offered the region's and every kommun's receiving units.
    const wardOptions = await (await sanna()).case.partyOptions({ caseId });
    expect(new Set(wardOptions.map((o) => o.organisationName)).size).toBeGreaterThan(2);
  });

  it("refuses the kommun another kommun's home care and the region's units, changing nothing", async () => {
    const nykopingHemtjanst = (await t.db.select().from(schema.units).where(eq(schema.units.kind, "hemtjanstgrupp"))).find(
      (u) => !u.hsaId.startsWith("SE2120000357"),
    )!;
    const vc = await unitId(DEMO_HSA.vcFroslunda);
    expect(await refusal((await berit()).case.addParty({ caseId, unitId: nykopingHemtjanst.id }))).toMatchObject({ code: "BAD_REQUEST" });
    const r = await refusal(
      (await berit()).case.sendMessage({
        caseId,
        kind: "meddela_beslut",
        payload: { applied: [], decided: ["Hemtjänst"], bringInUnitIds: [vc] },
        recipientUnitIds: [],
        idempotencyKey: k(),
      }),
    );
    expect(r.message).toMatch(/hemsjukvård och hemtjänst/);
    const parties = await t.db.select().from(schema.caseParties).where(eq(schema.caseParties.caseId, caseId));
    expect(parties.map((p) => p.role).sort()).toEqual(["avdelning", "kommun", "vardcentral"]);
    // Hemtjänst and hemsjukvård themselves add nobody.
    expect((await refusal((await karin()).case.partyOptions({ caseId }))).code).toMatch(/FORBIDDEN|NOT_FOUND/);
  });

  it("Berit's decision brings in Karin's hemsjukvård and the hemtjänst group, which then see the case on their start pages", async () => {
    const hsv = await unitId(DEMO_HSA.eskilstunaHemsjukvard);
    const htj = await unitId(DEMO_HSA.eskilstunaHemtjanstFroslunda);
    const b = await berit();
    const view = await b.case.get({ caseId });
    await b.case.sendMessage({
      caseId,
      kind: "meddela_beslut",
      payload: { applied: [], decided: ["Hemtjänst morgon och kväll", "Hemsjukvård: såromläggning"], bringInUnitIds: [hsv, htj] },
      recipientUnitIds: view.viewer.defaultRecipients.meddela_beslut ?? [],
      idempotencyKey: k(),
    });
    const parties = await t.db.select().from(schema.caseParties).where(eq(schema.caseParties.caseId, caseId));
    expect(parties.map((p) => p.role).sort()).toEqual(["avdelning", "hemsjukvard", "hemtjanst", "kommun", "vardcentral"]);

    const karinStart = await (await karin()).inbox.homeCare();
    expect(karinStart).toHaveLength(1);
    expect(karinStart[0]).toMatchObject({ caseId, isNew: true, homeComing: soon(4), unacknowledged: 1 });
    const hansStart = await (await hans()).inbox.homeCare();
    expect(hansStart.map((c) => c.caseId)).toEqual([caseId]);
    // Hemtjänst sees the case and the date, never the decision's content (it is NPÖ-linked).
    expect(JSON.stringify(hansStart)).not.toContain("såromläggning");
    expect(await (await hans()).inbox.list({})).toMatchObject({ items: [] });
    const audit = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.caseId, caseId), eq(schema.auditEvents.entityType, "case_party")));
    expect(audit.length).toBe(2);
  });

  it("the ward's home-care assignment can bring in hemsjukvård, and Karin sees it as her assignment", async () => {
    const hsv = await unitId(DEMO_HSA.eskilstunaHemsjukvard);
    await (
      await sanna()
    ).case.sendMessage({
      caseId,
      kind: "uppdrag_hemsjukvard",
      payload: { tasks: "Såromläggning varannan dag", from: soon(4), bringInUnitIds: [hsv] },
      recipientUnitIds: [],
      idempotencyKey: k(),
    });
    const [row] = await (await karin()).inbox.homeCare();
    expect(row!.assignments).toMatchObject([{ tasks: "Såromläggning varannan dag", from: soon(4) }]);
    expect((await (await hans()).inbox.homeCare())[0]!.assignments).toEqual([]);
  });

  it("a message to a unit outside the case is refused as before", async () => {
    const other = (await t.db.select().from(schema.units).where(eq(schema.units.kind, "hemsjukvard"))).find((u) => u.hsaId !== DEMO_HSA.eskilstunaHemsjukvard)!;
    const r = await refusal(
      (await sanna()).case.sendMessage({
        caseId,
        kind: "generellt",
        payload: { subject: "Test", text: "Hej" },
        recipientUnitIds: [other.id],
        idempotencyKey: k(),
      }),
    );
    expect(r.message).toMatch(/inte part/);
  });

  it("the inbox lists the unit's unacknowledged messages newest first, keyset-paged, and an opened one leaves when acknowledged", async () => {
    const k1 = await karin();
    const first = await k1.inbox.list({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ caseId, kind: "uppdrag_hemsjukvard", patient: { name: "Tolvan Tolvansson" } });
    expect(first.next).not.toBeNull();
    const second = await k1.inbox.list({ limit: 1, after: first.next });
    expect(second.items.map((i) => i.kind)).toEqual(["meddela_beslut"]);
    expect(second.next).toBeNull();
    await k1.case.acknowledge({ caseId, messageId: first.items[0]!.messageId });
    expect((await k1.inbox.list({})).items.map((i) => i.kind)).toEqual(["meddela_beslut"]);
    const audit = await t.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityType, "inbox"));
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it("the inbox of a party without consent lists only what the case view would show it", async () => {
    const { caseId: other } = await openWardCase(await sanna(), "195009072553", k());
    const ward = await sanna();
    await ward.case.sendMessage({
      caseId: other,
      kind: "samtycke",
      payload: { consents: [{ kind: "informationsoverforing_kommun", given: false }] },
      recipientUnitIds: [],
      idempotencyKey: k(),
    });
    const view = await ward.case.get({ caseId: other });
    await ward.case.sendMessage({
      caseId: other,
      kind: "inskrivningsmeddelande",
      payload: { estimatedDischargeDate: soon(3) },
      recipientUnitIds: view.viewer.defaultRecipients.inskrivningsmeddelande ?? [],
      idempotencyKey: k(),
    });
    const kommun = view.parties.find((p) => p.role === "kommun")!.unitId;
    await ward.case.sendMessage({
      caseId: other,
      kind: "planeringsunderlag",
      payload: { version: 1, needs: "Känslig planering" },
      recipientUnitIds: [kommun],
      baseVersion: 0,
      idempotencyKey: k(),
    });
    const unacked = await t.db
      .select()
      .from(schema.messageRecipients)
      .innerJoin(schema.messages, eq(schema.messages.id, schema.messageRecipients.messageId))
      .where(and(eq(schema.messages.caseId, other), eq(schema.messageRecipients.unitId, kommun)));
    expect(unacked.map((r) => r.messages.kind).sort()).toEqual(["inskrivningsmeddelande", "planeringsunderlag"]);
    const inbox = await (await berit()).inbox.list({});
    const mine = inbox.items.filter((i) => i.caseId === other);
    expect(mine.map((i) => i.kind)).toEqual(["inskrivningsmeddelande"]);
    expect(JSON.stringify(inbox)).not.toContain("Känslig planering");
  });

  it("the inbox is refused in Förvaltning", async () => {
    const admin = await as("asa.berg", "forvaltning");
    expect((await refusal(admin.inbox.list({}))).code).toBe("FORBIDDEN");
  });
});
