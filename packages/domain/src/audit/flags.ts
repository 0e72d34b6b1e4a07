import type { OrgTree } from "../identity/org-tree";
import type { AuditFlagKind } from "./review";

/**
 * The automatic flags of the log review: accesses a reviewer should look at even when no sample
 * picks them. Each is a reason to ask "was this access needed for the patient's care?" (PDL
 * 4 kap. 1 §), not a finding in itself.
 */

export interface AccessParty {
  unitHsaId: string;
  /** When the unit became a party; null when unknown (counts as from the start). */
  addedAt: Date | null;
  removedAt: Date | null;
}

export interface AccessFacts {
  at: Date;
  /** The unit (scope root) of the context the access was made in. */
  unitHsaId: string | null;
  actor: { familyName: string | null; regionHsaId: string | null };
  patient: { protectedIdentity: boolean; familyName: string; homeRegionHsaId: string | null };
  /** The case accessed, when the access concerned one. */
  kase: { regionHsaId: string | null; parties: AccessParty[] } | null;
}

/** Name parts, case- and accent-insensitive on composition only: "Berg-Lind" shares "berg" with "Berg". */
function nameParts(name: string): Set<string> {
  return new Set(
    name
      .normalize("NFC")
      .toLocaleLowerCase("sv-SE")
      .split(/[\s-]+/)
      .filter((p) => p.length > 1),
  );
}

export function sharesFamilyName(a: string, b: string): boolean {
  const left = nameParts(a);
  for (const p of nameParts(b)) if (left.has(p)) return true;
  return false;
}

/** Whether the access's unit covered a party of the case at the time of the access. */
function wasParty(facts: AccessFacts, tree: OrgTree): boolean {
  if (!facts.kase || !facts.unitHsaId) return true;
  const unit = facts.unitHsaId;
  return facts.kase.parties.some(
    (p) =>
      (p.unitHsaId === unit || tree.isUnder(p.unitHsaId, unit)) &&
      (p.addedAt === null || p.addedAt <= facts.at) &&
      (p.removedAt === null || p.removedAt > facts.at),
  );
}

/** The flags one successful access to patient data raises, in the order of AUDIT_FLAG_KINDS. */
export function flagsForAccess(facts: AccessFacts, tree: OrgTree): AuditFlagKind[] {
  const flags: AuditFlagKind[] = [];
  if (facts.patient.protectedIdentity) flags.push("protected_identity");
  if (!wasParty(facts, tree)) flags.push("not_a_party");
  if (facts.actor.familyName && sharesFamilyName(facts.actor.familyName, facts.patient.familyName)) flags.push("same_family_name");
  // The region the data belongs to: the case's (its hospital's region); without a case, the
  // patient's home region. Unknown on either side raises nothing: a guess would only add noise.
  const dataRegion = facts.kase ? facts.kase.regionHsaId : facts.patient.homeRegionHsaId;
  if (dataRegion && facts.actor.regionHsaId && dataRegion !== facts.actor.regionHsaId) flags.push("outside_own_region");
  return flags;
}
