import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { castByKey, type DemoKey } from "@vardkedjan/db/seed";
import { schema, and, eq, desc } from "@vardkedjan/db/client";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { extractPdf, flat } from "@vardkedjan/documents/testing/pdf-text";
import { renderCaseDocument } from "../../services/documents/outage-documents";
import { castCallers, openWardCase, type Caller, castActor } from "../../testing/callers";

/**
 * The phone log and the after-registration through the real procedures: what each party sees of
 * a logged call, the summary drafted per recipient, one winner when two register at once, and a
 * provisional case closed as wrongly created taking its items with it.
 */
describe("phone log visibility and after-registration", () => {
  let t: TestDatabase;
  let n = 0;
  const k = () => `ar-test-${++n}-${Date.now()}`;

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(() => t.close());

  const as = castCallers(() => ({ db: t.db, portalUrls: { slutenvard: "http://a", primarvard: "http://b", kommun: "http://c", forvaltning: "http://d" } }));
  const sanna = () => as("sanna.sjoberg", "slutenvard");
  const ulrika = () => as("ulrika.lind", "slutenvard");
  const berit = () => as("berit.holm", "kommun");
  const fredrik = () => as("fredrik.vall", "primarvard");
  const hans = () => as("hans.tjader", "kommun");
  const asa = () => as("asa.berg", "forvaltning");
  const actorFor = (who: DemoKey, portal: Portal) => castActor(t.db, who, portal);

  async function send(caller: Caller, caseId: string, kind: string, payload: Record<string, unknown>) {
    const view = await caller.case.get({ caseId });
    return caller.case.sendMessage({
      caseId,
      kind: kind as never,
      payload,
      recipientUnitIds: view.viewer.defaultRecipients[kind as never] ?? [],
      idempotencyKey: k(),
    });
  }
  const unitByHsa = async (hsaId: string) => (await t.db.select().from(schema.units).where(eq(schema.units.hsaId, hsaId)))[0]!;
  const declare = async () => (await (await asa()).outage.declare({ system: "journalsystem", scope: "region", idempotencyKey: k() })).outageId;
  const today = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

  it("a provisional case closed as wrongly created takes its open after-registration items with it", async () => {
    const outageId = await declare();
    const logged = await (
      await sanna()
    ).outage.logPhoneContact({
      form: {
        occurredAt: new Date().toISOString(),
        patientIdentifier: "19121212-1212",
        counterpartName: "Berit Holm",
        counterpartUnitText: "Biståndsenheten",
        steps: ["inskrivning"],
        direction: "lamnat",
        receiverConfirmed: true,
      },
      idempotencyKey: k(),
    });
    expect(logged.provisionalCaseCreated).toBe(true);
    await (await asa()).outage.end({ outageId });
    const before = await (await sanna()).outage.afterRegistration();
    expect(before.items.filter((i) => i.caseId === logged.caseId).map((i) => i.kind)).toEqual(["register_admission"]);

    await send(await sanna(), logged.caseId, "avslut", { reason: "makulerad" });
    const stored = await t.db.select().from(schema.afterRegistrationItems).where(eq(schema.afterRegistrationItems.caseId, logged.caseId));
    expect(stored.map((i) => i.status)).toEqual(["makulerad"]);
    const after = await (await sanna()).outage.afterRegistration();
    expect(after.items.filter((i) => i.caseId === logged.caseId)).toEqual([]);
    const voided = stored[0]!;
    const e = await (await sanna()).outage.registerAfterRegistration({ itemId: voided.id }).catch((x: TRPCError) => x);
    expect((e as TRPCError).code).toBe("CONFLICT");
  });

  let caseId = "";
  let outageId = "";
  const KOMMUN_COMMENT = "Patienten oroar sig för smärtan nattetid.";
  const HTJ_COMMENT = "Nyckeln finns i kodlådan vid dörren.";

  it("shows each party only what it may see of the calls: list, printed form and call guidance", async () => {
    ({ caseId } = await openWardCase(await sanna(), "191212121212", k()));
    // The patient refuses information transfer to the kommun; the vårdcentral may be told everything.
    await send(await sanna(), caseId, "samtycke", {
      consents: [
        { kind: "informationsoverforing_kommun", given: false },
        { kind: "informationsoverforing_vardcentral", given: true },
        { kind: "npo", given: true },
        { kind: "sip", given: true },
      ],
    });
    await send(await sanna(), caseId, "inskrivningsmeddelande", { estimatedDischargeDate: today(5) });
    const htj = await unitByHsa(castByKey("hans.tjader").intended[0]!.scopeHsaId);
    await (await sanna()).case.addParty({ caseId, unitId: htj.id });
    const kommunUnit = (await (await sanna()).case.get({ caseId })).parties.find((p) => p.role === "kommun")!;

    outageId = await declare();
    const log = async (counterpartUnitId: string, counterpartName: string, steps: string[], comment: string, extra: Record<string, unknown> = {}) =>
      (await sanna()).outage.logPhoneContact({
        form: {
          caseId,
          occurredAt: new Date().toISOString(),
          counterpartName,
          counterpartUnitId,
          steps,
          direction: "lamnat",
          receiverConfirmed: true,
          comment,
          ...extra,
        },
        idempotencyKey: k(),
      });
    await log(kommunUnit.unitId, "Berit Holm", ["beraknat_utskrivningsdatum"], KOMMUN_COMMENT, { estimatedDischargeDate: today(6) });
    await log(htj.id, "Hans Tjäder", ["utskrivningsklar"], HTJ_COMMENT);

    const ward = await (await sanna()).outage.phoneContacts({ caseId });
    expect(ward.map((c) => c.comment).sort()).toEqual([KOMMUN_COMMENT, HTJ_COMMENT].sort());

    // The kommun without consent: both calls, when and with whom, the estimated date (basic data), no comment.
    const kommun = await (await berit()).outage.phoneContacts({ caseId });
    expect(kommun).toHaveLength(2);
    expect(kommun.every((c) => c.comment === null && c.redacted)).toBe(true);
    expect(kommun.find((c) => c.counterpartName === "Berit Holm")).toMatchObject({
      steps: ["beraknat_utskrivningsdatum"],
      details: { estimatedDischargeDate: today(6) },
    });
    expect(JSON.stringify(kommun)).not.toMatch(/smärtan|kodlådan/);

    // Hemtjänst: only the call it took part in, and (the kommun side has no consent) without the comment.
    const hemtjanst = await (await hans()).outage.phoneContacts({ caseId });
    expect(hemtjanst.map((c) => c.counterpartName)).toEqual(["Hans Tjäder"]);
    expect(hemtjanst[0]!.comment).toBeNull();

    // The vårdcentral, with consent, reads every call.
    const vc = await (await fredrik()).outage.phoneContacts({ caseId });
    expect(vc.map((c) => c.comment).sort()).toEqual([KOMMUN_COMMENT, HTJ_COMMENT].sort());

    // The printed outage form of the case says the same.
    const kommunPdf = flat(
      (await extractPdf((await renderCaseDocument(t.db, await actorFor("berit.holm", "kommun"), caseId, "blankett-driftstorning.pdf")).pdf)).text,
    );
    expect(kommunPdf).toContain("Berit Holm");
    expect(kommunPdf).toContain("visas inte för din enhet");
    expect(kommunPdf).not.toMatch(/smärtan|kodlådan/);
    const wardPdf = flat(
      (await extractPdf((await renderCaseDocument(t.db, await actorFor("sanna.sjoberg", "slutenvard"), caseId, "blankett-driftstorning.pdf")).pdf)).text,
    );
    expect(wardPdf).toContain("smärtan");

    // The call guidance's checklist reads only the calls the viewer may know of.
    const hansGuidance = await (await hans()).outage.callGuidance({ caseId });
    expect(hansGuidance.outage).not.toBeNull();
  });

  it("drafts the summary per recipient, shows who receives what, and audits reading the list", async () => {
    await (await asa()).outage.end({ outageId });
    const list = await (await sanna()).outage.afterRegistration();
    const summary = list.items.find((i) => i.caseId === caseId && i.kind === "summary_message");
    expect(summary, JSON.stringify(list.items.map((i) => [i.kind, i.caseId]))).toBeTruthy();
    const groups = summary!.prefill.recipientGroups ?? [];
    expect(groups.map((g) => [g.recipientNames.length, g.restricted])).toEqual([
      [1, false],
      [1, true],
      [1, true],
    ]);
    expect(groups[0]!.text).toContain(KOMMUN_COMMENT);
    for (const g of groups.slice(1)) expect(g.text).not.toMatch(/smärtan|kodlådan/);
    const hemtjanstGroup = groups.find((g) => g.recipientNames.some((name) => /Hemtjänst/.test(name)))!;
    expect(hemtjanstGroup.text).not.toContain("Berit Holm");

    const [audit] = await t.db
      .select()
      .from(schema.auditEvents)
      .where(
        and(
          eq(schema.auditEvents.action, "case.list"),
          eq(schema.auditEvents.entityType, "after_registration"),
          eq(schema.auditEvents.actorName, "Sanna Sjöberg"),
        ),
      )
      .orderBy(desc(schema.auditEvents.at))
      .limit(1);
    expect(audit?.details).toMatchObject({ caseIds: expect.arrayContaining([caseId]) });
  });

  it("registers an item once when two people register it at the same time: the other is told who did", async () => {
    const list = await (await sanna()).outage.afterRegistration();
    const summary = list.items.find((i) => i.caseId === caseId && i.kind === "summary_message")!;
    const [a, b] = await Promise.allSettled([
      (await sanna()).outage.registerAfterRegistration({ itemId: summary.id }),
      (await ulrika()).outage.registerAfterRegistration({ itemId: summary.id }),
    ]);
    const won = [a, b].filter((r) => r.status === "fulfilled");
    const lost = [a, b].filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as TRPCError).code).toBe("CONFLICT");
    expect((lost[0]!.reason as TRPCError).message).toMatch(/^Posten är redan registrerad av (Sanna Sjöberg|Ulrika Lind)\.$/);

    // One message per recipient group, not two.
    const sent = await t.db
      .select()
      .from(schema.messages)
      .where(and(eq(schema.messages.caseId, caseId), eq(schema.messages.kind, "generellt")));
    expect(sent).toHaveLength(summary.prefill.recipientGroups!.length);
    const recipients = await t.db.select().from(schema.messageRecipients);
    const byMessage = new Map(sent.map((m) => [m.id, recipients.filter((r) => r.messageId === m.id).map((r) => r.unitId)]));
    for (const g of summary.prefill.recipientGroups!) {
      const message = sent.find((m) => (m.payload as { text?: string }).text === g.text);
      expect(byMessage.get(message!.id)).toEqual(g.recipientUnitIds);
    }
    // The same person again gets what they already have; the other a refusal naming the winner.
    const winner = won[0] === a ? await sanna() : await ulrika();
    await expect(winner.outage.registerAfterRegistration({ itemId: summary.id })).resolves.toMatchObject({ messageId: expect.any(String) });
  });
});
