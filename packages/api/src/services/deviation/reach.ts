import { schema, asc, eq, or, type DbOrTx } from "@vardkedjan/db/client";
import { adminReach } from "@vardkedjan/domain/access/admin-reach";
import type { Actor } from "../../actor";
import { organisationOfActor } from "./viewer";

/**
 * The organisations whose deviation counts an administrator sees: a region's system administrator
 * the region and every organisation in it (its kommuner, private providers); a kommun's delegated
 * administrator only the kommun. Never another region's, never another kommun's.
 */
export async function statisticsReach(db: DbOrTx, actor: Actor): Promise<{ id: string; name: string }[]> {
  const own = await organisationOfActor(db, actor);
  if (!own) return [];
  const reach = adminReach(actor.context.role);
  if (reach === "none") return [];
  if (reach === "ownOrganisation") return [{ id: own.id, name: own.name }];
  const regionId = own.regionId ?? own.id;
  return db
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.organisations)
    .where(or(eq(schema.organisations.id, regionId), eq(schema.organisations.regionId, regionId)))
    .orderBy(asc(schema.organisations.name));
}
