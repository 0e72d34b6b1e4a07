import { describe, expect, it } from "vitest";
import { CopyTable, type ColumnKind } from "./copy";

const KINDS: Record<string, ColumnKind> = {
  id: "uuid",
  at: "timestamptz",
  day: "date",
  n: "int4",
  flag: "bool",
  name: "text",
  body: "jsonb",
  list: "text[]",
};

/** The fields of the one row of a table, as (length, bytes) pairs after the 19-byte header and the field count. */
function fields(data: Uint8Array): (Buffer | null)[] {
  const b = Buffer.from(data);
  expect(b.subarray(0, 11).toString("latin1")).toBe("PGCOPY\n\xff\r\n\0");
  let at = 19;
  const count = b.readInt16BE(at);
  at += 2;
  const out: (Buffer | null)[] = [];
  for (let i = 0; i < count; i++) {
    const len = b.readInt32BE(at);
    at += 4;
    out.push(len < 0 ? null : b.subarray(at, at + len));
    if (len > 0) at += len;
  }
  expect(b.readInt16BE(at)).toBe(-1); // the trailer
  expect(at + 2).toBe(b.length);
  return out;
}

describe("CopyTable (COPY's binary format)", () => {
  it("writes each kind of column as the server's receive functions read it", () => {
    const t = new CopyTable("t", KINDS);
    t.add({
      id: "0192f3a4-5b6c-7d8e-9f01-23456789abCD",
      at: new Date("2000-01-02T00:00:00.001Z"),
      day: "1999-12-31",
      n: -2,
      flag: true,
      name: "Hägg\tx",
      body: { a: "ö" },
      list: ["a", "bc"],
    });
    const [data] = t.done();
    expect(data!.columns).toEqual(Object.keys(KINDS));
    const [id, at, day, n, flag, name, body, list] = fields(data!.data);
    expect(id!.toString("hex")).toBe("0192f3a45b6c7d8e9f0123456789abcd");
    // Microseconds since 2000-01-01 UTC.
    expect(at!.readBigInt64BE()).toBe(86_400_001_000n);
    // Days since 2000-01-01.
    expect(day!.readInt32BE()).toBe(-1);
    expect(n!.readInt32BE()).toBe(-2);
    expect([...flag!]).toEqual([1]);
    expect(name!.toString("utf8")).toBe("Hägg\tx");
    expect(body![0]).toBe(1);
    expect(body!.subarray(1).toString("utf8")).toBe('{"a":"ö"}');
    // One dimension, no nulls, element type text (oid 25), two elements from index 1.
    expect([list!.readInt32BE(0), list!.readInt32BE(4), list!.readInt32BE(8), list!.readInt32BE(12), list!.readInt32BE(16)]).toEqual([1, 0, 25, 2, 1]);
    expect(list!.subarray(20).toString("latin1")).toBe("\0\0\0\x01a\0\0\0\x02bc");
  });

  it("writes null for null and undefined, and an empty text[] with no dimensions", () => {
    const t = new CopyTable("t", { id: "uuid", list: "text[]", at: "timestamptz" });
    t.add({ id: null, list: [], at: undefined });
    const [id, list, at] = fields(t.done()[0]!.data);
    expect(id).toBeNull();
    expect(at).toBeNull();
    expect([list!.readInt32BE(0), list!.readInt32BE(4), list!.readInt32BE(8)]).toEqual([0, 0, 25]);
  });

  it("stops on a value its column cannot take, naming the column", () => {
    const one = (row: Record<string, unknown>) => () => new CopyTable("cases", KINDS).add(row);
    expect(one({ id: "0192f3a4-5b6c-7d8e-9f01-23456789abcg" })).toThrow(/kolumnen id i cases/);
    expect(one({ id: "0192f3a4-5b6c-7d8e-9f01+23456789abcd" })).toThrow(/kolumnen id i cases/);
    expect(one({ id: "0192f3a4-5b6c-7d8e-9f01-23456789abcdé" })).toThrow(/kolumnen id i cases/);
    expect(one({ at: "inte en tid" })).toThrow(/kolumnen at i cases/);
    expect(one({ day: new Date() })).toThrow(/kolumnen day i cases/);
    expect(one({ n: 1.5 })).toThrow(/kolumnen n i cases/);
    expect(one({ flag: "t" })).toThrow(/kolumnen flag i cases/);
    expect(one({ list: "{a}" })).toThrow(/kolumnen list i cases/);
    expect(one({ other: 1 })).toThrow(/Kolumnen other i cases/);
  });
});
