import { schema, eq, sql, type DbOrTx } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";

/**
 * The region an actor works under: the region itself, or the region a kommun or private
 * provider belongs to. Outages and contact lists are per region.
 */
export async function regionOfActor(db: DbOrTx, actor: Actor): Promise<string | null> {
  if (!actor.context.scopeHsaId) return null;
  const res = await db.execute<{ region_id: string }>(sql`
    select coalesce(o.region_id, o.id) as region_id
    from organisations o
    where o.hsa_id = ${actor.context.scopeHsaId}
       or o.id = (select u.organisation_id from units u where u.hsa_id = ${actor.context.scopeHsaId})
    limit 1`);
  return res.rows[0]?.region_id ?? null;
}

export interface OwnRegion {
  id: string;
  hsaId: string;
  name: string;
}

/**
 * The region an administrator manages (outages, the routine): the actor's region, which must be a
 * region organisation; otherwise refused with `refusal`, a Swedish sentence naming who may.
 */
export async function requireOwnRegion(db: DbOrTx, actor: Actor, refusal: string): Promise<OwnRegion> {
  const regionId = await regionOfActor(db, actor);
  const [org] = regionId
    ? await db
        .select({ id: schema.organisations.id, hsaId: schema.organisations.hsaId, name: schema.organisations.name, kind: schema.organisations.kind })
        .from(schema.organisations)
        .where(eq(schema.organisations.id, regionId))
    : [];
  if (!org || org.kind !== "region") throw new AppError("FORBIDDEN", { userMessage: refusal });
  return { id: org.id, hsaId: org.hsaId, name: org.name };
}
