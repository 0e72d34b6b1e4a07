import { ROLE_LABELS } from "./context-label";
import type { OrgTree } from "./org-tree";
import type { Commission, OrgNodeKind, Principal, Role } from "./types";

/**
 * Two checks every grant passes, whatever its rule says, so that a careless or hostile rule
 * cannot hand out another organisation's units:
 *
 * 1. The scope lies inside the organisation the person works for: for a commission grant, the
 *    organisation that owns the commission's unit (and, when the commission names a vårdgivare we
 *    know, that same organisation); for a person-level grant (a system role, no commission), the
 *    organisation whose HSA catalogue issued the person's employeeHsaId. HSA-ids are
 *    "<country><organisationsnummer>-<local part>", so the part before the first '-' names the
 *    catalogue owner. A system role in itself says nothing about employment:
 *    anyone can be given "VK;Hemtjanst-<any unit>".
 * 2. The scope is a kind of unit the role works at: hemtjänst at a hemtjänstgrupp, never at a
 *    biståndsenhet or a whole kommun.
 */

/** Where each role works: the kinds of node its scope root may be. */
export const ROLE_UNIT_KINDS: Readonly<Record<Role, readonly OrgNodeKind[]>> = {
  avd_ssk: ["vardavdelning"],
  lakare: ["vardavdelning"],
  terapeut: ["vardavdelning"],
  utskrivningsledare: ["sjukhus"],
  vc_personal: ["vardcentral"],
  psykiatri_oppenvard: ["psykiatrisk_oppenvard"],
  bistandshandlaggare: ["bistandsenhet"],
  kommun_ssk: ["hemsjukvard"],
  hemtjanst: ["hemtjanstgrupp"],
  mas: ["kommun"],
  sysadmin: ["region"],
  kommunadmin: ["kommun"],
  region_ekonom: ["region"],
  kommun_ekonom: ["kommun"],
  // Log review is per organisation: over its own staff's accesses.
  loggranskare: ["region", "kommun"],
};

/** "SE2321000032-P0001" → "SE2321000032": the catalogue (organisation) that issued the id. */
export function hsaCatalogue(hsaId: string): string {
  const dash = hsaId.indexOf("-");
  return dash < 0 ? hsaId : hsaId.slice(0, dash);
}

/**
 * The organisations (org-tree roots) the person works for in this evaluation: one for a
 * commission, those sharing the employeeHsaId's catalogue for a person-level grant. Empty when
 * we cannot tell, which grants nothing.
 */
export function employerOrgs(principal: Principal, commission: Commission | undefined, tree: OrgTree): string[] {
  if (commission) {
    const owner = tree.rootOf(commission.unitHsaId);
    if (!owner) return [];
    const provider = commission.providerHsaId;
    // A commission naming a known organisation other than the unit's owner is contradictory.
    if (provider !== "" && tree.has(provider) && provider !== owner.hsaId) return [];
    return [owner.hsaId];
  }
  const catalogue = hsaCatalogue(principal.employeeHsaId);
  if (catalogue === "") return [];
  return tree
    .nodes()
    .filter((n) => n.parentHsaId === null && hsaCatalogue(n.hsaId) === catalogue)
    .map((n) => n.hsaId);
}

export type EmployerCheck = { ok: true } | { ok: false; code: "outside_employer_org" | "role_not_at_unit_kind"; message: string };

export function checkEmployerAndKind(role: Role, scopeHsaId: string, principal: Principal, commission: Commission | undefined, tree: OrgTree): EmployerCheck {
  const node = tree.get(scopeHsaId);
  const name = node?.name ?? scopeHsaId;
  const employers = employerOrgs(principal, commission, tree);
  if (!employers.some((org) => tree.isUnder(scopeHsaId, org))) {
    return {
      ok: false,
      code: "outside_employer_org",
      message: commission
        ? `Medarbetaruppdraget hör inte till den organisation som äger ${name}`
        : `Anställningen (${principal.employeeHsaId}) hör inte till den organisation som äger ${name}`,
    };
  }
  if (!node || !ROLE_UNIT_KINDS[role].includes(node.kind)) {
    return { ok: false, code: "role_not_at_unit_kind", message: `Rollen ${ROLE_LABELS[role]} kan inte ges för ${name}` };
  }
  return { ok: true };
}
