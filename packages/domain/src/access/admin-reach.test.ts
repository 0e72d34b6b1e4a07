import { describe, expect, it } from "vitest";
import { ROLES } from "../identity/types";
import { adminReach } from "./admin-reach";

describe("an administrator's reach", () => {
  it("the system administrator reaches the region, the kommun's administrator its own organisation, nobody else anything", () => {
    expect(adminReach("sysadmin")).toBe("region");
    expect(adminReach("kommunadmin")).toBe("ownOrganisation");
    expect(ROLES.filter((r) => adminReach(r) === "none")).toEqual(ROLES.filter((r) => r !== "sysadmin" && r !== "kommunadmin"));
  });
});
