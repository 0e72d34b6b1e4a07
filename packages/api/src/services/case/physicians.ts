import { schema, asc, eq, inArray, type Db, type Tx } from "@vardkedjan/db/client";
import { isPhysicianTitle } from "@vardkedjan/domain/case/structured-content";
import type { Actor } from "../../actor";
import { withCaseAccess } from "./scope";

/**
 * For the ready-for-discharge decision: the physicians the system knows at the viewer's units of
 * the case (a commission there, as last seen at login, and a physician's title). The form keeps
 * a typed name for a physician not in the list (a locum, a consultant from another clinic).
 */
export async function physicianCandidates(db: Db, actor: Actor, caseId: string): Promise<Physician[]> {
  return withCaseAccess(db, actor, caseId, (tx, access) => physiciansAt(tx, access.viewerUnitIds));
}

export interface Physician {
  staffId: string;
  name: string;
  title: string | null;
}

/** The physicians with a commission at these units: the list the form offers, and what a send is checked against. */
export async function physiciansAt(tx: Db | Tx, unitIds: string[]): Promise<Physician[]> {
  if (unitIds.length === 0) return [];
  const units = await tx.select({ hsaId: schema.units.hsaId }).from(schema.units).where(inArray(schema.units.id, unitIds));
  if (units.length === 0) return [];
  const rows = await tx
    .selectDistinct({ staffId: schema.staff.id, givenName: schema.staff.givenName, familyName: schema.staff.familyName, title: schema.staff.title })
    .from(schema.staffCommissions)
    .innerJoin(schema.staff, eq(schema.staff.id, schema.staffCommissions.staffId))
    .where(
      inArray(
        schema.staffCommissions.unitHsaId,
        units.map((u) => u.hsaId),
      ),
    )
    .orderBy(asc(schema.staff.familyName), asc(schema.staff.givenName), asc(schema.staff.id));
  return rows.filter((r) => isPhysicianTitle(r.title)).map((r) => ({ staffId: r.staffId, name: `${r.givenName} ${r.familyName}`, title: r.title }));
}
