import type { OrgNodeKind } from "../identity/types";
import type { PartyRole } from "./types";

/** Which unit kinds can take part in a case, and in which capacity. */
export const PARTY_ROLE_BY_UNIT_KIND: Partial<Record<OrgNodeKind, PartyRole>> = {
  vardavdelning: "avdelning",
  bistandsenhet: "kommun",
  vardcentral: "vardcentral",
  psykiatrisk_oppenvard: "psykiatrisk_oppenvard",
  hemsjukvard: "hemsjukvard",
  hemtjanstgrupp: "hemtjanst",
};

export function partyRoleForUnitKind(kind: OrgNodeKind): PartyRole | null {
  return PARTY_ROLE_BY_UNIT_KIND[kind] ?? null;
}

/** Receiving parties on the municipality's side (social services and municipal health care). */
export const MUNICIPAL_PARTY_ROLES: readonly PartyRole[] = ["kommun", "hemsjukvard", "hemtjanst"];
/** The region's outpatient care (öppenvård) that can hold the fast vårdkontakt. */
export const OUTPATIENT_PARTY_ROLES: readonly PartyRole[] = ["vardcentral", "psykiatrisk_oppenvard"];

/**
 * When a viewer's scope covers several parties of one case (a MAS over the whole kommun, an
 * utskrivningsledare over the hospital), the capacity they act in: the ward first, then the
 * receiving parties in process order.
 */
const PRIORITY: readonly PartyRole[] = ["avdelning", "kommun", "vardcentral", "psykiatrisk_oppenvard", "hemsjukvard", "hemtjanst"];

export function primaryPartyRole(roles: readonly PartyRole[]): PartyRole | null {
  return PRIORITY.find((r) => roles.includes(r)) ?? null;
}
