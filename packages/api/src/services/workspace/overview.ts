import { sql, type Db } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { resolveScopeUnitIds } from "./scope";

export interface WorkspaceOverview {
  scopeUnitCount: number;
  openCases: number;
  byStage: Record<string, number>;
  unacknowledgedMessages: number;
}

/** Min arbetsyta: the open cases the active context's units take part in, by stage. */
export async function getWorkspaceOverview(db: Db, actor: Actor): Promise<WorkspaceOverview> {
  const unitIds = await resolveScopeUnitIds(db, actor.context);
  if (unitIds.length === 0) return { scopeUnitCount: 0, openCases: 0, byStage: {}, unacknowledgedMessages: 0 };
  const ids = sql.join(unitIds.map((id) => sql`${id}::uuid`), sql`, `);
  const stages = await db.execute<{ stage: string; n: string }>(sql`
    select c.stage::text as stage, count(distinct c.id)::text as n
    from coordination_cases c
    join case_parties p on p.case_id = c.id and p.removed_at is null and p.visible_from is not null
    where p.unit_id in (${ids}) and c.closed_at is null
    group by c.stage`);
  const unacked = await db.execute<{ n: string }>(sql`
    select count(*)::text as n from message_recipients r where r.unit_id in (${ids}) and r.acknowledged_at is null`);
  const byStage = Object.fromEntries(stages.rows.map((r) => [r.stage, Number(r.n)]));
  return {
    scopeUnitCount: unitIds.length,
    openCases: Object.values(byStage).reduce((a, b) => a + b, 0),
    byStage,
    unacknowledgedMessages: Number(unacked.rows[0]?.n ?? 0),
  };
}
