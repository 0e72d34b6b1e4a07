import { schema, and, asc, desc, eq, gt, inArray, isNull, sql, type Db } from "@vardkedjan/db/client";
import type { OutageSystem } from "@vardkedjan/domain/outage/types";
import { can } from "@vardkedjan/domain/access/actions";
import type { Actor } from "../../actor";
import { resolveScopeUnitIds } from "../workspace/scope";
import { activeOutagesFor } from "../outage/current";
import { organisationsInReach } from "./reach";
import { logReviewFlagsToReview, openDeviations, type OverviewCount } from "./overview-sources";

/** How far back "rules changed lately" looks. */
const RECENT_RULE_DAYS = 30;

export interface AdminOverview {
  organisationName: string | null;
  unitsByKind: Record<string, number>;
  rules: number;
  outages: { id: string; system: OutageSystem; systemDetail: string | null; startedAt: Date }[];
  /** Each section below is null when the active role does not work with it (a log reviewer sees no rules). */
  recentRules: { id: string; description: string; enabled: boolean; version: number; updatedAt: Date; updatedBy: string | null }[] | null;
  /** Active units of the administrator's own organisation without a phone number (to be edited). */
  unitsWithoutPhone: { id: string; hsaId: string; name: string }[] | null;
  logReviewFlags: OverviewCount | null;
  openDeviations: OverviewCount | null;
}

/** Förvaltning's start page: what needs the administrator's attention in their organisation. */
export async function getAdminOverview(db: Db, actor: Actor, now = new Date()): Promise<AdminOverview> {
  const unitIds = await resolveScopeUnitIds(db, actor.context);
  const scope = actor.context.scopeHsaId;
  const [org] = (
    await db.execute<{ name: string }>(
      sql`select name from organisations where hsa_id = ${scope} union all select name from units where hsa_id = ${scope} limit 1`,
    )
  ).rows;
  const kinds =
    unitIds.length === 0
      ? []
      : (
          await db.execute<{ kind: string; n: string }>(sql`
            select kind::text as kind, count(*)::text as n from units
            where id in (${sql.join(
              unitIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}) group by kind`)
        ).rows;
  const [rules] = (await db.execute<{ n: string }>(sql`select count(*)::text as n from role_mapping_rules where owner_org_hsa_id = ${scope}`)).rows;
  const role = actor.context.role;
  const managed = can(role, "org.manage") ? (await organisationsInReach(db, actor)).filter((o) => o.access === "manage") : [];
  const since = new Date(now.getTime() - RECENT_RULE_DAYS * 24 * 3600 * 1000);
  const recent = managed.length
    ? await db
        .select({
          id: schema.roleMappingRules.id,
          rule: schema.roleMappingRules.rule,
          enabled: schema.roleMappingRules.enabled,
          version: schema.roleMappingRules.version,
          updatedAt: schema.roleMappingRules.updatedAt,
          updatedBy: sql<string | null>`(select given_name || ' ' || family_name from staff where staff.id = ${schema.roleMappingRules.updatedByStaffId})`,
        })
        .from(schema.roleMappingRules)
        .where(
          and(
            inArray(
              schema.roleMappingRules.ownerOrgHsaId,
              managed.map((o) => o.hsaId),
            ),
            gt(schema.roleMappingRules.updatedAt, since),
          ),
        )
        .orderBy(desc(schema.roleMappingRules.updatedAt))
        .limit(10)
    : [];
  const withoutPhone = managed.length
    ? await db
        .select({ id: schema.units.id, hsaId: schema.units.hsaId, name: schema.units.name })
        .from(schema.units)
        .where(
          and(
            inArray(
              schema.units.organisationId,
              managed.map((o) => o.id),
            ),
            eq(schema.units.active, true),
            isNull(schema.units.phone),
          ),
        )
        .orderBy(asc(schema.units.name))
    : [];
  const outages = await activeOutagesFor(db, actor);
  return {
    organisationName: org?.name ?? null,
    unitsByKind: Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)])),
    rules: Number(rules?.n ?? 0),
    outages: outages.map((o) => ({ id: o.id, system: o.system, systemDetail: o.systemDetail, startedAt: o.startedAt })),
    recentRules: !can(role, "rules.manage")
      ? null
      : recent.map((r) => ({
          id: r.id,
          description: typeof r.rule === "object" && r.rule && "description" in r.rule ? String(r.rule.description) : r.id,
          enabled: r.enabled,
          version: r.version,
          updatedAt: r.updatedAt,
          updatedBy: r.updatedBy,
        })),
    unitsWithoutPhone: can(role, "org.manage") ? withoutPhone : null,
    logReviewFlags: can(role, "audit.read") ? await logReviewFlagsToReview(db, actor) : null,
    openDeviations: can(role, "deviation.readStatistics") ? await openDeviations(db, actor) : null,
  };
}
