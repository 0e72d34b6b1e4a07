import "../zod-csp";
import * as z from "zod";
// The Swedish locale alone: `z.locales.sv` would bring every locale zod has into the browser.
import swedish from "zod/v4/locales/sv.js";
import { portalForRole, PORTAL_LABELS, ROLE_LABELS } from "./context-label";
import { isValidOrgHsaId } from "./hsa-id";
import type { OrgTree } from "./org-tree";
import { ORG_NODE_KINDS, PORTALS, ROLES, type AttrPath, type MappingRule } from "./types";

/**
 * Validation of a mapping rule when an admin saves it: shape, Swedish
 * messages, and regexes that compile and are anchored `^…$` (an unanchored pattern like
 * `Hemtjanst` would match far more than intended). With an org tree it also checks that
 * every HSA-id the rule names exists and that fixed scopes lie inside the owner organisation.
 */

const ATTR_PATHS = [
  "person.employeeHsaId",
  "person.systemRoles",
  "person.paTitleCodes",
  "person.licences",
  "person.titles",
  "auth.loa",
  "auth.method",
  "commission.hsaId",
  "commission.name",
  "commission.purpose",
  "commission.rights",
  "commission.unitHsaId",
  "commission.providerHsaId",
  "commission.providerOrgNo",
] as const satisfies readonly AttrPath[];

/** Null when fine; else a Swedish explanation. */
export function regexProblem(source: string, opts: { captureGroup?: boolean } = {}): string | null {
  if (!source.startsWith("^") || !source.endsWith("$") || source.endsWith("\\$") || hasTopLevelAlternation(source)) {
    return "Det reguljära uttrycket måste vara förankrat: börja med ^ och sluta med $ (använd (a|b) för alternativ)";
  }
  let re: RegExp;
  try {
    re = new RegExp(source);
  } catch {
    return "Det reguljära uttrycket går inte att tolka";
  }
  if (opts.captureGroup && (new RegExp(`${re.source}|`).exec("")?.length ?? 0) < 2) {
    return "Det reguljära uttrycket måste ha en fångande grupp ( … ) som anger enhetens HSA-id";
  }
  return null;
}

/** `^a|b$` is anchored only on each side of the `|`; require alternatives to sit in a group. */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) return true;
  }
  return false;
}

const text = (emptyMessage: string) => z.string().trim().min(1, { error: emptyMessage });
const integer = z.number({ error: "Ange ett heltal" }).int({ error: "Ange ett heltal" });
const hsaId = (what: string) => z.string().refine(isValidOrgHsaId, { error: (iss) => `Ogiltigt HSA-id för ${what}: "${String(iss.input)}"` });
const regex = (captureGroup = false) =>
  z.string().superRefine((src, ctx) => {
    const problem = regexProblem(src, { captureGroup });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: "Ange ett datum som ÅÅÅÅ-MM-DD" });

const attr = z.enum(ATTR_PATHS, { error: "Okänt attribut" });
const unitAttr = z.literal("commission.unitHsaId");

const conditionSchema = z.discriminatedUnion(
  "op",
  [
    z.object({ op: z.enum(["eq", "neq"]), attr, value: z.string() }),
    z.object({ op: z.enum(["in", "notIn"]), attr, values: z.array(z.string()).min(1, { error: "Ange minst ett värde" }) }),
    z.object({ op: z.literal("startsWith"), attr, value: text("Värdet får inte vara tomt") }),
    z.object({ op: z.literal("matches"), attr, regex: regex() }),
    z.object({ op: z.enum(["exists", "notExists"]), attr }),
    z.object({
      op: z.literal("hasSystemRole"),
      systemId: text("Systemidentiteten får inte vara tom"),
      role: z.union([text("Systemrollen får inte vara tom"), z.object({ regex: regex() })]),
    }),
    z.object({
      op: z.literal("hasRight"),
      activity: text("Aktiviteten får inte vara tom"),
      informationClass: z.string().optional(),
      scope: z.string().optional(),
    }),
    z.object({ op: z.literal("unitUnder"), attr: unitAttr, ancestorHsaId: hsaId("överordnad enhet") }),
    z.object({
      op: z.literal("unitUnderAny"),
      attr: unitAttr,
      ancestorHsaIds: z.array(hsaId("överordnad enhet")).min(1, { error: "Ange minst en enhet" }),
    }),
    z.object({
      op: z.literal("unitKind"),
      attr: unitAttr,
      kinds: z.array(z.enum(ORG_NODE_KINDS)).min(1, { error: "Ange minst en enhetstyp" }),
    }),
  ],
  { error: "Okänd villkorstyp" },
);

const scopeSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("commissionUnit"), includeDescendants: z.boolean() }),
    z.object({ type: z.literal("commissionProvider") }),
    z.object({ type: z.literal("org"), orgHsaId: hsaId("organisation"), includeDescendants: z.boolean() }),
    z.object({ type: z.literal("systemRoleUnit"), regex: regex(true), includeDescendants: z.boolean().optional() }),
    z.object({ type: z.literal("commissionAncestor"), kind: z.enum(ORG_NODE_KINDS), includeDescendants: z.boolean() }),
    z.object({ type: z.literal("global") }),
  ],
  { error: "Okänd typ av omfång" },
);

const portal = z.enum(PORTALS, { error: "Okänd portal" });

export const mappingRuleSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "Regelns id får bara innehålla A–Z, a–z, 0–9, - och _" }),
    version: integer.min(1, { error: "Versionen måste vara minst 1" }),
    enabled: z.boolean(),
    description: text("Beskrivningen får inte vara tom"),
    ownerOrgHsaId: hsaId("ägande organisation"),
    level: z.enum(["commission", "person"], { error: "Nivån måste vara commission eller person" }),
    priority: integer,
    effect: z.enum(["allow", "deny"], { error: "Effekten måste vara allow eller deny" }),
    when: z.object({
      all: z.array(conditionSchema).optional(),
      any: z.array(conditionSchema).optional(),
      none: z.array(conditionSchema).optional(),
    }),
    grant: z.object({ portal, role: z.enum(ROLES, { error: "Okänd roll" }), scope: scopeSchema }).optional(),
    denyPortals: z.array(portal).optional(),
    requireLoa: z.array(text("Tillitsnivån får inte vara tom")).optional(),
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
  })
  .superRefine((rule, ctx) => {
    const issue = (path: (string | number)[], message: string): void => ctx.addIssue({ code: "custom", path, message });
    const conditionCount = (rule.when.all?.length ?? 0) + (rule.when.any?.length ?? 0) + (rule.when.none?.length ?? 0);
    if (conditionCount === 0) issue(["when"], "Regeln måste ha minst ett villkor");
    if (rule.effect === "allow" && !rule.grant) issue(["grant"], "En tillåtande regel måste ange portal, roll och omfång");
    if (rule.grant && portalForRole(rule.grant.role) !== rule.grant.portal) {
      issue(["grant", "role"], `Rollen ${ROLE_LABELS[rule.grant.role]} hör till portalen ${PORTAL_LABELS[portalForRole(rule.grant.role)]}`);
    }
    if (rule.level === "person" && rule.grant && ["commissionUnit", "commissionProvider", "commissionAncestor"].includes(rule.grant.scope.type)) {
      issue(["grant", "scope"], "En regel på personnivå kan inte använda medarbetaruppdragets enhet som omfång");
    }
    if (rule.validFrom && rule.validTo && Date.parse(rule.validFrom) > Date.parse(rule.validTo)) {
      issue(["validTo"], "Slutdatumet ligger före startdatumet");
    }
  });

export interface RuleValidationError {
  /** Dotted path, e.g. "when.all.0.regex"; "" for the whole rule. */
  path: string;
  message: string;
}

export type RuleValidation = { ok: true; rule: MappingRule } | { ok: false; errors: RuleValidationError[] };

const swedishErrors = swedish().localeError;

/** Validate a rule for saving. Pass the org tree to also check the HSA-ids it names. */
export function validateMappingRule(input: unknown, opts: { tree?: OrgTree } = {}): RuleValidation {
  const parsed = mappingRuleSchema.safeParse(input, { error: swedishErrors });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    };
  }
  const rule: MappingRule = parsed.data;
  const errors = opts.tree ? treeProblems(rule, opts.tree) : [];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rule };
}

function treeProblems(rule: MappingRule, tree: OrgTree): RuleValidationError[] {
  const errors: RuleValidationError[] = [];
  const known = (path: string, id: string): void => {
    if (!tree.has(id)) errors.push({ path, message: `Enheten ${id} finns inte i organisationsträdet` });
  };
  known("ownerOrgHsaId", rule.ownerOrgHsaId);
  for (const group of ["all", "any", "none"] as const) {
    rule.when[group]?.forEach((c, i) => {
      if (c.op === "unitUnder") known(`when.${group}.${i}.ancestorHsaId`, c.ancestorHsaId);
      if (c.op === "unitUnderAny") c.ancestorHsaIds.forEach((id, j) => known(`when.${group}.${i}.ancestorHsaIds.${j}`, id));
    });
  }
  const scope = rule.grant?.scope;
  if (scope?.type === "org") {
    known("grant.scope.orgHsaId", scope.orgHsaId);
    if (tree.has(scope.orgHsaId) && !tree.isUnder(scope.orgHsaId, rule.ownerOrgHsaId)) {
      errors.push({
        path: "grant.scope.orgHsaId",
        message: `${tree.get(scope.orgHsaId)?.name ?? scope.orgHsaId} ligger utanför ${tree.get(rule.ownerOrgHsaId)?.name ?? rule.ownerOrgHsaId}, som äger regeln`,
      });
    }
  }
  return errors;
}
