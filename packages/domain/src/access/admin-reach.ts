import type { Role } from "../identity/types";

/**
 * How far an administrator's changes reach: the region's system administrator the region and
 * everything in it; a kommun's delegated administrator (the kommun's representative for the
 * outage contact list) only the organisation of their own scope. Other roles administer nothing.
 */
export type AdminReach = "region" | "ownOrganisation" | "none";

export function adminReach(role: Role): AdminReach {
  switch (role) {
    case "sysadmin":
      return "region";
    case "kommunadmin":
      return "ownOrganisation";
    default:
      return "none";
  }
}
