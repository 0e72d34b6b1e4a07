import { stockholmDate, stockholmWallClock } from "./stockholm";

/**
 * Instants as Swedish text (summaries, checklists, the CSV report, e-mail), always on the
 * Stockholm clock: "2026-03-29 01:30" is the time a Swedish clock showed, also across the
 * daylight-saving changes.
 */

const pad = (n: number): string => String(n).padStart(2, "0");

/** "HH:MM" on the Stockholm clock. */
export function stockholmTime(at: Date): string {
  const w = stockholmWallClock(at);
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

/** "YYYY-MM-DD HH:MM" on the Stockholm clock. */
export function stockholmDateTime(at: Date): string {
  return `${stockholmDate(at)} ${stockholmTime(at)}`;
}

const LONG_PARTS = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function longWallClock(at: Date): string {
  const parts = LONG_PARTS.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("weekday")} ${get("day")} ${get("month")} ${get("year")} kl. ${get("hour")}.${get("minute")}`;
}

/**
 * "söndag 22 november 2026 kl. 14.30", for a reader who acts on the time (a deadline). In the
 * hour that occurs twice when summer time ends, "(sommartid)" or "(normaltid)" tells which one is
 * meant. Throws on an invalid Date.
 */
export function stockholmLongDateTime(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError("Ogiltigt datum.");
  const text = longWallClock(at);
  const HOUR = 3_600_000;
  if (longWallClock(new Date(at.getTime() + HOUR)) === text) return `${text} (sommartid)`;
  if (longWallClock(new Date(at.getTime() - HOUR)) === text) return `${text} (normaltid)`;
  return text;
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
