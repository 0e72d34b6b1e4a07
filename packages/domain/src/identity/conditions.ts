import { rightKey } from "./claims";
import { ORG_NODE_KIND_LABELS } from "./context-label";
import type { OrgTree } from "./org-tree";
import type { AttrPath, Commission, Condition, MappingRule, Principal } from "./types";

/**
 * Condition matching for mapping rules. A condition is evaluated against
 * the principal and, for commission-level rules, one commission; commission attributes have
 * no value in a person-level evaluation. Multi-valued attributes match when any value does.
 */

export interface MatchInput {
  principal: Principal;
  commission?: Commission;
  tree: OrgTree;
}

const regexCache = new Map<string, RegExp | null>();

/** Compile a rule regex once; null when it does not compile (the condition then fails). */
export function compileRegex(source: string): RegExp | null {
  if (!regexCache.has(source)) {
    let re: RegExp | null;
    try {
      re = new RegExp(source);
    } catch {
      re = null;
    }
    regexCache.set(source, re);
  }
  return regexCache.get(source) ?? null;
}

export function attrValues(attr: AttrPath, { principal: p, commission: c }: MatchInput): string[] {
  const present = (v: string | undefined): string[] => (v === undefined || v === "" ? [] : [v]);
  switch (attr) {
    case "person.employeeHsaId":
      return [p.employeeHsaId];
    case "person.systemRoles":
      return p.systemRoles.map((r) => r.raw);
    case "person.paTitleCodes":
      return p.paTitleCodes;
    case "person.licences":
      return p.licences;
    case "person.titles":
      return p.titles;
    case "auth.loa":
      return present(p.loa);
    case "auth.method":
      return present(p.authMethod);
    case "commission.hsaId":
      return present(c?.hsaId);
    case "commission.name":
      return present(c?.name);
    case "commission.purpose":
      return present(c?.purpose);
    case "commission.rights":
      return c ? c.rights.map(rightKey) : [];
    case "commission.unitHsaId":
      return present(c?.unitHsaId);
    case "commission.providerHsaId":
      return present(c?.providerHsaId);
    case "commission.providerOrgNo":
      return present(c?.providerOrgNo);
  }
}

const sameText = (a: string, b: string): boolean => a.localeCompare(b, "sv", { sensitivity: "accent" }) === 0;

export function matchCondition(cond: Condition, input: MatchInput): boolean {
  switch (cond.op) {
    case "hasSystemRole": {
      const roleRe = typeof cond.role === "string" ? undefined : compileRegex(cond.role.regex);
      return input.principal.systemRoles.some((r) => {
        if (r.systemId !== cond.systemId) return false;
        if (typeof cond.role === "string") return r.role === cond.role;
        return roleRe ? roleRe.test(r.role) : false;
      });
    }
    case "hasRight":
      // HSA spells activities with varying case ("Läsa"/"läsa"); compare ignoring case.
      return (input.commission?.rights ?? []).some(
        (r) =>
          sameText(r.activity, cond.activity) &&
          (cond.informationClass === undefined || sameText(r.informationClass, cond.informationClass)) &&
          (cond.scope === undefined || sameText(r.scope, cond.scope)),
      );
    case "unitUnder": {
      const unit = input.commission?.unitHsaId;
      return unit !== undefined && input.tree.isUnder(unit, cond.ancestorHsaId);
    }
    case "unitUnderAny": {
      const unit = input.commission?.unitHsaId;
      return unit !== undefined && cond.ancestorHsaIds.some((a) => input.tree.isUnder(unit, a));
    }
    case "unitKind": {
      const unit = input.commission?.unitHsaId;
      const kind = unit === undefined ? undefined : input.tree.get(unit)?.kind;
      return kind !== undefined && cond.kinds.includes(kind);
    }
    default:
      return matchAttr(cond, attrValues(cond.attr, input));
  }
}

type AttrCondition = Exclude<Condition, { op: "hasSystemRole" | "hasRight" | "unitUnder" | "unitUnderAny" | "unitKind" }>;

function matchAttr(cond: AttrCondition, values: string[]): boolean {
  switch (cond.op) {
    case "eq":
      return values.includes(cond.value);
    case "neq":
      return !values.includes(cond.value);
    case "in":
      return values.some((v) => cond.values.includes(v));
    case "notIn":
      return !values.some((v) => cond.values.includes(v));
    case "startsWith":
      return values.some((v) => v.startsWith(cond.value));
    case "matches": {
      const re = compileRegex(cond.regex);
      return re !== null && values.some((v) => re.test(v));
    }
    case "exists":
      return values.length > 0;
    case "notExists":
      return values.length === 0;
  }
}

export interface WhenResult {
  matched: boolean;
  /** The first condition that decided a non-match, in Swedish; undefined when matched. */
  failure?: string;
}

/** all: every one holds; any: at least one holds (when given and non-empty); none: none holds. */
export function matchWhen(when: MappingRule["when"], input: MatchInput): WhenResult {
  for (const c of when.all ?? []) {
    if (!matchCondition(c, input)) return { matched: false, failure: `Villkoret ${describeCondition(c, input.tree)} är inte uppfyllt` };
  }
  const any = when.any ?? [];
  if (any.length > 0 && !any.some((c) => matchCondition(c, input))) {
    return { matched: false, failure: `Inget av villkoren ${any.map((c) => describeCondition(c, input.tree)).join(" eller ")} är uppfyllt` };
  }
  for (const c of when.none ?? []) {
    if (matchCondition(c, input)) return { matched: false, failure: `Undantaget ${describeCondition(c, input.tree)} gäller` };
  }
  return { matched: true };
}

export const ATTR_LABELS: Record<AttrPath, string> = {
  "person.employeeHsaId": "HSA-id",
  "person.systemRoles": "systemroll",
  "person.paTitleCodes": "befattningskod",
  "person.licences": "legitimation",
  "person.titles": "titel",
  "auth.loa": "tillitsnivå",
  "auth.method": "inloggningsmetod",
  "commission.hsaId": "uppdragets HSA-id",
  "commission.name": "uppdragets namn",
  "commission.purpose": "uppdragets syfte",
  "commission.rights": "uppdragets rättigheter",
  "commission.unitHsaId": "uppdragets vårdenhet",
  "commission.providerHsaId": "uppdragets vårdgivare",
  "commission.providerOrgNo": "vårdgivarens organisationsnummer",
};

const q = (s: string): string => `"${s}"`;

/**
 * A short Swedish description of a condition, for the admin simulator, the rule list and denial
 * reasons. With the org tree, units are named rather than given as HSA-ids.
 */
export function describeCondition(c: Condition, tree?: Pick<OrgTree, "get">): string {
  const unit = (id: string): string => tree?.get(id)?.name ?? id;
  switch (c.op) {
    case "hasSystemRole":
      return `systemroll ${q(`${c.systemId};${typeof c.role === "string" ? c.role : c.role.regex}`)}`;
    case "hasRight":
      return `rättighet ${q([c.activity, c.informationClass ?? "*", c.scope ?? "*"].join(";"))}`;
    case "unitUnder":
      return `vårdenhet inom ${unit(c.ancestorHsaId)}`;
    case "unitUnderAny":
      return `vårdenhet inom någon av ${c.ancestorHsaIds.map(unit).join(", ")}`;
    case "unitKind":
      return `vårdenhet av typen ${c.kinds.map((k) => ORG_NODE_KIND_LABELS[k]).join(" eller ")}`;
    case "eq":
      return `${ATTR_LABELS[c.attr]} = ${q(c.value)}`;
    case "neq":
      return `${ATTR_LABELS[c.attr]} ≠ ${q(c.value)}`;
    case "in":
      return `${ATTR_LABELS[c.attr]} är en av ${c.values.map(q).join(", ")}`;
    case "notIn":
      return `${ATTR_LABELS[c.attr]} är inte någon av ${c.values.map(q).join(", ")}`;
    case "startsWith":
      return `${ATTR_LABELS[c.attr]} börjar med ${q(c.value)}`;
    case "matches":
      return `${ATTR_LABELS[c.attr]} matchar ${q(c.regex)}`;
    case "exists":
      return `${ATTR_LABELS[c.attr]} finns`;
    case "notExists":
      return `${ATTR_LABELS[c.attr]} saknas`;
  }
}
