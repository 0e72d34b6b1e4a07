import { schema, asc, eq, sql, type DbOrTx } from "@vardkedjan/db/client";
import type { UnitKind } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../../../actor";
import { organisationsInReach, requireOrganisation, type ReachedOrganisation } from "../reach";

export interface AdminUnit {
  id: string;
  hsaId: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  /** 1 at the top of the organisation. */
  level: number;
  phone: string | null;
  switchboard: string | null;
  openingHours: string | null;
  functionMailbox: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  active: boolean;
  deactivatedAt: Date | null;
  version: number;
  /** Coordination cases the unit is (or was) a party to: such a unit is never deleted. */
  cases: number;
}

export interface OrganisationUnits {
  organisation: ReachedOrganisation;
  /** The organisations the administrator may open (own first). */
  organisations: ReachedOrganisation[];
  /** Depth first: each unit followed by the units below it, by name. */
  units: AdminUnit[];
}

/** Orders units as the tree reads (parent, then its children by name), with each unit's level. */
export function depthFirst<T extends { id: string; parentId: string | null; name: string }>(units: readonly T[]): (T & { level: number })[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, T[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const out: (T & { level: number })[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, level: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ ...u, level });
      walk(u.id, level + 1);
    }
  };
  walk(null, 1);
  // A unit on a parent cycle never reached from the top still shows, at the top.
  for (const u of units) if (!seen.has(u.id)) out.push({ ...u, level: 1 });
  return out;
}

/** How many coordination cases a unit is the ward or hospital of, or a party to. */
export function casesOfUnit(unitId: typeof schema.units.id | string) {
  return sql<number>`(select count(*)::int from coordination_cases c
    where c.ward_unit_id = ${unitId} or c.hospital_unit_id = ${unitId}
       or exists (select 1 from case_parties cp where cp.case_id = c.id and cp.unit_id = ${unitId}))`;
}

/** The units of one organisation for the admin tree (no patient data; case counts only). */
export async function loadAdminUnits(db: DbOrTx, organisationId: string): Promise<AdminUnit[]> {
  const rows = await db
    .select({
      id: schema.units.id,
      hsaId: schema.units.hsaId,
      name: schema.units.name,
      kind: schema.units.kind,
      parentId: schema.units.parentId,
      phone: schema.units.phone,
      switchboard: schema.units.switchboard,
      openingHours: schema.units.openingHours,
      functionMailbox: schema.units.functionMailbox,
      streetAddress: schema.units.streetAddress,
      postalCode: schema.units.postalCode,
      city: schema.units.city,
      active: schema.units.active,
      deactivatedAt: schema.units.deactivatedAt,
      version: schema.units.version,
      cases: casesOfUnit(schema.units.id),
    })
    .from(schema.units)
    .where(eq(schema.units.organisationId, organisationId))
    .orderBy(asc(schema.units.name));
  return depthFirst(rows);
}

/**
 * The unit tree of an organisation the administrator reaches (their own when none is named). A
 * look at an organisation out of reach is audited and refused.
 */
export async function organisationUnits(db: DbOrTx, actor: Actor, organisationId?: string | null): Promise<OrganisationUnits> {
  const organisations = await organisationsInReach(db, actor);
  const targetId = organisationId ?? organisations.find((o) => o.access === "manage")?.id;
  const organisation = await requireOrganisation(db, actor, targetId ?? "", "read");
  return { organisation, organisations, units: await loadAdminUnits(db, organisation.id) };
}
