import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";

/**
 * Inputs derived from a procedure's own zod (v4) schema, for the generated API tests: a valid
 * sample, and variants that break one field at a time (wrong types, huge and control-character
 * strings, extreme numbers and dates, duplicate list items, missing and extra fields). Deterministic:
 * the same schema gives the same inputs, except for fresh uuids and idempotency keys.
 */

interface ZodInternals {
  _zod: { def: Record<string, unknown> & { type: string } };
}
const internals = (s: unknown) => (s as ZodInternals)._zod;
const typeOf = (s: unknown) => internals(s).def.type;

/** A schema's limits (length, size, format), read from its checks: zod fills `bag` only once it has parsed. */
function limits(s: unknown): { minimum?: number; maximum?: number; format?: string } {
  const out: { minimum?: number; maximum?: number; format?: string } = {};
  if (typeof internals(s).def.format === "string") out.format = internals(s).def.format as string;
  const checks = (internals(s).def.checks ?? []) as { _zod: { def: Record<string, unknown> } }[];
  for (const c of checks) {
    const d = c._zod.def;
    if (d.check === "string_format" || d.check === "number_format") out.format = d.format as string;
    if (d.check === "min_length" || d.check === "min_size") out.minimum = Number(d.minimum);
    if (d.check === "max_length" || d.check === "max_size") out.maximum = Number(d.maximum);
    if (d.check === "greater_than") out.minimum = Number(d.value) + (d.inclusive ? 0 : 1);
    if (d.check === "less_than") out.maximum = Number(d.value) - (d.inclusive ? 0 : 1);
  }
  return out;
}

/** Values for fields by name, where a generic value would never get past the first check (a case id, a personnummer). */
export type Hints = Record<string, () => unknown>;

/** Wrappers that do not change the value's shape. */
function unwrap(s: unknown): unknown {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const def = internals(cur).def;
    if (["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"].includes(def.type)) cur = def.innerType;
    else if (def.type === "pipe") cur = typeOf(def.in) === "transform" ? def.out : def.in;
    else return cur;
  }
  return cur;
}

/** A valid value for the schema (as far as its shape tells; domain rules beyond it may still refuse). */
export function sample(schema: unknown, hints: Hints = {}, key = ""): unknown {
  const hint = hints[key];
  if (hint) return hint();
  const s = unwrap(schema);
  const { def } = internals(s);
  const bag = limits(s);
  switch (def.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      // Optional fields are left out (and nullable ones null) unless hinted: a made-up id in an
      // optional filter would only make the service answer early, and hide what lies behind it.
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        const field = v as z.ZodType;
        if (!hints[k] && field.safeParse(undefined).success) continue;
        out[k] = !hints[k] && field.safeParse(null).success ? null : sample(v, hints, k);
      }
      return out;
    }
    case "string": {
      if (bag.format === "uuid" || bag.format === "guid") return randomUUID();
      if (bag.format === "datetime") return new Date().toISOString();
      if (bag.format === "date") return stockholmDate(new Date());
      const min = Math.max(Number(bag.minimum ?? 1), 1);
      const max = Number(bag.maximum ?? 1000);
      return "Test".repeat(Math.ceil(min / 4)).slice(0, Math.max(min, Math.min(max, 4)));
    }
    case "number": {
      return Math.max(bag.minimum !== undefined && Number.isFinite(bag.minimum) ? bag.minimum : 0, 0);
    }
    case "boolean":
      return false;
    case "date":
      return new Date();
    case "enum":
      return Object.values(def.entries as Record<string, unknown>)[0];
    case "literal":
      return (def.values as unknown[])[0];
    case "array": {
      const min = Number(bag.minimum ?? 0);
      return Array.from({ length: min }, () => sample(def.element, hints));
    }
    case "union":
      return sample((def.options as unknown[])[0], hints, key);
    case "record":
    case "unknown":
    case "any":
      return {};
    case "null":
      return null;
    default:
      return undefined;
  }
}

const HUGE = "x".repeat(100_000);
const STRING_BAD: [string, unknown][] = [
  ["tom", ""],
  ["blanksteg", "   "],
  ["100 000 tecken", HUGE],
  ["NUL", "a\u0000b"],
  ["styrtecken BEL", "\u0007"],
  ["ESC-sekvens", "\u001b[31mröd"],
  ["ensam surrogat", "\ud800"],
  ["SQL-lik", "åäö' OR 1=1 --"],
  ["LIKE-tecken", "%_\\"],
  ["riktningstecken", "\u202Eabc"],
  ["tal", 12345],
  ["objekt", { a: 1 }],
];
const NUMBER_BAD: [string, unknown][] = [
  ["-1", -1],
  ["0,5", 0.5],
  ["1e308", 1e308],
  ["-1e308", -1e308],
  ["över säkra heltal", Number.MAX_SAFE_INTEGER + 2],
  ["2^31", 2 ** 31],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
  ["text", "1"],
];
const DATE_BAD: [string, unknown][] = [
  ["ogiltigt datum", new Date(NaN)],
  ["största datum", new Date(8.64e15)],
  ["minsta datum", new Date(-8.64e15)],
  ["år 1", new Date("0001-01-01T00:00:00Z")],
  ["år 9999", new Date("9999-12-31T23:59:59Z")],
  ["år 1899", new Date("1899-12-31T00:00:00Z")],
  ["text", "2026-01-01"],
  ["tal", 0],
];
const BOOLEAN_BAD: [string, unknown][] = [
  ["text", "true"],
  ["tal", 1],
];
const ENUM_BAD: [string, unknown][] = [
  ["okänt värde", "okänt"],
  ["tom", ""],
  ["NUL", "a\u0000"],
  ["tal", 1],
];
function deep(levels: number): unknown {
  let v: unknown = "botten";
  for (let i = 0; i < levels; i++) v = { n: v };
  return v;
}
/** For free-form parts (z.record / z.unknown: a message's payload, a phone form, a profile). */
const FREEFORM_BAD: [string, unknown][] = [
  ["nyckel med NUL", { "a\u0000": 1 }],
  ["värde med NUL", { a: "\u0000", text: "x\u0000y", subject: "\u0000" }],
  ["djupt nästlat", deep(200)],
  ["extrema tal", { a: 1e308, b: -1e308, n: Number.MAX_SAFE_INTEGER + 2 }],
  ["ogiltigt datum", { a: new Date(NaN) }],
  ["datum utom räckvidd", { a: new Date(8.64e15) }],
  ["datumtext år 0", { date: "0000-01-01", estimatedDischargeDate: "0000-01-01", dischargeAt: "0000-01-01T00:00:00Z", occurredAt: "0000-01-01T00:00:00Z" }],
  ["datumtext år 99999", { date: "99999-01-01", occurredAt: "+099999-01-01T00:00:00Z" }],
  ["100 000 tecken", { a: HUGE, text: HUGE, comment: HUGE }],
  ["__proto__", JSON.parse('{"__proto__":{"polluted":1}}') as unknown],
  ["constructor", { constructor: { prototype: { polluted: 1 } } }],
  ["lista", [1, 2, 3]],
  ["text", "text"],
  ["bigint", { a: 10n }],
  ["Map", new Map([["a", 1]])],
  ["10 000 element", { a: Array.from({ length: 10_000 }, (_, i) => i) }],
];

export interface FuzzInput {
  /** Where and what, in Swedish, e.g. "payload: nyckel med NUL". */
  label: string;
  input: unknown;
}

function setAt(base: unknown, path: string[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy: Record<string, unknown> = Array.isArray(base) ? ([...base] as unknown as Record<string, unknown>) : { ...(base as Record<string, unknown>) };
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    if (remove) delete copy[head];
    else copy[head] = value;
  } else copy[head] = setAt(copy[head] ?? {}, rest, value, remove);
  return copy;
}

/** The variants of one field, by the type its schema declares. */
function variantsFor(schema: unknown, hints: Hints): [string, unknown][] {
  const s = unwrap(schema);
  const { def } = internals(s);
  const common: [string, unknown][] = [["null", null]];
  switch (def.type) {
    case "string":
      return [...common, ...STRING_BAD];
    case "number":
      return [...common, ...NUMBER_BAD];
    case "date":
      return [...common, ...DATE_BAD];
    case "boolean":
      return [...common, ...BOOLEAN_BAD];
    case "enum":
    case "literal":
      return [...common, ...ENUM_BAD];
    case "array": {
      const one = sample(def.element, hints);
      return [
        ...common,
        ["dubbletter", [one, one]],
        ["10 000 element", Array.from({ length: 10_000 }, () => one)],
        ["element null", [null]],
        ["element med NUL", ["\u0000"]],
        ["text", "a"],
      ];
    }
    case "record":
    case "unknown":
    case "any":
      return [...common, ...FREEFORM_BAD];
    case "object":
      return [...common, ["text", "x"], ["lista", []]];
    default:
      return common;
  }
}

/**
 * Every variant of an input schema, each breaking one thing of the valid `base`. With `at`, the
 * schema is the one of the part of `base` at that path (e.g. a message's payload for its kind),
 * and only that part is varied.
 */
export function fuzzInputs(schema: unknown, base: unknown, hints: Hints = {}, at: string[] = []): FuzzInput[] {
  const out: FuzzInput[] = at.length
    ? [{ label: `${at.join(".")}: giltigt prov`, input: base }]
    : [
        { label: "giltigt prov", input: base },
        { label: "saknas helt", input: undefined },
        { label: "null", input: null },
        { label: "text", input: "x" },
        { label: "tal", input: 42 },
        { label: "lista", input: [] },
        { label: "tomt objekt", input: {} },
      ];
  const walk = (node: unknown, path: string[], depth: number) => {
    const { def } = internals(unwrap(node));
    if (def.type !== "object" || depth > 3) return;
    out.push({ label: `${path.join(".") || "(roten)"}: extra fält`, input: setAt(base, [...path, "extraFält"], "x") });
    for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
      const p = [...path, k];
      const label = p.join(".");
      out.push({ label: `${label}: saknas`, input: setAt(base, p, undefined, true) });
      for (const [what, value] of variantsFor(v, hints)) out.push({ label: `${label}: ${what}`, input: setAt(base, p, value) });
      walk(v, p, depth + 1);
    }
  };
  walk(schema, at, 0);
  return out;
}

/** A readable name for a schema node's type (for reports). */
export function schemaType(schema: z.ZodType | null): string {
  return schema ? typeOf(unwrap(schema)) : "ingen";
}
