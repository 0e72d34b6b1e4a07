import { schema, eq, type DbOrTx } from "@vardkedjan/db/client";
import { parseStoredRules } from "@vardkedjan/domain/identity/stored";
import type { MappingRule } from "@vardkedjan/domain/identity/types";
import { logServerError } from "../../portal/log";

/** Names the log line of a stored mapping rule that no longer parses (the line carries only its id). */
class InvalidStoredRuleError extends Error {
  readonly code = "invalid_stored_rule";
}

/**
 * The rules a login is evaluated against: the enabled rows, parsed. The sign-in and Förvaltning's
 * simulator both load them here, so a simulation uses exactly the rules the next login will.
 * A stored rule that no longer parses silences its organisation's rules (it may have been a
 * denial) but not the others'; its id is logged for the administrators.
 */
export async function loadLoginRules(db: DbOrTx): Promise<MappingRule[]> {
  const rows = await db
    .select({ id: schema.roleMappingRules.id, ownerOrgHsaId: schema.roleMappingRules.ownerOrgHsaId, rule: schema.roleMappingRules.rule })
    .from(schema.roleMappingRules)
    .where(eq(schema.roleMappingRules.enabled, true));
  const { rules, invalidIds } = parseStoredRules(rows);
  for (const ruleId of invalidIds) logServerError("identity.signIn", new InvalidStoredRuleError(), { ruleId });
  return rules;
}
