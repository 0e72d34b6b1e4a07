import { schema, and, desc, eq, gt, isNull, type Db, type DbOrTx } from "@vardkedjan/db/client";
import { evaluateRules } from "@vardkedjan/domain/identity/evaluate";
import { describeContext, PORTAL_LABELS } from "@vardkedjan/domain/identity/context-label";
import { mappingRuleSchema } from "@vardkedjan/domain/identity/rule-schema";
import { parseStoredLoginSession } from "@vardkedjan/domain/identity/stored";
import type { OrgTree } from "@vardkedjan/domain/identity/org-tree";
import type { MappingRule } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../../../actor";
import { AppError } from "../../../errors";
import { endSessions } from "../../identity/end-sessions";
import { loadOrgTree } from "../../identity/org-tree";
import { loadLoginRules } from "../../identity/rules";
import { requireRuleOrg, ruleScope } from "./scope";

export interface AffectedSession {
  loginSessionId: string;
  name: string;
  hsaId: string;
  portalLabel: string;
  lastSeenAt: Date;
  /** Context labels the person would get at the next login and does not have now. */
  gained: string[];
  lost: string[];
}

/**
 * The active login sessions a rule change affects: those whose contexts, evaluated with the
 * same evaluator as the login, differ between the rules before and after the change. Their
 * contexts change only at the next login, so the editor is offered to end them.
 */
export async function affectedSessions(db: DbOrTx, before: MappingRule[], after: MappingRule[], tree: OrgTree, now = new Date()): Promise<AffectedSession[]> {
  const rows = await db
    .select({ session: schema.loginSessions, staff: schema.staff })
    .from(schema.loginSessions)
    .innerJoin(schema.staff, eq(schema.staff.id, schema.loginSessions.staffId))
    .where(and(isNull(schema.loginSessions.endedAt), gt(schema.loginSessions.expiresAt, now)))
    .orderBy(desc(schema.loginSessions.lastSeenAt));
  const out: AffectedSession[] = [];
  for (const { session, staff } of rows) {
    const stored = parseStoredLoginSession(session);
    if (!stored) continue;
    const b = new Map(evaluateRules(stored.principal, before, tree, now).contexts.map((c) => [c.id, c]));
    const a = new Map(evaluateRules(stored.principal, after, tree, now).contexts.map((c) => [c.id, c]));
    const gained = [...a.values()].filter((c) => !b.has(c.id));
    const lost = [...b.values()].filter((c) => !a.has(c.id));
    if (gained.length + lost.length === 0) continue;
    out.push({
      loginSessionId: session.id,
      name: `${staff.givenName} ${staff.familyName}`,
      hsaId: staff.hsaId,
      portalLabel: PORTAL_LABELS[session.portal],
      lastSeenAt: session.lastSeenAt,
      gained: gained.map((c) => describeContext(c, tree).label),
      lost: lost.map((c) => describeContext(c, tree).label),
    });
  }
  return out;
}

/** The login rules with one rule as it was (or would be) at a version: replaced, added or left out when disabled. */
export function withRule(rules: MappingRule[], id: string, version: MappingRule | null): MappingRule[] {
  const others = rules.filter((r) => r.id !== id);
  return version && version.enabled ? [...others, version] : others;
}

/** The rule at `version` and the one before it, from the history (null before creation). */
async function versionPair(db: DbOrTx, ruleId: string, version: number): Promise<{ before: MappingRule | null; after: MappingRule }> {
  const rows = await db
    .select({ version: schema.roleMappingRuleVersions.version, rule: schema.roleMappingRuleVersions.rule })
    .from(schema.roleMappingRuleVersions)
    .where(eq(schema.roleMappingRuleVersions.ruleId, ruleId));
  const at = (v: number): MappingRule | null => {
    const row = rows.find((r) => r.version === v);
    const parsed = row ? mappingRuleSchema.safeParse(row.rule) : null;
    return parsed?.success ? parsed.data : null;
  };
  const after = at(version);
  if (!after) throw new AppError("NOT_FOUND", { userMessage: "Den versionen av regeln finns inte." });
  return { before: at(version - 1), after };
}

/** The sessions one saved version of a rule affects, against the rules in force now. */
export async function sessionsAffectedByVersion(db: Db, actor: Actor, ruleId: string, version: number): Promise<AffectedSession[]> {
  const [row] = await db.select({ owner: schema.roleMappingRules.ownerOrgHsaId }).from(schema.roleMappingRules).where(eq(schema.roleMappingRules.id, ruleId));
  if (!row) throw new AppError("NOT_FOUND", { userMessage: "Regeln finns inte." });
  await requireRuleOrg(db, actor, await ruleScope(db, actor), row.owner, "change", ruleId);
  const { before, after } = await versionPair(db, ruleId, version);
  const rules = await loadLoginRules(db);
  return affectedSessions(db, withRule(rules, ruleId, before), withRule(rules, ruleId, after), await loadOrgTree(db));
}

/**
 * Ends the chosen sessions among those the saved change affects; ids outside that set are ignored
 * (the client names them, the server decides). Audited per session by endSessions.
 */
export async function endAffectedSessions(db: Db, actor: Actor, input: { id: string; version: number; sessionIds: string[] }): Promise<{ ended: number }> {
  const affected = new Set((await sessionsAffectedByVersion(db, actor, input.id, input.version)).map((s) => s.loginSessionId));
  const chosen = input.sessionIds.filter((id) => affected.has(id));
  const ended = await db.transaction((tx) => endSessions(tx, actor, chosen, "rule_changed"));
  return { ended: ended.length };
}
