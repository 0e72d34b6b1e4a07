import type { CaseParty, MessageKind, PartyRole } from "./types";

/**
 * Whom a message goes to unless the sender changes it: the ward writes to every receiving party
 * (home-care assignments to municipal health care, self-care assessments to the needs assessor);
 * a receiving party answers the ward; SIP and general messages go to everyone else in the case.
 */
export function defaultRecipients(kind: MessageKind, senderUnitId: string, senderRole: PartyRole, parties: readonly CaseParty[]): string[] {
  const others = parties.filter((p) => !p.removedAt && p.unitId !== senderUnitId);
  const ids = (roles: readonly PartyRole[]) => others.filter((p) => roles.includes(p.role)).map((p) => p.unitId);
  if (kind === "samtycke") return senderRole === "avdelning" ? [] : ids(["avdelning"]);
  if (kind === "kallelse_sip" || kind === "sip_plan" || kind === "generellt") return others.map((p) => p.unitId);
  if (senderRole !== "avdelning") return ids(["avdelning"]);
  if (kind === "uppdrag_hemsjukvard") {
    const hsl = ids(["hemsjukvard"]);
    return hsl.length > 0 ? hsl : ids(["kommun"]);
  }
  if (kind === "egenvardsbedomning") return ids(["kommun"]);
  return others.map((p) => p.unitId);
}
