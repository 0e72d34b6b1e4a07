import { schema, and, asc, desc, eq, type Db } from "@vardkedjan/db/client";
import { mappingRuleSchema } from "@vardkedjan/domain/identity/rule-schema";
import { describeGrant, describeWho, FIELD_LABELS, ruleStatus, type RuleStatus } from "@vardkedjan/domain/identity/rule-words";
import { ORG_NODE_KIND_LABELS, PORTAL_LABELS, portalForRole, ROLE_LABELS } from "@vardkedjan/domain/identity/context-label";
import { ROLE_OWNER_KINDS } from "@vardkedjan/domain/identity/rule-guarantees";
import { KNOWN_LOAS } from "@vardkedjan/domain/identity/rule-edit";
import { loaLabel } from "@vardkedjan/domain/identity/evaluate";
import { ROLES, type MappingRule, type Portal, type Role } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../../../actor";
import { AppError } from "../../../errors";
import { writeAudit } from "../../../audit";
import { loadOrgTree } from "../../identity/org-tree";
import { requireRuleOrg, ruleScope, type RuleOrg } from "./scope";

export interface RuleSummary {
  id: string;
  version: number;
  description: string;
  effect: "allow" | "deny";
  /** "Sjuksköterska i Slutenvård på medarbetaruppdragets vårdenhet …" or "Nekar …". */
  grants: string;
  /** "Medarbetaruppdrag där …" */
  who: string;
  status: RuleStatus | "går inte att läsa";
  priority: number;
  updatedAt: Date;
  updatedBy: string | null;
}

export interface RuleList {
  owner: RuleOrg;
  /** Organisations whose rules the actor may open (own first). */
  owners: RuleOrg[];
  rules: RuleSummary[];
}

/** The rules of one organisation (default: the actor's own), in words. Reading another's is audited. */
export async function listRules(db: Db, actor: Actor, input: { ownerHsaId?: string | undefined }, now = new Date()): Promise<RuleList> {
  const scope = await ruleScope(db, actor);
  const owner = await requireRuleOrg(db, actor, scope, input.ownerHsaId ?? scope.own.hsaId, "read", input.ownerHsaId ?? scope.own.hsaId);
  const tree = await loadOrgTree(db);
  const rows = await db
    .select({ row: schema.roleMappingRules, by: schema.staff })
    .from(schema.roleMappingRules)
    .leftJoin(schema.staff, eq(schema.staff.id, schema.roleMappingRules.updatedByStaffId))
    .where(eq(schema.roleMappingRules.ownerOrgHsaId, owner.hsaId))
    .orderBy(asc(schema.roleMappingRules.priority), asc(schema.roleMappingRules.id));
  if (!owner.editable) {
    await writeAudit(db, actor, { action: "rules.read", entityType: "organisation", entityId: owner.hsaId, details: { rules: rows.length } });
  }
  return {
    owner,
    owners: scope.readable,
    rules: rows.map(({ row, by }): RuleSummary => {
      const parsed = mappingRuleSchema.safeParse(row.rule);
      const base = {
        id: row.id,
        version: row.version,
        priority: row.priority,
        updatedAt: row.updatedAt,
        updatedBy: by ? `${by.givenName} ${by.familyName}` : null,
      };
      if (!parsed.success) return { ...base, description: "Regeln går inte att läsa", effect: "allow", grants: "", who: "", status: "går inte att läsa" };
      const rule: MappingRule = { ...parsed.data, enabled: row.enabled, version: row.version };
      return {
        ...base,
        description: rule.description,
        effect: rule.effect,
        grants: describeGrant(rule, tree),
        who: describeWho(rule, tree),
        status: ruleStatus(rule, now),
      };
    }),
  };
}

export interface RuleVersionView {
  version: number;
  change: "created" | "updated" | "disabled" | "enabled";
  /** Swedish field names. */
  changedFields: string[];
  changedAt: Date;
  changedBy: string | null;
  grants: string;
  who: string;
  description: string;
}

export interface RuleDetail {
  rule: MappingRule;
  owner: RuleOrg;
  grants: string;
  who: string;
  status: RuleStatus;
  history: RuleVersionView[];
}

/** One rule with its history, when the actor may read its organisation's rules. */
export async function getRule(db: Db, actor: Actor, id: string, now = new Date()): Promise<RuleDetail> {
  const [row] = await db.select().from(schema.roleMappingRules).where(eq(schema.roleMappingRules.id, id));
  if (!row) throw new AppError("NOT_FOUND", { userMessage: "Regeln finns inte." });
  const scope = await ruleScope(db, actor);
  const owner = await requireRuleOrg(db, actor, scope, row.ownerOrgHsaId, "read", id);
  const parsed = mappingRuleSchema.safeParse(row.rule);
  if (!parsed.success) throw new AppError("INTERNAL", { internal: `stored rule ${id} does not parse` });
  const rule: MappingRule = { ...parsed.data, enabled: row.enabled, version: row.version };
  const tree = await loadOrgTree(db);
  const versions = await db
    .select()
    .from(schema.roleMappingRuleVersions)
    .where(and(eq(schema.roleMappingRuleVersions.ruleId, id)))
    .orderBy(desc(schema.roleMappingRuleVersions.version));
  if (!owner.editable) await writeAudit(db, actor, { action: "rules.read", entityType: "role_mapping_rule", entityId: id });
  return {
    rule,
    owner,
    grants: describeGrant(rule, tree),
    who: describeWho(rule, tree),
    status: ruleStatus(rule, now),
    history: versions.map((v) => {
      const r = mappingRuleSchema.safeParse(v.rule);
      return {
        version: v.version,
        change: v.change,
        changedFields: v.changedFields.map((f) => FIELD_LABELS[f] ?? f),
        changedAt: v.changedAt,
        changedBy: v.changedByName,
        description: r.success ? r.data.description : "",
        grants: r.success ? describeGrant(r.data, tree) : "",
        who: r.success ? describeWho(r.data, tree) : "",
      };
    }),
  };
}

export interface RuleFormOptions {
  owner: RuleOrg;
  /** The owner's units (and itself), in tree order with depth for indentation. */
  units: { hsaId: string; name: string; kindLabel: string; depth: number }[];
  roles: { value: Role; label: string; portal: Portal; portalLabel: string }[];
  loas: { value: string; label: string }[];
}

/** What the rule form offers: the owner's units and the roles its kind of organisation may grant. */
export async function ruleFormOptions(db: Db, actor: Actor): Promise<RuleFormOptions> {
  const scope = await ruleScope(db, actor);
  const tree = await loadOrgTree(db);
  const root = tree.get(scope.own.hsaId);
  const nodes = root ? [root, ...tree.descendants(root.hsaId)] : [];
  return {
    owner: scope.own,
    units: nodes.map((n) => ({ hsaId: n.hsaId, name: n.name, kindLabel: ORG_NODE_KIND_LABELS[n.kind], depth: tree.ancestors(n.hsaId).length })),
    roles: ROLES.filter((r) => ROLE_OWNER_KINDS[r].includes(scope.own.kind)).map((r) => ({
      value: r,
      label: ROLE_LABELS[r],
      portal: portalForRole(r),
      portalLabel: PORTAL_LABELS[portalForRole(r)],
    })),
    loas: KNOWN_LOAS.map((l) => ({ value: l, label: loaLabel(l) })),
  };
}
