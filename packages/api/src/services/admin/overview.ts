import { sql, type Db } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { resolveScopeUnitIds } from "../workspace/scope";

export interface AdminOverview {
  organisationName: string | null;
  unitsByKind: Record<string, number>;
  rules: number;
}

/** Förvaltning's start page: what the administrator's scope holds. */
export async function getAdminOverview(db: Db, actor: Actor): Promise<AdminOverview> {
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
  return {
    organisationName: org?.name ?? null,
    unitsByKind: Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)])),
    rules: Number(rules?.n ?? 0),
  };
}
