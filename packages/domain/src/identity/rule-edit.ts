import { validateMappingRule, type RuleValidation, type RuleValidationError } from "./rule-schema";
import { wideningProblems } from "./rule-guarantees";
import type { OrgTree } from "./org-tree";
import type { Condition, MappingRule } from "./types";

/**
 * Validation of a rule an administrator saves in Förvaltning: the stored-rule schema
 * (rule-schema.ts: shape, anchored regexes, role in its portal, dates in order, HSA-ids in the
 * tree), then what only matters when a person writes the rule (below), then the widening
 * guarantee (rule-guarantees.ts). Every error is Swedish and keyed by the field's path, e.g.
 * "when.all.0.value", so the form can put it beside the field.
 */

export const DESCRIPTION_MAX = 200;
export const PRIORITY_MAX = 10_000;
/** The levels of assurance Inera IdP reports (Tillitsramverket för Svensk e-legitimation). */
export const KNOWN_LOAS = ["http://id.sambi.se/loa/loa2", "http://id.sambi.se/loa/loa3", "http://id.sambi.se/loa/loa4"] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (s: string): boolean => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Conditions that read the commission: in a person-level rule they have nothing to read. */
function readsCommission(c: Condition): boolean {
  if (c.op === "unitUnder" || c.op === "unitUnderAny" || c.op === "unitKind" || c.op === "hasRight") return true;
  return "attr" in c && c.attr.startsWith("commission.");
}

function editProblems(rule: MappingRule): RuleValidationError[] {
  const errors: RuleValidationError[] = [];
  const push = (path: string, message: string): void => void errors.push({ path, message });
  if (rule.description.length > DESCRIPTION_MAX) push("description", `Beskrivningen får vara högst ${DESCRIPTION_MAX} tecken`);
  if (rule.priority < 0 || rule.priority > PRIORITY_MAX) push("priority", `Prioriteten ska vara ett heltal mellan 0 och ${PRIORITY_MAX}`);
  for (const group of ["all", "any", "none"] as const) {
    rule.when[group]?.forEach((c, i) => {
      const at = `when.${group}.${i}`;
      if (rule.level === "person" && readsCommission(c)) {
        push(at, "Villkoret gäller medarbetaruppdraget, men regeln gäller på personnivå där inget uppdrag prövas");
      }
      if ((c.op === "eq" || c.op === "neq") && c.value.trim() === "") push(`${at}.value`, "Ange ett värde");
      if ((c.op === "in" || c.op === "notIn") && c.values.some((v) => v.trim() === "")) push(`${at}.values`, "Tomma värden kan inte användas i listan");
    });
  }
  rule.requireLoa?.forEach((loa, i) => {
    if (!(KNOWN_LOAS as readonly string[]).includes(loa)) push(`requireLoa.${i}`, `Okänd tillitsnivå: "${loa}"`);
  });
  if (rule.validFrom !== undefined && !realDate(rule.validFrom)) push("validFrom", "Ange ett datum som ÅÅÅÅ-MM-DD");
  if (rule.validTo !== undefined && !realDate(rule.validTo)) push("validTo", "Ange ett datum som ÅÅÅÅ-MM-DD");
  if (rule.effect === "deny" && rule.grant === undefined && rule.denyPortals !== undefined && rule.denyPortals.length === 0) {
    push("denyPortals", "Ange minst en portal som regeln nekar");
  }
  return errors;
}

/** Validate a rule for saving in Förvaltning; the org tree is required (widening is a tree question). */
export function validateRuleForSave(input: unknown, tree: OrgTree): RuleValidation {
  const shaped = validateMappingRule(input);
  if (!shaped.ok) return shaped;
  const rule = shaped.rule;
  const inTree = validateMappingRule(rule, { tree });
  const errors = [...(inTree.ok ? [] : inTree.errors), ...editProblems(rule), ...wideningProblems(rule, tree)];
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.path}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.length > 0 ? { ok: false, errors: unique } : { ok: true, rule };
}
