import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, and, eq, sql } from "@vardkedjan/db/client";
import { LAW_DEFAULT_MODEL } from "@vardkedjan/domain/payment/agreement";
import { addDaysToIsoDate, stockholmDate } from "@vardkedjan/domain/time/stockholm";
import { castCallers } from "../../testing/callers";
import { demoActor } from "../../seed/actors";
import { runCase, thirdOfLastMonth } from "../../seed/demo-cases";
import { invoiceCsvText } from "../../services/payment/invoice-export";
import { runPaymentRecomputations } from "../../services/payment/recompute";
import { signInCast } from "../../testing/callers";
import { testRouteContext } from "../../testing/route-context";
import { invoiceExportRoute } from "../../portal/routes/invoice-export";
import type { SessionView } from "../../services/identity/session";
import { extractPdf, flat } from "@vardkedjan/documents/testing/pdf-text";
import { refusal } from "../../testing/refusal";

/**
 * The invoice basis through the real procedures: which cases a kommun pays for (its folkbokförda
 * patients), Fastställ, Bestrid and the region's answer, a correction after locking, and who may
 * see what. Stays are made through the services with the clock set back into last month; the
 * demo agreement's own amount (10 500 kr) prices the days.
 *
 * Stay A (Lennart Berglöf, folkbokförd in Eskilstuna): admitted the 3rd at 08:00, ready the 4th at
 * 19:00 (day 0), days 5–7 free, kommunklar the 11th at 00:00, discharged the 11th at 20:00: payment
 * days the 8th, 9th, 10th and 11th = 4 days, 42 000 kr.
 * Stay B (folkbokförd in Katrineholm) goes the same way with Eskilstuna's biståndshandläggare as the
 * kommun party: it is not Eskilstuna's to pay, and Katrineholm never got the notices, so no one's.
 */
describe("invoice basis (faktureringsunderlag)", () => {
  let t: TestDatabase;
  const as = castCallers(() => ({ db: t.db }));
  const asa = () => as("asa.berg", "forvaltning");
  const tomas = () => as("tomas.wik", "forvaltning");
  const maria = () => as("maria.ekholm", "forvaltning");
  const per = () => as("per.sandberg", "forvaltning");
  const now = new Date();
  const lastMonth = stockholmDate(thirdOfLastMonth(now)).slice(0, 7);
  const thisMonth = stockholmDate(now).slice(0, 7);
  let eskilstuna = "";
  let flen = "";
  let caseA = "";
  let caseB = "";

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    const actors = {
      ward: await demoActor(t.db, "sanna.sjoberg", "slutenvard", now),
      kommun: await demoActor(t.db, "berit.holm", "kommun", now),
      vc: await demoActor(t.db, "fredrik.vall", "primarvard", now),
    };
    await runCase(t.db, actors, "195009072553", "invoice:a", thirdOfLastMonth(now), "avslutad", false, undefined, 6 * 86_400_000);
    await runCase(t.db, actors, "194408139089", "invoice:b", thirdOfLastMonth(now), "avslutad", false, undefined, 6 * 86_400_000);
    const ids = await t.db.execute<{ id: string; identifier: string }>(
      sql`select c.id, p.identifier from coordination_cases c join patients p on p.id = c.patient_id`,
    );
    caseA = ids.rows.find((r) => r.identifier === "195009072553")!.id;
    caseB = ids.rows.find((r) => r.identifier === "194408139089")!.id;
    const orgs = await t.db.select({ id: schema.organisations.id, code: schema.organisations.municipalityCode }).from(schema.organisations);
    eskilstuna = orgs.find((o) => o.code === "0484")!.id;
    flen = orgs.find((o) => o.code === "0482")!.id;
  }, 120_000);
  afterAll(() => t.close());

  it("Eskilstuna's basis for last month holds exactly its folkbokförda patients' payment days, without patients for the administrator", async () => {
    const basis = await (await asa()).payment.invoiceBasis({ municipalityId: eskilstuna, month: lastMonth });
    expect(basis.rows.map((r) => [r.caseId, r.kind, r.serviceMonth, r.days, r.amountKr])).toEqual([[caseA, "ordinarie", lastMonth, 4, 42_000]]);
    expect(basis.rows.some((r) => r.caseId === caseB)).toBe(false);
    expect(basis.total).toEqual({ days: 4, amountKr: 42_000 });
    expect(basis.showsPatients).toBe(false);
    expect(basis.rows[0]!.patient).toBeNull();
    // The read is audited with the case ids.
    const audit = await t.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.action, "invoice.read"));
    expect(audit.at(-1)?.details).toMatchObject({ caseIds: [caseA], patientsShown: false });
  });

  it("the economy roles see the patient; CSV has the same rows and total", async () => {
    const basis = await (await per()).payment.invoiceBasis({ municipalityId: eskilstuna, month: lastMonth });
    expect(basis.rows[0]!.patient).toEqual({ name: "Lennart Berglöf", identifier: "19500907-2553" });
    const csv = invoiceCsvText(basis);
    expect(csv).toContain("Lennart Berglöf;19500907-2553;Ordinarie");
    expect(csv.trim().split("\r\n").at(-1)).toBe("Summa;;;;;;;4;42000;");
    const asaCsv = invoiceCsvText(await (await asa()).payment.invoiceBasis({ municipalityId: eskilstuna, month: lastMonth }));
    expect(asaCsv).not.toContain("Berglöf");
    expect(asaCsv).not.toContain("19500907");
  });

  it("a kommun sees only its own basis: Tomas Wik is refused Flen's, and the attempt is audited", async () => {
    const mine = await (await tomas()).payment.municipalities();
    expect(mine.map((m) => m.name)).toEqual(["Eskilstuna kommun"]);
    expect((await (await tomas()).payment.invoiceBasis({ municipalityId: eskilstuna, month: lastMonth })).total.days).toBe(4);
    const refused = await refusal((await tomas()).payment.invoiceBasis({ municipalityId: flen, month: lastMonth }));
    expect(refused.code).toBe("NOT_FOUND");
    const denied = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "access.denied"), eq(schema.auditEvents.entityId, flen)));
    expect(denied).toHaveLength(1);
    // And the region sees every kommun of the region.
    expect((await (await asa()).payment.municipalities()).map((m) => m.name)).toContain("Flens kommun");
  });

  it("only the region's economy role fixes a month, and only a month that has ended", async () => {
    expect((await refusal((await tomas()).payment.lockMonth({ municipalityId: eskilstuna, month: lastMonth }))).code).toBe("FORBIDDEN");
    expect((await refusal((await asa()).payment.lockMonth({ municipalityId: eskilstuna, month: lastMonth }))).code).toBe("FORBIDDEN");
    const current = await refusal((await maria()).payment.lockMonth({ municipalityId: eskilstuna, month: thisMonth }));
    expect(current.message).toBe("En månad kan fastställas först när den är slut.");
    const locked = await (await maria()).payment.lockMonth({ municipalityId: eskilstuna, month: lastMonth });
    expect(locked.locked?.by).toBe("Maria Ekholm");
    expect(locked.total).toEqual({ days: 4, amountKr: 42_000 });
    expect((await refusal((await maria()).payment.lockMonth({ municipalityId: eskilstuna, month: lastMonth }))).message).toBe("Månaden är redan fastställd.");
  });

  it("the kommun disputes a row with a reason, the region answers it", async () => {
    expect((await refusal((await per()).payment.dispute({ municipalityId: eskilstuna, month: lastMonth, caseId: caseA, reason: "  " }))).code).toBe(
      "BAD_REQUEST",
    );
    expect((await refusal((await maria()).payment.dispute({ municipalityId: eskilstuna, month: lastMonth, caseId: caseA, reason: "x" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal((await per()).payment.dispute({ municipalityId: eskilstuna, month: lastMonth, caseId: caseB, reason: "x" }))).code).toBe("NOT_FOUND");
    const { id } = await (
      await per()
    ).payment.dispute({
      municipalityId: eskilstuna,
      month: lastMonth,
      caseId: caseA,
      reason: "Kommunklar meddelades per telefon den 8:e",
    });
    expect((await refusal((await per()).payment.dispute({ municipalityId: eskilstuna, month: lastMonth, caseId: caseA, reason: "igen" }))).code).toBe(
      "CONFLICT",
    );
    await (await maria()).payment.answerDispute({ disputeId: id, answer: "Inget telefonsamtal är antecknat; dagarna står kvar." });
    const basis = await (await per()).payment.invoiceBasis({ municipalityId: eskilstuna, month: lastMonth });
    expect(basis.rows[0]!.dispute).toMatchObject({ reason: "Kommunklar meddelades per telefon den 8:e", answeredBy: "Maria Ekholm" });
    expect((await refusal((await maria()).payment.answerDispute({ disputeId: id, answer: "igen" }))).code).toBe("CONFLICT");
  });

  it("a change after locking becomes a correction row in the next open month; the locked month stays as fixed", async () => {
    // The region's administrator agrees two free days instead of three: stay A gets one more payment day (the 7th).
    const asaCaller = await asa();
    const view = await asaCaller.payment.agreements();
    const regionWide = view.versions.find((v) => v.municipalityId === null)!;
    const stale = await refusal(
      asaCaller.payment.addAgreementVersion({
        municipalityId: null,
        baseVersion: null,
        validFrom: "2018-01-01",
        validTo: null,
        name: "Ny",
        model: LAW_DEFAULT_MODEL,
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/har ändrats av någon annan/);
    await asaCaller.payment.addAgreementVersion({
      municipalityId: null,
      baseVersion: regionWide.version,
      validFrom: "2018-01-01",
      validTo: null,
      name: "Överenskommelse (test): två fria dagar",
      model: { ...LAW_DEFAULT_MODEL, somatic: { noticeDayCounts: true, freeDays: 2 }, amountPerDayKr: 10_500 },
    });
    // The background job judges the region's stays again under the new version.
    await runPaymentRecomputations(t.db);
    const lockedMonth = await (await maria()).payment.invoiceBasis({ municipalityId: eskilstuna, month: lastMonth });
    expect(lockedMonth.total).toEqual({ days: 4, amountKr: 42_000 });
    const next = await (await maria()).payment.invoiceBasis({ municipalityId: eskilstuna, month: addDaysToIsoDate(`${lastMonth}-28`, 7).slice(0, 7) });
    expect(next.rows.filter((r) => r.kind === "rattelse").map((r) => [r.caseId, r.serviceMonth, r.days, r.amountKr])).toEqual([[caseA, lastMonth, 1, 10_500]]);
  });

  it("the totals per kommun and month for the reports agree with the basis", async () => {
    const totals = await (await asa()).payment.totals({ fromMonth: lastMonth, toMonth: lastMonth });
    expect(totals.filter((r) => r.municipalityId === eskilstuna)).toEqual([
      { municipalityId: eskilstuna, municipalityName: "Eskilstuna kommun", month: lastMonth, cases: 1, paymentDays: 5, amountKr: 52_500 },
    ]);
    expect((await (await tomas()).payment.totals({ fromMonth: lastMonth, toMonth: lastMonth })).every((r) => r.municipalityId === eskilstuna)).toBe(true);
  });

  const routeContext = (session: SessionView) => testRouteContext(t.db, session.activeContext!.portal, session, "http://localhost:3904");

  it("the export route gives CSV and PDF with the page's total, the patient only to the economy role, and refuses others (audited)", async () => {
    const perSession = (await signInCast(t.db, "per.sandberg", "forvaltning")).session;
    const req = new Request("http://localhost:3904/betalningsansvar/faktureringsunderlag");
    const csv = await invoiceExportRoute(routeContext(perSession), req, eskilstuna, lastMonth, "faktureringsunderlag.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("Lennart Berglöf");
    const pdf = await invoiceExportRoute(routeContext(perSession), req, eskilstuna, lastMonth, "faktureringsunderlag.pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const pdfText = flat((await extractPdf(Buffer.from(await pdf.arrayBuffer()))).text);
    expect(pdfText).toContain("Faktureringsunderlag, betalningsansvar");
    expect(pdfText).toContain("Lennart Berglöf");
    expect(pdfText).toContain("Fastställd");
    // Flen's basis through the URL: refused as not found, audited.
    const flenRes = await invoiceExportRoute(routeContext(perSession), req, flen, lastMonth, "faktureringsunderlag.csv");
    expect(flenRes.status).toBe(404);
    // A ward nurse has no invoice.read: 403 and an audit row.
    const sanna = (await signInCast(t.db, "sanna.sjoberg", "slutenvard")).session;
    const refused = await invoiceExportRoute(routeContext(sanna), req, eskilstuna, lastMonth, "faktureringsunderlag.csv");
    expect(refused.status).toBe(403);
    const denied = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "access.denied"), eq(schema.auditEvents.entityId, "faktureringsunderlag")));
    expect(denied.length).toBeGreaterThanOrEqual(1);
    const exports = await t.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.action, "invoice.export"));
    expect(exports.map((e) => (e.details as { format: string }).format).sort()).toEqual(["csv", "pdf"]);
  });

  it("an administrator cannot add an existing year's amount again, and a kommun cannot change agreements", async () => {
    const dup = await refusal((await asa()).payment.addYearlyAmount({ year: 2023, amountKr: 1, regulationId: "HSLF-FS 2022:60", source: "x" }));
    expect(dup.code).toBe("CONFLICT");
    await (await asa()).payment.addYearlyAmount({ year: 2026, amountKr: 11_000, regulationId: "HSLF-FS 2025:74", source: "Test" });
    expect((await refusal((await tomas()).payment.addYearlyAmount({ year: 2027, amountKr: 1, regulationId: "HSLF-FS 2026:1", source: "x" }))).code).toBe(
      "FORBIDDEN",
    );
    const forTomas = await (await tomas()).payment.agreements();
    expect(forTomas.mayManage).toBe(false);
    expect(forTomas.versions.every((v) => v.municipalityId === null || v.municipalityId === eskilstuna)).toBe(true);
  });
});
