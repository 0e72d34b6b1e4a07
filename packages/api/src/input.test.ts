import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dateInput, inspectRawInput, unitIdList } from "./input";

describe("inspectRawInput", () => {
  it("accepts what forms send: text with tab and line breaks, numbers, dates, nested objects", () => {
    expect(inspectRawInput({ a: "rad 1\r\nrad 2\tflik åäö 😀", n: 1.5, d: new Date("2026-03-02T12:00:00Z"), list: [{ x: null, y: true }] })).toBeNull();
  });

  it("names the field of a control character, a lone surrogate, a bad key, number or date", () => {
    expect(inspectRawInput({ payload: { text: "a\u0000b" } })).toEqual({ path: "payload.text", message: expect.stringMatching(/styrtecken/) });
    expect(inspectRawInput({ s: "\u001b[31m" })?.path).toBe("s");
    expect(inspectRawInput({ s: "a\ud800" })?.message).toMatch(/ogiltiga tecken/);
    expect(inspectRawInput({ payload: { "k\u0000": 1 } })?.path).toBe("payload");
    expect(inspectRawInput({ n: Infinity })?.path).toBe("n");
    expect(inspectRawInput({ d: new Date(NaN) })?.message).toMatch(/giltigt datum/);
    expect(inspectRawInput({ d: new Date("9999-01-01") })?.message).toMatch(/1900–2200/);
    expect(inspectRawInput({ b: 10n })?.path).toBe("b");
    expect(inspectRawInput({ m: new Map() })?.path).toBe("m");
  });

  it("refuses a structure nested too deep or a list too long", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100; i++) deep = { n: deep };
    expect(inspectRawInput(deep)?.message).toMatch(/djupt/);
    expect(inspectRawInput({ ids: Array.from({ length: 1001 }, () => 1) })?.path).toBe("ids");
  });
});

describe("shared zod inputs", () => {
  it("dates: a real date between 1900 and 2200", () => {
    expect(dateInput().safeParse(new Date("2026-01-01")).success).toBe(true);
    expect(dateInput().safeParse(new Date("1899-12-31")).success).toBe(false);
    expect(dateInput().safeParse(new Date("2201-01-01")).success).toBe(false);
    expect(dateInput().safeParse(new Date(NaN)).success).toBe(false);
  });

  it("unit id lists: the same id twice is refused", () => {
    const id = "8610f936-2872-4c1d-907a-81b84070cc1e";
    expect(unitIdList(5).safeParse([id]).success).toBe(true);
    expect(unitIdList(5).safeParse([id, id]).error?.issues[0]?.message).toBe("Samma enhet får bara anges en gång.");
  });

  it("zod's own issues are Swedish, a schema's own message still wins", () => {
    expect(z.string().max(3).safeParse("abcd").error?.issues[0]?.message).toBe("Högst 3 tecken.");
    expect(z.object({ a: z.string() }).safeParse({}).error?.issues[0]?.message).toBe("Uppgiften saknas.");
    expect(z.string().uuid().safeParse("x").error?.issues[0]?.message).toBe("Ogiltig identitet (id).");
    expect(z.number({ error: "Versionen saknas" }).safeParse(undefined).error?.issues[0]?.message).toBe("Versionen saknas");
  });
});
