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

/** An organisation as far as reach is concerned: its id and the region it belongs to (null for a region). */
export interface ReachOrganisation {
  id: string;
  regionId: string | null;
}

/**
 * What an administrator may do with another organisation's units and people: `manage` its own
 * organisation; a region's system administrator also `read`s (for support, never changes) the
 * kommuner and providers of the region; everything else `none` (never seen).
 */
export type OrganisationAccess = "manage" | "read" | "none";

export function organisationAccess(role: Role, own: ReachOrganisation, target: ReachOrganisation): OrganisationAccess {
  const reach = adminReach(role);
  if (reach === "none") return "none";
  if (target.id === own.id) return "manage";
  if (reach === "region" && own.regionId === null && target.regionId === own.id) return "read";
  return "none";
}
