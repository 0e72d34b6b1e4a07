import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, and, eq } from "@vardkedjan/db/client";
import { castCallers, openWardCase, type Caller } from "../../testing/callers";
import { type AppError } from "../../errors";

/**
 * Possible duplicates through the real procedures: a step phoned during the outage whose message
 * was sent just before it is listed flagged, is refused without the user's choice, and is
 * dismissed ("Makulera") with who, when, why and an audit row; a message registered by another
 * unit after the list was made is caught at registration time.
 */
describe("after-registration: possible duplicates", () => {
  let t: TestDatabase;
  let n = 0;
  const k = () => `dup-test-${++n}-${Date.now()}`;

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(() => t.close());

  const as = castCallers(() => ({ db: t.db }));
  const sanna = () => as("sanna.sjoberg", "slutenvard");
  const fredrik = () => as("fredrik.vall", "primarvard");
  const asa = () => as("asa.berg", "forvaltning");
  const fail = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e as TRPCError,
    );

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

  let caseId = "";
  let noticeId = "";
  const meetingAt = new Date(Date.now() + 7 * 86400_000);
  meetingAt.setUTCSeconds(0, 0);

  it("lists a phoned admission whose notice was sent just before the outage as a possible duplicate of it", async () => {
    ({ caseId } = await openWardCase(await sanna(), "191212121212", k()));
    await send(await sanna(), caseId, "samtycke", {
      consents: ["informationsoverforing_kommun", "informationsoverforing_vardcentral", "npo", "sip"].map((kind) => ({ kind, given: true })),
    });
    noticeId = (
      await send(await sanna(), caseId, "inskrivningsmeddelande", { estimatedDischargeDate: new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10) })
    ).messageId;
    const parties = (await (await sanna()).case.get({ caseId })).parties;
    const vc = parties.find((p) => p.role === "vardcentral")!;

    // The system goes down right after; the ward phones the admission, and a SIP date with the vårdcentral.
    const { outageId } = await (await asa()).outage.declare({ system: "samordning", scope: "region", idempotencyKey: k() });
    const log = (form: Record<string, unknown>) =>
      sanna().then((c) =>
        c.outage.logPhoneContact({
          form: {
            caseId,
            occurredAt: new Date().toISOString(),
            direction: "lamnat",
            receiverConfirmed: true,
            counterpartName: "Fredrik Vall",
            counterpartUnitId: vc.unitId,
            ...form,
          },
          idempotencyKey: k(),
        }),
      );
    await log({ steps: ["inskrivning"] });
    await log({ steps: ["sip_datum"], sipAt: meetingAt.toISOString() });
    await (await asa()).outage.end({ outageId });

    const list = await (await sanna()).outage.afterRegistration();
    const admission = list.items.find((i) => i.caseId === caseId && i.kind === "register_admission");
    expect(admission?.status).toBe("att_gora");
    expect(admission?.prefill.possibleDuplicate).toMatchObject({ messageId: noticeId, kind: "inskrivningsmeddelande", senderUnitName: expect.any(String) });
    expect(admission?.prefill.notes[0]).toMatch(/^Möjlig dubblett: inskrivningsmeddelande finns redan i ärendet/);
    const sip = list.items.find((i) => i.caseId === caseId && i.kind === "formal_sip_call");
    expect(sip?.prefill.possibleDuplicate).toBeUndefined();
  });

  it("refuses registering it without the user's choice, in Swedish, and changes nothing", async () => {
    const admission = (await (await sanna()).outage.afterRegistration()).items.find((i) => i.caseId === caseId && i.kind === "register_admission")!;
    const e = await fail((await sanna()).outage.registerAfterRegistration({ itemId: admission.id }));
    expect(e?.code).toBe("CONFLICT");
    expect(e?.message).toMatch(
      /^Meddelandet ”Inskrivningsmeddelande” är redan registrerat av .+ \d{4}-\d{2}-\d{2} \d{2}:\d{2}; makulera posten eller registrera ändå\.$/,
    );
    const notices = await t.db
      .select()
      .from(schema.messages)
      .where(and(eq(schema.messages.caseId, caseId), eq(schema.messages.kind, "inskrivningsmeddelande")));
    expect(notices).toHaveLength(1);
  });

  it("makulera: a reason is required; then the item is dismissed with who, when and why, audited, and counts as handled", async () => {
    const before = await (await sanna()).outage.afterRegistration();
    const admission = before.items.find((i) => i.caseId === caseId && i.kind === "register_admission")!;
    const pendingBefore = before.progress.find((p) => p.unitId === admission.unitId)!;

    const blank = await fail((await sanna()).outage.voidAfterRegistration({ itemId: admission.id, reason: "   " }));
    expect(blank?.code).toBe("BAD_REQUEST");
    expect((blank?.cause as AppError).userMessage).toBe("Ange varför posten makuleras.");
    const [unchanged] = await t.db.select().from(schema.afterRegistrationItems).where(eq(schema.afterRegistrationItems.id, admission.id));
    expect(unchanged?.status).toBe("att_gora");

    // Only a possible duplicate may be dismissed: the summary is registered as the routine says.
    const summary = before.items.find((i) => i.caseId === caseId && i.kind === "summary_message")!;
    const notDuplicate = await fail((await sanna()).outage.voidAfterRegistration({ itemId: summary.id, reason: "Behövs inte" }));
    expect((notDuplicate?.cause as AppError).userMessage).toBe("Bara en möjlig dubblett kan makuleras: registrera posten.");

    await (await sanna()).outage.voidAfterRegistration({ itemId: admission.id, reason: "Samma inskrivning som skickades före driftstörningen" });
    const [stored] = await t.db.select().from(schema.afterRegistrationItems).where(eq(schema.afterRegistrationItems.id, admission.id));
    expect(stored).toMatchObject({ status: "makulerad", voidReason: "Samma inskrivning som skickades före driftstörningen", resultMessageId: null });
    expect(stored?.doneAt).toBeInstanceOf(Date);
    const [audit] = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityType, "after_registration_item"), eq(schema.auditEvents.entityId, admission.id)));
    expect(audit).toMatchObject({ action: "case.after_register", actorName: "Sanna Sjöberg", outcome: "success" });
    expect(audit?.details).toMatchObject({ outcome: "makulerad", duplicateOf: noticeId });
    // The item names its patient through its case: the audit row names the case's patient.
    const [kase] = await t.db.select().from(schema.coordinationCases).where(eq(schema.coordinationCases.id, caseId));
    expect(audit?.patientId).toBe(kase!.patientId);
    expect(JSON.stringify(audit?.details)).not.toContain("Samma inskrivning");

    const after = await (await sanna()).outage.afterRegistration();
    const shown = after.items.find((i) => i.id === admission.id);
    expect(shown).toMatchObject({ status: "makulerad", doneBy: "Sanna Sjöberg", voidReason: "Samma inskrivning som skickades före driftstörningen" });
    const progress = after.progress.find((p) => p.unitId === admission.unitId)!;
    expect(progress.total).toBe(pendingBefore.total);
    expect(progress.pending).toBe(pendingBefore.pending - 1);
    expect(progress.byKind.register_admission).toEqual({ total: 1, done: 1 });
    // Not registrable any more, and still one admission notice.
    expect((await fail((await sanna()).outage.registerAfterRegistration({ itemId: admission.id, registerAnyway: true })))?.code).toBe("CONFLICT");
    expect(
      await t.db
        .select()
        .from(schema.messages)
        .where(and(eq(schema.messages.caseId, caseId), eq(schema.messages.kind, "inskrivningsmeddelande"))),
    ).toHaveLength(1);
  });

  it("catches at registration a kallelse another unit sent after the list was made; 'Registrera ändå' registers it", async () => {
    await send(await fredrik(), caseId, "kallelse_sip", {
      meetingAt: meetingAt.toISOString(),
      place: "Vårdcentralen",
      video: false,
      participants: ["Fredrik Vall"],
      consentStatus: "given",
    });
    const sip = (await (await sanna()).outage.afterRegistration()).items.find((i) => i.caseId === caseId && i.kind === "formal_sip_call")!;
    const payload = { place: "Avdelningen", participants: ["Sanna Sjöberg"] };
    const e = await fail((await sanna()).outage.registerAfterRegistration({ itemId: sip.id, payload }));
    expect(e?.code).toBe("CONFLICT");
    expect(e?.message).toMatch(/^Meddelandet ”Kallelse till SIP” är redan registrerat av .+; makulera posten eller registrera ändå\.$/);
    const kallelser = () =>
      t.db
        .select()
        .from(schema.messages)
        .where(and(eq(schema.messages.caseId, caseId), eq(schema.messages.kind, "kallelse_sip")));
    expect(await kallelser()).toHaveLength(1);

    await (await sanna()).outage.registerAfterRegistration({ itemId: sip.id, payload, registerAnyway: true });
    expect(await kallelser()).toHaveLength(2);
  });
});
