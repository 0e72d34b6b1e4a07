import { describe, expect, it } from "vitest";
import { VASTRA_GOTALAND_MODEL, type MonthlyAverageModel } from "./agreement";
import { computeCasePayment } from "./engine";
import type { PaymentCaseInput } from "./input";
import { monthlyAverage } from "./monthly-average";
import { at, notice, stay, TEST_AMOUNTS } from "./test-fixtures";

/**
 * A kommun's June 2026 under Västra Götaland's model (3.0 days, seven-day rule), worked by hand.
 * June 2026 starts on a Monday. Days = calendar days from the notice day to the discharge day.
 *
 * | stay | notice          | discharged        | days | where                                   |
 * | c1   | Mon 1 Jun 10:00 | Mon 1 Jun 15:00   | 0    | average                                 |
 * | c2   | Mon 1 Jun 10:00 | Thu 4 Jun 10:00   | 3    | average                                 |
 * | c3   | Tue 2 Jun 10:00 | Mon 8 Jun 10:00   | 6    | average                                 |
 * | c4   | Wed 3 Jun 10:00 | Wed 10 Jun 10:00  | 7    | average (the rule is MORE than seven)   |
 * | c5   | Mon 1 Jun 10:00 | Wed 10 Jun 10:00  | 9    | individual: dag 4–9 = Fri 5 – Wed 10: 6 |
 * | c6   | Mon 1 Jun 10:00 | Fri 12 Jun 10:00  | 11   | individual, psychiatric: dag 4–11: 8    |
 * | c7   | Mon 1 Jun 10:00 | Sat 6 Jun 10:00   | 5    | outside: no admission notice            |
 * | c8   | Mon 29 Jun      | Thu 2 Jul         | 3    | July, not June                          |
 *
 * Average: (0 + 3 + 6 + 7) / 4 = 16 / 4 = 4.0 days; level 3.0 × 4 = 12; excess 4 days × 1 000 kr
 * (test amount) = 4 000 kr. Individual: 6 + 8 = 14 days = 14 000 kr. Month: 18 000 kr.
 */

const d = (day: string, time = "10:00"): Date => at(`2026-06-${day}`, time);
const cases: PaymentCaseInput[] = [
  { ...stay([notice(d("01"))], d("01", "15:00")), caseId: "c1" },
  { ...stay([notice(d("01"))], d("04")), caseId: "c2" },
  { ...stay([notice(d("02"))], d("08")), caseId: "c3" },
  { ...stay([notice(d("03"))], d("10")), caseId: "c4" },
  { ...stay([notice(d("01"))], d("10")), caseId: "c5" },
  { ...stay([notice(d("01"))], d("12")), caseId: "c6", careType: "psykiatrisk" },
  { ...stay([notice(d("01"))], d("06")), caseId: "c7", admissionNoticeToMunicipalityAt: null },
  { ...stay([notice(d("29"))], at("2026-07-02", "10:00")), caseId: "c8" },
];

const results = (model: MonthlyAverageModel = VASTRA_GOTALAND_MODEL) =>
  cases.map((c) => computeCasePayment(c, model, { asOf: at("2026-08-01"), amounts: TEST_AMOUNTS }));

describe("monthly average (Västra Götaland's model)", () => {
  const perCase = results();
  const june = monthlyAverage("2026-06", perCase, VASTRA_GOTALAND_MODEL, TEST_AMOUNTS);

  it("counts each stay's days from the notice day to the discharge day", () => {
    expect(perCase.map((c) => c.readyDays)).toEqual([0, 3, 6, 7, 9, 11, 5, 3]);
  });

  it("keeps stays of at most seven days in the average, with no individual payment day", () => {
    expect(june.averageCaseIds).toEqual(["c1", "c2", "c3", "c4"]);
    expect(june.averageTotalDays).toBe(16);
    expect(june.averageDays).toBe(4);
    expect(perCase[3]!.basis).toBe("manadsgenomsnitt");
    expect(perCase[3]!.paymentDays).toBe(0);
    expect(perCase[3]!.days[7]!.reason).toBe("ej betalningsdag för ärendet: dag 7 efter utskrivningsklar ingår i kommunens månadsgenomsnitt");
    expect(perCase[3]!.liabilityFrom).toBeNull();
  });

  it("pays for the days above 3.0 on average", () => {
    expect(june.excessTenths).toBe(40);
    expect(june.averageAmountOre).toBe(4_000_00);
  });

  it("takes a stay of more than seven days out of the average and invoices it individually (seven-day rule)", () => {
    expect(june.individual.caseIds).toEqual(["c5", "c6"]);
    expect(perCase[4]!.basis).toBe("individuell");
    expect(perCase[4]!.days.filter((x) => x.payment).map((x) => x.date)).toEqual([
      "2026-06-05",
      "2026-06-06",
      "2026-06-07",
      "2026-06-08",
      "2026-06-09",
      "2026-06-10",
    ]);
    expect(perCase[5]!.paymentDays).toBe(8);
    expect(june.individual).toMatchObject({ somatic: 1, psychiatric: 1, paymentDays: 14, amountOre: 14_000_00 });
  });

  it("leaves a stay with an unmet precondition outside both parts, with the reason", () => {
    expect(june.outside).toEqual([{ caseId: "c7", reason: "inskrivningsmeddelande saknades" }]);
  });

  it("puts a stay in the month it ended", () => {
    expect(june.averageCaseIds).not.toContain("c8");
    const july = monthlyAverage("2026-07", perCase, VASTRA_GOTALAND_MODEL, TEST_AMOUNTS);
    expect(july.averageCaseIds).toEqual(["c8"]);
    // 3 days, one stay, level 3.0: nothing above it.
    expect(july.excessTenths).toBe(0);
    expect(july.totalAmountOre).toBe(0);
  });

  it("adds the two parts", () => {
    expect(june.totalAmountOre).toBe(18_000_00);
  });

  it("a level with a decimal can leave half a day: one stay of three days at 2.5 pays 0.5 day", () => {
    const model: MonthlyAverageModel = { ...VASTRA_GOTALAND_MODEL, averageDays: 2.5 };
    const july = monthlyAverage("2026-07", results(model), model, TEST_AMOUNTS);
    expect(july.excessTenths).toBe(5);
    expect(july.averageAmountOre).toBe(500_00);
  });

  it("gives no amount, but the days, when the month's amount is missing", () => {
    const none = monthlyAverage("2026-06", perCase, VASTRA_GOTALAND_MODEL, []);
    expect(none.excessTenths).toBe(40);
    expect(none.averageAmountOre).toBeNull();
    expect(none.totalAmountOre).toBeNull();
    expect(none.missingAmountYears).toEqual([2026]);
  });

  it("an empty month has no average and costs nothing", () => {
    const may = monthlyAverage("2026-05", perCase, VASTRA_GOTALAND_MODEL, TEST_AMOUNTS);
    expect(may.averageDays).toBeNull();
    expect(may.totalAmountOre).toBe(0);
  });
});
