import superjson from "superjson";
import type { SuperJSONResult } from "superjson";

/** Keys superjson refuses (prototype pollution); it throws, and so does it here through the fallback. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Raised inside the walk when the value needs superjson's general path. */
const GENERAL = Symbol("general");

const escapeKey = (key: string) => (key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key);

/**
 * The API's answers in superjson's format, as superjson.serialize writes them, for the values
 * answers are made of: plain objects and arrays, strings, booleans, null, finite numbers, valid
 * dates and undefined properties. superjson's general walk copies the path and the ancestors at
 * every value and re-keys the annotations at every level; for a worklist page (50 rows of about
 * 25 fields and their dates) that cost more CPU than the database's part of the request. Anything
 * else (Map, Set, bigint, a class, NaN or -0, an object or array reached twice, whose identity
 * superjson records) goes to superjson itself, so the client's superjson.deserialize reads both
 * alike. One difference on purpose: a Date reached twice is written twice, without superjson's note
 * that the two are one object (see walk).
 */
export function serializeOutput(value: unknown): SuperJSONResult {
  if (typeof value !== "object" || value === null) return serializeAnswer(value);
  // undefined: not kept; null: kept, not yet written.
  const done = serialized.get(value);
  if (done) return done;
  const result = serializeAnswer(value);
  if (done === null) serialized.set(value, result);
  return result;
}

/**
 * Answers served many times as the same object (a kept worklist page, worklist-page-cache.ts),
 * each with its serialised form once the first request has written it. A WeakMap: the form goes
 * with the answer. The object must not change after it is marked (the page cache freezes it).
 */
const serialized = new WeakMap<object, SuperJSONResult | null>();

export function keepSerialized(value: object): void {
  if (!serialized.has(value)) serialized.set(value, null);
}

function serializeAnswer(value: unknown): SuperJSONResult {
  const seen = new Set<object>();
  const values: Record<string, [string]> = {};
  let annotated = false;

  // The path of the value being walked: escaped and joined only for a value superjson annotates.
  const path: string[] = [];
  const annotate = (type: string) => {
    values[path.map(escapeKey).join(".")] = [type];
    annotated = true;
  };

  const walk = (v: unknown): unknown => {
    switch (typeof v) {
      case "string":
      case "boolean":
        return v;
      case "number":
        if (!Number.isFinite(v) || Object.is(v, -0)) throw GENERAL;
        return v;
      case "undefined":
        annotate("undefined");
        return null;
      case "object": {
        if (v === null) return null;
        // A date is written where it is reached, however often: answers share Date objects (the
        // case page's "answered at" is the message's time), and which places held one object is
        // nothing a reader needs. superjson would note each such pair; the reader gets equal dates.
        if (v instanceof Date) {
          if (Number.isNaN(v.getTime())) throw GENERAL;
          annotate("Date");
          return v.toISOString();
        }
        if (seen.has(v)) throw GENERAL;
        seen.add(v);
        if (Array.isArray(v)) {
          const out: unknown[] = new Array(v.length);
          for (let i = 0; i < v.length; i++) {
            path.push(String(i));
            out[i] = walk(v[i]);
            path.pop();
          }
          return out;
        }
        const proto = Object.getPrototypeOf(v) as unknown;
        if (proto !== Object.prototype && proto !== null) throw GENERAL;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(v)) {
          if (FORBIDDEN_KEYS.has(key)) throw GENERAL;
          path.push(key);
          out[key] = walk((v as Record<string, unknown>)[key]);
          path.pop();
        }
        return out;
      }
      default:
        throw GENERAL;
    }
  };

  let json: unknown;
  try {
    json = walk(value);
  } catch (e) {
    if (e === GENERAL) return superjson.serialize(value);
    throw e;
  }
  if (!annotated) return { json: json as SuperJSONResult["json"] };
  // The value itself a date or undefined: superjson annotates the root without a path.
  const root = values[""];
  return { json: json as SuperJSONResult["json"], meta: { values: root ?? values, v: 1 } as SuperJSONResult["meta"] };
}
