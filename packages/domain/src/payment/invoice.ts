import { stockholmDate } from "../time/stockholm";
import type { CasePayment } from "./engine";

/**
 * The invoice basis (faktureringsunderlag) per kommun and month, as rules over plain data:
 * - the engine's payment days of a case as runs of consecutive days (what is stored per case);
 * - a run's days in a calendar month;
 * - "Fastställ": which month may be locked;
 * - corrections: a change to a locked month (an after-registered message, a withdrawal entered
 *   late) is never written into the locked month; the difference between what the month's days
 *   are now and what was invoiced for them becomes a correction row in the next open month.
 *   Region Västra Götaland's model freezes the month after a correction window (research: SAMSA,
 *   corrections by the 12th of the following month); here the lock is the freeze and every later
 *   change is carried forward instead of lost.
 */

export const INVOICE_ROW_KINDS = ["ordinarie", "rattelse"] as const;
export type InvoiceRowKind = (typeof INVOICE_ROW_KINDS)[number];
export const INVOICE_ROW_KIND_LABELS: Record<InvoiceRowKind, string> = {
  ordinarie: "Ordinarie",
  rattelse: "Rättelse",
};

/** Consecutive payment days, inclusive; `to` null = still running (an ongoing stay past its threshold). */
export interface PaymentPeriod {
  from: string;
  to: string | null;
}

const addDays = (iso: string, n: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * The payment days of a computed stay as runs. While the stay goes on, the run that reaches
 * "now" stays open, and a threshold still ahead opens a run from the day payment starts: days to
 * come are payment days unless a message changes the case (which recomputes it).
 */
export function paymentPeriods(payment: CasePayment): PaymentPeriod[] {
  const runs: PaymentPeriod[] = [];
  let current: PaymentPeriod | null = null;
  let previous: string | null = null;
  for (const day of payment.days) {
    if (day.payment && current && previous !== null && addDays(previous, 1) === day.date) current.to = day.date;
    else if (day.payment) runs.push((current = { from: day.date, to: day.date }));
    else current = null;
    previous = day.date;
  }
  if (!payment.ongoing || payment.liabilityText === null) return runs;
  const last = payment.days.at(-1);
  if (last?.payment && current) current.to = null;
  else if (payment.liabilityFrom) {
    const from = liabilityDate(payment);
    if (from && (!last || from > last.date)) runs.push({ from, to: null });
  }
  return runs;
}

function liabilityDate(payment: CasePayment): string | null {
  return payment.liabilityFrom ? stockholmDate(payment.liabilityFrom) : null;
}

/** "YYYY-MM" of the month after. */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  return { first, last: addDays(`${nextMonth(month)}-01`, -1) };
}

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The days of a run inside a month, counting an open run up to `today` (a day counts from its 00:00). */
export function periodDaysInMonth(period: PaymentPeriod, month: string, today: string): number {
  const { first, last } = monthBounds(month);
  const to = period.to ?? today;
  const start = period.from > first ? period.from : first;
  const end = to < last ? to : last;
  return end < start ? 0 : dayNumber(end) - dayNumber(start) + 1;
}

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export type LockDecision = { ok: true } | { ok: false; message: string };

/**
 * A month may be locked once it has ended (its days can still change while it runs) and only
 * once. Earlier months need not be locked first: a kommun may start invoicing in any month.
 */
export function mayLockMonth(month: string, today: string, lockedMonths: readonly string[]): LockDecision {
  if (!MONTH.test(month)) return { ok: false, message: "Ange månaden som ÅÅÅÅ-MM." };
  if (lockedMonths.includes(month)) return { ok: false, message: "Månaden är redan fastställd." };
  if (month >= today.slice(0, 7)) return { ok: false, message: "En månad kan fastställas först när den är slut." };
  return { ok: true };
}

/**
 * The month a correction to `serviceMonth` is carried into: the first month after it that is not
 * locked. Null while `serviceMonth` itself is open (then the change is simply part of its rows).
 */
export function correctionMonth(serviceMonth: string, lockedMonths: readonly string[]): string | null {
  const locked = new Set(lockedMonths);
  if (!locked.has(serviceMonth)) return null;
  let m = nextMonth(serviceMonth);
  while (locked.has(m)) m = nextMonth(m);
  return m;
}

export interface CaseMonthDays {
  caseId: string;
  serviceMonth: string;
  days: number;
  amountKr: number | null;
}

/**
 * The correction rows that belong in `invoiceMonth`: for every locked service month whose
 * corrections land in `invoiceMonth`, each case whose days now differ from the sum of what was
 * invoiced for it (its ordinary row and any earlier corrections). A negative row gives days back.
 */
export function correctionRows(
  invoiceMonth: string,
  lockedMonths: readonly string[],
  now: readonly CaseMonthDays[],
  invoiced: readonly CaseMonthDays[],
): CaseMonthDays[] {
  const key = (r: { caseId: string; serviceMonth: string }) => `${r.caseId}|${r.serviceMonth}`;
  const sums = new Map<string, { caseId: string; serviceMonth: string; days: number; amountKr: number | null; nowDays: number; nowAmount: number | null }>();
  const slot = (r: CaseMonthDays) => {
    let s = sums.get(key(r));
    if (!s) sums.set(key(r), (s = { caseId: r.caseId, serviceMonth: r.serviceMonth, days: 0, amountKr: 0, nowDays: 0, nowAmount: 0 }));
    return s;
  };
  for (const r of invoiced) {
    const s = slot(r);
    s.days += r.days;
    s.amountKr = s.amountKr === null || r.amountKr === null ? null : s.amountKr + r.amountKr;
  }
  for (const r of now) {
    const s = slot(r);
    s.nowDays += r.days;
    s.nowAmount = s.nowAmount === null || r.amountKr === null ? null : s.nowAmount + r.amountKr;
  }
  const out: CaseMonthDays[] = [];
  for (const s of sums.values()) {
    if (correctionMonth(s.serviceMonth, lockedMonths) !== invoiceMonth) continue;
    const days = s.nowDays - s.days;
    const amount = s.nowAmount === null || s.amountKr === null ? null : s.nowAmount - s.amountKr;
    if (days === 0 && (amount === 0 || amount === null)) continue;
    out.push({ caseId: s.caseId, serviceMonth: s.serviceMonth, days, amountKr: amount });
  }
  return out.sort((a, b) => a.serviceMonth.localeCompare(b.serviceMonth) || a.caseId.localeCompare(b.caseId));
}

/**
 * Sum of rows' days and amounts; null when any amount is missing (the money is never guessed).
 * A monthly-average month row may carry tenths of a day and öre, so the sum is taken in those
 * units and is exact.
 */
export function invoiceTotal(rows: readonly { days: number; amountKr: number | null }[]): { days: number; amountKr: number | null } {
  let tenths = 0;
  let ore: number | null = 0;
  for (const r of rows) {
    tenths += Math.round(r.days * 10);
    ore = ore === null || r.amountKr === null ? null : ore + Math.round(r.amountKr * 100);
  }
  return { days: tenths / 10, amountKr: ore === null ? null : ore / 100 };
}

export const DISPUTE_REASON_MAX = 2000;

/** A dispute's reason or the region's answer: required, trimmed, bounded. */
export function checkDisputeText(text: string, what: "skäl" | "svar"): LockDecision {
  const t = text.trim();
  if (t.length === 0) return { ok: false, message: what === "skäl" ? "Ange skälet till att raden bestrids." : "Skriv ett svar." };
  if (t.length > DISPUTE_REASON_MAX) return { ok: false, message: `Texten får vara högst ${DISPUTE_REASON_MAX} tecken.` };
  return { ok: true };
}
