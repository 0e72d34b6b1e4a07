import { describe, expect, it } from "vitest";
import superjson from "superjson";
import { serializeOutput } from "./transformer";

const row = (i: number) => ({
  caseId: `c${i}`,
  patientName: "Tolvan Tolvansson",
  admittedAt: new Date(Date.UTC(2026, 0, i + 1)),
  readyForDischargeAt: i % 2 ? null : new Date(Date.UTC(2026, 1, i + 1)),
  dueSteps: [
    { step: "svara", dueAt: new Date(Date.UTC(2026, 2, 1)), deadline: "lag" },
    { step: "sip", dueAt: null, deadline: "rutin" },
  ],
  unacknowledged: i,
  protectedIdentity: false,
});

/**
 * The API's answers are written by serializeOutput and read by the client's superjson: for every
 * kind of value it must write what superjson writes, and read back as the value.
 */
describe("serializeOutput", () => {
  const cases: [string, unknown][] = [
    ["a worklist page", { rows: Array.from({ length: 5 }, (_, i) => row(i)), nextCursor: null, count: { value: 5, more: false }, pageSize: 50 }],
    ["a date alone", new Date(Date.UTC(2026, 5, 1))],
    ["undefined alone", undefined],
    ["null, a string, a number", [null, "å", 12.5, true]],
    ["undefined properties and array items", { a: undefined, b: [undefined, 1] }],
    ["keys with dots and backslashes", { "a.b": { "c\\d": new Date(0) } }],
    ["an empty object and array", { a: {}, b: [] }],
    ["a Map and a Set (superjson's own path)", { m: new Map([["k", new Date(0)]]), s: new Set([1]) }],
    ["a bigint, NaN and -0", { b: 10n, n: Number.NaN, z: -0 }],
    [
      "an object reached twice",
      (() => {
        const shared = { d: new Date(0) };
        return { a: shared, b: shared };
      })(),
    ],
    ["an invalid date", { d: new Date(Number.NaN) }],
    ["an Error", { e: new Error("x") }],
  ];

  for (const [name, value] of cases) {
    it(`writes ${name} as superjson does, and reads back as superjson's own`, () => {
      const ours = serializeOutput(value);
      expect(ours).toEqual(superjson.serialize(value));
      const read = (r: unknown) => superjson.deserialize(JSON.parse(JSON.stringify(r)) as never);
      expect(read(ours)).toEqual(read(superjson.serialize(value)));
    });
  }

  it("writes a date reached twice in both places, which superjson reads as two equal dates", () => {
    const at = new Date(Date.UTC(2026, 10, 3, 9));
    const value = { readyForDischargeAt: at, messages: [{ occurredAt: at }], parties: [{ answeredAt: at, kommunklarAt: null }] };
    const ours = serializeOutput(value);
    // Our own walk, not superjson's (which would note the shared object among its meta).
    expect(ours.meta).toEqual({ values: { readyForDischargeAt: ["Date"], "messages.0.occurredAt": ["Date"], "parties.0.answeredAt": ["Date"] }, v: 1 });
    expect(superjson.deserialize(JSON.parse(JSON.stringify(ours)) as never)).toEqual(value);
  });

  it("refuses a prototype-polluting key as superjson does", () => {
    const bad = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    expect(() => superjson.serialize(bad)).toThrow();
    expect(() => serializeOutput(bad)).toThrow();
  });
});
