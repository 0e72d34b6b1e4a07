import { schema, and, asc, eq, inArray, or, type Db } from "@vardkedjan/db/client";
import { adminReach } from "@vardkedjan/domain/access/admin-reach";
import type { OrganisationKind } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { regionOfActor } from "../outage/region";

export interface RegionUnits {
  regionId: string;
  organisations: { id: string; name: string; kind: OrganisationKind; hsaId: string; editable: boolean }[];
  units: { id: string; name: string; kind: string; organisationId: string; parentId: string | null }[];
}

/**
 * The administrator's region: its organisations (the region, its kommuner and private providers)
 * and their active units, for choosing an outage's scope and the contact list's units. `editable`
 * marks what the actor may change in the contact list: a region's system administrator
 * everything, a delegated kommun administrator only the kommun. No patient data.
 */
export async function regionUnits(db: Db, actor: Actor): Promise<RegionUnits> {
  const regionId = await regionOfActor(db, actor);
  if (!regionId) throw new AppError("FORBIDDEN", { userMessage: "Ingen region hör till ditt sammanhang." });
  const orgs = await db
    .select({ id: schema.organisations.id, name: schema.organisations.name, kind: schema.organisations.kind, hsaId: schema.organisations.hsaId })
    .from(schema.organisations)
    .where(or(eq(schema.organisations.id, regionId), eq(schema.organisations.regionId, regionId)))
    .orderBy(asc(schema.organisations.name));
  const units = orgs.length
    ? await db
        .select({
          id: schema.units.id,
          name: schema.units.name,
          kind: schema.units.kind,
          organisationId: schema.units.organisationId,
          parentId: schema.units.parentId,
        })
        .from(schema.units)
        .where(
          and(
            inArray(
              schema.units.organisationId,
              orgs.map((o) => o.id),
            ),
            eq(schema.units.active, true),
          ),
        )
        .orderBy(asc(schema.units.name))
    : [];
  const reach = adminReach(actor.context.role);
  return {
    regionId,
    organisations: orgs.map((o) => ({ ...o, editable: reach === "ownOrganisation" ? o.hsaId === actor.context.scopeHsaId : reach === "region" })),
    units,
  };
}
