import { chooseAgreement, type AgreementVersion, type MonthlyAverageModel } from "./agreement";
import { monthBounds } from "./invoice";
import type { MonthlyAverageResult } from "./monthly-average";
import { monthText } from "./text";

/**
 * The month row of the invoice basis under the monthly-average model (Västra Götaland's model,
 * research: VästKom's remiss and the SAMSA faktureringsrapport, where a kommun's month shows its
 * Medelvärde, the number of stays in the average and the cases invoiced individually). The stays
 * of more than seven days are the basis's case rows (their stored payment days); the rest of the
 * month is this one row: the number of stays in the average, their average days after
 * ready-for-discharge, the days above the agreed level and their amount. No patient is on it.
 *
 * Lock and correction follow the case rows (invoice.ts): a fixed month keeps the row it was fixed
 * with; when the month's average changes later (a discharge registered after an outage, a stay
 * withdrawn, a new agreement version), the difference in days and amount becomes a correction
 * row in the next open month.
 */

/** A month row's figures. Days are in tenths (a level such as 2.5 leaves half days), money in öre. */
export interface AverageRowFigures {
  /** Stays in the average. */
  stays: number;
  /** Their days after ready-for-discharge, summed. */
  readyDays: number;
  /** The agreed average, in tenths of a day (3.0 days = 30). */
  levelTenths: number;
  /** Payment days: the days above the level (on a correction row, the difference). */
  excessTenths: number;
  /** Null when the month's amount is missing. */
  amountOre: number | null;
}

/** The month row of a computed month; null when no stay of the month is in the average. */
export function averageRowFigures(result: MonthlyAverageResult): AverageRowFigures | null {
  if (result.averageCaseIds.length === 0) return null;
  return {
    stays: result.averageCaseIds.length,
    readyDays: result.averageTotalDays,
    levelTenths: Math.round(result.levelDays * 10),
    excessTenths: result.excessTenths,
    amountOre: result.averageAmountOre,
  };
}

/**
 * The correction for a fixed month's average: what the month's row is now minus everything
 * invoiced for it (its ordinary row and earlier corrections). Null when the days and the money are
 * unchanged (a change that stays under the level costs nothing and needs no row). The row carries
 * the month's figures as they are now, and the difference as its days and amount.
 */
export function averageCorrection(now: AverageRowFigures | null, invoiced: readonly AverageRowFigures[]): AverageRowFigures | null {
  if (!now && invoiced.length === 0) return null;
  let excess = 0;
  let amount: number | null = 0;
  for (const r of invoiced) {
    excess += r.excessTenths;
    amount = amount === null || r.amountOre === null ? null : amount + r.amountOre;
  }
  const nowAmount = now ? now.amountOre : 0;
  const days = (now?.excessTenths ?? 0) - excess;
  const money = nowAmount === null || amount === null ? null : nowAmount - amount;
  if (days === 0 && (money === 0 || money === null)) return null;
  return {
    stays: now?.stays ?? 0,
    readyDays: now?.readyDays ?? 0,
    levelTenths: now?.levelTenths ?? invoiced.at(-1)?.levelTenths ?? 0,
    excessTenths: days,
    amountOre: money,
  };
}

/**
 * The model a kommun's month is averaged by: the agreement in force on the month's last day
 * (agreement.ts, chooseAgreement), when it is a monthly-average one; otherwise (the agreement
 * changed to another model during the month) the monthly-average agreement that judged the
 * month's stays, the latest valid one. Null when none is a monthly-average agreement.
 */
export function averageModelForMonth(
  versions: readonly AgreementVersion[],
  where: { regionId: string; municipalityId: string },
  month: string,
  stayAgreementIds: readonly (string | null)[],
): MonthlyAverageModel | null {
  const chosen = chooseAgreement(versions, where, monthBounds(month).last);
  if (chosen.kind === "overenskommelse" && chosen.agreement.model.kind === "manadsgenomsnitt") return chosen.agreement.model;
  const judged = versions
    .filter((v) => stayAgreementIds.includes(v.id) && v.model.kind === "manadsgenomsnitt")
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom) || b.version - a.version)[0];
  return judged && judged.model.kind === "manadsgenomsnitt" ? judged.model : null;
}

/** "Månadsgenomsnitt maj 2026": the row's name where a case row has its reference. */
export function averageRowTitle(serviceMonth: string): string {
  return `Månadsgenomsnitt ${monthText(serviceMonth)}`;
}

/** "3,5": days with one decimal, the Swedish way. */
export function tenthsText(tenths: number): string {
  return (tenths / 10).toFixed(1).replace(".", ",");
}

/** The average days of a row with one decimal ("3,5"), or "–" without stays. */
export function averageDaysText(figures: Pick<AverageRowFigures, "stays" | "readyDays">): string {
  if (figures.stays === 0) return "–";
  return tenthsText(Math.round((figures.readyDays * 10) / figures.stays));
}
