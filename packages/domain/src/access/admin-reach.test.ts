import { describe, expect, it } from "vitest";
import { ROLES } from "../identity/types";
import { adminReach, organisationAccess } from "./admin-reach";

describe("an administrator's reach", () => {
  it("the system administrator reaches the region, the kommun's administrator its own organisation, nobody else anything", () => {
    expect(adminReach("sysadmin")).toBe("region");
    expect(adminReach("kommunadmin")).toBe("ownOrganisation");
    expect(ROLES.filter((r) => adminReach(r) === "none")).toEqual(ROLES.filter((r) => r !== "sysadmin" && r !== "kommunadmin"));
  });
});

describe("organisationAccess", () => {
  const region = { id: "R", regionId: null };
  const eskilstuna = { id: "ESK", regionId: "R" };
  const nykoping = { id: "NYK", regionId: "R" };
  const otherRegion = { id: "R2", regionId: null };
  const otherKommun = { id: "K2", regionId: "R2" };

  it("the region's system administrator manages the region and only reads its kommuner", () => {
    expect(organisationAccess("sysadmin", region, region)).toBe("manage");
    expect(organisationAccess("sysadmin", region, eskilstuna)).toBe("read");
    expect(organisationAccess("sysadmin", region, otherRegion)).toBe("none");
    expect(organisationAccess("sysadmin", region, otherKommun)).toBe("none");
  });

  it("a kommun's administrator manages the kommun and sees nothing else, not even its region", () => {
    expect(organisationAccess("kommunadmin", eskilstuna, eskilstuna)).toBe("manage");
    expect(organisationAccess("kommunadmin", eskilstuna, region)).toBe("none");
    expect(organisationAccess("kommunadmin", eskilstuna, nykoping)).toBe("none");
  });

  it("a system administrator working for a kommun reads no sibling kommun", () => {
    expect(organisationAccess("sysadmin", eskilstuna, nykoping)).toBe("none");
  });

  it("roles that administer nothing get nothing, even for their own organisation", () => {
    expect(organisationAccess("mas", eskilstuna, eskilstuna)).toBe("none");
  });
});
