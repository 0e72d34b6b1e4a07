import { describe, expect, it } from "vitest";
import { createOrgTree } from "../identity/org-tree";
import { flagsForAccess, sharesFamilyName, type AccessFacts } from "./flags";

const tree = createOrgTree([
  { hsaId: "R-VG", parentHsaId: null, kind: "region", name: "Regionen" },
  { hsaId: "R-SJH", parentHsaId: "R-VG", kind: "sjukhus", name: "Sjukhuset" },
  { hsaId: "R-AVD1", parentHsaId: "R-SJH", kind: "vardavdelning", name: "Avd 1" },
  { hsaId: "R-AVD2", parentHsaId: "R-SJH", kind: "vardavdelning", name: "Avd 2" },
]);

const at = new Date("2026-11-10T10:00:00Z");
const base: AccessFacts = {
  at,
  unitHsaId: "R-AVD1",
  actor: { familyName: "Sjöberg", regionHsaId: "R-VG" },
  patient: { protectedIdentity: false, familyName: "Tolvansson", homeRegionHsaId: "R-VG" },
  kase: { regionHsaId: "R-VG", parties: [{ unitHsaId: "R-AVD1", addedAt: new Date("2026-11-01T00:00:00Z"), removedAt: null }] },
};

describe("log review flags", () => {
  it("an ordinary access by a party of the case raises nothing", () => {
    expect(flagsForAccess(base, tree)).toEqual([]);
  });

  it("flags every access to a patient with protected identity", () => {
    expect(flagsForAccess({ ...base, patient: { ...base.patient, protectedIdentity: true } }, tree)).toEqual(["protected_identity"]);
  });

  it("flags a unit that is not a party of the case", () => {
    expect(flagsForAccess({ ...base, unitHsaId: "R-AVD2" }, tree)).toEqual(["not_a_party"]);
  });

  it("flags a unit that was removed as a party before the access, or added only after it", () => {
    const removed = { ...base, kase: { regionHsaId: "R-VG", parties: [{ unitHsaId: "R-AVD1", addedAt: null, removedAt: new Date("2026-11-09T00:00:00Z") }] } };
    expect(flagsForAccess(removed, tree)).toEqual(["not_a_party"]);
    const later = { ...base, kase: { regionHsaId: "R-VG", parties: [{ unitHsaId: "R-AVD1", addedAt: new Date("2026-11-11T00:00:00Z"), removedAt: null }] } };
    expect(flagsForAccess(later, tree)).toEqual(["not_a_party"]);
  });

  it("a hospital-wide context covers its wards' party units", () => {
    expect(flagsForAccess({ ...base, unitHsaId: "R-SJH" }, tree)).toEqual([]);
  });

  it("an access without a case (a search) is never 'not a party'", () => {
    expect(flagsForAccess({ ...base, unitHsaId: "R-AVD2", kase: null }, tree)).toEqual([]);
  });

  it("flags a patient sharing the staff member's family name, also as part of a double name", () => {
    expect(flagsForAccess({ ...base, patient: { ...base.patient, familyName: "sjöberg" } }, tree)).toEqual(["same_family_name"]);
    expect(sharesFamilyName("Berg-Lind", "Lind")).toBe(true);
    expect(sharesFamilyName("Ek Holm", "Holmberg")).toBe(false);
    expect(sharesFamilyName("Å", "Å")).toBe(false);
  });

  it("flags an access to another region's case, or without a case to a patient living in another region", () => {
    expect(flagsForAccess({ ...base, kase: { ...base.kase!, regionHsaId: "X-VG" } }, tree)).toEqual(["outside_own_region"]);
    expect(flagsForAccess({ ...base, kase: null, patient: { ...base.patient, homeRegionHsaId: "X-VG" } }, tree)).toEqual(["outside_own_region"]);
    // Unknown regions raise nothing.
    expect(flagsForAccess({ ...base, actor: { ...base.actor, regionHsaId: null }, kase: { ...base.kase!, regionHsaId: "X-VG" } }, tree)).toEqual([]);
  });

  it("raises several flags at once, in a fixed order", () => {
    const all: AccessFacts = {
      ...base,
      unitHsaId: "R-AVD2",
      patient: { protectedIdentity: true, familyName: "Sjöberg", homeRegionHsaId: "R-VG" },
      kase: { regionHsaId: "X-VG", parties: [] },
    };
    expect(flagsForAccess(all, tree)).toEqual(["protected_identity", "not_a_party", "same_family_name", "outside_own_region"]);
  });
});
