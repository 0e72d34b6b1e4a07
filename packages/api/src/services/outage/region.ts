import { sql, type DbOrTx } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";

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
