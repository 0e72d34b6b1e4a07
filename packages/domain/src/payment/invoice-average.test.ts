import { describe, expect, it } from "vitest";
import { LAW_DEFAULT_MODEL, VASTRA_GOTALAND_MODEL, type AgreementVersion } from "./agreement";
import { computeCasePayment } from "./engine";
import type { PaymentCaseInput } from "./input";
import { invoiceTotal } from "./invoice";
import { averageCorrection, averageDaysText, averageModelForMonth, averageRowFigures, averageRowTitle, type AverageRowFigures } from "./invoice-average";
import { monthlyAverage } from "./monthly-average";
import { at, notice, stay, TEST_AMOUNTS } from "./test-fixtures";

/**
 * A kommun's September 2026 under Västra Götaland's model, worked by hand from the rules (not from
 * the code): level 3.0 days; a stay's days are the calendar days from the ready notice's day to the
 * discharge day; a stay of MORE than seven days leaves the average and is invoiced individually
 * from dag 4 (the long-stay count: three free days after day 0). Test amount 1 000 kr a day.
 *
 * | stay | notice 10:00 | discharged 14:00 | days | where                                    |
 * | s1   | Tue 1 Sep    | Wed 2 Sep        | 1    | average                                  |
 * | s2   | Tue 1 Sep    | Sun 6 Sep        | 5    | average                                  |
 * | s3   | Mon 7 Sep    | Mon 14 Sep       | 7    | average (seven is not more than seven)   |
 * | s4   | Thu 10 Sep   | Fri 11 Sep       | 1    | average                                  |
 * | s5   | Mon 14 Sep   | Thu 24 Sep       | 10   | individual: dag 4–10 = 18–24 Sep: 7 days |
 * | s6   | Sun 20 Sep   | still there      | –    | in no month until it ends                |
 *
 * The month row: 4 stays, 1 + 5 + 7 + 1 = 14 days, average 14 / 4 = 3,5 days; the level allows
 * 3.0 × 4 = 12 days, so 14 − 12 = 2 payment days = 2 000 kr. With s5's case row (7 days,
 * 7 000 kr) the month's basis is 9 days and 9 000 kr.
 *
 * Then September is fixed, and s6's discharge is registered after an outage at its original time,
 * Sat 26 Sep 14:00: 6 days, in the average. September now: 5 stays, 20 days, average 4,0; the level
 * allows 15, so 5 payment days = 5 000 kr. Invoiced were 2 days and 2 000 kr: the correction row in
 * the next open month is +3 days and +3 000 kr.
 */

const d = (day: string, time = "10:00"): Date => at(`2026-09-${day}`, time);
const s = (id: string, from: string, to: string | null): PaymentCaseInput => ({ ...stay([notice(d(from))], to ? d(to, "14:00") : null), caseId: id });
const september: PaymentCaseInput[] = [
  s("s1", "01", "02"),
  s("s2", "01", "06"),
  s("s3", "07", "14"),
  s("s4", "10", "11"),
  s("s5", "14", "24"),
  s("s6", "20", null),
];
const run = (stays: PaymentCaseInput[], asOf: string) =>
  stays.map((c) => computeCasePayment(c, VASTRA_GOTALAND_MODEL, { asOf: at(asOf, "12:00"), amounts: TEST_AMOUNTS }));

describe("the monthly-average month row of the invoice basis", () => {
  const before = run(september, "2026-09-30");
  const row = averageRowFigures(monthlyAverage("2026-09", before, VASTRA_GOTALAND_MODEL, TEST_AMOUNTS))!;

  it("holds the stays of at most seven days: 4 stays, 14 days, 3,5 on average, 2 payment days, 2 000 kr", () => {
    expect(before.map((c) => c.readyDays)).toEqual([1, 5, 7, 1, 10, 10]);
    expect(row).toEqual({ stays: 4, readyDays: 14, levelTenths: 30, excessTenths: 20, amountOre: 2_000_00 });
    expect(averageDaysText(row)).toBe("3,5");
    expect(averageRowTitle("2026-09")).toBe("Månadsgenomsnitt september 2026");
  });

  it("leaves the long stay to its own case row, and the basis adds both: 9 days, 9 000 kr", () => {
    const s5 = before[4]!;
    expect(s5.basis).toBe("individuell");
    expect(s5.days.filter((x) => x.payment).map((x) => x.date)).toEqual([
      "2026-09-18",
      "2026-09-19",
      "2026-09-20",
      "2026-09-21",
      "2026-09-22",
      "2026-09-23",
      "2026-09-24",
    ]);
    const monthRow = { days: row.excessTenths / 10, amountKr: row.amountOre! / 100 };
    expect(invoiceTotal([{ days: s5.paymentDays, amountKr: s5.amountKr }, monthRow])).toEqual({ days: 9, amountKr: 9_000 });
  });

  it("a stay that later ends in the fixed month becomes a correction of +3 days and +3 000 kr", () => {
    const after = run(
      september.map((c) => (c.caseId === "s6" ? { ...c, endedAt: d("26", "14:00") } : c)),
      "2026-10-15",
    );
    const now = averageRowFigures(monthlyAverage("2026-09", after, VASTRA_GOTALAND_MODEL, TEST_AMOUNTS))!;
    expect(now).toEqual({ stays: 5, readyDays: 20, levelTenths: 30, excessTenths: 50, amountOre: 5_000_00 });
    expect(averageCorrection(now, [row])).toEqual({ stays: 5, readyDays: 20, levelTenths: 30, excessTenths: 30, amountOre: 3_000_00 });
    // Once the correction is invoiced too, nothing is left to correct.
    expect(averageCorrection(now, [row, { ...now, excessTenths: 30, amountOre: 3_000_00 }])).toBeNull();
  });

  it("a change that stays under the level costs nothing and needs no correction", () => {
    // One stay of 1 day (under 3.0) fixed; then another of 2 days joins: 3 days over 2 stays, still under 6.
    const fixed: AverageRowFigures = { stays: 1, readyDays: 1, levelTenths: 30, excessTenths: 0, amountOre: 0 };
    expect(averageCorrection({ stays: 2, readyDays: 3, levelTenths: 30, excessTenths: 0, amountOre: 0 }, [fixed])).toBeNull();
  });

  it("a month whose stays all left the average gives the invoiced days back", () => {
    // Fixed with 2 days and 2 000 kr; the stays were withdrawn and no stay is in the average now.
    expect(averageCorrection(null, [row])).toEqual({ stays: 0, readyDays: 0, levelTenths: 30, excessTenths: -20, amountOre: -2_000_00 });
    expect(averageDaysText({ stays: 0, readyDays: 0 })).toBe("–");
  });

  it("a month with no stay in the average has no row", () => {
    expect(averageRowFigures(monthlyAverage("2026-08", before, VASTRA_GOTALAND_MODEL, TEST_AMOUNTS))).toBeNull();
  });

  it("adds tenths of a day and öre exactly (a level of 2.5 leaves half days)", () => {
    // 0.1 + 0.2 days in floating point is 0.30000000000000004; the basis must say 0,3.
    expect(
      invoiceTotal([
        { days: 0.1, amountKr: 105.5 },
        { days: 0.2, amountKr: 211 },
      ]),
    ).toEqual({ days: 0.3, amountKr: 316.5 });
  });
});

describe("which agreement a month is averaged by", () => {
  const version = (id: string, validFrom: string, validTo: string | null, kind: "vg" | "law", municipalityId: string | null = null): AgreementVersion => ({
    id,
    regionId: "r",
    municipalityId,
    version: 1,
    validFrom,
    validTo,
    name: id,
    model: kind === "vg" ? VASTRA_GOTALAND_MODEL : LAW_DEFAULT_MODEL,
  });
  const where = { regionId: "r", municipalityId: "k" };

  it("the monthly-average agreement in force on the month's last day", () => {
    const vg = version("vg", "2018-09-25", null, "vg");
    expect(averageModelForMonth([vg], where, "2026-09", [])).toEqual(VASTRA_GOTALAND_MODEL);
  });

  it("when the agreement changed to the individual model during the month, the one that judged the month's stays", () => {
    const vg = version("vg", "2018-09-25", "2026-09-15", "vg");
    const law = version("law", "2026-09-16", null, "law", "k");
    expect(averageModelForMonth([vg, law], where, "2026-09", ["vg"])).toEqual(VASTRA_GOTALAND_MODEL);
    expect(averageModelForMonth([vg, law], where, "2026-09", [null])).toBeNull();
  });
});
