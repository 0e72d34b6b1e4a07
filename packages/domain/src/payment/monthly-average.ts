import type { MonthlyAverageModel } from "./agreement";
import { amountForYear, type YearlyAmount } from "./amounts";
import type { CasePayment } from "./engine";

/**
 * The monthly-average model for one kommun and one calendar month (Västra Götaland's model,
 * research: VästKom's remiss on betalningsansvar and the SAMSA faktureringsrapport):
 *
 * - The month's stays are those that ENDED in it (the average is days from the ready notice to
 *   discharge, known only at discharge; settled afterwards, month by month).
 * - In the average: stays whose preconditions are met (the kommun got the admission notice and
 *   the ready notice, and the kallelse till SIP when needed) and that are not long stays.
 *   Average = total ready days ÷ number of stays. The kommun pays for the days above the agreed
 *   average: excess days = total − level × number of stays, never below zero, at the amount of
 *   the month's year.
 * - A stay of more than seven calendar days after ready-for-discharge (moreThanDays) is taken out
 *   of the average and its payment days invoiced individually (the engine has already counted it
 *   with the agreement's long-stay day count). Reported per somatic and psychiatric care.
 * - Stays excluded by the agreement (LPT/LRV "undantagen") or with unmet preconditions are in
 *   neither part, and are counted so that nothing disappears silently.
 *
 * Money is in öre here: with a level such as 2.5 days the excess can be half a day.
 */

/**
 * What the month needs of each stay: the engine's result (CasePayment) has it, and so has the
 * stored row of a case (case_payments), so the invoice basis need not replay a month's messages.
 */
export type MonthlyAverageStay = Pick<
  CasePayment,
  "caseId" | "basis" | "readyDays" | "paymentDays" | "amountKr" | "missingAmountYears" | "unmetPreconditions" | "endMonth" | "careGroup"
>;

export interface MonthlyAverageResult {
  /** "YYYY-MM". */
  month: string;
  averageCaseIds: string[];
  averageTotalDays: number;
  /** Total ÷ number of stays; null when no stay is in the average. */
  averageDays: number | null;
  levelDays: number;
  /** Days above the level, in tenths of a day to stay exact (10 = one day). */
  excessTenths: number;
  /** Null when the month's amount is missing from the table. */
  averageAmountOre: number | null;
  individual: {
    caseIds: string[];
    somatic: number;
    psychiatric: number;
    paymentDays: number;
    amountOre: number | null;
  };
  /** Stays of the month in neither part, and why. */
  outside: { caseId: string; reason: string }[];
  /** Average part + individual part; null when an amount is missing. */
  totalAmountOre: number | null;
  missingAmountYears: number[];
}

export function monthlyAverage(
  month: string,
  cases: readonly MonthlyAverageStay[],
  model: MonthlyAverageModel,
  amounts: readonly YearlyAmount[],
): MonthlyAverageResult {
  const averageCaseIds: string[] = [];
  const individualIds: string[] = [];
  const outside: { caseId: string; reason: string }[] = [];
  const missing = new Set<number>();
  let total = 0;
  let somatic = 0;
  let psychiatric = 0;
  let individualDays = 0;
  let individualKr = 0;
  let individualMissing = false;

  for (const c of cases) {
    if (c.endMonth !== month) continue;
    if (c.basis === "undantagen") {
      outside.push({ caseId: c.caseId, reason: "undantas enligt överenskommelsen (LPT/LRV)" });
    } else if (c.unmetPreconditions.length > 0) {
      outside.push({ caseId: c.caseId, reason: c.unmetPreconditions.join("; ") });
    } else if (c.basis === "individuell") {
      individualIds.push(c.caseId);
      if (c.careGroup === "psykiatri") psychiatric += 1;
      else somatic += 1;
      individualDays += c.paymentDays;
      if (c.amountKr === null) {
        individualMissing = true;
        for (const y of c.missingAmountYears) missing.add(y);
      } else individualKr += c.amountKr;
    } else {
      averageCaseIds.push(c.caseId);
      total += c.readyDays;
    }
  }

  const count = averageCaseIds.length;
  const levelTenths = Math.round(model.averageDays * 10);
  const excessTenths = Math.max(0, total * 10 - levelTenths * count);
  const year = Number(month.slice(0, 4));
  const source = amountForYear(year, amounts, model.amountPerDayKr);
  let averageAmountOre: number | null = 0;
  if (excessTenths > 0) {
    if (source.kind === "saknas") {
      missing.add(year);
      averageAmountOre = null;
    } else {
      averageAmountOre = excessTenths * source.amountKr * 10;
    }
  }
  const individualOre = individualKr * 100;
  const anyMissing = missing.size > 0;
  return {
    month,
    averageCaseIds,
    averageTotalDays: total,
    averageDays: count > 0 ? total / count : null,
    levelDays: model.averageDays,
    excessTenths,
    averageAmountOre,
    individual: {
      caseIds: individualIds,
      somatic,
      psychiatric,
      paymentDays: individualDays,
      amountOre: individualMissing ? null : individualOre,
    },
    outside,
    totalAmountOre: anyMissing ? null : (averageAmountOre ?? 0) + individualOre,
    missingAmountYears: [...missing].sort((a, b) => a - b),
  };
}
