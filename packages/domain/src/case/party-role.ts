import type { OrgNodeKind, UnitKind } from "../identity/types";
import { PARTY_ROLES, type PartyRole } from "./types";

/** Which unit kinds can take part in a case, and in which capacity. */
export const PARTY_ROLE_BY_UNIT_KIND: Partial<Record<UnitKind, PartyRole>> = {
  vardavdelning: "avdelning",
  bistandsenhet: "kommun",
  vardcentral: "vardcentral",
  psykiatrisk_oppenvard: "psykiatrisk_oppenvard",
  hemsjukvard: "hemsjukvard",
  hemtjanstgrupp: "hemtjanst",
};

export function partyRoleForUnitKind(kind: OrgNodeKind): PartyRole | null {
  return PARTY_ROLE_BY_UNIT_KIND[kind as UnitKind] ?? null;
}

/** The ward: it opens the case, plans the discharge and brings in the other parties. */
export function isWardParty(role: PartyRole): boolean {
  return role === "avdelning";
}

/** Every other party receives what the ward sends (kommun, vårdcentral, hemsjukvård …). */
export function isReceivingParty(role: PartyRole): boolean {
  return !isWardParty(role);
}

/** Only the ward adds a party to a case later (e.g. psychiatric outpatient care or home health care). */
export const addsParties = isWardParty;

/** The written summary for the patient at discharge is printed by the ward (Patientlagen 3 kap. 2 b §). */
export const printsPatientSummary = isWardParty;

/** The unit kinds that take part in cases (the worklist's unit filter offers only these). */
export const PARTY_UNIT_KINDS = Object.keys(PARTY_ROLE_BY_UNIT_KIND) as UnitKind[];

/** The unit kinds that can be brought into a case as a receiving party. */
export const RECEIVING_UNIT_KINDS: readonly UnitKind[] = (Object.entries(PARTY_ROLE_BY_UNIT_KIND) as [UnitKind, PartyRole][])
  .filter(([, role]) => isReceivingParty(role))
  .map(([kind]) => kind);

/** Receiving parties on the municipality's side (social services and municipal health care). */
export const MUNICIPAL_PARTY_ROLES: readonly PartyRole[] = ["kommun", "hemsjukvard", "hemtjanst"];
/** The kommun's party that a new case names as its kommun (biståndshandläggningen). */
export const MUNICIPALITY_CASE_ROLES: readonly PartyRole[] = ["kommun"];
/** The region's outpatient care (öppenvård) that can hold the fast vårdkontakt. */
export const OUTPATIENT_PARTY_ROLES: readonly PartyRole[] = ["vardcentral", "psykiatrisk_oppenvard"];

/**
 * When a viewer's scope covers several parties of one case (a MAS over the whole kommun, an
 * utskrivningsledare over the hospital), the capacity they act in: the ward first, then the
 * receiving parties in process order.
 */
const PRIORITY: readonly PartyRole[] = PARTY_ROLES;

export function primaryPartyRole(roles: readonly PartyRole[]): PartyRole | null {
  return PRIORITY.find((r) => roles.includes(r)) ?? null;
}
