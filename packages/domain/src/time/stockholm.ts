/**
 * Time in Europe/Stockholm, with only the standard Intl API (no date library, no Node APIs). The
 * rules speak of days ("giltig t.o.m. 2026-12-31", "senast dagen efter"): a day starts at midnight
 * in Sweden, not in UTC, is 23 hours long on the last Sunday of March and 25 hours on the last
 * Sunday of October. Everything here takes and returns instants (Date); calendar dates are
 * "YYYY-MM-DD" strings. Swedish text of an instant is in ./format.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const WALL_CLOCK = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Stockholm",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/**
 * Stockholm's UTC offset at an instant, in ms (+1 h in winter, +2 h in summer), cached per UTC
 * hour: the changes fall on whole UTC hours (01:00 UTC), so one Intl call per distinct hour is
 * exact, and formatting thousands of times (the CSV report) stays cheap.
 */
const offsets = new Map<number, number>();
function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const cached = offsets.get(hour);
  if (cached !== undefined) return cached;
  const probe = hour * HOUR_MS;
  const parts = WALL_CLOCK.formatToParts(new Date(probe));
  const num = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const local = Date.UTC(num("year"), num("month") - 1, num("day"), num("hour"), num("minute"), num("second"));
  const offset = local - probe;
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(hour, offset);
  return offset;
}

/**
 * The Stockholm wall clock of an instant as a Date whose UTC fields read the local time
 * (`getUTCHours()` is the hour on a Swedish clock). Throws a RangeError for an invalid Date.
 */
export function stockholmWallClock(at: Date): Date {
  if (Number.isNaN(at.getTime())) throw new RangeError("Ogiltig tidpunkt");
  return new Date(at.getTime() + offsetAt(at.getTime()));
}

function assertValid(date: Date, what: string): void {
  if (Number.isNaN(date.getTime())) throw new RangeError(`Ogiltig tidpunkt: ${what}`);
}

const pad = (n: number, len = 2): string => String(n).padStart(len, "0");

/** The calendar date in Stockholm at the instant `at`, as "YYYY-MM-DD". */
export function stockholmDate(at: Date): string {
  const w = stockholmWallClock(at);
  return `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Ogiltigt datum: "${date}" (ange ÅÅÅÅ-MM-DD)`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`Ogiltigt datum: "${date}"`);
  }
  return { year, month, day };
}

/**
 * The instant at which the Stockholm wall clock shows `date` `time` ("HH:MM[:SS[.mmm]]").
 * A wall time that occurs twice (the October change, 02:00–02:59) gives the earlier instant;
 * one that does not exist (the March change, 02:00–02:59) is moved one hour forward.
 */
export function stockholmInstant(date: string, time = "00:00"): Date {
  const { year, month, day } = parseIsoDate(date);
  const t = TIME.exec(time);
  if (!t) throw new RangeError(`Ogiltig klockslag: "${time}" (ange TT:MM)`);
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  const millisecond = Number((t[4] ?? "0").padEnd(3, "0"));
  if (hour > 23 || minute > 59 || second > 59) throw new RangeError(`Ogiltig klockslag: "${time}"`);
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // The offsets in force a day either side cover both sides of any change on this day.
  const candidates = [...new Set([offsetAt(local - DAY_MS), offsetAt(local + DAY_MS)])].sort((a, b) => b - a);
  const matches = candidates.map((o) => local - o).filter((c) => c + offsetAt(c) === local);
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In the spring gap: read the wall time with the offset before the change (02:30 → 03:30).
  return new Date(local - offsetAt(local - DAY_MS));
}

/** "YYYY-MM-DD" plus `days` calendar days (negative allowed). */
export function addDaysToIsoDate(date: string, days: number): string {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Calendar days from date `a` to date `b` ("YYYY-MM-DD"); positive when b is later. */
export function isoDateDiff(a: string, b: string): number {
  const pa = parseIsoDate(a);
  const pb = parseIsoDate(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / DAY_MS);
}

/** Midnight (00:00) in Stockholm at the start of the calendar day containing `at`. */
export function stockholmDayStart(at: Date): Date {
  assertValid(at, "dagens början");
  return stockholmInstant(stockholmDate(at));
}

/**
 * The last millisecond (23:59:59.999) of the Stockholm calendar day containing `at`, so that
 * "by the end of the day" reads `now <= due` and overdue reads `now > due`.
 */
export function stockholmDayEnd(at: Date): Date {
  assertValid(at, "dagens slut");
  return new Date(stockholmInstant(addDaysToIsoDate(stockholmDate(at), 1)).getTime() - 1);
}

/** The same Stockholm wall-clock time `days` calendar days later (not days × 24 h across a change). */
export function addCalendarDays(at: Date, days: number): Date {
  assertValid(at, "datumräkning");
  const w = stockholmWallClock(at);
  const time = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}.${pad(w.getUTCMilliseconds(), 3)}`;
  return stockholmInstant(addDaysToIsoDate(stockholmDate(at), days), time);
}

/** Calendar days between two instants, counted on the Stockholm calendar (0 = the same day). */
export function stockholmCalendarDaysBetween(from: Date, to: Date): number {
  assertValid(from, "från");
  assertValid(to, "till");
  return isoDateDiff(stockholmDate(from), stockholmDate(to));
}

/** The Stockholm hour (0–23) at an instant, for cut-off rules such as "before 12:00". */
export function stockholmHour(at: Date): number {
  assertValid(at, "klockslag");
  return stockholmWallClock(at).getUTCHours();
}

/** Minutes since midnight on the Stockholm clock (0–1439). */
export function stockholmMinuteOfDay(at: Date): number {
  const w = stockholmWallClock(at);
  return w.getUTCHours() * 60 + w.getUTCMinutes();
}

/** ISO weekday on the Stockholm calendar: 1 = Monday … 7 = Sunday. */
export function stockholmWeekday(at: Date): number {
  const day = stockholmWallClock(at).getUTCDay();
  return day === 0 ? 7 : day;
}

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
