import { describe, expect, it } from "vitest";
import { cleanText, formatDate, formatDateTime, formatLongDateTime, formatPersonnummer, formatTime, joinParts } from "./format";

describe("dates in Europe/Stockholm", () => {
  it("prints an instant in Stockholm time, summer (UTC+2) and winter (UTC+1)", () => {
    expect(formatDateTime(new Date("2026-07-01T12:05:00Z"))).toBe("2026-07-01 14:05");
    expect(formatDateTime(new Date("2026-01-15T12:05:00Z"))).toBe("2026-01-15 13:05");
    expect(formatTime("2026-07-01T07:40:00Z")).toBe("09:40");
  });

  it("uses the Stockholm calendar day around midnight", () => {
    expect(formatDate(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });

  it("prints a calendar date as given, without a time and without shifting it", () => {
    expect(formatDate("2026-07-01")).toBe("2026-07-01");
    expect(formatDateTime("2026-07-01")).toBe("2026-07-01");
    expect(formatTime("2026-07-01")).toBe("");
  });

  it("prints an unparseable string as given instead of failing", () => {
    expect(formatDate("okänt")).toBe("okänt");
  });

  it("writes the long form for patients", () => {
    expect(formatLongDateTime(new Date("2026-07-07T08:00:00Z"))).toBe("tisdag 7 juli 2026 kl. 10.00");
    expect(formatLongDateTime("2026-12-24")).toBe("torsdag 24 december 2026");
  });
});

describe("formatPersonnummer", () => {
  it("prints 12 digits as YYYYMMDD-NNNN", () => {
    expect(formatPersonnummer("191212121212")).toBe("19121212-1212");
    expect(formatPersonnummer(" 19121212-1212 ")).toBe("19121212-1212");
  });

  it("leaves reservnummer and 10-digit numbers as given", () => {
    expect(formatPersonnummer("98240301AA06")).toBe("98240301AA06");
    expect(formatPersonnummer("121212-1212")).toBe("121212-1212");
  });
});

describe("cleanText", () => {
  it("composes decomposed letters, normalises line ends and drops control characters", () => {
    expect(cleanText("a\u0308\r\nb\tc\u0007")).toBe("ä\nb c");
  });
});

describe("joinParts", () => {
  it("skips empty parts", () => {
    expect(joinParts(["Avdelning 12", undefined, "", "Mälarsjukhuset"])).toBe("Avdelning 12 · Mälarsjukhuset");
  });
});
