import { describe, expect, it } from "vitest";
import { formatPatientIdentifier, maskPatientIdentifier, parsePatientIdentifier, PATIENT_IDENTIFIER_HINT } from "./identifier";

// Only Skatteverket's test numbers (never random valid numbers: they may be real people).
const NOW = new Date("2026-11-16T09:00:00+01:00");
const parse = (s: string, now = NOW) => parsePatientIdentifier(s, { now });

const ok = (s: string, now = NOW) => {
  const r = parse(s, now);
  if (!r.ok) throw new Error(`expected ${s} to parse: ${r.error}`);
  return r.value;
};
const err = (s: string, now = NOW) => {
  const r = parse(s, now);
  if (r.ok) throw new Error(`expected ${s} to be rejected`);
  return r.error;
};

describe("parsePatientIdentifier: personnummer", () => {
  it.each([
    ["191212121212", "191212121212", "1912-12-12"],
    ["19121212-1212", "191212121212", "1912-12-12"],
    ["195009072553", "195009072553", "1950-09-07"],
    ["196101182803", "196101182803", "1961-01-18"],
    ["19900222-2397", "199002222397", "1990-02-22"],
    ["200302022389", "200302022389", "2003-02-02"],
  ])("accepts %s", (input, value, birthDate) => {
    expect(ok(input)).toEqual({ kind: "personnummer", value, birthDate, display: `${value.slice(0, 8)}-${value.slice(8)}` });
  });

  it("trims and removes whitespace", () => {
    expect(ok("  19610118 2803\t").value).toBe("196101182803");
    expect(ok(" 900222-2397 ").value).toBe("199002222397");
  });

  it("picks the century of a 10-digit number from today, with '+' for 100 years or older", () => {
    expect(ok("500907-2553").value).toBe("195009072553");
    expect(ok("5009072553").value).toBe("195009072553");
    expect(ok("030202-2389").value).toBe("200302022389");
    expect(ok("121212+1212").value).toBe("191212121212");
    // '-' means the most recent century up to today: in 2005, Tolvan's digits are 1912.
    expect(ok("121212-1212", new Date("2005-06-01T12:00:00+02:00")).value).toBe("191212121212");
    expect(ok("500907+2553").value).toBe("185009072553");
  });

  it("rejects a wrong check digit", () => {
    expect(err("191212121213")).toBe("Ogiltigt personnummer: kontrollsiffran stämmer inte");
    expect(err("19500907-2554")).toBe("Ogiltigt personnummer: kontrollsiffran stämmer inte");
    expect(err("900222-2398")).toBe("Ogiltigt personnummer: kontrollsiffran stämmer inte");
  });

  it("rejects a date that does not exist", () => {
    expect(err("191213121212")).toBe("Ogiltigt personnummer: datumet finns inte");
    expect(err("199002302397")).toBe("Ogiltigt personnummer: datumet finns inte");
  });

  it("rejects a birth date in the future (12 digits, and 10 digits in the birth year)", () => {
    const beforeBirth = new Date("2003-01-01T12:00:00+01:00");
    expect(err("200302022389", beforeBirth)).toBe("Födelsedatumet ligger i framtiden");
    expect(err("030202-2389", beforeBirth)).toBe("Födelsedatumet ligger i framtiden");
    expect(ok("200302022389", new Date("2003-02-02T00:30:00+01:00")).birthDate).toBe("2003-02-02");
  });

  it("uses Stockholm's date, not UTC, for 'today'", () => {
    // 2003-02-01 23:30 UTC is already 2003-02-02 in Sweden: the birth day itself.
    expect(ok("200302022389", new Date("2003-02-01T23:30:00Z")).value).toBe("200302022389");
    expect(err("200302022389", new Date("2003-02-01T22:30:00Z"))).toBe("Födelsedatumet ligger i framtiden");
  });
});

describe("parsePatientIdentifier: samordningsnummer", () => {
  it("recognises day + 60 and gives the real birth date", () => {
    expect(ok("196109732393")).toEqual({ kind: "samordningsnummer", value: "196109732393", birthDate: "1961-09-13", display: "19610973-2393" });
    expect(ok("610973-2393").value).toBe("196109732393");
  });

  it("rejects a wrong check digit", () => {
    expect(err("196109732394")).toBe("Ogiltigt personnummer: kontrollsiffran stämmer inte");
  });

  it("rejects Inera's 19800191-0002: its Luhn digit is right but födelsenummer 000 is never issued", () => {
    expect(err("19800191-0002")).toBe("Ogiltigt personnummer: födelsenumret 000 används inte");
  });
});

describe("parsePatientIdentifier: reservnummer and garbage", () => {
  it("accepts the national reservnummer form, upper-cased", () => {
    expect(ok("98240301AA06")).toEqual({ kind: "reservnummer", value: "98240301AA06", display: "98240301AA06" });
    expect(ok(" 98240301aa06 ").value).toBe("98240301AA06");
  });

  it.each(["", "   ", "abc", "12345", "1912121212121", "ABCDEFGHIJ", "9824!301AA06", "98240301ÅA06", "A1"])("rejects %j with the hint", (input) => {
    expect(err(input)).toBe(PATIENT_IDENTIFIER_HINT);
  });

  it("has the hint text the UI shows", () => {
    expect(PATIENT_IDENTIFIER_HINT).toBe("Ange personnummer med 12 siffror (ÅÅÅÅMMDD-NNNN), samordningsnummer eller reservnummer");
  });
});

describe("format and mask", () => {
  it("formats 12 digits with a hyphen and masks the last four", () => {
    const id = ok("191212121212");
    expect(formatPatientIdentifier(id)).toBe("19121212-1212");
    expect(maskPatientIdentifier(id)).toBe("19121212-****");
    expect(maskPatientIdentifier(ok("196109732393"))).toBe("19610973-****");
  });

  it("masks the end of a reservnummer", () => {
    const id = ok("98240301AA06");
    expect(formatPatientIdentifier(id)).toBe("98240301AA06");
    expect(maskPatientIdentifier(id)).toBe("98240301****");
  });
});
