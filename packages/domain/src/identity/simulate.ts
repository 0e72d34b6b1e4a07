import { describeContext, PORTAL_LABELS, ROLE_LABELS } from "./context-label";
import { explainEvaluation, type RuleOutcome, type RuleTrace } from "./evaluate";
import type { OrgTree } from "./org-tree";
import { PORTALS, type MappingRule, type Portal, type Principal } from "./types";

/**
 * "Testa inloggning": what a login with these claims would give, per portal, and why. It runs
 * the login's own evaluator (`explainEvaluation`, which `evaluateRules` wraps), so the simulator
 * and the login cannot disagree; this module only arranges its trace for people to read.
 */

/** One reason line: a rule and what it did. */
export interface ReasonLine {
  ruleId: string;
  ruleDescription: string;
  /** The commission the rule was tried against, as "Namn (Enhet)"; absent at person level. */
  commission?: string;
  /** Swedish. */
  text: string;
  /** For a grant removed by a denial: the deny rule. */
  deniedByRuleId?: string;
}

export interface SimulatedContext {
  contextId: string;
  /** "Sjuksköterska · Avd 12 Medicin · Mälarsjukhuset" */
  label: string;
  roleLabel: string;
  /** The rules that granted it (deduplicated contexts can come from several). */
  grantedBy: ReasonLine[];
}

export interface SimulatedDenial {
  /** The grant that was removed. */
  label: string;
  grantedBy: ReasonLine;
  deniedByRuleId: string;
  deniedByDescription: string;
}

export interface PortalSimulation {
  portal: Portal;
  portalLabel: string;
  contexts: SimulatedContext[];
  denied: SimulatedDenial[];
}

export type CommissionOutcome = "granted" | "inactive" | "no_rule_matched" | "denied" | "refused";

export interface CommissionExplanation {
  hsaId: string;
  label: string;
  outcome: CommissionOutcome;
  /** Swedish lines: why it gave what it gave (or nothing). */
  lines: ReasonLine[];
  /** For an inactive commission: why (expired, feigned, not yet valid, archived unit). */
  inactiveReason?: string;
}

export interface Simulation {
  person: { name: string; employeeHsaId: string; loa: string | null };
  portals: PortalSimulation[];
  commissions: CommissionExplanation[];
  /** Person-level rules (no commission): what matched and what it gave or why not. */
  personLevel: ReasonLine[];
  /** Rules that were not tried: switched off or outside their validity period. */
  notApplied: ReasonLine[];
  /** The "Ingen behörighet" reasons the login would store. */
  summary: string[];
}

const REFUSED: readonly RuleOutcome[] = ["loa_too_low", "outside_owner_org", "outside_employer_org", "role_not_at_unit_kind", "unknown_unit"];

export function simulateLogin(principal: Principal, rules: MappingRule[], tree: OrgTree, now: Date): Simulation {
  const ex = explainEvaluation(principal, rules, tree, now);
  const byRule = new Map(rules.map((r) => [r.id, r]));
  const commissionLabel = new Map(
    principal.commissions.map((c) => [c.hsaId, `${c.name || c.hsaId} (${c.unitName || tree.get(c.unitHsaId)?.name || c.unitHsaId})`]),
  );
  const line = (t: RuleTrace, text = t.message): ReasonLine => {
    const out: ReasonLine = { ruleId: t.ruleId, ruleDescription: t.description, text };
    const c = t.commissionHsaId ? commissionLabel.get(t.commissionHsaId) : undefined;
    if (c) out.commission = c;
    if (t.deniedByRuleId) out.deniedByRuleId = t.deniedByRuleId;
    return out;
  };
  const scopeLabel = (t: RuleTrace): string =>
    t.role && t.portal ? describeContext({ role: t.role, portal: t.portal, scopeHsaId: t.scopeHsaId ?? null }, tree).label : t.description;

  const portals: PortalSimulation[] = PORTALS.map((portal) => {
    const contexts = ex.contexts
      .filter((c) => c.portal === portal)
      .map((c): SimulatedContext => ({
        contextId: c.id,
        label: describeContext(c, tree).label,
        roleLabel: ROLE_LABELS[c.role],
        grantedBy: ex.trace.filter((t) => t.outcome === "granted" && t.contextId === c.id).map((t) => line(t, `Ger ${describeContext(c, tree).label}`)),
      }));
    const denied = ex.trace
      .filter((t) => t.outcome === "denied" && t.portal === portal)
      .map((t): SimulatedDenial => ({
        label: scopeLabel(t),
        grantedBy: line(t, `Skulle ge ${scopeLabel(t)}`),
        deniedByRuleId: t.deniedByRuleId ?? "",
        deniedByDescription: byRule.get(t.deniedByRuleId ?? "")?.description ?? "",
      }));
    return { portal, portalLabel: PORTAL_LABELS[portal], contexts, denied };
  });

  const commissions: CommissionExplanation[] = principal.commissions.map((c) => {
    const label = commissionLabel.get(c.hsaId) ?? c.hsaId;
    const inactive = ex.reasons.find((r) => r.code === "commission_inactive" && r.commissionHsaId === c.hsaId);
    if (inactive) return { hsaId: c.hsaId, label, outcome: "inactive", lines: [], inactiveReason: inactive.message };
    const mine = ex.trace.filter((t) => t.commissionHsaId === c.hsaId);
    const granted = mine.filter((t) => t.outcome === "granted");
    const denied = mine.filter((t) => t.outcome === "denied");
    const refused = mine.filter((t) => REFUSED.includes(t.outcome));
    const denies = mine.filter((t) => t.outcome === "deny_matched");
    const unmet = mine.filter((t) => t.outcome === "conditions_not_met");
    if (granted.length > 0) {
      return { hsaId: c.hsaId, label, outcome: "granted", lines: [...granted, ...denied, ...refused].map((t) => line(t, reasonText(t, byRule))) };
    }
    if (denied.length > 0) return { hsaId: c.hsaId, label, outcome: "denied", lines: [...denied, ...denies].map((t) => line(t, reasonText(t, byRule))) };
    if (refused.length > 0) return { hsaId: c.hsaId, label, outcome: "refused", lines: refused.map((t) => line(t, reasonText(t, byRule))) };
    return { hsaId: c.hsaId, label, outcome: "no_rule_matched", lines: [...denies, ...unmet].map((t) => line(t, reasonText(t, byRule))) };
  });

  const personLevel = ex.trace
    .filter((t) => t.commissionHsaId === undefined && byRule.get(t.ruleId)?.level === "person" && t.outcome !== "disabled" && t.outcome !== "not_valid_now")
    .map((t) => line(t, reasonText(t, byRule)));
  const notApplied = ex.trace.filter((t) => t.outcome === "disabled" || t.outcome === "not_valid_now").map((t) => line(t));

  return {
    person: { name: principal.displayName, employeeHsaId: principal.employeeHsaId, loa: principal.loa ?? null },
    portals,
    commissions,
    personLevel,
    notApplied,
    summary: ex.contexts.length === 0 ? ex.reasons.map((r) => r.message) : [],
  };
}

function reasonText(t: RuleTrace, byRule: Map<string, MappingRule>): string {
  switch (t.outcome) {
    case "denied":
      return `${t.message.replace(/^Regeln "[^"]*" nekar/, "Nekad:")} (av regeln "${byRule.get(t.deniedByRuleId ?? "")?.description ?? ""}")`;
    case "deny_matched":
      return `Nekande regel gäller: ${t.message}`;
    case "loa_too_low":
      return `Tillitsnivån räcker inte: ${t.message}`;
    case "outside_employer_org":
      return `Anställningskontrollen stoppade: ${t.message}`;
    default:
      return t.message;
  }
}

/** What differs between two simulations of the same person ("före / efter"), per portal. */
export interface PortalDiff {
  portal: Portal;
  portalLabel: string;
  added: string[];
  removed: string[];
  /** Same context, granted by other rules now. */
  changed: string[];
}

export interface SimulationDiff {
  changed: boolean;
  portals: PortalDiff[];
}

export function diffSimulations(before: Simulation, after: Simulation): SimulationDiff {
  const portals = PORTALS.map((portal): PortalDiff => {
    const b = new Map(before.portals.find((p) => p.portal === portal)?.contexts.map((c) => [c.contextId, c]) ?? []);
    const a = new Map(after.portals.find((p) => p.portal === portal)?.contexts.map((c) => [c.contextId, c]) ?? []);
    const rules = (c: SimulatedContext): string => [...new Set(c.grantedBy.map((g) => g.ruleId))].sort().join(",");
    return {
      portal,
      portalLabel: PORTAL_LABELS[portal],
      added: [...a.values()].filter((c) => !b.has(c.contextId)).map((c) => c.label),
      removed: [...b.values()].filter((c) => !a.has(c.contextId)).map((c) => c.label),
      changed: [...a.values()].filter((c) => b.has(c.contextId) && rules(b.get(c.contextId)!) !== rules(c)).map((c) => c.label),
    };
  }).filter((p) => p.added.length + p.removed.length + p.changed.length > 0);
  return { changed: portals.length > 0, portals };
}

/**
 * The simulation as a given administrator may see it: the rules of organisations they may not
 * read are named only by their owner ("en regel som tillhör Region Sörmland"), with no conditions.
 * The contexts themselves stay: they are what the login gives, which is the point.
 */
export function redactSimulation(sim: Simulation, readable: (ruleId: string) => boolean, ownerName: (ruleId: string) => string): Simulation {
  const hide = (l: ReasonLine, keepText: boolean): ReasonLine => {
    const denyHidden = l.deniedByRuleId !== undefined && !readable(l.deniedByRuleId);
    if (readable(l.ruleId) && !denyHidden) return l;
    if (readable(l.ruleId)) {
      return {
        ...l,
        deniedByRuleId: "",
        text: `${l.text.replace(/ \(av regeln "[^"]*"\)$/, "")} (av en regel som tillhör ${ownerName(l.deniedByRuleId ?? "")})`,
      };
    }
    const desc = `En regel som tillhör ${ownerName(l.ruleId)}`;
    const out: ReasonLine = { ruleId: "", ruleDescription: desc, text: keepText ? l.text.replace(/"[^"]*"/g, "(dold)") : "Villkoren är inte uppfyllda" };
    if (l.commission) out.commission = l.commission;
    return out;
  };
  const keep = (l: ReasonLine): ReasonLine => hide(l, true);
  return {
    ...sim,
    portals: sim.portals.map((p) => ({
      ...p,
      contexts: p.contexts.map((c) => ({ ...c, grantedBy: c.grantedBy.map(keep) })),
      denied: p.denied.map((d) =>
        readable(d.deniedByRuleId)
          ? { ...d, grantedBy: keep(d.grantedBy) }
          : { ...d, grantedBy: keep(d.grantedBy), deniedByRuleId: "", deniedByDescription: `En regel som tillhör ${ownerName(d.deniedByRuleId)}` },
      ),
    })),
    commissions: sim.commissions.map((c) => ({ ...c, lines: c.lines.map((l) => hide(l, l.text.startsWith("Ger "))) })),
    personLevel: sim.personLevel.map((l) => hide(l, l.text.startsWith("Ger "))),
    notApplied: sim.notApplied.filter((l) => readable(l.ruleId)),
  };
}
