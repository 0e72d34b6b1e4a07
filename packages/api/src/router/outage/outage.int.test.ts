import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, eq, and, inArray, sql } from "@vardkedjan/db/client";
import { createTestMailServer, type TestMailServer } from "../../../../../apps/test-mail/src/server";
import { castCallers } from "../../testing/callers";
import { createSmtpMailer, type SmtpMailer } from "../../mail/mailer";
import { EventHub } from "../../realtime/hub";
import type { RealtimeEvent } from "../../realtime/events";
import { outageReportCsv } from "../../services/outage/overview";
import { declareOutage } from "../../services/outage/manage";
import { requestDueConfirmations } from "../../services/outage/contact-mail";
import { CONFIRMATION_AFTER_MINUTES } from "@vardkedjan/domain/outage/contact-confirmation";
import { demoActor } from "../../seed/actors";
import { AppError } from "../../errors";

/** Outage mode through the real procedures, a real SMTP server and PostgreSQL NOTIFY. */
describe("outage mode", () => {
  let t: TestDatabase;
  let mail: TestMailServer;
  let mailer: SmtpMailer;
  let hub: EventHub;
  const events: RealtimeEvent[] = [];
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

  const as = castCallers(() => ({
    db: t.db,
    mailer,
    portalUrls: { slutenvard: "http://a", primarvard: "http://b", kommun: "http://c", forvaltning: "http://forvaltning.test" },
  }));
  const asa = () => as("asa.berg", "forvaltning");
  const sanna = () => as("sanna.sjoberg", "slutenvard");

  let outageId = "";

  it("refuses declaring to anyone but the region's system administrator", async () => {
    const e = await (await sanna()).outage.declare({ system: "journalsystem", scope: "region", idempotencyKey: k() }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TRPCError);
    expect((e as TRPCError).code).toBe("FORBIDDEN");
  });

  it("declares a region outage: its pages switch, another region's do not, and the change is notified on commit", async () => {
    events.length = 0;
    const res = await (
      await asa()
    ).outage.declare({
      system: "journalsystem",
      systemDetail: "Cosmic",
      scope: "region",
      message: "Cosmic ligger nere. Följ reservrutinen.",
      idempotencyKey: k(),
    });
    outageId = res.outageId;
    expect((await (await sanna()).outage.current()).map((o) => o.id)).toEqual([outageId]);
    expect(await (await as("berit.holm", "kommun")).outage.current()).toHaveLength(1);
    expect(await (await as("emma.nordin", "slutenvard")).outage.current()).toEqual([]);
    await expect.poll(() => events.some((e) => e.type === "outage.changed" && e.outageId === outageId), { timeout: 15_000 }).toBe(true);
    const [declared] = await t.db.select().from(schema.outageEvents).where(eq(schema.outageEvents.outageId, outageId));
    expect(declared).toMatchObject({ change: expect.objectContaining({ action: "startad" }) });
  });

  it("asks each kommun's representatives by mail only for an outage the routine covers, once, with no patient data, and tells them when it is over", async () => {
    const actor = await demoActor(t.db, "asa.berg", "forvaltning");
    const [avd12] = await t.db.select().from(schema.units).where(eq(schema.units.hsaId, "SE2321000032-MSEAVD12"));
    // Two days back, so that the outage the earlier tests keep going is not yet due at these times.
    const started = new Date(Date.now() - 2 * 86400_000);
    const minutes = (m: number) => new Date(started.getTime() + m * 60_000);
    const second = await declareOutage(t.db, actor, { system: "samordning", scope: "region", idempotencyKey: k() }, started);
    // The answer says from when the routine covers it (Sörmland: at once, but not before the product's minimum).
    expect(second.confirmationFrom).toEqual(minutes(CONFIRMATION_AFTER_MINUTES));
    // Some units, or a kind of outage Sörmland's routine does not describe: never asked.
    const units = await declareOutage(t.db, actor, { system: "samordning", scope: "units", unitIds: [avd12!.id], idempotencyKey: k() }, started);
    const login = await declareOutage(t.db, actor, { system: "inloggning", scope: "region", idempotencyKey: k() }, started);
    expect([units.confirmationFrom, login.confirmationFrom]).toEqual([null, null]);

    // A minute in (a test, a blip): nothing. Past the point: one request per kommun, mailed, once.
    expect(await requestDueConfirmations(t.db, mailer, "http://andra.test", minutes(1))).toBe(0);
    const asked = await requestDueConfirmations(t.db, mailer, "http://andra.test", minutes(CONFIRMATION_AFTER_MINUTES + 1));
    expect(asked).toBeGreaterThan(0);
    expect(await requestDueConfirmations(t.db, mailer, "http://andra.test", minutes(CONFIRMATION_AFTER_MINUTES + 2))).toBe(0);
    const requested = await t.db
      .select({ outageId: schema.contactConfirmations.outageId })
      .from(schema.contactConfirmations)
      .where(inArray(schema.contactConfirmations.outageId, [second.outageId, units.outageId, login.outageId]));
    expect(requested.length).toBe(asked);
    expect(new Set(requested.map((r) => r.outageId))).toEqual(new Set([second.outageId]));

    const received = await mail.waitFor((m) => m.to.includes("tomas.wik@example.se") && m.text.includes("andra.test"), 5000);
    expect(received.subject).toMatch(/kontaktlistan/i);
    expect(received.text).toMatch(/Kontaktlista driftstörning/);
    expect(received.text).toMatch(/Eskilstuna kommun/);
    expect(received.text).not.toMatch(/\d{8}-?\d{4}/);
    const kommuner = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from organisations o where o.kind = 'kommun' and o.region_id = (select id from organisations where short_code = 'SRM')`,
    );
    const status = await (await asa()).outage.confirmations({ outageId: second.outageId });
    expect(status).toHaveLength(kommuner.rows[0]!.n);
    // Asked two days back with six hours to answer: late by now, while the outage goes on.
    expect(status.every((s) => s.sentAt && !s.respondedAt && s.state === "forsenad")).toBe(true);

    const token = /[?&]t=([A-Za-z0-9_-]+)/.exec(received.text)![1]!;
    const tomas = await as("tomas.wik", "forvaltning");
    expect((await tomas.contacts.openConfirmation({ token })).organisationName).toBe("Eskilstuna kommun");
    const berit = await as("sofia.lund", "kommun");
    expect(await berit.contacts.answerConfirmation({ token, response: "bekraftad" }).catch((x: TRPCError) => x.code)).toBe("FORBIDDEN");
    await tomas.contacts.answerConfirmation({ token, response: "bekraftad" });
    const after = await (await asa()).outage.confirmations({ outageId: second.outageId });
    expect(after.find((s) => s.organisationName === "Eskilstuna kommun")).toMatchObject({ response: "bekraftad", respondedBy: "Tomas Wik", state: "besvarad" });

    // The end: the kommuner that were asked hear that the outage is over; nobody waits for an answer any more.
    mail.clear();
    for (const o of [second, units, login]) await (await asa()).outage.end({ outageId: o.outageId });
    const allClear = await mail.waitFor((m) => m.to.includes("tomas.wik@example.se") && /Driften är återställd/.test(m.subject), 5000);
    expect(allClear.text).toContain("Eskilstuna kommun");
    expect(allClear.text).toContain("Det här meddelandet innehåller inga patientuppgifter.");
    expect(allClear.text).not.toMatch(/\d{8}-?\d{4}/);
    const reps = await t.db.execute<{ n: number }>(sql`
      select count(*)::int as n from contact_representatives r join contact_confirmations c on c.organisation_id = r.organisation_id
      where c.outage_id = ${second.outageId} and r.active`);
    await vi.waitFor(() => expect(mail.messages()).toHaveLength(reps.rows[0]!.n), { timeout: 5000 });
    // Only for the outage whose kommuner were asked: the other two sent nothing.
    expect(mail.messages().every((m) => /Driften är återställd/.test(m.subject))).toBe(true);
    const ended = await (await asa()).outage.confirmations({ outageId: second.outageId });
    expect(ended.filter((s) => s.organisationName !== "Eskilstuna kommun").every((s) => s.state === "obesvarad")).toBe(true);
    // Ended: no new requests, whatever the time.
    expect(await requestDueConfirmations(t.db, mailer, "http://andra.test", minutes(600))).toBe(0);
  });

  it("answers the banner's refetch from the process's cache, and the new outage as soon as its event is heard", async () => {
    const cached = castCallers(() => ({ db: t.db, mailer, outageCache: hub.outages }));
    const berit = await cached("berit.holm", "kommun");
    const before = (await berit.outage.current()).map((o) => o.id);
    events.length = 0;
    const actor = await demoActor(t.db, "asa.berg", "forvaltning");
    const { outageId: added } = await declareOutage(t.db, actor, { system: "journalsystem", scope: "region", idempotencyKey: k() });
    await expect.poll(() => events.some((e) => e.type === "outage.changed" && e.outageId === added), { timeout: 15_000 }).toBe(true);
    // What a page does on the event: refetch; the cached answer from before must not come back.
    expect((await berit.outage.current()).map((o) => o.id)).toEqual([...before, added]);
    events.length = 0;
    await (await asa()).outage.end({ outageId: added });
    await expect.poll(() => events.some((e) => e.type === "outage.changed" && e.outageId === added), { timeout: 15_000 }).toBe(true);
    expect((await berit.outage.current()).map((o) => o.id)).toEqual(before);
  });

  it("limits a units outage to those units (and the units above them see it too)", async () => {
    const [avd12] = await t.db.select().from(schema.units).where(eq(schema.units.hsaId, "SE2321000032-MSEAVD12"));
    const { outageId: partial } = await (await asa()).outage.declare({ system: "integration", scope: "units", unitIds: [avd12!.id], idempotencyKey: k() });
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
    const logged = await (
      await sanna()
    ).outage.logPhoneContact({
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
    const [msg] = await t.db
      .select()
      .from(schema.messages)
      .where(and(eq(schema.messages.caseId, logged.caseId), eq(schema.messages.kind, "inskrivningsmeddelande")));
    expect(msg!.occurredAt.getTime()).toBe(when.getTime());
    expect(msg!.registeredAt.getTime()).toBeGreaterThan(when.getTime());
    expect(msg!.outageId).toBe(outageId);
    const again = await (await sanna()).outage.afterRegistration();
    expect(again.items.find((i) => i.id === admission!.id)).toMatchObject({ status: "klar", doneBy: "Sanna Sjöberg" });
  });

  it("exports the outage report as CSV without patient data", async () => {
    const csv = await outageReportCsv(t.db, await demoActor(t.db, "asa.berg", "forvaltning"), outageId);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Driftstörning;System;Start;Slut/);
    expect(lines.some((l) => l.includes("Avd 12 Medicin"))).toBe(true);
    expect(lines.at(-1)).toMatch(/Totalt/);
    expect(csv).not.toMatch(/Tolvan|19121212/);
  });

  it("refuses the outage report CSV to everyone but administrators", async () => {
    for (const [key, portal] of [
      ["sanna.sjoberg", "slutenvard"],
      ["ulrika.lind", "slutenvard"],
      ["berit.holm", "kommun"],
      ["gunilla.rask", "kommun"],
    ] as const) {
      const e = await outageReportCsv(t.db, await demoActor(t.db, key, portal), outageId).catch((x: unknown) => x);
      expect(e, key).toBeInstanceOf(AppError);
      expect((e as AppError).code, key).toBe("FORBIDDEN");
    }
  });

  /** The outages and 'startad' events stored for one declare key. */
  async function declaredWith(key: string) {
    const rows = await t.db.select({ id: schema.outages.id }).from(schema.outages).where(eq(schema.outages.idempotencyKey, key));
    const started = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from outage_events e join outages o on o.id = e.outage_id where o.idempotency_key = ${key} and e.change->>'action' = 'startad'`,
    );
    const confirmations = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from contact_confirmations c join outages o on o.id = c.outage_id where o.idempotency_key = ${key}`,
    );
    return { ids: rows.map((r) => r.id), started: started.rows[0]!.n, confirmations: confirmations.rows[0]!.n };
  }

  it("declares once for a replayed key: the same outage back, one 'startad' event, and no contact-list requests made at declaration", async () => {
    const key = k();
    const input = { system: "journalsystem" as const, scope: "region" as const, message: "Dubbelklick", idempotencyKey: key };
    const first = await (await asa()).outage.declare(input);
    const replay = await (await asa()).outage.declare(input);
    expect(replay.outageId).toBe(first.outageId);
    expect(await declaredWith(key)).toEqual({ ids: [first.outageId], started: 1, confirmations: 0 });
    await (await asa()).outage.end({ outageId: first.outageId });
    // Even after the end, a late retry returns the same outage and starts nothing.
    expect((await (await asa()).outage.declare(input)).outageId).toBe(first.outageId);
    expect((await declaredWith(key)).ids).toEqual([first.outageId]);
    expect(await (await sanna()).outage.current()).toEqual([]);
  });

  it("declares once when two requests with the same key race", async () => {
    const key = k();
    const input = { system: "samordning" as const, scope: "region" as const, idempotencyKey: key };
    const caller = await asa();
    const [region] = await t.db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.shortCode, "SRM"));
    // Hold the region row: the outage's foreign key waits for it, so both requests get past the
    // replay check and meet at the insert (the second waiting on the first's uncommitted key).
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const released = new Promise<void>((r) => (release = r));
    const holder = t.db.transaction(async (tx) => {
      await tx.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.id, region!.id)).for("update");
      locked();
      await released;
    });
    await isLocked;
    const calls = Promise.all([caller.outage.declare(input), caller.outage.declare(input)]);
    const waiting = async () =>
      (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))
        .rows[0]!.n;
    await expect.poll(waiting, { timeout: 5000 }).toBe(2);
    release();
    await holder;
    const [a, b] = await calls;
    expect(a.outageId).toBe(b.outageId);
    expect(await declaredWith(key)).toMatchObject({ ids: [a.outageId], started: 1 });
    await (await asa()).outage.end({ outageId: a.outageId });
  });
});
