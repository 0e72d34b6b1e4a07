/**
 * Calendar dates in Europe/Stockholm. The rules speak of days ("giltig t.o.m. 2026-12-31",
 * "födelsedatumet ligger i framtiden"), and a day starts at midnight in Sweden, not in UTC.
 * Uses only the standard Intl API (no Node APIs).
 */

const STOCKHOLM_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Stockholm at the instant `now`, as "YYYY-MM-DD". */
export function stockholmDate(now: Date): string {
  const parts = STOCKHOLM_DATE.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Is `now` inside [from, to]? Each bound is optional and may be a calendar date
 * ("2026-12-31", inclusive, Stockholm time) or an ISO instant. An unparseable bound
 * fails closed (returns false), because these bounds gate access.
 */
export function isWithinValidity(now: Date, from?: string, to?: string): boolean {
  return boundOk(now, from, "from") && boundOk(now, to, "to");
}

function boundOk(now: Date, bound: string | undefined, side: "from" | "to"): boolean {
  if (bound === undefined || bound === "") return true;
  if (ISO_DATE.test(bound)) {
    const today = stockholmDate(now);
    return side === "from" ? today >= bound : today <= bound;
  }
  const t = Date.parse(bound);
  if (Number.isNaN(t)) return false;
  return side === "from" ? now.getTime() >= t : now.getTime() <= t;
}
