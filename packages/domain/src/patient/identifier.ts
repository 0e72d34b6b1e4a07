import Personnummer from "personnummer";
import { stockholmDate } from "../time/stockholm";

/**
 * Patient identifiers: personnummer, samordningsnummer (day + 60) and
 * reservnummer. Personnummer and samordningsnummer are stored as 12 digits without separator;
 * the Luhn check and date validity come from the `personnummer` package. We pick the century
 * of a 10-digit number ourselves, from `now` in Stockholm, because the package reads the
 * system clock.
 *
 * Reservnummer: the national form (e.g. `98240301AA06`) and the regional forms vary, so we
 * accept a documented, deliberately loose pattern: 8–14 characters A–Z and 0–9 with at least
 * one letter and at least one digit (after removing spaces and hyphens, upper-cased). An input
 * of digits only is never a reservnummer: it must pass as a personnummer or be rejected.
 */

/** The PostgreSQL enum `patient_identifier_kind` is built from this list. */
export const PATIENT_IDENTIFIER_KINDS = ["personnummer", "samordningsnummer", "reservnummer"] as const;
export type PatientIdentifierKind = (typeof PATIENT_IDENTIFIER_KINDS)[number];

export interface PatientIdentifier {
  kind: PatientIdentifierKind;
  /** 12 digits for personnummer/samordningsnummer; normalised upper-case for reservnummer. */
  value: string;
  /** ISO date; for a samordningsnummer the real birth date (day − 60). Absent for reservnummer. */
  birthDate?: string;
  /** "19121212-1212"; the reservnummer as stored. */
  display: string;
}

export type ParseResult = { ok: true; value: PatientIdentifier } | { ok: false; error: string };

export const PATIENT_IDENTIFIER_HINT = "Ange personnummer med 12 siffror (ÅÅÅÅMMDD-NNNN), samordningsnummer eller reservnummer";

export const RESERVE_NUMBER_PATTERN = /^(?=.*[A-Z])(?=.*\d)[A-Z0-9]{8,14}$/;

const ERR = {
  hint: PATIENT_IDENTIFIER_HINT,
  checkDigit: "Ogiltigt personnummer: kontrollsiffran stämmer inte",
  date: "Ogiltigt personnummer: datumet finns inte",
  serial: "Ogiltigt personnummer: födelsenumret 000 används inte",
  future: "Födelsedatumet ligger i framtiden",
} as const;

const fail = (error: string): ParseResult => ({ ok: false, error });

export function parsePatientIdentifier(input: string, opts: { now?: Date } = {}): ParseResult {
  const now = opts.now ?? new Date();
  const compact = input.trim().replace(/\s+/g, "");
  if (compact === "") return fail(ERR.hint);

  const m = /^(\d{2})?(\d{6})([-+])?(\d{4})$/.exec(compact);
  if (!m) return parseReserveNumber(compact);
  const [, century, yymmdd = "", sep, last4 = ""] = m;

  const today = stockholmDate(now);
  const full = century ? `${century}${yymmdd}` : withCentury(yymmdd, sep === "+", today);
  const twelve = `${full}${last4}`;

  // Diagnose in the order a person can act on: date, then serial, then the check digit.
  const month = Number(full.slice(4, 6));
  const rawDay = Number(full.slice(6, 8));
  const isCoordination = rawDay > 60;
  const day = isCoordination ? rawDay - 60 : rawDay;
  const birthDate = `${full.slice(0, 4)}-${full.slice(4, 6)}-${String(day).padStart(2, "0")}`;
  if (!isRealDate(Number(full.slice(0, 4)), month, day)) return fail(ERR.date);
  if (last4.startsWith("000")) return fail(ERR.serial);
  if (!Personnummer.valid(twelve, { allowCoordinationNumber: true, allowInterimNumber: false })) {
    return fail(ERR.checkDigit);
  }
  if (birthDate > today) return fail(ERR.future);

  return {
    ok: true,
    value: {
      kind: isCoordination ? "samordningsnummer" : "personnummer",
      value: twelve,
      birthDate,
      display: `${twelve.slice(0, 8)}-${twelve.slice(8)}`,
    },
  };
}

/**
 * 10-digit form: `-` means the most recent year ending in YY that is not after this year;
 * `+` (the person has turned or turns 100 this calendar year) means 100 years before that.
 */
function withCentury(yymmdd: string, plus: boolean, today: string): string {
  const thisYear = Number(today.slice(0, 4));
  const yy = Number(yymmdd.slice(0, 2));
  let year = thisYear - ((((thisYear - yy) % 100) + 100) % 100);
  if (plus) year -= 100;
  return `${year}${yymmdd.slice(2)}`.padStart(8, "0");
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseReserveNumber(compact: string): ParseResult {
  const value = compact.replace(/-/g, "").toUpperCase();
  if (!RESERVE_NUMBER_PATTERN.test(value)) return fail(ERR.hint);
  return { ok: true, value: { kind: "reservnummer", value, display: value } };
}

/** "19121212-1212" for personnummer/samordningsnummer; the reservnummer as stored. */
export function formatPatientIdentifier(id: Pick<PatientIdentifier, "kind" | "value">): string {
  if (id.kind === "reservnummer") return id.value;
  return /^\d{12}$/.test(id.value) ? `${id.value.slice(0, 8)}-${id.value.slice(8)}` : id.value;
}

/** "19121212-****": for lists, notifications and logs shown where the full number must not be. */
export function maskPatientIdentifier(id: Pick<PatientIdentifier, "kind" | "value">): string {
  if (id.kind === "reservnummer") {
    return id.value.length <= 4 ? "****" : `${id.value.slice(0, id.value.length - 4)}****`;
  }
  return /^\d{12}$/.test(id.value) ? `${id.value.slice(0, 8)}-****` : "****";
}
