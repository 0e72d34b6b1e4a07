import type { RouterOutputs } from "@vardkedjan/api";
import { ATTR_LABELS } from "@vardkedjan/domain/identity/conditions";
import { portalForRole } from "@vardkedjan/domain/identity/context-label";
import type { AttrPath, Condition, GrantScope, MappingRule, OrgNodeKind, Portal, Role } from "@vardkedjan/domain/identity/types";

/**
 * The rule form's state and its conversion to and from the stored rule format. Pure: the server
 * validates the result (domain identity/rule-edit.ts) and answers field errors by the rule's own
 * paths ("when.all.0.value"), which the form's control ids follow ("regel-when-all-0-value").
 */

export type RuleList = RouterOutputs["admin"]["rules"]["list"];
export type RuleDetail = RouterOutputs["admin"]["rules"]["get"];
export type RuleFormOptions = RouterOutputs["admin"]["rules"]["options"];
export type SimulationResult = RouterOutputs["admin"]["rules"]["simulate"];
export type SaveResult = RouterOutputs["admin"]["rules"]["create"];

export const FORM_PREFIX = "regel";

export const CONDITION_OPS = [
  "eq",
  "neq",
  "in",
  "notIn",
  "startsWith",
  "matches",
  "exists",
  "notExists",
  "hasSystemRole",
  "hasRight",
  "unitUnder",
  "unitUnderAny",
  "unitKind",
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export const OP_LABELS: Record<ConditionOp, string> = {
  eq: "Uppgiften är lika med",
  neq: "Uppgiften är inte lika med",
  in: "Uppgiften är någon av",
  notIn: "Uppgiften är ingen av",
  startsWith: "Uppgiften börjar med",
  matches: "Uppgiften matchar ett mönster",
  exists: "Uppgiften finns",
  notExists: "Uppgiften saknas",
  hasSystemRole: "Personen har en systemroll",
  hasRight: "Uppdraget har en rättighet",
  unitUnder: "Uppdragets vårdenhet ligger inom",
  unitUnderAny: "Uppdragets vårdenhet ligger inom någon av",
  unitKind: "Uppdragets vårdenhet är av typen",
};

export const ATTR_OPTIONS = (Object.entries(ATTR_LABELS) as [AttrPath, string][]).map(([value, label]) => ({
  value,
  label: label[0]!.toUpperCase() + label.slice(1),
}));

export interface ConditionRow {
  op: ConditionOp;
  attr: AttrPath;
  value: string;
  /** For in/notIn: one value per line. */
  valuesText: string;
  regex: string;
  systemId: string;
  role: string;
  roleIsRegex: boolean;
  activity: string;
  informationClass: string;
  rightScope: string;
  ancestorHsaId: string;
  ancestorHsaIds: string[];
  kinds: OrgNodeKind[];
}

export const GROUPS = ["all", "any", "none"] as const;
export type Group = (typeof GROUPS)[number];
export const GROUP_LABELS: Record<Group, string> = {
  all: "Alla dessa villkor ska gälla",
  any: "Minst ett av dessa villkor ska gälla",
  none: "Inget av dessa villkor får gälla (undantag)",
};

export type ScopeType = GrantScope["type"];
export const SCOPE_LABELS: Record<ScopeType, string> = {
  commissionUnit: "Medarbetaruppdragets vårdenhet",
  commissionAncestor: "Närmaste enhet av en viss typ över uppdragets vårdenhet",
  commissionProvider: "Hela uppdragets vårdgivare",
  org: "En bestämd enhet eller hela organisationen",
  systemRoleUnit: "Enheten som systemrollen anger",
  global: "Alla organisationer",
};

export interface RuleForm {
  description: string;
  effect: "allow" | "deny";
  level: "commission" | "person";
  priority: string;
  enabled: boolean;
  when: Record<Group, ConditionRow[]>;
  role: Role | "";
  scopeType: ScopeType;
  includeDescendants: boolean;
  orgHsaId: string;
  ancestorKind: OrgNodeKind | "";
  scopeRegex: string;
  denyPortals: Portal[];
  requireLoa: string[];
  validFrom: string;
  validTo: string;
}

export function emptyCondition(op: ConditionOp = "eq"): ConditionRow {
  return {
    op,
    attr: "person.licences",
    value: "",
    valuesText: "",
    regex: "",
    systemId: "",
    role: "",
    roleIsRegex: false,
    activity: "",
    informationClass: "",
    rightScope: "",
    ancestorHsaId: "",
    ancestorHsaIds: [],
    kinds: [],
  };
}

export const EMPTY_FORM: RuleForm = {
  description: "",
  effect: "allow",
  level: "commission",
  priority: "100",
  enabled: true,
  when: { all: [emptyCondition("unitUnder")], any: [], none: [] },
  role: "",
  scopeType: "commissionUnit",
  includeDescendants: true,
  orgHsaId: "",
  ancestorKind: "",
  scopeRegex: "",
  denyPortals: [],
  requireLoa: [],
  validFrom: "",
  validTo: "",
};

const lines = (text: string): string[] =>
  text
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s !== "");

export function toCondition(r: ConditionRow): Condition {
  switch (r.op) {
    case "eq":
    case "neq":
      return { op: r.op, attr: r.attr, value: r.value };
    case "startsWith":
      return { op: r.op, attr: r.attr, value: r.value };
    case "in":
    case "notIn":
      return { op: r.op, attr: r.attr, values: lines(r.valuesText) };
    case "matches":
      return { op: r.op, attr: r.attr, regex: r.regex };
    case "exists":
    case "notExists":
      return { op: r.op, attr: r.attr };
    case "hasSystemRole":
      return { op: r.op, systemId: r.systemId, role: r.roleIsRegex ? { regex: r.role } : r.role };
    case "hasRight": {
      const c: Condition = { op: r.op, activity: r.activity };
      if (r.informationClass.trim()) c.informationClass = r.informationClass.trim();
      if (r.rightScope.trim()) c.scope = r.rightScope.trim();
      return c;
    }
    case "unitUnder":
      return { op: r.op, attr: "commission.unitHsaId", ancestorHsaId: r.ancestorHsaId };
    case "unitUnderAny":
      return { op: r.op, attr: "commission.unitHsaId", ancestorHsaIds: r.ancestorHsaIds };
    case "unitKind":
      return { op: r.op, attr: "commission.unitHsaId", kinds: r.kinds };
  }
}

export function fromCondition(c: Condition): ConditionRow {
  const row = emptyCondition(c.op);
  switch (c.op) {
    case "eq":
    case "neq":
    case "startsWith":
      return { ...row, attr: c.attr, value: c.value };
    case "in":
    case "notIn":
      return { ...row, attr: c.attr, valuesText: c.values.join("\n") };
    case "matches":
      return { ...row, attr: c.attr, regex: c.regex };
    case "exists":
    case "notExists":
      return { ...row, attr: c.attr };
    case "hasSystemRole":
      return typeof c.role === "string"
        ? { ...row, systemId: c.systemId, role: c.role }
        : { ...row, systemId: c.systemId, role: c.role.regex, roleIsRegex: true };
    case "hasRight":
      return { ...row, activity: c.activity, informationClass: c.informationClass ?? "", rightScope: c.scope ?? "" };
    case "unitUnder":
      return { ...row, ancestorHsaId: c.ancestorHsaId };
    case "unitUnderAny":
      return { ...row, ancestorHsaIds: c.ancestorHsaIds };
    case "unitKind":
      return { ...row, kinds: c.kinds };
  }
}

function toScope(f: RuleForm): GrantScope {
  switch (f.scopeType) {
    case "commissionUnit":
      return { type: "commissionUnit", includeDescendants: f.includeDescendants };
    case "commissionProvider":
      return { type: "commissionProvider" };
    case "commissionAncestor":
      return { type: "commissionAncestor", kind: f.ancestorKind as OrgNodeKind, includeDescendants: f.includeDescendants };
    case "org":
      return { type: "org", orgHsaId: f.orgHsaId, includeDescendants: f.includeDescendants };
    case "systemRoleUnit":
      // Stored without the flag unless set, so that an unchanged rule saves unchanged.
      return f.includeDescendants ? { type: "systemRoleUnit", regex: f.scopeRegex, includeDescendants: true } : { type: "systemRoleUnit", regex: f.scopeRegex };
    case "global":
      return { type: "global" };
  }
}

/** The draft the API takes: the rule without id, version and owner (the server sets them). */
export function toDraft(f: RuleForm): Record<string, unknown> {
  const when: Partial<Record<Group, Condition[]>> = {};
  for (const g of GROUPS) if (f.when[g].length > 0) when[g] = f.when[g].map(toCondition);
  const priority = f.priority.trim() === "" ? Number.NaN : Number(f.priority);
  const draft: Record<string, unknown> = {
    description: f.description,
    effect: f.effect,
    level: f.level,
    // A number the server can refuse with a Swedish message ("Ange ett heltal"); NaN is not JSON.
    priority: Number.isFinite(priority) ? priority : f.priority,
    enabled: f.enabled,
    when,
  };
  if (f.effect === "allow" || f.role !== "") {
    if (f.role !== "") draft.grant = { portal: portalForRole(f.role), role: f.role, scope: toScope(f) };
  }
  if (f.effect === "deny") {
    delete draft.grant;
    if (f.denyPortals.length > 0) draft.denyPortals = f.denyPortals;
  }
  if (f.requireLoa.length > 0) draft.requireLoa = f.requireLoa;
  if (f.validFrom) draft.validFrom = f.validFrom;
  if (f.validTo) draft.validTo = f.validTo;
  return draft;
}

export function fromRule(r: MappingRule): RuleForm {
  const when = { all: (r.when.all ?? []).map(fromCondition), any: (r.when.any ?? []).map(fromCondition), none: (r.when.none ?? []).map(fromCondition) };
  const scope = r.grant?.scope;
  return {
    description: r.description,
    effect: r.effect,
    level: r.level,
    priority: String(r.priority),
    enabled: r.enabled,
    when,
    role: r.grant?.role ?? "",
    scopeType: scope?.type ?? "commissionUnit",
    includeDescendants: scope && "includeDescendants" in scope ? (scope.includeDescendants ?? false) : scope?.type !== "systemRoleUnit",
    orgHsaId: scope?.type === "org" ? scope.orgHsaId : "",
    ancestorKind: scope?.type === "commissionAncestor" ? scope.kind : "",
    scopeRegex: scope?.type === "systemRoleUnit" ? scope.regex : "",
    denyPortals: r.denyPortals ?? [],
    requireLoa: r.requireLoa ?? [],
    validFrom: r.validFrom ?? "",
    validTo: r.validTo ?? "",
  };
}

/** Field errors by the form's own control: the portal follows the role, so its error shows there. */
export function formErrorPath(path: string): string {
  return path === "grant.portal" ? "grant.role" : path;
}

export const controlId = (path: string): string => `${FORM_PREFIX}-${path.replace(/\./g, "-")}`;
