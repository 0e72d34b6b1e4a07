/**
 * Stockholm wall-clock reading for Swedish text (summaries, checklists, the CSV report), with the
 * standard Intl API only. "2026-03-29 01:30" is always the time on a Swedish clock, also across
 * the daylight-saving changes.
 */

const HOUR_MS = 3_600_000;
const WALL = new Intl.DateTimeFormat("en-US", {
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
 * Stockholm's UTC offset, cached per UTC hour: the changes fall on whole UTC hours (01:00 UTC),
 * so one Intl call per distinct hour is exact, and formatting thousands of times stays cheap.
 */
const offsets = new Map<number, number>();
function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const cached = offsets.get(hour);
  if (cached !== undefined) return cached;
  const probe = hour * HOUR_MS;
  const parts = WALL.formatToParts(new Date(probe));
  const num = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const local = Date.UTC(num("year"), num("month") - 1, num("day"), num("hour"), num("minute"), num("second"));
  const offset = local - probe;
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(hour, offset);
  return offset;
}

/** The Stockholm wall clock as a Date whose UTC fields read the local time. */
function wall(at: Date): Date {
  return new Date(at.getTime() + offsetAt(at.getTime()));
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** "HH:MM" on the Stockholm clock. */
export function stockholmTime(at: Date): string {
  const w = wall(at);
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

/** "YYYY-MM-DD HH:MM" on the Stockholm clock. */
export function stockholmDateTime(at: Date): string {
  const w = wall(at);
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

/** Minutes since midnight on the Stockholm clock (0–1439). */
export function stockholmMinuteOfDay(at: Date): number {
  const w = wall(at);
  return w.getUTCHours() * 60 + w.getUTCMinutes();
}

/** ISO weekday on the Stockholm calendar: 1 = Monday … 7 = Sunday. */
export function stockholmWeekday(at: Date): number {
  const day = wall(at).getUTCDay();
  return day === 0 ? 7 : day;
}

/** "7 h 5 min", "45 min", "2 d 3 h 0 min": a duration of real elapsed time. */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return `${days} d ${hours} h ${minutes} min`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return `${minutes} min`;
}

/** A Swedish list: "a", "a och b", "a, b och c". */
export function swedishList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

/**
 * "Läsning i NPÖ" → "läsning i NPÖ": only the first letter, so abbreviations keep their case; a
 * text that begins with one ("SIP-plan") is left as it is.
 */
export function lowerFirst(text: string): string {
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
