import { addDaysToIsoDate, stockholmDate, stockholmMinuteOfDay, stockholmWeekday } from "../time/stockholm";

/**
 * "Is the number open now?" from the contact list's free-text hours, on the Stockholm clock.
 * Understood: "dygnet runt" (and "hela dygnet", "alla tider", "24/7"); day words "vardagar",
 * "helgfria vardagar", "varje vardag", "alla dagar", "dagligen", "helger", "helgdagar",
 * day names and ranges ("mån–fre", "måndag-fredag", "lör", "sön"); times "07.30–16.15",
 * "7:30-16:15", "8–17", "kl. 8 till 17"; several parts separated by "," ";" or " samt "; a part
 * "stängt" closes its days. A range whose end is not after its start runs past midnight.
 *
 * "Vardagar" are Monday–Friday that are neither public holidays nor midsommar-, jul- or
 * nyårsafton (closed in practice); "helger" are Saturdays, Sundays and those days. A day-name
 * rule ("mån–fre") that falls on a holiday gives "unknown": the text does not say. Anything not
 * understood gives "unknown", never a guess.
 */

export type OpenStatus = "open" | "closed" | "unknown";

type DaySet = { kind: "workdays" } | { kind: "holidays" } | { kind: "all" } | { kind: "weekdays"; days: Set<number> };
interface Interval {
  start: number;
  end: number;
}
interface Part {
  days: DaySet;
  /** Empty with closed = true: "stängt"; empty otherwise: the whole day. */
  intervals: Interval[];
  closed: boolean;
}

const DAY_NAMES: [RegExp, number][] = [
  [/^mån(dag|dagar)?$/, 1],
  [/^tis(dag|dagar)?$/, 2],
  [/^ons(dag|dagar)?$/, 3],
  [/^tor(s|sdag|sdagar)?$/, 4],
  [/^fre(dag|dagar)?$/, 5],
  [/^lör(dag|dagar)?$/, 6],
  [/^sön(dag|dagar)?$/, 7],
];

function dayNumber(word: string): number | null {
  for (const [re, n] of DAY_NAMES) if (re.test(word)) return n;
  return null;
}

const TIME_RANGE = /(\d{1,2})(?:[.:](\d{2}))?\s*-\s*(\d{1,2})(?:[.:](\d{2}))?/g;
const ALWAYS = /dygnet runt|hela dygnet|dygnet om|alla tider|24\/7|jour dygnet runt/;

function minutes(h: string | undefined, m: string | undefined): number | null {
  const hour = Number(h);
  const minute = Number(m ?? "0");
  if (!Number.isInteger(hour) || hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return null;
  return hour * 60 + minute;
}

function parseDays(text: string): DaySet | null {
  const t = text.replace(/\s+/g, " ").trim();
  if (t === "" || /^(alla dagar|dagligen|varje dag|veckans alla dagar)$/.test(t)) return { kind: "all" };
  if (/^(helgfria vardagar|vardagar|varje vardag|vardag)$/.test(t)) return { kind: "workdays" };
  if (/^(helger|helgdagar|helg|lör- och helgdagar|helger och helgdagar)$/.test(t)) return { kind: "holidays" };
  const range = /^([a-zåäö]+)\s*-\s*([a-zåäö]+)$/.exec(t);
  if (range) {
    const from = dayNumber(range[1] ?? "");
    const to = dayNumber(range[2] ?? "");
    if (from === null || to === null) return null;
    const days = new Set<number>();
    for (let d = from; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === to) break;
    }
    return { kind: "weekdays", days };
  }
  const words = t.split(/\s*(?:,|och|\s)\s*/).filter((w) => w !== "");
  const days = new Set<number>();
  for (const w of words) {
    const n = dayNumber(w);
    if (n === null) return null;
    days.add(n);
  }
  return days.size > 0 ? { kind: "weekdays", days } : null;
}

function parsePart(raw: string): Part | null {
  let t = raw
    .replace(/\bkl\.?\s*/g, " ")
    .replace(/\btill\b/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  if (t === "") return null;
  if (ALWAYS.test(t)) {
    const days = parseDays(t.replace(ALWAYS, "").replace(/,/g, " ").trim());
    return days ? { days, intervals: [{ start: 0, end: 1440 }], closed: false } : null;
  }
  const closed = /\bstängt|\bstängd/.test(t);
  t = t.replace(/\bstängt|\bstängd/g, "").trim();
  const intervals: Interval[] = [];
  for (const m of t.matchAll(TIME_RANGE)) {
    const start = minutes(m[1], m[2]);
    const end = minutes(m[3], m[4]);
    if (start === null || end === null) return null;
    intervals.push({ start, end });
  }
  const dayText = t.replace(TIME_RANGE, " ").replace(/\s+/g, " ").trim();
  const days = parseDays(dayText);
  if (!days) return null;
  if (closed) return intervals.length === 0 ? { days, intervals: [], closed: true } : null;
  if (intervals.length === 0) return null;
  return { days, intervals, closed: false };
}

/** The parts of an opening-hours text, or null when any part is not understood. */
function parseOpeningHours(text: string): Part[] | null {
  const normalised = text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s*-\s*/g, "-");
  const out: Part[] = [];
  // A segment with only day words ("mån, ons 8-12") belongs to the next segment.
  let carry = "";
  for (const raw of normalised.split(/[;,]|\bsamt\b/)) {
    const segment = raw.trim();
    if (segment === "") continue;
    const dayOnly = !/\d/.test(segment) && !ALWAYS.test(segment) && !/stängd|stängt/.test(segment);
    if (dayOnly) {
      carry = carry === "" ? segment : `${carry}, ${segment}`;
      continue;
    }
    const part = parsePart(carry === "" ? segment : `${carry}, ${segment}`);
    carry = "";
    if (!part) return null;
    out.push(part);
  }
  // "dygnet runt, alla dagar": a trailing "every day" adds nothing; any other trailing day list is not understood.
  if (carry !== "" && parseDays(carry)?.kind !== "all") return null;
  return out.length > 0 ? out : null;
}

/** Does a day set cover an ISO date? "unknown" when a day-name rule meets a holiday. */
function coversDay(days: DaySet, date: string, weekday: number): boolean | "unknown" {
  const holiday = isNonWorkingDay(date);
  switch (days.kind) {
    case "all":
      return true;
    case "workdays":
      return weekday <= 5 && !holiday;
    case "holidays":
      return weekday >= 6 || holiday;
    case "weekdays":
      if (!days.days.has(weekday)) return false;
      return holiday && weekday <= 5 ? "unknown" : true;
  }
}

/** Open, closed or unknown at `at` on the Stockholm clock. */
export function openingStatus(openingHours: string | null | undefined, at: Date): OpenStatus {
  if (!openingHours || openingHours.trim() === "") return "unknown";
  const parts = parseOpeningHours(openingHours);
  if (!parts) return "unknown";
  const today = stockholmDate(at);
  const yesterday = addDaysToIsoDate(today, -1);
  const weekday = stockholmWeekday(at);
  const yesterdayWeekday = weekday === 1 ? 7 : weekday - 1;
  const minute = stockholmMinuteOfDay(at);

  let unknown = false;
  let open = false;
  // "stängt" parts first: they override other parts for their days.
  for (const part of parts.filter((p) => p.closed)) {
    if (coversDay(part.days, today, weekday) === true) return "closed";
  }
  for (const part of parts.filter((p) => !p.closed)) {
    for (const iv of part.intervals) {
      const wraps = iv.end <= iv.start;
      const inToday = wraps ? minute >= iv.start : minute >= iv.start && minute < iv.end;
      const fromYesterday = wraps && minute < iv.end;
      const hits: (boolean | "unknown")[] = [];
      if (inToday) hits.push(coversDay(part.days, today, weekday));
      if (fromYesterday) hits.push(coversDay(part.days, yesterday, yesterdayWeekday));
      if (hits.includes(true)) open = true;
      else if (hits.includes("unknown")) unknown = true;
    }
  }
  if (open) return "open";
  return unknown ? "unknown" : "closed";
}

export const OPEN_STATUS_LABELS: Record<OpenStatus, string> = {
  open: "Öppet nu",
  closed: "Stängt nu",
  unknown: "Öppettid okänd",
};

// --- Swedish public holidays --------------------------------------------------------------

function easterSunday(year: number): string {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The Saturday in [from, from + 6] of the given month (midsommardagen, alla helgons dag). */
function saturdayFrom(year: number, month: number, from: number): string {
  const start = new Date(Date.UTC(year, month - 1, from));
  const offset = (6 - start.getUTCDay() + 7) % 7;
  return new Date(Date.UTC(year, month - 1, from + offset)).toISOString().slice(0, 10);
}

const holidayCache = new Map<number, Map<string, string>>();

/**
 * Sweden's public holidays (lagen om allmänna helgdagar) and the three aftons that are closed in
 * practice, by ISO date, with their names.
 */
export function swedishNonWorkingDays(year: number): Map<string, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const y = String(year);
  const easter = easterSunday(year);
  const midsommardagen = saturdayFrom(year, 6, 20);
  const days = new Map<string, string>([
    [`${y}-01-01`, "Nyårsdagen"],
    [`${y}-01-06`, "Trettondedag jul"],
    [addDaysToIsoDate(easter, -2), "Långfredagen"],
    [easter, "Påskdagen"],
    [addDaysToIsoDate(easter, 1), "Annandag påsk"],
    [`${y}-05-01`, "Första maj"],
    [addDaysToIsoDate(easter, 39), "Kristi himmelsfärdsdag"],
    [addDaysToIsoDate(easter, 49), "Pingstdagen"],
    [`${y}-06-06`, "Sveriges nationaldag"],
    [addDaysToIsoDate(midsommardagen, -1), "Midsommarafton"],
    [midsommardagen, "Midsommardagen"],
    [saturdayFrom(year, 10, 31), "Alla helgons dag"],
    [`${y}-12-24`, "Julafton"],
    [`${y}-12-25`, "Juldagen"],
    [`${y}-12-26`, "Annandag jul"],
    [`${y}-12-31`, "Nyårsafton"],
  ]);
  holidayCache.set(year, days);
  return days;
}

/** A public holiday or a closed afton (not: an ordinary weekend day). */
export function isNonWorkingDay(date: string): boolean {
  return swedishNonWorkingDays(Number(date.slice(0, 4))).has(date);
}
