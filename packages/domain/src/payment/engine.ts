import { paymentClockDay0 } from "../clock/losus";
import { stockholmDate, stockholmInstant, stockholmWallClock } from "../time/stockholm";
import { stockholmTime } from "../time/format";
import type { AgreementModel, DayCount, DayZero, LptLrvHandling } from "./agreement";
import { amountForYear, type AmountSource, type YearlyAmount } from "./amounts";
import type { PaymentCaseInput, ReadyNoticeFact } from "./input";
import { daysText, hourText, liabilityFromText, shortDateText } from "./text";

/**
 * The payment engine for one stay: each calendar day (Europe/Stockholm) from the first notice that
 * the patient is ready for discharge to the end of the stay, whether the kommun pays for it and
 * why, in Swedish. Pure: the agreement's model, the yearly amounts and "now" come in as data.
 *
 * The rules, and where each comes from:
 * - The clock runs from when the notice was SENT (LOSUS 5 kap.; research: prop. 2017/18:12 "efter
 *   det att en underrättelse ... har skickats"), on the Stockholm calendar, so a day is 23 or 25
 *   hours long at the daylight-saving changes and still one day.
 * - Day 0 is the notice day, or the next day under a cut-off or when the agreement does not count
 *   the notice day (agreement.ts); dag N is N calendar days after day 0.
 * - A day is a payment day when at its start (00:00) the patient was ready for discharge and still
 *   in hospital, and it is dag freeDays + 1 or later. So the day of discharge is a payment day if
 *   the patient was still there at 00:00 past the threshold, matching the average models, where
 *   "days from the notice to discharge" makes a same-day discharge 0 days and a discharge the next
 *   day 1 day. Payment responsibility therefore always starts at a midnight: "från 9 dec. 00:00".
 * - A withdrawn notice ("inte längre utskrivningsklar") stops the clock from the next midnight;
 *   the days until a new notice are not payment days; the new notice starts a new count from its
 *   own day 0. Days already past the threshold before the withdrawal stay payment days: the
 *   patient was ready and waiting then.
 * - Preconditions (agreement switches) are judged for the stay as a whole, at its end (or now):
 *   the kommun received an inskrivningsmeddelande; it was a recipient of the ready notice the day
 *   runs from; a kallelse till SIP was sent when a SIP is needed. A missing one makes every day
 *   past the threshold "ej betalningsdag" with the reason.
 * - Psychiatric care has its own day count; LPT/LRV as the agreement says.
 * - Each payment day costs the amount of its own calendar year (a stay over New Year pays two
 *   years' amounts), or the agreement's own amount.
 * - Notices sent after the end of the stay are ignored (a new stay is a new case; a readmission
 *   within the same case cannot happen, and odd data does not reopen a finished stay).
 */

export type PaymentBasis = "individuell" | "manadsgenomsnitt" | "undantagen";

export interface PaymentDay {
  /** "YYYY-MM-DD", Stockholm. */
  date: string;
  /** Dag N of the count (days since day 0); null when the patient was not ready at 00:00. */
  dayNumber: number | null;
  payment: boolean;
  /** Swedish: "dag 4 efter utskrivningsklar", "ej betalningsdag: inskrivningsmeddelande saknades". */
  reason: string;
  /** Kronor for a payment day; null when not a payment day or the year's amount is missing. */
  amountKr: number | null;
}

export interface CasePayment {
  caseId: string;
  basis: PaymentBasis;
  days: PaymentDay[];
  /** Days past day 0 on which the patient was ready at 00:00 and in hospital (what an average counts). */
  readyDays: number;
  paymentDays: number;
  /** Sum of the payment days' amounts; null when an amount is missing (see missingAmountYears). */
  amountKr: number | null;
  missingAmountYears: number[];
  /** Start (00:00) of the first payment day of the current notice; in the future while the stay goes on. */
  liabilityFrom: Date | null;
  /** "Betalningsansvar från 9 dec. 00:00". */
  liabilityText: string | null;
  /** Swedish reasons for unmet preconditions. */
  unmetPreconditions: string[];
  /** The stay has not ended: the days run to `asOf`. */
  ongoing: boolean;
  /** "YYYY-MM" of the end of the stay, the month whose average the stay belongs to; null while ongoing. */
  endMonth: string | null;
  /** Psychiatric (incl. LPT/LRV) or somatic, for the reports' split. */
  careGroup: "somatik" | "psykiatri";
}

export interface EngineOptions {
  /** "Now": the end of an ongoing stay. */
  asOf: Date;
  amounts: readonly YearlyAmount[];
}

interface Notice {
  fact: ReadyNoticeFact;
  /** Days are numbered as Stockholm calendar days since 1970-01-01 (integers: the walk is hot). */
  sentDay: number;
  day0: number;
  /** First day on which the patient is no longer ready at 00:00 (after a withdrawal). */
  notReadyFrom: number | null;
}

const DAY_MS = 86_400_000;

/** The Stockholm calendar day of an instant as a day number (the numeric form of stockholmDate). */
function dayOf(at: Date): number {
  return Math.floor(stockholmWallClock(at).getTime() / DAY_MS);
}
const dayOfIso = (isoDate: string): number => Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS;
/** "YYYY-MM-DD" of a day number, cached: a million stays touch only a few thousand distinct days. */
const isoCache = new Map<number, string>();
function isoOfDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoCache.size > 50_000) isoCache.clear();
    isoCache.set(day, iso);
  }
  return iso;
}

function day0Of(sentAt: Date, zero: DayZero): number {
  // noticeDayCounts false = every notice counts from the next day = a cut-off at 00:00.
  return dayOfIso(paymentClockDay0(sentAt, zero.noticeDayCounts ? zero.cutoffHour : 0));
}

function prepare(input: PaymentCaseInput, endAt: Date, zero: DayZero): Notice[] {
  return input.readyNotices
    .filter((n) => n.sentAt.getTime() < endAt.getTime())
    .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime())
    .map((fact) => {
      let notReadyFrom: number | null = null;
      if (fact.withdrawnAt && fact.withdrawnAt.getTime() < endAt.getTime()) {
        const wDay = dayOf(fact.withdrawnAt);
        // Withdrawn at 00:00 sharp: not ready that day either.
        notReadyFrom = stockholmInstant(isoOfDay(wDay)).getTime() === fact.withdrawnAt.getTime() ? wDay : wDay + 1;
      }
      return { fact, sentDay: dayOf(fact.sentAt), day0: day0Of(fact.sentAt, zero), notReadyFrom };
    });
}

/**
 * Walk the days from the first notice day to the end day. A day belongs to the notice in force at
 * its 00:00 (sent on an earlier day and not yet withdrawn); a day on which a new notice is sent is
 * that notice's day 0, unless the patient was already ready at 00:00 past day 0 under the earlier
 * notice (withdrawn and re-issued the same day): then the earlier notice decides the day, so that
 * a longer stay never has fewer payment days. `dayNumber` null: not ready at 00:00.
 */
function walk(notices: Notice[], endDay: number, visit: (day: number, notice: Notice, dayNumber: number | null) => void): void {
  const first = notices[0];
  if (!first) return;
  let k = -1; // the last notice sent before the day
  let j = -1; // the last notice sent on or before the day
  for (let day = first.sentDay; day <= endDay; day++) {
    while (k + 1 < notices.length && notices[k + 1]!.sentDay < day) k++;
    while (j + 1 < notices.length && notices[j + 1]!.sentDay <= day) j++;
    const atMidnight = k >= 0 ? notices[k]! : null;
    const readyAtMidnight = atMidnight !== null && (atMidnight.notReadyFrom === null || day < atMidnight.notReadyFrom);
    const n = readyAtMidnight ? day - atMidnight.day0 : 0;
    if (readyAtMidnight && n >= 1) visit(day, atMidnight, n);
    else if (j > k) visit(day, notices[j]!, day - notices[j]!.day0);
    else if (readyAtMidnight) visit(day, atMidnight, n);
    else visit(day, atMidnight ?? first, null);
  }
}

/** The day count the stay is judged by, or null when it is excluded (LPT/LRV undantagen). */
function dayCountFor(input: PaymentCaseInput, counts: { somatic: DayCount; psychiatric: DayCount }, lptLrv: LptLrvHandling): DayCount | null {
  if (input.lpt || input.lrv) {
    if (lptLrv.handling === "undantagen") return null;
    if (lptLrv.handling === "egen_dagrakning") return lptLrv.dayCount;
    return counts.psychiatric;
  }
  return input.careType === "psykiatrisk" ? counts.psychiatric : counts.somatic;
}

function preconditionReasons(input: PaymentCaseInput, model: AgreementModel, endAt: Date): string[] {
  const out: string[] = [];
  const { preconditions } = model;
  const notice = input.admissionNoticeToMunicipalityAt;
  if (preconditions.admissionNotice && (notice === null || notice.getTime() > endAt.getTime())) out.push("inskrivningsmeddelande saknades");
  const sent = input.readyNotices.filter((n) => n.sentAt.getTime() < endAt.getTime());
  if (preconditions.readyNotice && sent.length > 0 && !sent.some((n) => n.toMunicipality)) out.push(NOT_TO_MUNICIPALITY);
  if (preconditions.sipCallWhenNeeded && input.sip.needed && (input.sip.calledAt === null || input.sip.calledAt.getTime() > endAt.getTime())) {
    out.push("kallelse till SIP saknades");
  }
  return out;
}

const NOT_TO_MUNICIPALITY = "meddelandet om utskrivningsklar skickades inte till kommunen";

function excludedText(input: PaymentCaseInput): string {
  return `ej betalningsdag: vård enligt ${input.lpt ? "LPT" : "LRV"} ingår inte i betalningsansvaret enligt överenskommelsen`;
}

function beforeDayZeroText(notice: Notice, zero: DayZero): string {
  if (zero.noticeDayCounts && zero.cutoffHour !== undefined) {
    return `ej betalningsdag: meddelandet om utskrivningsklar skickades kl. ${stockholmTime(notice.fact.sentAt).replace(":", ".")}, inte före kl. ${hourText(zero.cutoffHour)}, så dag 0 är nästa dag`;
  }
  return "ej betalningsdag: dagen då meddelandet om utskrivningsklar skickades räknas inte; dag 0 är nästa dag";
}

function withdrawnText(w: Date): string {
  return `ej betalningsdag: inte utskrivningsklar (meddelandet återkallades ${shortDateText(stockholmDate(w))} kl. ${stockholmTime(w).replace(":", ".")})`;
}

function dayZeroText(notice: Notice): string {
  return `ej betalningsdag: dag 0, meddelande om utskrivningsklar skickat ${shortDateText(stockholmDate(notice.fact.sentAt))} kl. ${stockholmTime(notice.fact.sentAt).replace(":", ".")}`;
}

export function computeCasePayment(input: PaymentCaseInput, model: AgreementModel, options: EngineOptions): CasePayment {
  const ongoing = input.endedAt === null;
  const endAt = input.endedAt ?? options.asOf;
  const endDay = dayOf(endAt);
  const careGroup = input.careType === "psykiatrisk" || input.lpt || input.lrv ? "psykiatri" : "somatik";
  const unmet = preconditionReasons(input, model, endAt);

  // Which count applies: the monthly-average model counts a stay individually only past its long-stay limit.
  let basis: PaymentBasis;
  let dayCount: DayCount | null;
  let zero: DayZero;
  if (model.kind === "individuell") {
    dayCount = dayCountFor(input, model, model.lptLrv);
    basis = dayCount ? "individuell" : "undantagen";
    zero = dayCount ?? model.somatic;
  } else {
    zero = model.dayZero;
    const excluded = dayCountFor(input, model.longStay, model.lptLrv) === null;
    const ready = countReadyDays(prepare(input, endAt, zero), endDay);
    dayCount = excluded ? null : ready > model.longStay.moreThanDays ? dayCountFor(input, model.longStay, model.lptLrv) : null;
    basis = excluded ? "undantagen" : dayCount ? "individuell" : "manadsgenomsnitt";
    if (dayCount) zero = dayCount;
  }

  const notices = prepare(input, endAt, zero);
  const amountsByYear = new Map<number, AmountSource>();
  // Texts made once per notice, not once per day.
  const texts = new Map<string, string>();
  const once = (notice: Notice, kind: string, make: (n: Notice) => string): string => {
    const key = `${kind}${notice.fact.sentAt.getTime()}`;
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = make(notice)));
    return text;
  };
  const freeText = dayCount ? `ej betalningsdag: inom ${daysText(dayCount.freeDays)} efter meddelande om utskrivningsklar` : "";
  const excluded = basis === "undantagen" ? excludedText(input) : "";

  const days: PaymentDay[] = [];
  const missing = new Set<number>();
  let readyDays = 0;
  let paymentDays = 0;
  let amountKr = 0;
  walk(notices, endDay, (day, notice, n) => {
    const date = isoOfDay(day);
    let payment = false;
    let reason: string;
    let amount: number | null = null;
    if (n === null) reason = once(notice, "w", (x) => withdrawnText(x.fact.withdrawnAt as Date));
    else if (n < 0) reason = beforeDayZeroText(notice, zero);
    else if (n === 0) reason = once(notice, "0", dayZeroText);
    else if (basis === "undantagen") reason = excluded;
    else if (basis === "manadsgenomsnitt") reason = `ej betalningsdag för ärendet: dag ${n} efter utskrivningsklar ingår i kommunens månadsgenomsnitt`;
    else if (n <= (dayCount as DayCount).freeDays) reason = freeText;
    else {
      // One notice of several may have missed the kommun: its days are not payment days.
      const reasons =
        model.preconditions.readyNotice && !notice.fact.toMunicipality && !unmet.includes(NOT_TO_MUNICIPALITY) ? [...unmet, NOT_TO_MUNICIPALITY] : unmet;
      if (reasons.length > 0) reason = `ej betalningsdag: ${reasons.join("; ")}`;
      else {
        payment = true;
        reason = `dag ${n} efter utskrivningsklar`;
        const year = Number(date.slice(0, 4));
        let source = amountsByYear.get(year);
        if (!source) amountsByYear.set(year, (source = amountForYear(year, options.amounts, model.amountPerDayKr)));
        paymentDays += 1;
        if (source.kind === "saknas") missing.add(source.year);
        else {
          amount = source.amountKr;
          amountKr += amount;
        }
      }
    }
    if (n !== null && n >= 1) readyDays += 1;
    days.push({ date, dayNumber: n === null || n < 0 ? null : n, payment, reason, amountKr: amount });
  });

  const liabilityDay = liabilityStartDay(notices, dayCount, basis, unmet, model, endDay, ongoing);
  const liabilityDate = liabilityDay === null ? null : isoOfDay(liabilityDay);
  return {
    caseId: input.caseId,
    basis,
    days,
    readyDays,
    paymentDays,
    amountKr: missing.size > 0 ? null : amountKr,
    missingAmountYears: [...missing].sort((a, b) => a - b),
    liabilityFrom: liabilityDate ? stockholmInstant(liabilityDate) : null,
    liabilityText: liabilityDate ? liabilityFromText(liabilityDate) : null,
    unmetPreconditions: unmet,
    ongoing,
    endMonth: ongoing ? null : isoOfDay(endDay).slice(0, 7),
    careGroup,
  };
}

/** The first payment day of the current (last, not withdrawn) notice, if it can be one. */
function liabilityStartDay(
  notices: Notice[],
  dayCount: DayCount | null,
  basis: PaymentBasis,
  unmet: string[],
  model: AgreementModel,
  endDay: number,
  ongoing: boolean,
): number | null {
  const current = notices.at(-1);
  if (!current || !dayCount || basis !== "individuell" || unmet.length > 0) return null;
  if (current.notReadyFrom !== null) return null;
  if (model.preconditions.readyNotice && !current.fact.toMunicipality) return null;
  const first = current.day0 + dayCount.freeDays + 1;
  return ongoing || first <= endDay ? first : null;
}

/** Days past day 0 on which the patient was ready at 00:00 (the monthly average's unit). */
function countReadyDays(notices: Notice[], endDay: number): number {
  let n = 0;
  walk(notices, endDay, (_day, _notice, dayNumber) => {
    if (dayNumber !== null && dayNumber >= 1) n += 1;
  });
  return n;
}
