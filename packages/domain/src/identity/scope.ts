import { compileRegex } from "./conditions";
import { checkEmployerAndKind } from "./employer";
import type { OrgTree } from "./org-tree";
import type { Commission, MappingRule, Principal } from "./types";

/**
 * Scope resolution: a rule's grant scope becomes concrete org-tree
 * roots. The owner check lives here so no caller can forget it: a resolved root that is not
 * the rule's owner organisation, or inside it, is refused. A kommun admin's rule therefore
 * cannot grant a region ward, whatever it says. So do the employer and unit-kind checks
 * (employer.ts): a scope outside the person's own organisation, or at a kind of unit the role
 * does not work at, is refused too.
 */

export interface ResolvedScope {
  scopeHsaId: string;
  includeDescendants: boolean;
  /** Vårdgivare/omsorgsgivare: the commission's provider, else the organisation root of the scope. */
  providerHsaId: string | null;
}

export type ScopeOutcome =
  | { ok: true; scope: ResolvedScope }
  | {
      ok: false;
      code: "unknown_unit" | "outside_owner_org" | "outside_employer_org" | "role_not_at_unit_kind";
      message: string;
      scopeHsaId?: string;
    };

type Grant = NonNullable<MappingRule["grant"]>;

export function resolveScope(rule: MappingRule & { grant: Grant }, principal: Principal, commission: Commission | undefined, tree: OrgTree): ScopeOutcome[] {
  const scope = rule.grant.scope;
  const noCommission = (): ScopeOutcome[] => [
    {
      ok: false,
      code: "unknown_unit",
      message: `Regeln "${rule.description}" anger ett omfång som kräver ett medarbetaruppdrag, men regeln gäller på personnivå`,
    },
  ];
  const roots: { hsaId: string; includeDescendants: boolean }[] = [];

  switch (scope.type) {
    case "commissionUnit":
      if (!commission) return noCommission();
      roots.push({ hsaId: commission.unitHsaId, includeDescendants: scope.includeDescendants });
      break;
    case "commissionProvider": {
      if (!commission) return noCommission();
      const provider = providerOf(commission, tree);
      if (provider === null) return [unknownUnit(commission.unitHsaId)];
      roots.push({ hsaId: provider, includeDescendants: true });
      break;
    }
    case "commissionAncestor": {
      if (!commission) return noCommission();
      if (!tree.has(commission.unitHsaId)) return [unknownUnit(commission.unitHsaId)];
      const node = tree.nearest(commission.unitHsaId, [scope.kind]);
      if (!node) {
        return [
          {
            ok: false,
            code: "unknown_unit",
            message: `Enheten ${unitName(commission.unitHsaId, tree)} ligger inte under någon enhet av typen ${scope.kind}`,
            scopeHsaId: commission.unitHsaId,
          },
        ];
      }
      roots.push({ hsaId: node.hsaId, includeDescendants: scope.includeDescendants });
      break;
    }
    case "org":
      roots.push({ hsaId: scope.orgHsaId, includeDescendants: scope.includeDescendants });
      break;
    case "systemRoleUnit": {
      const re = compileRegex(scope.regex);
      if (!re) return [];
      for (const role of principal.systemRoles) {
        const unit = re.exec(role.raw)?.[1] ?? re.exec(role.role)?.[1];
        if (unit) roots.push({ hsaId: unit, includeDescendants: scope.includeDescendants ?? false });
      }
      break;
    }
    case "global":
      roots.push({ hsaId: rule.ownerOrgHsaId, includeDescendants: true });
      break;
  }

  return roots.map(({ hsaId, includeDescendants }): ScopeOutcome => {
    if (!tree.has(hsaId)) return unknownUnit(hsaId);
    if (!tree.isUnder(hsaId, rule.ownerOrgHsaId)) {
      return {
        ok: false,
        code: "outside_owner_org",
        message: `Regeln "${rule.description}" tillhör ${unitName(rule.ownerOrgHsaId, tree)} och kan inte ge behörighet ` + `till ${unitName(hsaId, tree)}`,
        scopeHsaId: hsaId,
      };
    }
    const employer = checkEmployerAndKind(rule.grant.role, hsaId, principal, commission, tree);
    if (!employer.ok) return { ok: false, code: employer.code, message: employer.message, scopeHsaId: hsaId };
    const providerHsaId = commission ? providerOf(commission, tree) : (tree.rootOf(hsaId)?.hsaId ?? null);
    return { ok: true, scope: { scopeHsaId: hsaId, includeDescendants, providerHsaId } };
  });
}

function providerOf(commission: Commission, tree: OrgTree): string | null {
  if (commission.providerHsaId !== "") return commission.providerHsaId;
  return tree.rootOf(commission.unitHsaId)?.hsaId ?? null;
}

function unknownUnit(hsaId: string): ScopeOutcome {
  return {
    ok: false,
    code: "unknown_unit",
    message: `Enheten ${hsaId} finns inte i Vårdkedjans organisationsträd`,
    scopeHsaId: hsaId,
  };
}

export function unitName(hsaId: string, tree: OrgTree): string {
  return tree.get(hsaId)?.name ?? hsaId;
}
