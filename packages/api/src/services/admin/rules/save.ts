import { randomBytes } from "node:crypto";
import { schema, eq, and, count, type Db, type Tx } from "@vardkedjan/db/client";
import type { RuleChangeKind } from "@vardkedjan/db/schema";
import { validateRuleForSave } from "@vardkedjan/domain/identity/rule-edit";
import { mappingRuleSchema } from "@vardkedjan/domain/identity/rule-schema";
import { changedFields } from "@vardkedjan/domain/identity/rule-words";
import { stockholmDateTime } from "@vardkedjan/domain/time/format";
import type { OrgTree } from "@vardkedjan/domain/identity/org-tree";
import type { MappingRule } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../../../actor";
import { AppError } from "../../../errors";
import { writeAudit } from "../../../audit";
import { loadOrgTree } from "../../identity/org-tree";
import { loadLoginRules } from "../../identity/rules";
import { affectedSessions, type AffectedSession } from "./affected";
import { requireRuleOrg, ruleScope } from "./scope";

/** A rule as the form sends it: everything but id, version and owner, which the server sets. */
export type RuleDraft = Record<string, unknown>;

export interface SaveResult {
  id: string;
  version: number;
  /** Active sessions whose contexts the change alters (they change at the next login). */
  affected: AffectedSession[];
}

/** The draft as a complete rule of `owner`, validated for saving; field errors in Swedish, or throws. */
export function checkedRule(draft: RuleDraft, fixed: { id: string; version: number; ownerOrgHsaId: string; enabled: boolean }, tree: OrgTree): MappingRule {
  const { id: _i, version: _v, ownerOrgHsaId: _o, enabled: _e, ...body } = draft;
  const res = validateRuleForSave({ ...body, ...fixed }, tree);
  if (!res.ok) {
    throw new AppError("INVALID_INPUT", {
      userMessage: res.errors.length === 1 ? res.errors[0]!.message : "Regeln kan inte sparas. Rätta felen och försök igen.",
      details: { fields: res.errors },
    });
  }
  return res.rule;
}

/** A new rule of the actor's own organisation. */
export async function createRule(db: Db, actor: Actor, input: { rule: RuleDraft }): Promise<SaveResult> {
  const scope = await ruleScope(db, actor);
  const tree = await loadOrgTree(db);
  const id = `r-${randomBytes(5).toString("hex")}`;
  const enabled = input.rule.enabled !== false;
  const rule = checkedRule(input.rule, { id, version: 1, ownerOrgHsaId: scope.own.hsaId, enabled }, tree);
  return db.transaction(async (tx) => {
    const before = await loadLoginRules(tx);
    await tx.insert(schema.roleMappingRules).values({
      id,
      ownerOrgHsaId: rule.ownerOrgHsaId,
      version: 1,
      enabled,
      priority: rule.priority,
      rule,
      updatedByStaffId: actor.staffId,
    });
    await recordVersion(tx, actor, rule, "created", []);
    return { id, version: 1, affected: await affectedSessions(tx, before, await loadLoginRules(tx), tree) };
  });
}

/** A new version of a rule, made from `expectedVersion`; a Swedish conflict when it moved on. */
export async function updateRule(db: Db, actor: Actor, input: { id: string; expectedVersion: number; rule: RuleDraft }): Promise<SaveResult> {
  return change(db, actor, input.id, input.expectedVersion, (current, tree) =>
    checkedRule(input.rule, { id: current.id, version: current.version + 1, ownerOrgHsaId: current.ownerOrgHsaId, enabled: current.enabled }, tree),
  );
}

/** Switches a rule off (it no longer applies at login) or on again; a version like any other change. */
export async function setRuleEnabled(db: Db, actor: Actor, input: { id: string; expectedVersion: number; enabled: boolean }): Promise<SaveResult> {
  return change(db, actor, input.id, input.expectedVersion, (current) => ({ ...current, version: current.version + 1, enabled: input.enabled }));
}

async function change(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  next: (current: MappingRule, tree: OrgTree) => MappingRule,
): Promise<SaveResult> {
  const [found] = await db.select({ owner: schema.roleMappingRules.ownerOrgHsaId }).from(schema.roleMappingRules).where(eq(schema.roleMappingRules.id, id));
  if (!found) throw new AppError("NOT_FOUND", { userMessage: "Regeln finns inte." });
  await requireRuleOrg(db, actor, await ruleScope(db, actor), found.owner, "change", id);
  const tree = await loadOrgTree(db);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(schema.roleMappingRules).where(eq(schema.roleMappingRules.id, id)).for("update");
    if (!row) throw new AppError("NOT_FOUND", { userMessage: "Regeln finns inte." });
    if (row.version !== expectedVersion) throw await conflict(tx, row.id, row.version, row.updatedAt);
    const parsed = mappingRuleSchema.safeParse(row.rule);
    if (!parsed.success) throw new AppError("INTERNAL", { internal: `stored rule ${id} does not parse` });
    const current: MappingRule = { ...parsed.data, id: row.id, version: row.version, enabled: row.enabled, ownerOrgHsaId: row.ownerOrgHsaId };
    const updated = next(current, tree);
    const fields = changedFields(current, updated);
    if (fields.length === 0) return { id, version: row.version, affected: [] };
    const before = await loadLoginRules(tx);
    // A rule from before the history existed (the demo data) gets its starting version recorded first.
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(schema.roleMappingRuleVersions).where(eq(schema.roleMappingRuleVersions.ruleId, id));
    if (n === 0) {
      await tx.insert(schema.roleMappingRuleVersions).values({ ruleId: id, version: row.version, rule: current, change: "created", changedAt: row.updatedAt });
    }
    const kind: RuleChangeKind = fields.length === 1 && fields[0] === "enabled" ? (updated.enabled ? "enabled" : "disabled") : "updated";
    const done = await tx
      .update(schema.roleMappingRules)
      .set({
        version: updated.version,
        enabled: updated.enabled,
        priority: updated.priority,
        rule: updated,
        updatedAt: new Date(),
        updatedByStaffId: actor.staffId,
      })
      .where(and(eq(schema.roleMappingRules.id, id), eq(schema.roleMappingRules.version, expectedVersion)))
      .returning({ id: schema.roleMappingRules.id });
    if (done.length === 0) throw await conflict(tx, id, row.version + 1, new Date());
    await recordVersion(tx, actor, updated, kind, fields);
    return { id, version: updated.version, affected: await affectedSessions(tx, before, await loadLoginRules(tx), tree) };
  });
}

async function recordVersion(tx: Tx, actor: Actor, rule: MappingRule, change: RuleChangeKind, fields: string[]): Promise<void> {
  await tx.insert(schema.roleMappingRuleVersions).values({
    ruleId: rule.id,
    version: rule.version,
    rule,
    change,
    changedFields: fields,
    changedByStaffId: actor.staffId,
    changedByName: actor.name,
  });
  await writeAudit(tx, actor, {
    action: "rules.change",
    entityType: "role_mapping_rule",
    entityId: rule.id,
    details: { change, version: rule.version, fields, ownerOrgHsaId: rule.ownerOrgHsaId },
  });
}

async function conflict(tx: Tx, id: string, version: number, at: Date): Promise<AppError> {
  const [latest] = await tx
    .select({ by: schema.roleMappingRuleVersions.changedByName, at: schema.roleMappingRuleVersions.changedAt })
    .from(schema.roleMappingRuleVersions)
    .where(and(eq(schema.roleMappingRuleVersions.ruleId, id), eq(schema.roleMappingRuleVersions.version, version)));
  const who = latest?.by ? ` av ${latest.by}` : "";
  return new AppError("CONFLICT", {
    userMessage:
      `Regeln har ändrats av någon annan sedan du öppnade den (nu version ${version}, sparad${who} ${stockholmDateTime(latest?.at ?? at)}). ` +
      "Ladda om regeln och gör om din ändring.",
    details: { currentVersion: version },
  });
}
