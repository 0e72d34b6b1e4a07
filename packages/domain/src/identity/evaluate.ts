import { rightKey } from "./claims";
import { matchWhen } from "./conditions";
import { PORTAL_LABELS, ROLE_LABELS } from "./context-label";
import type { OrgTree } from "./org-tree";
import { resolveScope, unitName, type ResolvedScope } from "./scope";
import { isWithinValidity } from "../time/stockholm";
import {
  PORTALS,
  ROLES,
  type Commission,
  type CommissionRight,
  type DenialReason,
  type EvaluationResult,
  type MappingRule,
  type Portal,
  type Principal,
  type Role,
  type RoleContext,
} from "./types";

/**
 * The role-mapping engine. Pure: the same function backs
 * login, session refresh and the admin "simulate" view (`explainEvaluation`).
 *
 * Decisions beyond the research notes, kept here so they are found:
 * - A deny rule applies only inside its owner organisation, like an allow rule: a kommun's
 *   deny cannot lock out region staff. A person-level deny applies to every grant of the
 *   principal; a commission-level deny to the grants of that commission only.
 * - A deny rule denies `denyPortals` when given, else its grant's portal, else every portal.
 * - `requireLoa` is checked only for allow rules whose conditions matched.
 * - The `global` scope is clamped to the owner organisation (see scope.ts), so
 *   `scopeHsaId: null` is never produced today.
 */

export const CARE_PURPOSE = "Vård och behandling";

export type RuleOutcome =
  | "disabled"
  | "not_valid_now"
  | "conditions_not_met"
  | "deny_matched"
  | "granted"
  | "denied"
  | "loa_too_low"
  | "outside_owner_org"
  | "outside_employer_org"
  | "role_not_at_unit_kind"
  | "unknown_unit";

/** One line of the simulator: what one rule did for the person or for one commission. */
export interface RuleTrace {
  ruleId: string;
  description: string;
  /** Absent for person-level evaluation and for rules skipped before evaluation. */
  commissionHsaId?: string;
  outcome: RuleOutcome;
  /** Swedish. */
  message: string;
  contextId?: string;
  /** The grant this line is about (granted, denied, refused scopes), for the simulator. */
  portal?: Portal;
  role?: Role;
  scopeHsaId?: string;
  /** For `denied`: the deny rule that removed the grant. */
  deniedByRuleId?: string;
  /** For `deny_matched`: the portals the deny rule closes. */
  denyPortals?: readonly Portal[];
}

export interface EvaluationExplanation extends EvaluationResult {
  trace: RuleTrace[];
  activeCommissionHsaIds: string[];
}

/** Stable and URL-safe (HSA-ids are [A-Za-z0-9-]); carries no patient data. */
export function roleContextId(ctx: Pick<RoleContext, "portal" | "role" | "scopeHsaId" | "includeDescendants" | "providerHsaId">): string {
  return [ctx.portal, ctx.role, ctx.scopeHsaId ?? "global", ctx.includeDescendants ? "d" : "s", ctx.providerHsaId ?? "-"].join("~");
}

export function evaluateRules(principal: Principal, rules: MappingRule[], tree: OrgTree, now: Date): EvaluationResult {
  const { contexts, reasons } = explainEvaluation(principal, rules, tree, now);
  return { contexts, reasons };
}

interface Deny {
  rule: MappingRule;
  portals: readonly Portal[];
  commissionHsaId?: string;
}

interface Candidate {
  rule: MappingRule;
  commission?: Commission;
  scope: ResolvedScope;
  portal: Portal;
}

export function explainEvaluation(principal: Principal, rules: MappingRule[], tree: OrgTree, now: Date): EvaluationExplanation {
  const reasons: DenialReason[] = [];
  const trace: RuleTrace[] = [];
  const label = (c: Commission): string => commissionLabel(c, tree);

  // Step 2: only active commissions take part.
  const active: Commission[] = [];
  for (const c of principal.commissions) {
    const why = inactiveReason(c, now);
    if (why === null) active.push(c);
    else reasons.push({ code: "commission_inactive", message: `Medarbetaruppdraget ${label(c)} ${why}`, commissionHsaId: c.hsaId });
  }

  // Step 3: enabled rules valid today, in priority order.
  const usable: MappingRule[] = [];
  for (const rule of [...rules].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))) {
    const base = { ruleId: rule.id, description: rule.description };
    if (!rule.enabled) trace.push({ ...base, outcome: "disabled", message: "Regeln är avstängd" });
    else if (!isWithinValidity(now, rule.validFrom, rule.validTo)) trace.push({ ...base, outcome: "not_valid_now", message: "Regeln gäller inte i dag" });
    else usable.push(rule);
  }

  const denies: Deny[] = [];
  const candidates: Candidate[] = [];
  let personRuleMatched = false;
  const commissionsWithMatch = new Set<string>();

  if (active.length === 0) {
    for (const rule of usable.filter((r) => r.level === "commission")) {
      trace.push({
        ruleId: rule.id,
        description: rule.description,
        outcome: "conditions_not_met",
        message: "Inget aktivt medarbetaruppdrag att pröva regeln mot",
      });
    }
  }
  const evaluations: (Commission | undefined)[] = [undefined, ...active];
  for (const commission of evaluations) {
    const level = commission ? "commission" : "person";
    for (const rule of usable.filter((r) => r.level === level)) {
      const base: Omit<RuleTrace, "outcome" | "message"> = { ruleId: rule.id, description: rule.description };
      if (commission) base.commissionHsaId = commission.hsaId;
      const when = matchWhen(rule.when, { principal, commission, tree });
      if (!when.matched) {
        trace.push({ ...base, outcome: "conditions_not_met", message: when.failure ?? "Villkoren är inte uppfyllda" });
        continue;
      }
      if (rule.effect === "deny") {
        const portals = rule.denyPortals?.length ? rule.denyPortals : rule.grant ? [rule.grant.portal] : PORTALS;
        const deny: Deny = { rule, portals };
        if (commission) deny.commissionHsaId = commission.hsaId;
        denies.push(deny);
        trace.push({ ...base, outcome: "deny_matched", message: `Nekar ${portals.map((p) => PORTAL_LABELS[p]).join(", ")}`, denyPortals: portals });
        continue;
      }
      if (commission) commissionsWithMatch.add(commission.hsaId);
      else personRuleMatched = true;
      const grant = rule.grant;
      if (!grant) {
        trace.push({ ...base, outcome: "conditions_not_met", message: "Regeln anger ingen behörighet" });
        continue;
      }
      if (rule.requireLoa?.length && !(principal.loa !== undefined && rule.requireLoa.includes(principal.loa))) {
        const message =
          `Rollen ${ROLE_LABELS[grant.role]} kräver ${rule.requireLoa.map(loaLabel).join(" eller ")}, ` +
          `men inloggningen har ${principal.loa ? loaLabel(principal.loa) : "okänd tillitsnivå"}`;
        trace.push({ ...base, outcome: "loa_too_low", message, portal: grant.portal, role: grant.role });
        reasons.push({ code: "loa_too_low", message, ruleId: rule.id, ...commissionRef(commission) });
        continue;
      }
      const outcomes = resolveScope({ ...rule, grant }, principal, commission, tree);
      if (outcomes.length === 0) {
        trace.push({ ...base, outcome: "unknown_unit", message: "Ingen systemroll anger en enhet för regeln", portal: grant.portal, role: grant.role });
      }
      for (const o of outcomes) {
        if (o.ok) {
          const candidate: Candidate = { rule, scope: o.scope, portal: grant.portal };
          if (commission) candidate.commission = commission;
          candidates.push(candidate);
        } else {
          trace.push({
            ...base,
            outcome: o.code,
            message: o.message,
            portal: grant.portal,
            role: grant.role,
            ...(o.scopeHsaId ? { scopeHsaId: o.scopeHsaId } : {}),
          });
          reasons.push({ code: o.code, message: o.message, ruleId: rule.id, ...commissionRef(commission) });
        }
      }
    }
  }

  // Deny beats allow, for the same commission (or any, for a person-level deny), within the deny's owner org.
  const byId = new Map<string, RoleContext>();
  for (const cand of candidates) {
    const grant = cand.rule.grant;
    if (!grant) continue;
    const base: Omit<RuleTrace, "outcome" | "message"> = { ruleId: cand.rule.id, description: cand.rule.description };
    if (cand.commission) base.commissionHsaId = cand.commission.hsaId;
    const deny = denies.find(
      (d) =>
        (d.commissionHsaId === undefined || d.commissionHsaId === cand.commission?.hsaId) &&
        d.portals.includes(cand.portal) &&
        tree.isUnder(cand.scope.scopeHsaId, d.rule.ownerOrgHsaId),
    );
    if (deny) {
      const message =
        `Regeln "${deny.rule.description}" nekar rollen ${ROLE_LABELS[grant.role]}` +
        (cand.commission ? ` för medarbetaruppdraget ${label(cand.commission)}` : "");
      const where = { portal: grant.portal, role: grant.role, scopeHsaId: cand.scope.scopeHsaId };
      trace.push({ ...base, outcome: "denied", message, ...where, deniedByRuleId: deny.rule.id });
      reasons.push({ code: "denied_by_rule", message, ruleId: deny.rule.id, ...commissionRef(cand.commission) });
      continue;
    }
    const id = roleContextId({ portal: grant.portal, role: grant.role, ...cand.scope });
    const ctx = byId.get(id) ?? {
      id,
      portal: grant.portal,
      role: grant.role,
      scopeHsaId: cand.scope.scopeHsaId,
      includeDescendants: cand.scope.includeDescendants,
      providerHsaId: cand.scope.providerHsaId,
      commissionHsaIds: [],
      ruleIds: [],
      rights: [],
    };
    byId.set(id, mergeInto(ctx, cand));
    trace.push({
      ...base,
      outcome: "granted",
      message: `Ger ${ROLE_LABELS[grant.role]} · ${unitName(cand.scope.scopeHsaId, tree)}`,
      contextId: id,
      portal: grant.portal,
      role: grant.role,
      scopeHsaId: cand.scope.scopeHsaId,
    });
  }

  for (const c of active) {
    if (!commissionsWithMatch.has(c.hsaId) && !reasons.some((r) => r.commissionHsaId === c.hsaId)) {
      reasons.push({ code: "no_matching_rule", message: `Medarbetaruppdraget ${label(c)} ger ingen roll i Vårdkedjan`, commissionHsaId: c.hsaId });
    }
  }

  const contexts = sortContexts([...byId.values()], tree);
  if (contexts.length === 0) {
    const summary: DenialReason[] = [];
    if (!active.some((c) => c.purpose === CARE_PURPOSE)) {
      summary.push({ code: "no_commission_with_care_purpose", message: `Inget medarbetaruppdrag med syfte "${CARE_PURPOSE}"` });
    }
    // Only when nothing matched at all: a nurse stopped by LoA does not lack a system role.
    if (!personRuleMatched && commissionsWithMatch.size === 0) {
      summary.push({ code: "missing_system_role", message: "Saknar systemroll för Vårdkedjan" });
    }
    reasons.unshift(...summary);
  }
  return { contexts, reasons: dedupeReasons(reasons), trace, activeCommissionHsaIds: active.map((c) => c.hsaId) };
}

function mergeInto(ctx: RoleContext, cand: Candidate): RoleContext {
  const rights = new Map<string, CommissionRight>(ctx.rights.map((r) => [rightKey(r), r]));
  for (const r of cand.commission?.rights ?? []) rights.set(rightKey(r), r);
  return {
    ...ctx,
    commissionHsaIds: sortedUnion(ctx.commissionHsaIds, cand.commission ? [cand.commission.hsaId] : []),
    ruleIds: sortedUnion(ctx.ruleIds, [cand.rule.id]),
    rights: [...rights.values()].sort((a, b) => rightKey(a).localeCompare(rightKey(b), "sv")),
  };
}

function sortedUnion(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

function sortContexts(contexts: RoleContext[], tree: OrgTree): RoleContext[] {
  const name = (c: RoleContext): string => (c.scopeHsaId === null ? "" : unitName(c.scopeHsaId, tree));
  return contexts.sort(
    (a, b) =>
      PORTALS.indexOf(a.portal) - PORTALS.indexOf(b.portal) ||
      name(a).localeCompare(name(b), "sv") ||
      ROLES.indexOf(a.role) - ROLES.indexOf(b.role) ||
      a.id.localeCompare(b.id),
  );
}

/** Null when active; otherwise the rest of a Swedish sentence saying why not. */
function inactiveReason(c: Commission, now: Date): string | null {
  if (c.feigned) return "är fingerat och används inte";
  if (c.archived) return "hör till en arkiverad vårdenhet";
  if (!isWithinValidity(now, c.validFrom, undefined)) return `börjar gälla först ${c.validFrom ?? ""}`.trim();
  if (!isWithinValidity(now, undefined, c.validTo)) return `har upphört att gälla (${c.validTo ?? ""})`;
  return null;
}

function commissionLabel(c: Commission, tree: OrgTree): string {
  const unit = c.unitName || unitName(c.unitHsaId, tree);
  return c.name ? `"${c.name}" (${unit})` : `${c.hsaId} (${unit})`;
}

function commissionRef(c: Commission | undefined): { commissionHsaId?: string } {
  return c ? { commissionHsaId: c.hsaId } : {};
}

/** "http://id.sambi.se/loa/loa3" → "tillitsnivå 3". */
export function loaLabel(loa: string): string {
  const m = /loa(\d)$/i.exec(loa);
  return m ? `tillitsnivå ${m[1]}` : loa;
}

function dedupeReasons(reasons: DenialReason[]): DenialReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.code}|${r.message}|${r.commissionHsaId ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
