import { stockholmInstant } from "@vardkedjan/domain/time/stockholm";
import type { DueStepCode } from "@vardkedjan/domain/case/due";

/** Dates and numbers as Swedish users read them, always in Stockholm time whatever the browser's zone. */
const TZ = "Europe/Stockholm";
const DATE_TIME = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TZ,
  dateStyle: "medium",
  timeStyle: "short",
});
const DATE = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "UTC",
  dateStyle: "medium",
});
const NUMBER = new Intl.NumberFormat("sv-SE");
const WALL = new Intl.DateTimeFormat("en-CA", {
  timeZone: TZ,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

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
  const p = Object.fromEntries(
    WALL.formatToParts(at).map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The Stockholm calendar date of an instant, for <input type="date">. */
export function toDateInput(at: Date): string {
  return toLocalInput(at).slice(0, 10);
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

/** The worklist shows the next step by its code; the case view has the full Swedish sentence. */
export const DUE_STEP_LABELS: Record<DueStepCode, string> = {
  dokumentera_samtycke: "Dokumentera samtycke",
  skicka_inskrivningsmeddelande: "Skicka inskrivningsmeddelande",
  uppdatera_beraknat_datum: "Uppdatera beräknat utskrivningsdatum",
  hantera_avvisning: "Hantera avvisning",
  ny_utskrivningsklar: "Ny underrättelse om utskrivningsklar",
  bestam_utskrivningsdatum: "Bestäm utskrivningsdatum",
  skicka_utskrivningsmeddelande: "Skicka utskrivningsmeddelande",
  avsluta_arende: "Avsluta ärendet",
  kvittera: "Kvittera meddelanden",
  svara_pa_inskrivning: "Svara på inskrivningsmeddelandet",
  utse_fast_vardkontakt: "Utse fast vårdkontakt",
  meddela_beslut: "Meddela beslut om insatser",
  bekrafta_egenvard: "Bekräfta insatser efter egenvårdsbedömning",
  meddela_kommunklar: "Meddela kommunklar",
  meddela_redo: "Meddela redo att ta emot",
  kalla_till_sip: "Kalla till SIP",
};

export function dueStepLabel(code: string | null): string {
  if (!code) return "Inget att göra just nu";
  return (DUE_STEP_LABELS as Record<string, string>)[code] ?? code;
}

/** A random key for double-click protection; crypto.randomUUID needs a secure context. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function")
    return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
