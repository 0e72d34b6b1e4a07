import { describe, expect, it } from "vitest";
import { isNonWorkingDay, openingStatus, swedishNonWorkingDays } from "./opening-hours";
import { at } from "./test-fixtures";

// 2026-03-02 is a Monday.
describe("openingStatus", () => {
  it("reads the utskrivningsledare's 'vardagar 07.30–16.15' (Region Sörmland, Reservrutin Link) on the Stockholm clock", () => {
    const hours = "vardagar 07.30–16.15";
    expect(openingStatus(hours, at("2026-03-02", "07:29"))).toBe("closed");
    expect(openingStatus(hours, at("2026-03-02", "07:30"))).toBe("open");
    expect(openingStatus(hours, at("2026-03-02", "16:14"))).toBe("open");
    expect(openingStatus(hours, at("2026-03-02", "16:15"))).toBe("closed");
    expect(openingStatus(hours, at("2026-03-07", "10:00"))).toBe("closed"); // Saturday
    expect(openingStatus(hours, at("2026-03-30", "07:45"))).toBe("open"); // the Monday after the spring change
  });

  it("vardagar are closed on public holidays and the closed aftons", () => {
    expect(openingStatus("vardagar 08.00–16.30", at("2026-04-06", "10:00"))).toBe("closed"); // annandag påsk
    expect(openingStatus("helgfria vardagar 8-17", at("2026-06-19", "10:00"))).toBe("closed"); // midsommarafton
    expect(openingStatus("helgfria vardagar 8-17", at("2026-12-24", "10:00"))).toBe("closed"); // julafton (Thursday)
    expect(openingStatus("helger 10-14", at("2026-04-06", "11:00"))).toBe("open");
  });

  it("a day-name rule on a holiday does not say: unknown", () => {
    expect(openingStatus("mån–fre 8–17", at("2026-04-06", "10:00"))).toBe("unknown");
    expect(openingStatus("mån–fre 8–17", at("2026-03-02", "10:00"))).toBe("open");
  });

  it("several parts, day lists, ranges over midnight, 'stängt', 'dygnet runt'", () => {
    const split = "mån-tors 8-16, fre 8-15";
    expect(openingStatus(split, at("2026-03-05", "15:30"))).toBe("open"); // Thursday
    expect(openingStatus(split, at("2026-03-06", "15:30"))).toBe("closed"); // Friday
    expect(openingStatus("mån, ons 8-12", at("2026-03-04", "09:00"))).toBe("open");
    expect(openingStatus("mån, ons 8-12", at("2026-03-03", "09:00"))).toBe("closed");
    expect(openingStatus("alla dagar 22-07", at("2026-03-02", "23:30"))).toBe("open");
    expect(openingStatus("alla dagar 22-07", at("2026-03-03", "06:30"))).toBe("open");
    expect(openingStatus("alla dagar 22-07", at("2026-03-03", "12:00"))).toBe("closed");
    expect(openingStatus("alla dagar 10-14; lör-sön stängt", at("2026-03-07", "11:00"))).toBe("closed");
    expect(openingStatus("alla dagar 10-14; lör-sön stängt", at("2026-03-06", "11:00"))).toBe("open");
    expect(openingStatus("dygnet runt", at("2026-12-25", "03:00"))).toBe("open");
    expect(openingStatus("Dygnet runt, alla dagar", at("2026-03-02", "03:00"))).toBe("open");
    expect(openingStatus("vardagar kl. 8 till 17", at("2026-03-02", "16:59"))).toBe("open");
  });

  it("anything not understood is unknown, never a guess", () => {
    expect(openingStatus(null, at("2026-03-02", "10:00"))).toBe("unknown");
    expect(openingStatus("", at("2026-03-02", "10:00"))).toBe("unknown");
    expect(openingStatus("Bemannade varje vardag", at("2026-03-02", "10:00"))).toBe("unknown");
    expect(openingStatus("vardagar 8-17, ring växeln annars", at("2026-03-02", "10:00"))).toBe("unknown");
    expect(openingStatus("vardagar 25-26", at("2026-03-02", "10:00"))).toBe("unknown");
  });
});

describe("Swedish holidays", () => {
  it("computes the moving ones", () => {
    const y2026 = swedishNonWorkingDays(2026);
    expect(y2026.get("2026-04-03")).toBe("Långfredagen");
    expect(y2026.get("2026-04-05")).toBe("Påskdagen");
    expect(y2026.get("2026-05-14")).toBe("Kristi himmelsfärdsdag");
    expect(y2026.get("2026-06-19")).toBe("Midsommarafton");
    expect(y2026.get("2026-06-20")).toBe("Midsommardagen");
    expect(y2026.get("2026-10-31")).toBe("Alla helgons dag");
    expect(swedishNonWorkingDays(2027).get("2027-03-28")).toBe("Påskdagen");
    expect(swedishNonWorkingDays(2027).get("2027-06-25")).toBe("Midsommarafton");
    expect(isNonWorkingDay("2026-03-02")).toBe(false);
    expect(isNonWorkingDay("2026-06-06")).toBe(true);
  });
});
