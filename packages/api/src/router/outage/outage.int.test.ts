import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { castByKey, type DemoKey } from "@vardkedjan/db/seed";
import { schema, eq, and, sql } from "@vardkedjan/db/client";
import { LOA3, type Portal } from "@vardkedjan/domain/identity/types";
import { createTestMailServer, type TestMailServer } from "../../../../../apps/test-mail/src/server";
import { createCaller } from "../../root";
import { signIn } from "../../services/identity/sign-in";
import { loadSession, chooseContext } from "../../services/identity/session";
import { createSmtpMailer, type SmtpMailer } from "../../mail/mailer";
import { EventHub } from "../../realtime/hub";
import type { RealtimeEvent } from "../../realtime/events";
import { outageReportCsv } from "../../services/outage/overview";
import { declareOutage } from "../../services/outage/manage";
import { mailConfirmationRequests } from "../../services/contacts/confirmations";
import { demoActor } from "../../seed/actors";

/** Outage mode through the real procedures, a real SMTP server and PostgreSQL NOTIFY. */
describe("outage mode", () => {
  let t: TestDatabase;
  let mail: TestMailServer;
  let mailer: SmtpMailer;
  let hub: EventHub;
  const events: RealtimeEvent[] = [];
  const callers = new Map<string, ReturnType<typeof createCaller>>();
  let n = 0;
  const k = () => `outage-test-${++n}-${Date.now()}`;

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    mail = await createTestMailServer({ smtpPort: 0, host: "127.0.0.1" });
    mailer = createSmtpMailer({ url: mail.smtpUrl, from: "Vårdkedjan <noreply@vardkedjan.local>" });
    hub = new EventHub(t.url);
    hub.subscribe((e) => events.push(e));
    await hub.ready();
  });
  afterAll(async () => {
    await hub.close();
    mailer.close();
    await mail.close();
    await t.close();
  });

  async function as(who: DemoKey, portal: Portal) {
    const id = `${who}@${portal}`;
    if (!callers.has(id)) {
      const { loginSessionId } = await signIn(t.db, { portal, claims: { ...castByKey(who).claims, acr: LOA3 }, maxAgeSeconds: 3600 });
      let session = (await loadSession(t.db, loginSessionId, portal))!;
      if (!session.activeContext) {
        await chooseContext(t.db, session, session.contexts[0]!.id);
        session = (await loadSession(t.db, loginSessionId, portal))!;
      }
      callers.set(id, createCaller({ db: t.db, portal, session, expectedContextId: null, mailer, portalUrls: { slutenvard: "http://a", primarvard: "http://b", kommun: "http://c", forvaltning: "http://forvaltning.test" } }));
    }
    return callers.get(id)!;
  }
  const asa = () => as("asa.berg", "forvaltning");
  const sanna = () => as("sanna.sjoberg", "slutenvard");

  let outageId = "";

  it("refuses declaring to anyone but the region's system administrator", async () => {
    const e = await (await sanna()).outage.declare({ system: "journalsystem", scope: "region" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TRPCError);
    expect((e as TRPCError).code).toBe("FORBIDDEN");
  });

  it("declares a region outage: its pages switch, another region's do not, and the change is notified on commit", async () => {
    events.length = 0;
    const res = await (await asa()).outage.declare({ system: "journalsystem", systemDetail: "Cosmic", scope: "region", message: "Cosmic ligger nere. Följ reservrutinen." });
    outageId = res.outageId;
    expect((await (await sanna()).outage.current()).map((o) => o.id)).toEqual([outageId]);
    expect(await (await as("berit.holm", "kommun")).outage.current()).toHaveLength(1);
    expect(await (await as("emma.nordin", "slutenvard")).outage.current()).toEqual([]);
    await expect.poll(() => events.some((e) => e.type === "outage.changed" && e.outageId === outageId), { timeout: 2000 }).toBe(true);
    const [declared] = await t.db.select().from(schema.outageEvents).where(eq(schema.outageEvents.outageId, outageId));
    expect(declared).toMatchObject({ change: expect.objectContaining({ action: "startad" }) });
  });

  it("mails each kommun's representatives through SMTP, with no patient data, and shows confirmations live", async () => {
    // The router mails after commit without waiting; here the same service is awaited.
    const actor = await demoActor(t.db, "asa.berg", "forvaltning");
    const second = await declareOutage(t.db, actor, { system: "samordning", scope: "region" });
    await mailConfirmationRequests(t.db, mailer, second.confirmations, "http://andra.test", "samordningssystemet");
    const received = await mail.waitFor((m) => m.to.includes("tomas.wik@example.se") && m.text.includes("andra.test"), 5000);
    expect(received.subject).toMatch(/kontaktlistan/i);
    expect(received.text).toMatch(/Kontaktlista driftstörning/);
    expect(received.text).toMatch(/Eskilstuna kommun/);
    expect(received.text).not.toMatch(/\d{8}-?\d{4}/);
    const kommuner = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from organisations o where o.kind = 'kommun' and o.region_id = (select id from organisations where short_code = 'SRM')`);
    const status = await (await asa()).outage.confirmations({ outageId: second.outageId });
    expect(status).toHaveLength(kommuner.rows[0]!.n);
    expect(status.every((s) => s.sentAt && !s.respondedAt && !s.overdue)).toBe(true);

    const token = /[?&]t=([A-Za-z0-9_-]+)/.exec(received.text)![1]!;
    const tomas = await as("tomas.wik", "forvaltning");
    expect((await tomas.contacts.openConfirmation({ token })).organisationName).toBe("Eskilstuna kommun");
    const berit = await as("sofia.lund", "kommun");
    expect(await berit.contacts.answerConfirmation({ token, response: "bekraftad" }).catch((x: TRPCError) => x.code)).toBe("FORBIDDEN");
    await tomas.contacts.answerConfirmation({ token, response: "bekraftad" });
    const after = await (await asa()).outage.confirmations({ outageId: second.outageId });
    expect(after.find((s) => s.organisationName === "Eskilstuna kommun")).toMatchObject({ response: "bekraftad", respondedBy: "Tomas Wik" });
    await (await asa()).outage.end({ outageId: second.outageId });
  });

  it("limits a units outage to those units (and the units above them see it too)", async () => {
    const [avd12] = await t.db.select().from(schema.units).where(eq(schema.units.hsaId, "SE2321000032-MSEAVD12"));
    const { outageId: partial } = await (await asa()).outage.declare({ system: "integration", scope: "units", unitIds: [avd12!.id] });
    expect((await (await sanna()).outage.current()).map((o) => o.id)).toContain(partial);
    expect((await (await as("ulrika.lind", "slutenvard")).outage.current()).map((o) => o.id)).toContain(partial);
    expect((await (await as("berit.holm", "kommun")).outage.current()).map((o) => o.id)).not.toContain(partial);
    expect((await (await as("fredrik.vall", "primarvard")).outage.current()).map((o) => o.id)).not.toContain(partial);
    await (await asa()).outage.end({ outageId: partial });
    expect((await (await sanna()).outage.current()).map((o) => o.id)).not.toContain(partial);
  });

  it("logs phone contacts (opening a provisional case) and computes the after-registration list at the end, registered with the original times", async () => {
    // During the outage (declared above); registering comes later, with this time kept.
    const when = new Date();
    const logged = await (await sanna()).outage.logPhoneContact({
      form: {
        occurredAt: when.toISOString(),
        patientIdentifier: "19121212-1212",
        counterpartName: "Berit Holm",
        counterpartUnitText: "Biståndsenheten Eskilstuna",
        steps: ["inskrivning", "beraknat_utskrivningsdatum"],
        estimatedDischargeDate: new Date(Date.now() + 4 * 86400_000).toISOString().slice(0, 10),
        direction: "lamnat",
        receiverConfirmed: true,
      },
      idempotencyKey: k(),
    });
    expect(logged.provisionalCaseCreated).toBe(true);
    const bad = await (await sanna()).outage.logPhoneContact({ form: { steps: [], direction: "lamnat" }, idempotencyKey: k() }).catch((x: TRPCError) => x);
    expect((bad as TRPCError).code).toBe("BAD_REQUEST");
    expect((bad as TRPCError).message).toMatch(/[a-zåäö]/);

    await (await asa()).outage.end({ outageId });
    expect(await (await sanna()).outage.current()).toEqual([]);
    const list = await (await sanna()).outage.afterRegistration();
    const admission = list.items.find((i) => i.caseId === logged.caseId && i.kind === "register_admission");
    expect(admission, JSON.stringify(list.items.map((i) => [i.kind, i.title]))).toBeTruthy();
    expect(admission!.eventAt.getTime()).toBe(when.getTime());

    await (await sanna()).outage.registerAfterRegistration({ itemId: admission!.id });
    const [msg] = await t.db.select().from(schema.messages).where(and(eq(schema.messages.caseId, logged.caseId), eq(schema.messages.kind, "inskrivningsmeddelande")));
    expect(msg!.occurredAt.getTime()).toBe(when.getTime());
    expect(msg!.registeredAt.getTime()).toBeGreaterThan(when.getTime());
    expect(msg!.outageId).toBe(outageId);
    const again = await (await sanna()).outage.afterRegistration();
    expect(again.items.find((i) => i.id === admission!.id)).toMatchObject({ status: "klar", doneBy: "Sanna Sjöberg" });
  });

  it("exports the outage report as CSV without patient data", async () => {
    const csv = await outageReportCsv(t.db, await demoActor(t.db, "asa.berg", "forvaltning"), outageId);
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^Driftstörning;System;Start;Slut/);
    expect(lines.some((l) => l.includes("Avd 12 Medicin"))).toBe(true);
    expect(lines.at(-1)).toMatch(/Totalt/);
    expect(csv).not.toMatch(/Tolvan|19121212/);
  });
});
