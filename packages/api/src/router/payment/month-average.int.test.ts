import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, eq, sql } from "@vardkedjan/db/client";
import { TOLVAN_IDENTIFIER } from "@vardkedjan/db/seed";
import { VASTRA_GOTALAND_MODEL } from "@vardkedjan/domain/payment/agreement";
import { monthText } from "@vardkedjan/domain/payment/text";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import { extractPdf, flat } from "@vardkedjan/documents/testing/pdf-text";
import { castCallers } from "../../testing/callers";
import { demoActor } from "../../seed/actors";
import { runCase, thirdOfLastMonth } from "../../seed/demo-cases";
import { invoiceBasisPdf, invoiceCsvText } from "../../services/payment/invoice-export";
import { runPaymentRecomputations } from "../../services/payment/recompute";

/**
 * A kommun under a monthly-average agreement (Västra Götaland's model: 3.0 days, a stay of more
 * than seven days counted individually), through the real procedures. No demo region has that
 * model, so the test gives Eskilstuna its own agreement version (own amount 10 500 kr a day).
 * Saving it only asks for a recomputation; the background job then judges the stays again.
 *
 * Three stays of patients folkbokförda in Eskilstuna, all admitted the 3rd of last month at 08:00,
 * the ready notice sent the 4th at 19:00 (day 0, the notice day counts), discharged at 20:00:
 *
 * | patient  | discharged | days after ready | where                                                      |
 * | Tolvan   | the 5th    | 1 (the 5th)      | average                                                    |
 * | Alva     | the 10th   | 6 (5th–10th)     | average                                                    |
 * | Lennart  | the 12th   | 8 (5th–12th)     | more than seven: individual, dag 4–8 = 8th–12th: 5 days    |
 *
 * Month row: 2 stays, 1 + 6 = 7 days, average 3,5; the level allows 3.0 × 2 = 6, so 1 payment day
 * = 10 500 kr. Lennart's case row: 5 days = 52 500 kr. Total: 6 days, 63 000 kr.
 *
 * Before the agreement (the demo's individual model, three free days after day 0): Alva pays the
 * 8th–10th (3 days), Lennart the 8th–12th (5 days), Tolvan nothing.
 */
describe("invoice basis under a monthly-average agreement", () => {
  let t: TestDatabase;
  const as = castCallers(() => ({ db: t.db }));
  const now = new Date();
  const lastMonth = stockholmDate(thirdOfLastMonth(now)).slice(0, 7);
  const thisMonth = stockholmDate(now).slice(0, 7);
  let eskilstuna = "";
  const caseOf: Record<string, string> = {};

  const stored = async () =>
    (
      await t.db.execute<{ identifier: string; basis: string; days: number | null }>(sql`
        select p.identifier, cp.basis,
               (select sum(coalesce(pp.to_date, current_date) - pp.from_date + 1)::int from case_payment_periods pp where pp.case_id = c.id) as days
        from coordination_cases c join patients p on p.id = c.patient_id join case_payments cp on cp.case_id = c.id
        order by p.identifier`)
    ).rows.map((r) => [r.identifier, r.basis, r.days]);

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    const actors = {
      ward: await demoActor(t.db, "sanna.sjoberg", "slutenvard", now),
      kommun: await demoActor(t.db, "berit.holm", "kommun", now),
      vc: await demoActor(t.db, "fredrik.vall", "primarvard", now),
    };
    const day = 86_400_000;
    await runCase(t.db, actors, TOLVAN_IDENTIFIER, "snitt:tolvan", thirdOfLastMonth(now), "avslutad", false, undefined, 0);
    await runCase(t.db, actors, "200001252386", "snitt:alva", thirdOfLastMonth(now), "avslutad", false, undefined, 5 * day);
    await runCase(t.db, actors, "195009072553", "snitt:lennart", thirdOfLastMonth(now), "avslutad", false, undefined, 7 * day);
    const ids = await t.db.execute<{ id: string; identifier: string }>(
      sql`select c.id, p.identifier from coordination_cases c join patients p on p.id = c.patient_id`,
    );
    for (const r of ids.rows) caseOf[r.identifier] = r.id;
    eskilstuna = (await t.db.execute<{ id: string }>(sql`select id from organisations where municipality_code = '0484'`)).rows[0]!.id;
  }, 180_000);
  afterAll(() => t.close());

  it("saving the agreement returns before the figures change; the background job then recomputes them", async () => {
    const before = [
      ["191212121212", "individuell", null],
      ["195009072553", "individuell", 5],
      ["200001252386", "individuell", 3],
    ];
    expect(await stored()).toEqual(before);
    const asa = await as("asa.berg", "forvaltning");
    const saved = await asa.payment.addAgreementVersion({
      municipalityId: eskilstuna,
      baseVersion: null,
      validFrom: "2018-09-25",
      validTo: null,
      name: "Överenskommelse (test): månadsgenomsnitt, Eskilstuna",
      model: { ...VASTRA_GOTALAND_MODEL, amountPerDayKr: 10_500 },
    });
    expect(saved.version).toBe(1);
    // The save did not recompute: the stored rows are as before, and the page says a recomputation is pending.
    expect(await stored()).toEqual(before);
    expect((await asa.payment.agreements()).recomputation).toEqual({ pending: true, lastFinished: null });

    const cases = await runPaymentRecomputations(t.db);
    expect(cases).toBe(3);
    expect(await stored()).toEqual([
      ["191212121212", "manadsgenomsnitt", null],
      ["195009072553", "individuell", 5],
      ["200001252386", "manadsgenomsnitt", null],
    ]);
    const status = (await asa.payment.agreements()).recomputation;
    expect(status.pending).toBe(false);
    expect(status.lastFinished?.cases).toBe(3);
    // Nothing pending: the next run does nothing.
    expect(await runPaymentRecomputations(t.db)).toBe(0);
  });

  it("the basis has exactly the month row (no patient) and the long stay's case row, and one total", async () => {
    const basis = await (await as("per.sandberg", "forvaltning")).payment.invoiceBasis({ municipalityId: eskilstuna, month: lastMonth });
    expect(basis.averageRows).toEqual([
      { kind: "ordinarie", serviceMonth: lastMonth, stays: 2, readyDays: 7, averageDays: 3.5, levelDays: 3, days: 1, amountKr: 10_500 },
    ]);
    expect(basis.rows.map((r) => [r.caseId, r.kind, r.days, r.amountKr])).toEqual([[caseOf["195009072553"], "ordinarie", 5, 52_500]]);
    expect(basis.total).toEqual({ days: 6, amountKr: 63_000 });

    const csv = invoiceCsvText(basis);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Ärende;Patient;Personnummer;Typ;Avser månad;Vårdtillfällen i genomsnittet;Genomsnitt (dagar);Betalningsdagar;Belopp (kr);Bestriden");
    expect(lines[1]).toBe(`Månadsgenomsnitt ${monthText(lastMonth)};;;Ordinarie;${lastMonth};2;3,5;1;10500;`);
    expect(lines[2]).toMatch(/;Lennart Berglöf;19500907-2553;Ordinarie;.*;;;5;52500;$/);
    expect(lines.at(-1)).toBe("Summa;;;;;;;6;63000;");
    // The stays in the average are not named anywhere on the basis.
    expect(csv).not.toContain("Tolvan");
    expect(csv).not.toContain("Alva");

    const per = await demoActor(t.db, "per.sandberg", "forvaltning", now);
    const pdf = flat((await extractPdf(await invoiceBasisPdf(t.db, per, { municipalityId: eskilstuna, month: lastMonth }))).text);
    expect(pdf).toContain(`Månadsgenomsnitt ${monthText(lastMonth)}`);
    expect(pdf).toContain("63 000 kr");
    expect(pdf).not.toContain("Tolvan");
  });

  it("the follow-up report's payment days and amount for the month equal the basis's total (month row + the long stay's days)", async () => {
    // By hand (the table above): month row 7 − 3.0 × 2 = 1 day × 10 500 = 10 500 kr; Lennart's
    // individual days the 8th–12th = 5 days × 10 500 = 52 500 kr; together 6 days, 63 000 kr.
    const asa = await as("asa.berg", "forvaltning");
    const basis = await asa.payment.invoiceBasis({ municipalityId: eskilstuna, month: lastMonth });
    expect(basis.total).toEqual({ days: 6, amountKr: 63_000 });

    const report = await asa.reports.followUp({ dimension: "kommun", from: lastMonth, to: lastMonth });
    const row = report.payment.find((p) => p.municipality === eskilstuna && p.month === lastMonth);
    expect(row).toMatchObject({ municipalityName: "Eskilstuna kommun", paymentDays: 6, amountKr: 63_000 });
    expect({ days: row!.paymentDays, amountKr: row!.amountKr }).toEqual(basis.total);

    // The payment service's own totals (the same figures behind the report): Lennart plus the two stays of the average.
    const totals = await asa.payment.totals({ fromMonth: lastMonth, toMonth: lastMonth, municipalityIds: [eskilstuna] });
    expect(totals.map((r) => [r.month, r.cases, r.paymentDays, r.amountKr])).toEqual([[lastMonth, 3, 6, 63_000]]);
  });

  it("a fixed month keeps its month row; a later change to the average is a correction row in the next open month", async () => {
    const maria = await as("maria.ekholm", "forvaltning");
    const locked = await maria.payment.lockMonth({ municipalityId: eskilstuna, month: lastMonth });
    expect(locked.averageRows.map((r) => [r.kind, r.days, r.amountKr])).toEqual([["ordinarie", 1, 10_500]]);
    expect(locked.total).toEqual({ days: 6, amountKr: 63_000 });

    // The kommun's agreement is lowered to 2.5 days: the month allows 2.5 × 2 = 5, so 7 − 5 = 2 days now.
    const asa = await as("asa.berg", "forvaltning");
    await asa.payment.addAgreementVersion({
      municipalityId: eskilstuna,
      baseVersion: 1,
      validFrom: "2018-09-25",
      validTo: null,
      name: "Överenskommelse (test): månadsgenomsnitt 2,5, Eskilstuna",
      model: { ...VASTRA_GOTALAND_MODEL, averageDays: 2.5, amountPerDayKr: 10_500 },
    });
    await runPaymentRecomputations(t.db);

    const fixed = await maria.payment.invoiceBasis({ municipalityId: eskilstuna, month: lastMonth });
    expect(fixed.averageRows.map((r) => [r.kind, r.days, r.amountKr])).toEqual([["ordinarie", 1, 10_500]]);
    expect(fixed.total).toEqual({ days: 6, amountKr: 63_000 });

    const open = await maria.payment.invoiceBasis({ municipalityId: eskilstuna, month: thisMonth });
    expect(open.averageRows).toEqual([
      { kind: "rattelse", serviceMonth: lastMonth, stays: 2, readyDays: 7, averageDays: 3.5, levelDays: 2.5, days: 1, amountKr: 10_500 },
    ]);
    // Lennart's individual days did not change: no case correction.
    expect(open.rows).toEqual([]);
    expect(open.total).toEqual({ days: 1, amountKr: 10_500 });

    // The report counts each month as it is now: last month's average at 2.5 days (7 − 5 = 2 days,
    // 21 000 kr) plus Lennart's 5 days = 7 days, 73 500 kr, which is what the basis has invoiced for
    // it (63 000 kr) plus the correction carried into this month (10 500 kr).
    const report = await asa.reports.followUp({ dimension: "kommun", from: lastMonth, to: thisMonth });
    expect(report.payment.filter((p) => p.municipality === eskilstuna).map((p) => [p.month, p.paymentDays, p.amountKr])).toEqual([[lastMonth, 7, 73_500]]);

    // The fixed month's row is stored as it was fixed; the correction is computed while this month is open.
    const stored = await t.db.select().from(schema.paymentInvoiceAverageRows).where(eq(schema.paymentInvoiceAverageRows.municipalityId, eskilstuna));
    expect(stored.map((r) => [r.invoiceMonth, r.kind, r.excessTenths, r.amountOre])).toEqual([[lastMonth, "ordinarie", 10, 1_050_000]]);
  });
});
