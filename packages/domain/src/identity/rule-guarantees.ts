import { ORG_NODE_KIND_LABELS, ROLE_LABELS } from "./context-label";
import { hsaCatalogue, ROLE_UNIT_KINDS } from "./employer";
import type { OrgTree } from "./org-tree";
import type { RuleValidationError } from "./rule-schema";
import type { Condition, MappingRule, OrganisationKind, Role } from "./types";

/**
 * The widening guarantee, checked when a rule is SAVED: "a rule can never grant beyond the
 * owner's organisation". The evaluator enforces the same at every login (scope.ts refuses a
 * resolved scope outside the owner, employer.ts one outside the person's employer); this module
 * refuses, at save time, every rule whose grant could reach outside the owner for SOME claim set,
 * so that an administrator never stores a rule whose meaning depends on the login to clamp it.
 *
 * Precisely, for an allow rule owned by organisation O (a root of the org tree: region, kommun
 * or private provider), per scope type:
 *
 * - `org`: the named node is fixed, so it is decided from the tree: it must exist, lie in O's
 *   subtree (O itself included), and be a kind of unit the role works at (else the rule could
 *   never grant and only misleads).
 * - `global`: "every organisation" can only mean beyond O; refused. Write `org` with O instead.
 * - `commissionUnit`, `commissionAncestor`, `commissionProvider`: the scope comes from the
 *   commission in the login, i.e. from claims the administrator does not control. The rule must
 *   therefore carry a condition that holds ONLY for commissions inside O: in `all` (or as every
 *   alternative of `any`) one of `unitUnder`/`unitUnderAny` with every ancestor inside O,
 *   `commission.unitHsaId` eq/in with every value inside O, or `commission.providerHsaId` eq/in
 *   naming only O itself (a commission whose provider is O is checked against the unit's owner
 *   by the evaluator). A condition in `none` never ties (it excludes, it does not restrict to).
 *   The commission unit's ancestors are then inside O too, since O is a root.
 *   `commissionAncestor` must name a kind the role works at; `commissionProvider` grants the whole
 *   organisation, so the role must work at organisation level.
 * - `systemRoleUnit`: the unit is text in a system role, which anyone in any organisation can be
 *   given, and a regex capture cannot be proven to stay inside O. The rule must therefore tie the
 *   PERSON to O: `person.employeeHsaId` startsWith / eq / in / matches restricted to O's HSA
 *   catalogue (`<O's catalogue>-…`), and the evaluator's owner and employer checks keep the unit
 *   inside O.
 * - Every scope: the role must be one O's kind of organisation has (a kommun cannot grant
 *   Sjuksköterska på vårdavdelning or Systemförvaltare; a region cannot grant MAS).
 *
 * Deny rules cannot widen (a denial only removes grants, and only inside its owner: evaluate.ts),
 * so only the owner is checked for them.
 */

/** Which kinds of organisation may own a rule granting each role. */
export const ROLE_OWNER_KINDS: Readonly<Record<Role, readonly OrganisationKind[]>> = {
  avd_ssk: ["region"],
  lakare: ["region"],
  terapeut: ["region"],
  utskrivningsledare: ["region"],
  vc_personal: ["region", "privat_vardgivare"],
  psykiatri_oppenvard: ["region", "privat_vardgivare"],
  bistandshandlaggare: ["kommun"],
  kommun_ssk: ["kommun"],
  // Private LOV providers run hemtjänst under contract with the kommun.
  hemtjanst: ["kommun", "privat_vardgivare"],
  mas: ["kommun"],
  sysadmin: ["region"],
  kommunadmin: ["kommun"],
  // Each care provider reviews its own staff's accesses, a region as well as a kommun.
  loggranskare: ["region", "kommun"],
  region_ekonom: ["region"],
  kommun_ekonom: ["kommun"],
};

const ORGANISATION_KIND_PHRASE: Record<OrganisationKind, string> = {
  region: "en region",
  kommun: "en kommun",
  privat_vardgivare: "en privat vårdgivare",
};

type Group = "all" | "any";

export function wideningProblems(rule: MappingRule, tree: OrgTree): RuleValidationError[] {
  const owner = tree.get(rule.ownerOrgHsaId);
  if (!owner) return [{ path: "ownerOrgHsaId", message: `Den ägande organisationen ${rule.ownerOrgHsaId} finns inte i organisationsträdet` }];
  if (owner.parentHsaId !== null || !["region", "kommun", "privat_vardgivare"].includes(owner.kind)) {
    return [{ path: "ownerOrgHsaId", message: `${owner.name} är en enhet; en regel ägs av en region, en kommun eller en privat vårdgivare` }];
  }
  if (rule.effect === "deny" || !rule.grant) return [];

  const errors: RuleValidationError[] = [];
  const { role, scope } = rule.grant;
  const ownerKind = owner.kind as OrganisationKind;
  const roleLabel = ROLE_LABELS[role];
  if (!ROLE_OWNER_KINDS[role].includes(ownerKind)) {
    errors.push({ path: "grant.role", message: `Rollen ${roleLabel} kan inte ges av ${ORGANISATION_KIND_PHRASE[ownerKind]} (${owner.name})` });
  }
  const inOwner = (id: string): boolean => tree.isUnder(id, owner.hsaId);
  const kindFits = (kind: keyof typeof ORG_NODE_KIND_LABELS): boolean => ROLE_UNIT_KINDS[role].includes(kind);
  const where = ROLE_UNIT_KINDS[role].map((k) => ORG_NODE_KIND_LABELS[k]).join(" eller ");

  switch (scope.type) {
    case "global":
      errors.push({
        path: "grant.scope.type",
        message: `Omfånget "alla organisationer" kan inte sparas: en regel ger aldrig behörighet utanför ${owner.name}. Välj ${owner.name} som organisation i stället`,
      });
      break;
    case "org": {
      const node = tree.get(scope.orgHsaId);
      if (!node) errors.push({ path: "grant.scope.orgHsaId", message: `Enheten ${scope.orgHsaId} finns inte i organisationsträdet` });
      else if (!inOwner(node.hsaId)) {
        errors.push({ path: "grant.scope.orgHsaId", message: `${node.name} ligger utanför ${owner.name}, som äger regeln` });
      } else if (!kindFits(node.kind)) {
        errors.push({
          path: "grant.scope.orgHsaId",
          message: `Rollen ${roleLabel} kan inte ges för ${node.name} (${ORG_NODE_KIND_LABELS[node.kind]}); välj en ${where}`,
        });
      }
      break;
    }
    case "commissionUnit":
    case "commissionAncestor":
    case "commissionProvider":
      if (!tiedBy(rule, (c) => commissionTie(c, owner.hsaId, inOwner))) {
        errors.push({
          path: "when",
          message:
            `Omfånget hämtas från medarbetaruppdraget, så regeln måste ha ett villkor som bara gäller uppdrag inom ${owner.name}: ` +
            `vårdenhet inom en enhet i ${owner.name}, eller vårdgivaren ${owner.name}`,
        });
      }
      if (scope.type === "commissionAncestor" && !kindFits(scope.kind)) {
        errors.push({ path: "grant.scope.kind", message: `Rollen ${roleLabel} kan inte ges för en ${ORG_NODE_KIND_LABELS[scope.kind]}; välj ${where}` });
      }
      if (scope.type === "commissionProvider" && !kindFits(ownerKind)) {
        errors.push({ path: "grant.scope.type", message: `Rollen ${roleLabel} kan inte ges för en hel organisation; välj ${where}` });
      }
      break;
    case "systemRoleUnit":
      if (!tiedBy(rule, (c) => employeeTie(c, hsaCatalogue(owner.hsaId)))) {
        errors.push({
          path: "when",
          message:
            `Enheten hämtas från systemrollen, som vem som helst kan ha fått, så regeln måste kräva att personen är anställd i ${owner.name}: ` +
            `villkoret HSA-id börjar med "${hsaCatalogue(owner.hsaId)}-"`,
        });
      }
      break;
  }
  return errors;
}

/** A condition ties when it is in `all`, or when every alternative of a non-empty `any` ties. */
function tiedBy(rule: MappingRule, ties: (c: Condition) => boolean): boolean {
  const groups: Group[] = ["all", "any"];
  return groups.some((g) => {
    const list = rule.when[g] ?? [];
    return g === "all" ? list.some(ties) : list.length > 0 && list.every(ties);
  });
}

function commissionTie(c: Condition, ownerHsaId: string, inOwner: (id: string) => boolean): boolean {
  switch (c.op) {
    case "unitUnder":
      return inOwner(c.ancestorHsaId);
    case "unitUnderAny":
      return c.ancestorHsaIds.length > 0 && c.ancestorHsaIds.every(inOwner);
    case "eq":
    case "in": {
      const values = "value" in c ? [c.value] : "values" in c ? c.values : [];
      if (values.length === 0) return false;
      if (c.attr === "commission.unitHsaId") return values.every(inOwner);
      if (c.attr === "commission.providerHsaId") return values.every((v) => v === ownerHsaId);
      return false;
    }
    default:
      return false;
  }
}

function employeeTie(c: Condition, catalogue: string): boolean {
  if (!("attr" in c) || c.attr !== "person.employeeHsaId") return false;
  const prefix = `${catalogue}-`;
  switch (c.op) {
    case "startsWith":
      return c.value.startsWith(prefix);
    case "eq":
      return c.value.startsWith(prefix);
    case "in":
      return c.values.length > 0 && c.values.every((v) => v.startsWith(prefix));
    case "matches": {
      const prefixes = literalPrefixes(c.regex);
      return prefixes !== null && prefixes.length > 0 && prefixes.every((p) => p.startsWith(prefix));
    }
    default:
      return false;
  }
}

/**
 * The literal text every match of an anchored regex must start with, for the two shapes rules
 * use: `^literal…` and `^(lit1|lit2)…`. Null when it cannot be told (then the rule is refused:
 * a guarantee we cannot prove is no guarantee).
 */
export function literalPrefixes(source: string): string[] | null {
  if (!source.startsWith("^")) return null;
  const body = source.slice(1);
  const readLiteral = (s: string, stop: string): { text: string; rest: string } => {
    let text = "";
    let i = 0;
    for (; i < s.length; i++) {
      const ch = s[i]!;
      if (ch === "\\" && i + 1 < s.length && /[^A-Za-z0-9]/.test(s[i + 1]!)) {
        text += s[++i];
        continue;
      }
      if (stop.includes(ch) || ".*+?^$()[]{}|\\".includes(ch)) break;
      text += ch;
    }
    return { text, rest: s.slice(i) };
  };
  const group = /^\((\?:)?/.exec(body);
  if (!group) {
    const { text, rest } = readLiteral(body, "");
    // A quantifier after the literal applies to its last character, which may then be absent.
    return /^[*?{]/.test(rest) ? [text.slice(0, -1)] : [text];
  }
  const out: string[] = [];
  let rest = body.slice(group[0].length);
  for (;;) {
    const lit = readLiteral(rest, "|)");
    if (lit.rest[0] !== "|" && lit.rest[0] !== ")") return null;
    out.push(lit.text);
    if (lit.rest[0] === ")") break;
    rest = lit.rest.slice(1);
  }
  return out;
}
