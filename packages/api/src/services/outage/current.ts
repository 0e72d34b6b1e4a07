import { schema, eq, sql, type Db } from "@vardkedjan/db/client";
import type { OutageScopeKind, OutageSystem } from "@vardkedjan/domain/outage/types";
import type { Actor } from "../../actor";
import { resolveScopeUnitIds } from "../workspace/scope";
import { regionOfActor } from "./region";
import { unitsWithDescendants } from "../org/unit-tree";

export interface ActiveOutage {
  id: string;
  system: OutageSystem;
  systemDetail: string | null;
  scope: OutageScopeKind;
  message: string | null;
  startedAt: Date;
  expectedEndAt: Date | null;
  regionName: string;
}

/**
 * The outages in progress that affect the actor's units: a region-wide outage affects every unit
 * of the region and of its kommuner; a units outage only the units named (and those below them).
 */
export async function activeOutagesFor(db: Db, actor: Actor): Promise<ActiveOutage[]> {
  const regionId = await regionOfActor(db, actor);
  if (!regionId) return [];
  const scope = await resolveScopeUnitIds(db, actor.context);
  const res = await db.execute<{
    id: string;
    system: OutageSystem;
    system_detail: string | null;
    scope: OutageScopeKind;
    message: string | null;
    started_at: Date;
    expected_end_at: Date | null;
    region_name: string;
  }>(sql`
    select o.id, o.system::text as system, o.system_detail, o.scope, o.message, o.started_at, o.expected_end_at, r.name as region_name
    from outages o join organisations r on r.id = o.region_id
    where o.status = 'pagaende' and o.region_id = ${regionId}
    order by o.started_at`);
  const inScope = new Set(scope);
  const reachesScope = async (outageId: string): Promise<boolean> => {
    const listed = await db.select({ unitId: schema.outageUnits.unitId }).from(schema.outageUnits).where(eq(schema.outageUnits.outageId, outageId));
    return (
      await unitsWithDescendants(
        db,
        listed.map((u) => u.unitId),
      )
    ).some((id) => inScope.has(id));
  };
  const affecting: typeof res.rows = [];
  for (const r of res.rows) if (r.scope === "region" || (await reachesScope(r.id))) affecting.push(r);
  return affecting.map((r) => ({
    id: r.id,
    system: r.system,
    systemDetail: r.system_detail,
    scope: r.scope,
    message: r.message,
    startedAt: new Date(r.started_at),
    expectedEndAt: r.expected_end_at ? new Date(r.expected_end_at) : null,
    regionName: r.region_name,
  }));
}
