import type { UnitKind } from "../identity/types";
import { isWardParty, partyRoleForUnitKind, isReceivingParty } from "./party-role";
import type { MessageKind, PartyRole } from "./types";

/**
 * Who may bring which unit into a case as a party.
 *
 * - The ward plans the discharge with everyone the patient will need, so it may add any receiving
 *   unit of the case's region and of the region's kommuner.
 * - The kommun's biståndshandläggare decides on the help (meddela beslut) and names who gives it,
 *   so the kommun brings in its OWN home care: hemsjukvård and hemtjänst of the same kommun, never
 *   another kommun's units or the region's.
 * - Nobody else adds parties.
 *
 * The home care units join when the kommun decides or the ward assigns work, not only when the ward
 * remembers them: home care that first hears of the patient at the door has not been planned with.
 */

/** The municipal home care that the kommun itself brings in. */
export const HOME_CARE_ROLES: readonly PartyRole[] = ["hemsjukvard", "hemtjanst"];

export interface PartyAdder {
  /** The capacity the adder acts in within the case. */
  partyRole: PartyRole;
  /** The organisation (region or kommun) of the adder's unit in the case. */
  organisationId: string;
}

export interface PartyCandidate {
  kind: UnitKind;
  active: boolean;
  organisationId: string;
  /** The region the unit's organisation belongs to (a kommun's region; a region's own id). */
  organisationRegionId: string | null;
}

/** May this party add parties at all (the "Lägg till part" control)? */
export function mayAddParties(role: PartyRole): boolean {
  return isWardParty(role) || role === "kommun";
}

/** Null when `adder` may add `unit` to a case of `caseRegionId`; otherwise why not, in Swedish. */
export function partyAddRefusal(adder: PartyAdder, caseRegionId: string, unit: PartyCandidate): string | null {
  const role = partyRoleForUnitKind(unit.kind);
  if (!unit.active) return "Enheten är inte längre aktiv.";
  if (!role || !isReceivingParty(role)) return "Välj en mottagande enhet (kommun, vårdcentral, psykiatrisk öppenvård, hemsjukvård eller hemtjänst).";
  if (isWardParty(adder.partyRole)) {
    const inRegion = unit.organisationId === caseRegionId || unit.organisationRegionId === caseRegionId;
    return inRegion ? null : "Enheten kan inte läggas till i det här ärendet. Välj en av enheterna i listan: regionens och dess kommuners mottagande enheter.";
  }
  if (adder.partyRole === "kommun") {
    if (!HOME_CARE_ROLES.includes(role)) return "Kommunen för in sin egen hemsjukvård och hemtjänst. Andra parter läggs till av avdelningen.";
    if (unit.organisationId !== adder.organisationId) return "Kommunen kan bara föra in hemsjukvård och hemtjänst i den egna kommunen.";
    return null;
  }
  return "Parter läggs till av avdelningen, och kommunens hemsjukvård och hemtjänst av kommunen.";
}

/**
 * The units a message brings into the case with it: the home care the kommun names in its decision
 * (meddela beslut) and the hemsjukvård the ward assigns work to (uppdrag hemsjukvård). They become
 * parties and recipients of the message when it is sent.
 */
export const BRINGS_IN_PARTIES: ReadonlySet<MessageKind> = new Set<MessageKind>(["meddela_beslut", "uppdrag_hemsjukvard"]);

/** Which party roles a kind may bring in. */
export const BRING_IN_ROLES: Partial<Record<MessageKind, readonly PartyRole[]>> = {
  meddela_beslut: HOME_CARE_ROLES,
  uppdrag_hemsjukvard: ["hemsjukvard"],
};

export function unitsBroughtIn(kind: MessageKind, payload: unknown): string[] {
  if (!BRINGS_IN_PARTIES.has(kind) || !payload || typeof payload !== "object") return [];
  const ids = (payload as { bringInUnitIds?: unknown }).bringInUnitIds;
  return Array.isArray(ids) ? [...new Set(ids.filter((x): x is string => typeof x === "string"))] : [];
}

/** Null when a message of `kind` may bring in a unit of `kind`; otherwise why not. */
export function bringInRefusal(kind: MessageKind, unitKind: UnitKind): string | null {
  const role = partyRoleForUnitKind(unitKind);
  const allowed = BRING_IN_ROLES[kind];
  if (role && allowed?.includes(role)) return null;
  return kind === "uppdrag_hemsjukvard"
    ? "Uppdrag hemsjukvård kan bara föra in hemsjukvård."
    : "Beslutet kan bara föra in kommunens hemsjukvård och hemtjänst.";
}
