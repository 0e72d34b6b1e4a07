import { describe, expect, it } from "vitest";
import { affectingOutages, isOutageActiveAt, isUnitAffected, isWithin, unitOutageWindow } from "./scope";
import { at, BIST, FAR_WARD, HOSPITAL, OTHER_REGION, outage, REGION, UNITS, VC, WARD_A, WARD_B } from "./test-fixtures";

const unit = (id: string) => UNITS.find((u) => u.id === id) ?? { id, regionId: REGION };

describe("isUnitAffected", () => {
  const region = outage("o1", at("2026-03-02", "08:00"), null);
  it("a region outage reaches the region's own units and its kommuner's units, not another region's", () => {
    expect(isUnitAffected(region, unit(WARD_A))).toBe(true);
    expect(isUnitAffected(region, unit(BIST))).toBe(true);
    expect(isUnitAffected(region, unit(VC))).toBe(true);
    expect(isUnitAffected(region, unit(FAR_WARD))).toBe(false);
  });

  it("a units outage reaches the listed units and their descendants only, and never another region", () => {
    const hospital = outage("o2", at("2026-03-02", "08:00"), null, { kind: "units", unitIds: [HOSPITAL] });
    expect(isUnitAffected(hospital, unit(HOSPITAL))).toBe(true);
    expect(isUnitAffected(hospital, unit(WARD_A))).toBe(true);
    expect(isUnitAffected(hospital, { id: WARD_A, regionId: REGION })).toBe(false); // no tree given
    expect(isUnitAffected(hospital, unit(BIST))).toBe(false);
    const foreign = outage("o3", at("2026-03-02", "08:00"), null, { kind: "units", unitIds: [FAR_WARD] });
    expect(isUnitAffected(foreign, unit(FAR_WARD))).toBe(false);
    expect(isUnitAffected({ ...foreign, regionId: OTHER_REGION }, unit(FAR_WARD))).toBe(true);
  });
});

describe("active outages", () => {
  const o = outage("o1", at("2026-03-02", "08:00"), at("2026-03-02", "16:00"));
  it("starts at its start and is over at its end", () => {
    expect(isOutageActiveAt(o, at("2026-03-02", "07:59"))).toBe(false);
    expect(isOutageActiveAt(o, at("2026-03-02", "08:00"))).toBe(true);
    expect(isOutageActiveAt(o, at("2026-03-02", "15:59"))).toBe(true);
    expect(isOutageActiveAt(o, at("2026-03-02", "16:00"))).toBe(false);
    expect(isOutageActiveAt({ ...o, endedAt: null }, at("2027-01-01"))).toBe(true);
  });

  it("affectingOutages lists every overlapping outage that reaches the unit, earliest first", () => {
    const login = outage("o-b", at("2026-03-02", "10:00"), null, { kind: "units", unitIds: [WARD_B] }, "inloggning");
    const ehr = outage("o-a", at("2026-03-02", "08:00"), at("2026-03-02", "12:00"), { kind: "region" }, "journalsystem");
    const far = outage("o-c", at("2026-03-02", "07:00"), null, { kind: "region" }, "samordning", OTHER_REGION);
    const all = [login, far, ehr];
    expect(affectingOutages(all, unit(WARD_B)).map((o) => o.id)).toEqual(["o-a", "o-b"]);
    expect(affectingOutages(all, unit(WARD_A)).map((o) => o.id)).toEqual(["o-a"]);
    expect(affectingOutages(all, unit(WARD_B), at("2026-03-02", "13:00")).map((o) => o.id)).toEqual(["o-b"]);
    expect(affectingOutages(all, unit(WARD_A), at("2026-03-02", "13:00"))).toEqual([]);
    expect(affectingOutages(all, unit(FAR_WARD)).map((o) => o.id)).toEqual(["o-c"]);
  });
});

describe("unitOutageWindow", () => {
  const a = outage("a", at("2026-03-02", "08:00"), at("2026-03-02", "12:00"));
  const b = outage("b", at("2026-03-02", "11:00"), at("2026-03-02", "16:00"), { kind: "units", unitIds: [WARD_B] });
  const c = outage("c", at("2026-03-02", "16:00"), at("2026-03-02", "18:00"), { kind: "units", unitIds: [WARD_B] });
  const later = outage("d", at("2026-03-03", "08:00"), at("2026-03-03", "09:00"));

  it("none when the outage does not reach the unit", () => {
    expect(unitOutageWindow(b, [a], unit(WARD_A))).toEqual({ status: "none" });
  });

  it("merges overlapping and touching outages transitively, not separate ones", () => {
    expect(unitOutageWindow(a, [b, c, later], unit(WARD_B))).toEqual({
      status: "complete",
      from: at("2026-03-02", "08:00"),
      to: at("2026-03-02", "18:00"),
      outageIds: ["a", "b", "c"],
    });
    expect(unitOutageWindow(a, [b, c, later], unit(WARD_A))).toEqual({
      status: "complete",
      from: at("2026-03-02", "08:00"),
      to: at("2026-03-02", "12:00"),
      outageIds: ["a"],
    });
  });

  it("pending while an overlapping outage goes on", () => {
    const open = { ...c, endedAt: null };
    expect(unitOutageWindow(a, [b, open], unit(WARD_B))).toEqual({ status: "pending", from: at("2026-03-02", "08:00"), outageIds: ["a", "b", "c"] });
  });

  it("isWithin: start inclusive, end exclusive", () => {
    const w = { from: at("2026-03-02", "08:00"), to: at("2026-03-02", "16:00") };
    expect(isWithin(at("2026-03-02", "08:00"), w)).toBe(true);
    expect(isWithin(at("2026-03-02", "16:00"), w)).toBe(false);
  });
});
