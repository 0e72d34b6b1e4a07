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
 * exact, and formatting thousands of times (the CSV report, the national data's million cases)
 * stays cheap. The hour last asked about is kept apart: callers ask about the same hour in runs.
 */
const offsets = new Map<number, number>();
let lastHour = NaN;
let lastOffset = 0;
function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  if (hour === lastHour) return lastOffset;
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const probe = hour * HOUR_MS;
    const parts = WALL_CLOCK.formatToParts(new Date(probe));
    const num = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
    const local = Date.UTC(num("year"), num("month") - 1, num("day"), num("hour"), num("minute"), num("second"));
    offset = local - probe;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  lastHour = hour;
  lastOffset = offset;
  return offset;
}

/**
 * The instant at which the Stockholm wall clock reads `local` (a wall-clock time as ms whose UTC
 * fields are the local ones). A wall time that occurs twice (the October change, 02:00–02:59)
 * gives the earlier instant; one that does not exist (the March change, 02:00–02:59) is moved one
 * hour forward. The offsets in force a day either side cover both sides of any change on this day.
 */
function instantOfWallClock(local: number): number {
  const before = offsetAt(local - DAY_MS);
  const after = offsetAt(local + DAY_MS);
  let earliest = NaN;
  const a = local - before;
  if (a + offsetAt(a) === local) earliest = a;
  const b = local - after;
  if (after !== before && b + offsetAt(b) === local && !(b > earliest)) earliest = b;
  // In the spring gap: read the wall time with the offset before the change (02:30 → 03:30).
  return Number.isNaN(earliest) ? local - before : earliest;
}

/** The Stockholm wall clock of an instant in ms (see stockholmWallClock). */
function wallClockMs(at: Date): number {
  const ms = at.getTime();
  return ms + offsetAt(ms);
}

/**
 * The Stockholm wall clock of an instant as a Date whose UTC fields read the local time
 * (`getUTCHours()` is the hour on a Swedish clock). Throws a RangeError for an invalid Date.
 */
export function stockholmWallClock(at: Date): Date {
  if (Number.isNaN(at.getTime())) throw new RangeError("Ogiltig tidpunkt");
  return new Date(wallClockMs(at));
}

function assertValid(date: Date, what: string): void {
  if (Number.isNaN(date.getTime())) throw new RangeError(`Ogiltig tidpunkt: ${what}`);
}

const pad = (n: number, len = 2): string => String(n).padStart(len, "0");

/** The "YYYY-MM-DD" of each Stockholm day asked about, by day number (a few thousand at most). */
const dateTexts = new Map<number, string>();

/** The calendar date in Stockholm at the instant `at`, as "YYYY-MM-DD". */
export function stockholmDate(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError("Ogiltig tidpunkt");
  const day = Math.floor(wallClockMs(at) / DAY_MS);
  let text = dateTexts.get(day);
  if (text === undefined) {
    const w = new Date(day * DAY_MS);
    text = `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
    if (dateTexts.size > 100_000) dateTexts.clear();
    dateTexts.set(day, text);
  }
  return text;
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
  return new Date(instantOfWallClock(Date.UTC(year, month - 1, day, hour, minute, second, millisecond)));
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
  return new Date(instantOfWallClock(Math.floor(wallClockMs(at) / DAY_MS) * DAY_MS));
}

/**
 * The last millisecond (23:59:59.999) of the Stockholm calendar day containing `at`, so that
 * "by the end of the day" reads `now <= due` and overdue reads `now > due`.
 */
export function stockholmDayEnd(at: Date): Date {
  assertValid(at, "dagens slut");
  return new Date(instantOfWallClock((Math.floor(wallClockMs(at) / DAY_MS) + 1) * DAY_MS) - 1);
}

/** The same Stockholm wall-clock time `days` calendar days later (not days × 24 h across a change). */
export function addCalendarDays(at: Date, days: number): Date {
  assertValid(at, "datumräkning");
  return new Date(instantOfWallClock(wallClockMs(at) + days * DAY_MS));
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
