import { schema, eq, sql, type Db } from "@vardkedjan/db/client";
import type { OutageScopeKind, OutageSystem } from "@vardkedjan/domain/outage/types";
import type { Portal } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../../actor";
import { actorOf, loadSession } from "../identity/session";
import { resolveScopeUnitIds } from "../workspace/scope";
import { regionOfActor } from "./region";
import { unitsWithDescendants } from "../org/unit-tree";
import type { CachedRegionOutage, ContextScope, OutageCache } from "../../realtime/outage-cache";

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
 * With the process's cache (realtime/outage-cache.ts, kept by the hub that hears outage changes),
 * a thousand pages refetching at once read the database once per region and context.
 */
export async function activeOutagesFor(db: Db, actor: Actor, cache?: OutageCache | null): Promise<ActiveOutage[]> {
  const { regionId, unitIds } = await contextScope(db, actor, cache);
  if (!regionId) return [];
  const outages = await (cache
    ? (cache as OutageCache<ActiveOutage>).regionOutages(regionId, () => loadRegionOutages(db, regionId))
    : loadRegionOutages(db, regionId));
  return outages.filter((o) => o.reaches === null || unitIds.some((id) => o.reaches!.has(id))).map((o) => o.row);
}

/**
 * What `outage.current` answers an open page, for the live-update stream to send with an outage
 * event: the session is loaded afresh first, as a refetch would load it (many streams at once
 * share one read, identity/session-rows.ts), and null when it is no longer live or its active
 * context is no longer the one the stream was opened for.
 */
export async function outageStateOfSession(db: Db, actor: Actor, portal: Portal, cache?: OutageCache | null): Promise<ActiveOutage[] | null> {
  if (!actor.loginSessionId) return null;
  const session = await loadSession(db, actor.loginSessionId, portal);
  const now = session && actorOf(session);
  if (!now || now.context.id !== actor.context.id) return null;
  return activeOutagesFor(db, now, cache);
}

/** The region and units of the actor's context: what the banner and the live-update stream go by. */
export function contextScope(db: Db, actor: Actor, cache?: OutageCache | null): Promise<ContextScope> {
  const load = async () => ({ regionId: await regionOfActor(db, actor), unitIds: await resolveScopeUnitIds(db, actor.context) });
  const c = actor.context;
  return cache ? cache.contextScope(`${c.id}|${c.scopeHsaId ?? ""}|${c.includeDescendants}`, load) : load();
}

async function loadRegionOutages(db: Db, regionId: string): Promise<CachedRegionOutage<ActiveOutage>[]> {
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
  const out: CachedRegionOutage<ActiveOutage>[] = [];
  for (const r of res.rows) {
    let reaches: Set<string> | null = null;
    if (r.scope !== "region") {
      const listed = await db.select({ unitId: schema.outageUnits.unitId }).from(schema.outageUnits).where(eq(schema.outageUnits.outageId, r.id));
      reaches = new Set(
        await unitsWithDescendants(
          db,
          listed.map((u) => u.unitId),
        ),
      );
    }
    out.push({
      reaches,
      row: {
        id: r.id,
        system: r.system,
        systemDetail: r.system_detail,
        scope: r.scope,
        message: r.message,
        startedAt: new Date(r.started_at),
        expectedEndAt: r.expected_end_at ? new Date(r.expected_end_at) : null,
        regionName: r.region_name,
      },
    });
  }
  return out;
}
