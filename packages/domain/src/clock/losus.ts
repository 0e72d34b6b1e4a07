import {
  addCalendarDays,
  addDaysToIsoDate,
  stockholmCalendarDaysBetween,
  stockholmDate,
  stockholmDayEnd,
  stockholmHour,
  stockholmInstant,
} from "../time/stockholm";

/**
 * The law's clocks (LOSUS, lag 2017:612 om samverkan vid utskrivning från sluten hälso- och
 * sjukvård): the admission notice, the fast vårdkontakt, the information transfer, the kallelse
 * till SIP and the kommun's payment liability.
 * Every function returns an instant. Where a rule counts hours, it is exact hours; where it
 * counts days, it is calendar days in Europe/Stockholm (a DST day is 23 or 25 hours long).
 *
 * After a withdrawn ready-for-discharge notice ("inte längre utskrivningsklar"), the clocks
 * that start at the ready notice start again from the NEW notice: pass the current notice
 * (`DerivedCaseState.readyForDischargeAt`), never the first one.
 */

const HOUR_MS = 3_600_000;

/** Hours from admission (or from the later needs assessment) to the admission notice. */
export const ADMISSION_NOTICE_HOURS = 24;

/** LOSUS: "senast tre dagar efter att underrättelsen om utskrivningsklar lämnats". */
export const SIP_CALL_DAYS = 3;

/** The law's default number of days before the kommun's payment liability starts. */
export const DEFAULT_PAYMENT_THRESHOLD_DAYS = 3;

/**
 * The inskrivningsmeddelande is due 24 hours (exact hours, across a DST change too) after
 * admission, or after the assessment that found the need for help, whichever is later.
 */
export function admissionNoticeDue(admittedAt: Date, needAssessedAt?: Date | null): Date {
  const start = needAssessedAt && needAssessedAt.getTime() > admittedAt.getTime() ? needAssessedAt : admittedAt;
  return new Date(start.getTime() + ADMISSION_NOTICE_HOURS * HOUR_MS);
}

/**
 * The kallelse till SIP is due "within three days" of the ready-for-discharge notice.
 * Reading (EY's audit of Region Stockholm's work under the law): calendar days, the notice day is day 0, so
 * the deadline is the END of the third calendar day after the notice day in Stockholm.
 * A notice on Monday 16:40 → the kallelse is due by Thursday 23:59:59.999.
 */
export function sipCallDue(readyNoticeAt: Date): Date {
  return stockholmDayEnd(addCalendarDays(readyNoticeAt, SIP_CALL_DAYS));
}

/** The information transfer is due no later than the discharge day: its end in Stockholm. */
export function informationDue(dischargeAt: Date): Date {
  return stockholmDayEnd(dischargeAt);
}

/**
 * The information transfer for a patient not yet gone: the deadline runs from the actual discharge, or the agreed
 * discharge time, and from nothing else. An estimated discharge date is a planning figure: once
 * it has passed with the patient still in hospital, a deadline taken from it would show the ward
 * as overdue for a discharge that has not happened. Null: no discharge is known yet.
 */
export function dischargeInformationDue(discharge: { actualAt?: Date | null; agreedAt?: Date | null }): Date | null {
  const day = discharge.actualAt ?? discharge.agreedAt ?? null;
  return day ? informationDue(day) : null;
}

/**
 * The fast vårdkontakt must be appointed before the patient is discharged.
 * - Given the agreed discharge time (an instant), that instant.
 * - Given only the estimated discharge DATE ("YYYY-MM-DD"), the start of that day (00:00 in
 *   Stockholm): the patient may leave at any hour of it, so "before discharge" is only safe
 *   if it is done by then.
 */
export function fixedCareContactDue(discharge: string | Date): Date {
  return typeof discharge === "string" ? stockholmInstant(discharge) : new Date(discharge.getTime());
}

/**
 * The payment clock: calendar days in Stockholm since the ready-for-discharge notice, day 0 being
 * the notice day (discharge on day 0 is the "0-dag" of the reports). Never negative: an instant
 * before the notice is day 0.
 */
export function daysSinceReady(readyAt: Date, now: Date): number {
  return Math.max(0, stockholmCalendarDaysBetween(readyAt, now));
}

export interface PaymentLiabilityOptions {
  /**
   * Free calendar days after day 0 (the law's default is 3: day 0 + days 1–3 free, liability
   * from the start of day 4). Regional agreements differ: Stockholm somatic "2 kalenderdagar inkl.
   * dag 0" (days 0, 1, 2 free, liability from day 3) is `{ thresholdDays: 2, cutoffHour: 12 }`;
   * Stockholm psychiatry uses 5.
   */
  thresholdDays: number;
  /**
   * Optional cut-off hour (Stockholm, 0–23): a notice sent at or after it counts as sent the next
   * day (Stockholm's 12:00 rule). Not part of the law's default; omitted = no cut-off.
   */
  cutoffHour?: number;
}

/** The calendar day (Stockholm) that counts as day 0 of the payment clock. */
export function paymentClockDay0(readyAt: Date, cutoffHour?: number): string {
  const day = stockholmDate(readyAt);
  return cutoffHour !== undefined && stockholmHour(readyAt) >= cutoffHour ? addDaysToIsoDate(day, 1) : day;
}

/**
 * When the kommun's payment liability starts, by default: the start (00:00 Stockholm) of the
 * day after day 0 + thresholdDays. A notice on Monday (day 0) with 3 days → liability from the
 * start of Friday: Tuesday, Wednesday and Thursday are free. No money is computed here.
 * Preconditions (the kommun got both the admission and the ready notice) are the caller's.
 */
export function paymentLiabilityStart(readyAt: Date, options: PaymentLiabilityOptions = { thresholdDays: DEFAULT_PAYMENT_THRESHOLD_DAYS }): Date {
  const { thresholdDays, cutoffHour } = options;
  if (!Number.isInteger(thresholdDays) || thresholdDays < 0) {
    throw new RangeError("Antalet dagar före betalningsansvar måste vara ett heltal ≥ 0");
  }
  if (cutoffHour !== undefined && (!Number.isInteger(cutoffHour) || cutoffHour < 0 || cutoffHour > 23)) {
    throw new RangeError("Brytpunkten måste vara en hel timme 0–23");
  }
  return stockholmInstant(addDaysToIsoDate(paymentClockDay0(readyAt, cutoffHour), thresholdDays + 1));
}
