import { describe, expect, it } from "vitest";
import { formatDuration, stockholmDateTime, stockholmLongDateTime, stockholmTime } from "./format";

describe("stockholmDateTime / stockholmTime", () => {
  it("reads the Stockholm clock across both changes", () => {
    expect(stockholmDateTime(new Date("2026-03-29T00:59:00Z"))).toBe("2026-03-29 01:59");
    expect(stockholmDateTime(new Date("2026-03-29T01:00:00Z"))).toBe("2026-03-29 03:00");
    expect(stockholmDateTime(new Date("2026-10-25T00:30:00Z"))).toBe("2026-10-25 02:30");
    expect(stockholmDateTime(new Date("2026-10-25T01:30:00Z"))).toBe("2026-10-25 02:30");
    expect(stockholmDateTime(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01 00:30");
    expect(stockholmTime(new Date("2026-07-01T12:05:00Z"))).toBe("14:05");
  });
});

describe("stockholmLongDateTime", () => {
  it.each([
    // Normal time (CET, UTC+1)
    ["2026-11-22T13:30:00Z", "söndag 22 november 2026 kl. 14.30"],
    ["2026-01-15T07:05:00Z", "torsdag 15 januari 2026 kl. 08.05"],
    // Summer time (CEST, UTC+2), over midnight in UTC
    ["2026-07-01T22:15:00Z", "torsdag 2 juli 2026 kl. 00.15"],
    // Summer time starts 29 March 2026 at 02.00 → 03.00
    ["2026-03-29T00:30:00Z", "söndag 29 mars 2026 kl. 01.30"],
    ["2026-03-29T01:30:00Z", "söndag 29 mars 2026 kl. 03.30"],
    // Summer time ends 25 October 2026 at 03.00 → 02.00: the hour 02.00–03.00 occurs twice
    ["2026-10-25T00:30:00Z", "söndag 25 oktober 2026 kl. 02.30 (sommartid)"],
    ["2026-10-25T01:30:00Z", "söndag 25 oktober 2026 kl. 02.30 (normaltid)"],
    ["2026-10-25T02:30:00Z", "söndag 25 oktober 2026 kl. 03.30"],
    ["2026-10-24T23:59:00Z", "söndag 25 oktober 2026 kl. 01.59"],
  ])("%s → %s", (iso, expected) => {
    expect(stockholmLongDateTime(new Date(iso))).toBe(expected);
  });

  it("rejects an invalid date", () => {
    expect(() => stockholmLongDateTime(new Date("inte ett datum"))).toThrow(/ogiltigt datum/i);
  });
});

describe("formatDuration", () => {
  it("days, hours and minutes of elapsed time", () => {
    expect(formatDuration(45 * 60_000)).toBe("45 min");
    expect(formatDuration((7 * 60 + 5) * 60_000)).toBe("7 h 5 min");
    expect(formatDuration((2 * 1440 + 3 * 60) * 60_000)).toBe("2 d 3 h 0 min");
    expect(formatDuration(-5)).toBe("0 min");
  });
});
