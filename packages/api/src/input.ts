import { z } from "zod";

/**
 * What every procedure's input must be before its own schema looks at it, and the zod pieces the
 * procedures share. Bad input gets a Swedish INVALID_INPUT naming the field, never a database
 * error: PostgreSQL refuses NUL in text and jsonb, and a timestamp beyond its range.
 */

/** Dates the service plans with: a patient's admission, an outage's expected end. */
export const DATE_MIN = new Date("1900-01-01T00:00:00.000Z");
export const DATE_MAX = new Date("2200-12-31T23:59:59.999Z");

/** C0 control characters other than tab, line feed and carriage return (which forms do send). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Deeper than any form the portals send; keeps a crafted body from exhausting the stack further on. */
const MAX_DEPTH = 24;
const MAX_NODES = 50_000;
/** Longer than any list a form sends (an outage's units are at most 500). */
const MAX_LIST = 1000;

export interface FieldError {
  path: string;
  message: string;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Walks the raw input (after the transformer, before the procedure's schema) and returns the first
 * value no procedure accepts anywhere: a control character or a lone surrogate in a string, a
 * control character in a key, a list longer than MAX_LIST, a number that is
 * not finite, an invalid date or one outside DATE_MIN..DATE_MAX, a type JSON forms never carry
 * (bigint, Map, Set, RegExp … that superjson can produce), or a structure nested too deep.
 */
export function inspectRawInput(raw: unknown): FieldError | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: raw, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    const at = path.join(".");
    if (++nodes > MAX_NODES) return { path: at, message: "Uppgifterna är för omfattande." };
    if (value === null || value === undefined || typeof value === "boolean") continue;
    if (typeof value === "string") {
      if (CONTROL_CHARACTER.test(value)) return { path: at, message: "Fältet innehåller otillåtna tecken (styrtecken)." };
      // A lone UTF-16 surrogate is no character at all; PostgreSQL refuses it in jsonb.
      if (LONE_SURROGATE.test(value)) return { path: at, message: "Fältet innehåller ogiltiga tecken." };
      continue;
    }
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return { path: at, message: "Ange ett giltigt tal." };
      continue;
    }
    if (value instanceof Date) {
      const time = value.getTime();
      if (Number.isNaN(time)) return { path: at, message: "Ange ett giltigt datum." };
      if (time < DATE_MIN.getTime() || time > DATE_MAX.getTime())
        return { path: at, message: "Datumet ligger utanför det rimliga intervallet (år 1900–2200)." };
      continue;
    }
    if (typeof value !== "object") return { path: at, message: "Fältet har ett värde av fel sort." };
    if (path.length >= MAX_DEPTH) return { path: at, message: "Uppgifterna är för djupt nästlade." };
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST) return { path: at, message: `Högst ${MAX_LIST} får anges.` };
      value.forEach((item, i) => stack.push({ value: item, path: [...path, String(i)] }));
      continue;
    }
    if (!isPlainObject(value)) return { path: at, message: "Fältet har ett värde av fel sort." };
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL_CHARACTER.test(key)) return { path: at, message: "Ett fältnamn innehåller otillåtna tecken (styrtecken)." };
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/** A date input of any procedure: a real date within DATE_MIN..DATE_MAX. */
export function dateInput() {
  return z
    .date({ error: "Ange ett giltigt datum." })
    .min(DATE_MIN, { error: "Datumet är orimligt tidigt (före år 1900)." })
    .max(DATE_MAX, { error: "Datumet är orimligt sent (efter år 2200)." });
}

/**
 * A list of unit ids (recipients, parties, outage units). The same id twice is refused rather than
 * silently merged: it means the form is out of step with what the user sees.
 */
export function unitIdList(max: number) {
  return z
    .array(z.string().uuid())
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, { error: "Samma enhet får bara anges en gång." });
}

type Issue = z.core.$ZodRawIssue;

/** Swedish messages for zod's own issues; a schema's own message (e.g. "Versionen saknas") still wins. */
export function swedishIssue(issue: Issue): string {
  const n = (v: unknown) => String(v);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Uppgiften saknas.";
      if (issue.expected === "date") return "Ange ett giltigt datum.";
      if (issue.expected === "int") return "Ange ett heltal.";
      return "Fältet har ett värde av fel sort.";
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "Fältet får inte vara tomt." : `Ange minst ${n(issue.minimum)} tecken.`;
      if (issue.origin === "array" || issue.origin === "set") return `Välj minst ${n(issue.minimum)}.`;
      if (issue.origin === "date") return "Datumet är för tidigt.";
      return `Värdet måste vara minst ${n(issue.minimum)}.`;
    case "too_big":
      if (issue.origin === "string") return `Högst ${n(issue.maximum)} tecken.`;
      if (issue.origin === "array" || issue.origin === "set") return `Högst ${n(issue.maximum)} får anges.`;
      if (issue.origin === "date") return "Datumet är för sent.";
      return `Värdet får vara högst ${n(issue.maximum)}.`;
    case "invalid_format":
      if (issue.format === "uuid" || issue.format === "guid") return "Ogiltig identitet (id).";
      if (issue.format === "datetime" || issue.format === "date" || issue.format === "time") return "Ange ett giltigt datum eller klockslag.";
      if (issue.format === "email") return "Ange en giltig e-postadress.";
      return "Fältet har fel format.";
    case "invalid_value":
      return "Ogiltigt val.";
    case "unrecognized_keys":
      return "Okänt fält.";
    case "not_multiple_of":
      return "Ogiltigt tal.";
    default:
      return "Ogiltigt värde.";
  }
}

// Once per process, for every zod schema parsed in the API (procedure inputs and the domain's forms).
z.config({ customError: swedishIssue });
