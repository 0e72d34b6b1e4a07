import { schema, and, eq, inArray, asc, type Db } from "@vardkedjan/db/client";
import { PARTY_UNIT_KINDS } from "@vardkedjan/domain/case/party-role";
import type { Actor } from "../../actor";
import { resolveScopeUnitIds } from "../workspace/scope";
import type { UnitOption } from "./prepare";

/**
 * The units of the actor's scope that can be parties of a case, for the worklist's unit filter
 * (an utskrivningsledare's hospital has many wards). No patient data, so no audit row.
 */
export async function scopeUnitOptions(db: Db, actor: Actor): Promise<UnitOption[]> {
  const scope = await resolveScopeUnitIds(db, actor.context);
  if (scope.length === 0) return [];
  return db
    .select({ id: schema.units.id, name: schema.units.name, organisationName: schema.organisations.name })
    .from(schema.units)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.units.organisationId))
    .where(and(inArray(schema.units.id, scope), inArray(schema.units.kind, [...PARTY_UNIT_KINDS]), eq(schema.units.active, true)))
    .orderBy(asc(schema.units.name));
}
