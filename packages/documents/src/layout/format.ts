/**
 * Formatting of the plain data the documents print: dates in Europe/Stockholm, personnummer,
 * and cleaning of free text. Pure functions; no Node APIs.
 */

/**
 * A point in time (`Date` or an ISO instant such as "2026-07-01T08:30:00Z") or a calendar date
 * ("2026-07-01", printed as is, never shifted by a time zone).
 */
export type DateInput = Date | string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_ZONE = "Europe/Stockholm";

const PARTS = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const LONG_DATE = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

type Parsed = { kind: "date"; date: string } | { kind: "instant"; at: Date } | { kind: "raw"; text: string };

function parse(value: DateInput): Parsed {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { kind: "raw", text: "" } : { kind: "instant", at: value };
  }
  const text = value.trim();
  if (ISO_DATE.test(text)) return { kind: "date", date: text };
  const t = Date.parse(text);
  // An unparseable string is printed as given rather than failing the whole document.
  return Number.isNaN(t) ? { kind: "raw", text } : { kind: "instant", at: new Date(t) };
}

function stockholmParts(at: Date): { date: string; time: string } {
  const parts = PARTS.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** "2026-07-01" (the Stockholm calendar date of an instant). */
export function formatDate(value: DateInput): string {
  const p = parse(value);
  if (p.kind === "date") return p.date;
  if (p.kind === "raw") return p.text;
  return stockholmParts(p.at).date;
}

/** "2026-07-01 14:05" in Stockholm time; a calendar date prints without a time. */
export function formatDateTime(value: DateInput): string {
  const p = parse(value);
  if (p.kind === "date") return p.date;
  if (p.kind === "raw") return p.text;
  const { date, time } = stockholmParts(p.at);
  return `${date} ${time}`;
}

/** "14:05" in Stockholm time; "" for a calendar date. */
export function formatTime(value: DateInput): string {
  const p = parse(value);
  return p.kind === "instant" ? stockholmParts(p.at).time : "";
}

/**
 * Plain-language form for patients: "tisdag 7 juli 2026 kl. 10.00" (the time only for an
 * instant).
 */
export function formatLongDateTime(value: DateInput): string {
  const p = parse(value);
  if (p.kind === "raw") return p.text;
  const at = p.kind === "date" ? new Date(`${p.date}T12:00:00Z`) : p.at;
  const day = LONG_DATE.format(at);
  if (p.kind === "date") return day;
  return `${day} kl. ${stockholmParts(at).time.replace(":", ".")}`;
}

/**
 * "19121212-1212". The system stores personnummer and samordningsnummer as 12 digits; those and
 * the already formatted form print as YYYYMMDD-NNNN. Anything else (a reservnummer, a 10-digit
 * number whose century we cannot know here) prints as given.
 */
export function formatPersonnummer(value: string): string {
  const compact = value.replace(/\s+/g, "");
  if (/^\d{12}$/.test(compact)) return `${compact.slice(0, 8)}-${compact.slice(8)}`;
  if (/^\d{8}[-+]\d{4}$/.test(compact)) return compact;
  return value.trim();
}

/**
 * Free text as it will be typeset: NFC (so "a" + combining diaeresis becomes "ä", which the font
 * has), \r\n and \r as \n, tabs as spaces, other control characters removed.
 */
export function cleanText(value: string): string {
  return (
    value
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      .replace(/\t/g, " ")
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, "")
  );
}

/** Join the non-empty parts with a separator ("Avdelning 12 · Mälarsjukhuset"). */
export function joinParts(parts: readonly (string | undefined | null | false)[], separator = " · "): string {
  return parts.filter((p): p is string => typeof p === "string" && p.trim() !== "").join(separator);
}
