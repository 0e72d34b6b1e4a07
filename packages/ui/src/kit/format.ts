import { stockholmDate, stockholmInstant } from "@vardkedjan/domain/time/stockholm";
import { stockholmDateTime } from "@vardkedjan/domain/time/format";

/**
 * Dates and numbers as Swedish users read them, always in Stockholm time whatever the browser's
 * zone. The wall clock of an instant and back come from the domain's Stockholm functions; only
 * the display (Swedish month names) is formatted here.
 */
const DATE_TIME = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "medium",
  timeStyle: "short",
});
const DATE = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "UTC",
  dateStyle: "medium",
});
const NUMBER = new Intl.NumberFormat("sv-SE");

export function formatDateTime(at: Date | string | null | undefined): string {
  if (!at) return "–";
  const d = typeof at === "string" ? new Date(at) : at;
  return Number.isNaN(d.getTime()) ? String(at) : DATE_TIME.format(d);
}

/** A calendar date "YYYY-MM-DD" (no time zone of its own). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "–";
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}

export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/** 12 digits → "ÅÅÅÅMMDD-NNNN"; a reserve number as stored. */
export function formatIdentifier(raw: string): string {
  return /^\d{12}$/.test(raw) ? `${raw.slice(0, 8)}-${raw.slice(8)}` : raw;
}

/** The Stockholm wall clock of an instant, for <input type="datetime-local">: "YYYY-MM-DDTHH:MM". */
export function toLocalInput(at: Date): string {
  return stockholmDateTime(at).replace(" ", "T");
}

/** The Stockholm calendar date of an instant, for <input type="date">. */
export function toDateInput(at: Date): string {
  return stockholmDate(at);
}

/** A datetime-local value read as Stockholm wall time, as an instant; null when empty or invalid. */
export function fromLocalInput(value: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value.trim());
  if (!m) return null;
  try {
    return stockholmInstant(m[1]!, m[2]!);
  } catch {
    return null;
  }
}

/** For a payload's date-time field: ISO with offset, or the raw text so that validation names it. */
export function localInputToIso(value: string): string | undefined {
  if (!value.trim()) return undefined;
  return fromLocalInput(value)?.toISOString() ?? value;
}

/** A random key for double-click protection; crypto.randomUUID needs a secure context. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
