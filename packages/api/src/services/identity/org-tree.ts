import { createOrgTree, type OrgTree } from "@vardkedjan/domain/identity/org-tree";
import type { OrgNode } from "@vardkedjan/domain/identity/types";
import { schema, eq, type DbOrTx } from "@vardkedjan/db/client";

/**
 * Our mirror of the HSA tree as the domain sees it: organisations are roots, active units below.
 * A deactivated unit is left out, so a commission or scope there gives no context at the next
 * login (its units below are deactivated first: see setUnitActive).
 */
export async function loadOrgTree(db: DbOrTx): Promise<OrgTree> {
  // Sequential: `db` may be a transaction, which has a single connection.
  const orgs = await db
    .select({ id: schema.organisations.id, hsaId: schema.organisations.hsaId, kind: schema.organisations.kind, name: schema.organisations.name })
    .from(schema.organisations);
  const units = await db
    .select({
      id: schema.units.id,
      hsaId: schema.units.hsaId,
      kind: schema.units.kind,
      name: schema.units.name,
      organisationId: schema.units.organisationId,
      parentId: schema.units.parentId,
    })
    .from(schema.units)
    .where(eq(schema.units.active, true));
  const orgHsa = new Map(orgs.map((o) => [o.id, o.hsaId]));
  const unitHsa = new Map(units.map((u) => [u.id, u.hsaId]));
  const nodes: OrgNode[] = [
    ...orgs.map((o) => ({ hsaId: o.hsaId, parentHsaId: null, kind: o.kind, name: o.name })),
    ...units.map((u) => ({
      hsaId: u.hsaId,
      parentHsaId: (u.parentId ? unitHsa.get(u.parentId) : orgHsa.get(u.organisationId)) ?? null,
      kind: u.kind,
      name: u.name,
    })),
  ];
  return createOrgTree(nodes);
}
