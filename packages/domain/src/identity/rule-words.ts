import { describeCondition } from "./conditions";
import { ORG_NODE_KIND_LABELS, PORTAL_LABELS, ROLE_LABELS } from "./context-label";
import type { OrgTree } from "./org-tree";
import { isWithinValidity } from "../time/stockholm";
import { PORTALS, type GrantScope, type MappingRule } from "./types";

/**
 * A rule in words, for the rule list and history in Förvaltning: what it grants (or denies) and
 * to whom. No internal codes: roles and portals by their Swedish names, units by name.
 */

export function describeScope(scope: GrantScope, tree: Pick<OrgTree, "get">): string {
  const below = (d: boolean | undefined): string => (d ? " och enheterna under" : "");
  switch (scope.type) {
    case "commissionUnit":
      return `på medarbetaruppdragets vårdenhet${below(scope.includeDescendants)}`;
    case "commissionProvider":
      return "i hela medarbetaruppdragets vårdgivare";
    case "commissionAncestor":
      return `på närmaste ${ORG_NODE_KIND_LABELS[scope.kind]} över uppdragets vårdenhet${below(scope.includeDescendants)}`;
    case "org":
      return `på ${tree.get(scope.orgHsaId)?.name ?? scope.orgHsaId}${below(scope.includeDescendants)}`;
    case "systemRoleUnit":
      return `på enheten som systemrollen anger${below(scope.includeDescendants)}`;
    case "global":
      return "i alla organisationer";
  }
}

export function describeGrant(rule: MappingRule, tree: Pick<OrgTree, "get">): string {
  if (rule.effect === "deny") {
    const portals = rule.denyPortals?.length ? rule.denyPortals : rule.grant ? [rule.grant.portal] : PORTALS;
    return `Nekar ${portals.map((p) => PORTAL_LABELS[p]).join(", ")}`;
  }
  if (!rule.grant) return "Ger ingen behörighet";
  return `${ROLE_LABELS[rule.grant.role]} i ${PORTAL_LABELS[rule.grant.portal]} ${describeScope(rule.grant.scope, tree)}`;
}

export function describeWho(rule: MappingRule, tree: Pick<OrgTree, "get">): string {
  const parts: string[] = [];
  const d = (c: Parameters<typeof describeCondition>[0]): string => describeCondition(c, tree);
  if (rule.when.all?.length) parts.push(rule.when.all.map(d).join(" och "));
  if (rule.when.any?.length) parts.push(`minst ett av: ${rule.when.any.map(d).join(" eller ")}`);
  if (rule.when.none?.length) parts.push(`inte: ${rule.when.none.map(d).join(" eller ")}`);
  const level = rule.level === "person" ? "Personer" : "Medarbetaruppdrag";
  return `${level} där ${parts.join("; ")}`;
}

export type RuleStatus = "aktiv" | "avstängd" | "inte giltig i dag";

export function ruleStatus(rule: Pick<MappingRule, "enabled" | "validFrom" | "validTo">, now: Date): RuleStatus {
  if (!rule.enabled) return "avstängd";
  return isWithinValidity(now, rule.validFrom, rule.validTo) ? "aktiv" : "inte giltig i dag";
}

/** The fields that differ between two versions, as dotted top-level paths ("when", "grant.scope" …). */
export function changedFields(before: MappingRule, after: MappingRule): string[] {
  const keys: (keyof MappingRule)[] = [
    "description",
    "enabled",
    "level",
    "priority",
    "effect",
    "when",
    "grant",
    "denyPortals",
    "requireLoa",
    "validFrom",
    "validTo",
  ];
  return keys.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}

export const FIELD_LABELS: Record<string, string> = {
  description: "beskrivning",
  enabled: "på/av",
  level: "nivå",
  priority: "prioritet",
  effect: "effekt",
  when: "villkor",
  grant: "behörighet",
  denyPortals: "nekade portaler",
  requireLoa: "tillitsnivå",
  validFrom: "giltig från",
  validTo: "giltig till",
};
