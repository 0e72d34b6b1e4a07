import { describe, expect, it } from "vitest";
import { homeCareStart, homeComingDate, isNewToUnit } from "./home-care";
import { ROLES } from "../identity/types";
import { stockholmDate } from "../time/stockholm";

describe("home care start pages", () => {
  it("hemtjänst and the kommun's nurses get their own start page, nobody else", () => {
    expect(ROLES.filter((r) => homeCareStart(r) !== null)).toEqual(["kommun_ssk", "hemtjanst"]);
    expect(homeCareStart("hemtjanst")).toBe("hemtjanst");
    expect(homeCareStart("kommun_ssk")).toBe("hemsjukvard");
  });
  it("the home-coming is the agreed discharge day, else the estimated date", () => {
    expect(homeComingDate({ plannedDischargeAt: new Date("2026-12-09T23:30:00Z"), estimatedDischargeDate: "2026-12-08", stockholmDate })).toBe("2026-12-10");
    expect(homeComingDate({ plannedDischargeAt: null, estimatedDischargeDate: "2026-12-08", stockholmDate })).toBe("2026-12-08");
    expect(homeComingDate({ plannedDischargeAt: null, estimatedDischargeDate: null, stockholmDate })).toBeNull();
  });
  it("a case is new to the unit for a week after it was brought in", () => {
    const now = new Date("2026-12-10T12:00:00Z");
    expect(isNewToUnit(new Date("2026-12-04T12:00:01Z"), now)).toBe(true);
    expect(isNewToUnit(new Date("2026-12-03T12:00:00Z"), now)).toBe(false);
  });
});
