import { sql, type DbOrTx } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";
import { AppError } from "../../errors";

export interface PaymentMunicipality {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
}

/**
 * The kommuner whose payment responsibility an actor may see: for a context scoped to a region,
 * every kommun of the region; scoped to a kommun, that kommun only. Decided by the organisation of
 * the context's scope, not by role names (the role decides the action, trpc.ts/withActor).
 */
export async function paymentMunicipalities(db: DbOrTx, actor: Actor): Promise<PaymentMunicipality[]> {
  const scope = actor.context.scopeHsaId;
  if (!scope) return [];
  const res = await db.execute<{ id: string; name: string; region_id: string; region_name: string }>(sql`
    with me as (select id, kind from organisations where hsa_id = ${scope})
    select k.id, k.name, r.id as region_id, r.name as region_name
    from organisations k join organisations r on r.id = k.region_id, me
    where k.kind = 'kommun' and ((me.kind = 'region' and k.region_id = me.id) or (me.kind = 'kommun' and k.id = me.id))
    order by k.name`);
  return res.rows.map((r) => ({ id: r.id, name: r.name, regionId: r.region_id, regionName: r.region_name }));
}

/**
 * The kommun the actor asked for, if it is theirs; otherwise the attempt is audited (committed on
 * its own, like a refused procedure) and answered as "not found", so another kommun's basis is
 * neither shown nor confirmed to exist.
 */
export async function requirePaymentMunicipality(db: DbOrTx, actor: Actor, municipalityId: string, what: string): Promise<PaymentMunicipality> {
  const mine = await paymentMunicipalities(db, actor);
  const found = mine.find((m) => m.id === municipalityId);
  if (found) return found;
  await writeAudit(db, actor, {
    action: "access.denied",
    outcome: "denied",
    entityType: "municipality",
    entityId: municipalityId,
    details: { reason: "outside_scope", what },
  });
  throw new AppError("NOT_FOUND", { userMessage: "Kommunen finns inte bland dem du får se betalningsansvar för." });
}
