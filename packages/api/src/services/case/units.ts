import { schema, and, eq, inArray, type DbOrTx } from "@vardkedjan/db/client";
import { partyRoleForUnitKind } from "@vardkedjan/domain/case/party-role";
import type { PartyRole } from "@vardkedjan/domain/case/types";
import { AppError } from "../../errors";

export interface PartyUnit {
  id: string;
  hsaId: string;
  name: string;
  organisationId: string;
  role: PartyRole;
}

/** Loads units that are to become parties, refusing any that cannot be one (Swedish message). */
export async function loadPartyUnits(db: DbOrTx, unitIds: string[]): Promise<PartyUnit[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({
      id: schema.units.id,
      hsaId: schema.units.hsaId,
      name: schema.units.name,
      kind: schema.units.kind,
      organisationId: schema.units.organisationId,
      active: schema.units.active,
    })
    .from(schema.units)
    .where(inArray(schema.units.id, unitIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unitIds.map((id) => {
    const u = byId.get(id);
    const role = u ? partyRoleForUnitKind(u.kind) : null;
    if (!u || !u.active || !role) {
      throw new AppError("INVALID_INPUT", { userMessage: "En av de valda enheterna kan inte vara part i ett samordningsärende." });
    }
    return { id: u.id, hsaId: u.hsaId, name: u.name, organisationId: u.organisationId, role };
  });
}

/** The kommun's needs-assessment unit (biståndsenhet) for a folkbokföringskommun, if we know it. */
export async function municipalityUnitFor(db: DbOrTx, municipalityCode: string | null): Promise<PartyUnit | null> {
  if (!municipalityCode) return null;
  const [row] = await db
    .select({ id: schema.units.id, hsaId: schema.units.hsaId, name: schema.units.name, organisationId: schema.units.organisationId })
    .from(schema.units)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.units.organisationId))
    .where(and(eq(schema.organisations.municipalityCode, municipalityCode), eq(schema.units.kind, "bistandsenhet"), eq(schema.units.active, true)))
    .limit(1);
  return row ? { ...row, role: partyRoleForUnitKind("bistandsenhet")! } : null;
}

export async function unitByHsaId(db: DbOrTx, hsaId: string | null): Promise<PartyUnit | null> {
  if (!hsaId) return null;
  return partyUnitWhere(db, eq(schema.units.hsaId, hsaId));
}

/** The unit as a possible party, or null when it cannot be one (a hospital, an inactive unit …). */
export async function partyUnitById(db: DbOrTx, id: string | null): Promise<PartyUnit | null> {
  return id ? partyUnitWhere(db, eq(schema.units.id, id)) : null;
}

async function partyUnitWhere(db: DbOrTx, where: ReturnType<typeof eq>): Promise<PartyUnit | null> {
  const [row] = await db.select().from(schema.units).where(where);
  const role = row ? partyRoleForUnitKind(row.kind) : null;
  return row && role && row.active ? { id: row.id, hsaId: row.hsaId, name: row.name, organisationId: row.organisationId, role } : null;
}
