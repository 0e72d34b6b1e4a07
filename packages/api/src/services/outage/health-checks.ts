import { schema, and, eq, inArray, sql, type Db } from "@vardkedjan/db/client";
import { stockholmTime } from "@vardkedjan/domain/time/format";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { regionOfActor } from "./region";
import type { OutageSystem } from "@vardkedjan/domain/outage/types";
import { can } from "@vardkedjan/domain/access/actions";

/** How long an integration must fail before an outage is proposed: one failed check is not an outage. */
export const PROPOSE_AFTER_MS = 60_000;

export type HealthProbe = (url: string) => Promise<{ ok: boolean; detail: string }>;

export const httpProbe: HealthProbe = async (url) => {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: "manual" });
    return { ok: res.ok, detail: `HTTP ${res.status}` };
  } catch (e) {
    return { ok: false, detail: (e as Error).name === "TimeoutError" ? "svarar inte (tidsgräns 5 s)" : "går inte att nå" };
  }
};

/**
 * Checks every configured integration. One that has failed for a minute proposes an outage of
 * its region for an administrator to confirm (never declares one by itself). Safe to run from
 * several portal instances at once: an advisory lock lets one of them do the round.
 */
export async function runIntegrationChecks(db: Db, probe: HealthProbe = httpProbe, now = new Date()): Promise<{ checked: number; proposed: number }> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(424242) as ok`);
    if (!lock.rows[0]?.ok) return { checked: 0, proposed: 0 };
    const list = await tx.select().from(schema.integrations);
    let proposed = 0;
    for (const integration of list) {
      const result = await probe(integration.healthUrl);
      const failingSince = result.ok ? null : (integration.failingSince ?? now);
      await tx
        .update(schema.integrations)
        .set({ lastCheckedAt: now, lastOk: result.ok, failingSince, lastError: result.ok ? null : result.detail })
        .where(eq(schema.integrations.id, integration.id));
      if (!failingSince || now.getTime() - failingSince.getTime() < PROPOSE_AFTER_MS) continue;
      const open = await tx
        .select({ id: schema.outages.id })
        .from(schema.outages)
        .where(and(eq(schema.outages.proposedByIntegrationId, integration.id), inArray(schema.outages.status, ["foreslagen", "pagaende"])));
      if (open.length) continue;
      const [outage] = await tx
        .insert(schema.outages)
        .values({
          regionId: integration.regionId,
          system: integration.system,
          systemDetail: integration.name,
          status: "foreslagen",
          scope: "region",
          message: `Hälsokontrollen för ${integration.name} misslyckas sedan ${stockholmTime(failingSince)} (${result.detail}).`,
          startedAt: failingSince,
          proposedByIntegrationId: integration.id,
        })
        .returning({ id: schema.outages.id });
      await tx
        .insert(schema.outageEvents)
        .values({ outageId: outage!.id, at: now, change: { action: "foreslagen", integration: integration.name, detail: result.detail } });
      await notifyChange(tx, { type: "outage.changed", regionId: integration.regionId, outageId: outage!.id });
      proposed += 1;
    }
    return { checked: list.length, proposed };
  });
}

export async function listIntegrations(db: Db, actor: Actor) {
  const regionId = await regionOfActor(db, actor);
  if (!regionId) return [];
  return db.select().from(schema.integrations).where(eq(schema.integrations.regionId, regionId));
}

/** Adds (or changes) an integration whose health is checked. */
export async function saveIntegration(
  db: Db,
  actor: Actor,
  input: { id?: string | null; name: string; system: OutageSystem; healthUrl: string },
): Promise<{ id: string }> {
  const url = (() => {
    try {
      return new URL(input.healthUrl);
    } catch {
      return null;
    }
  })();
  if (!url || !/^https?:$/.test(url.protocol))
    throw new AppError("INVALID_INPUT", { userMessage: "Ange en giltig http- eller https-adress för hälsokontrollen." });
  if (!input.name.trim()) throw new AppError("INVALID_INPUT", { userMessage: "Ange ett namn på integrationen." });
  return db.transaction(async (tx) => {
    const regionId = await regionOfActor(tx, actor);
    if (!regionId || !can(actor.context.role, "outage.manageIntegrations"))
      throw new AppError("FORBIDDEN", { userMessage: "Integrationer hanteras av regionens systemförvaltare." });
    let id = input.id ?? null;
    if (id) {
      const [row] = await tx
        .update(schema.integrations)
        .set({ name: input.name.trim(), system: input.system, healthUrl: url.toString() })
        .where(and(eq(schema.integrations.id, id), eq(schema.integrations.regionId, regionId)))
        .returning({ id: schema.integrations.id });
      if (!row) throw new AppError("NOT_FOUND");
    } else {
      const [row] = await tx
        .insert(schema.integrations)
        .values({ regionId, name: input.name.trim(), system: input.system, healthUrl: url.toString() })
        .returning({ id: schema.integrations.id });
      id = row!.id;
    }
    await writeAudit(tx, actor, { action: "admin.change", entityType: "integration", entityId: id });
    return { id };
  });
}
