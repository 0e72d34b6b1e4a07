import { schema, and, eq, isNull, or, asc, inArray, type Db, type Tx, type SQL } from "@vardkedjan/db/client";
import { visibleFromWhenAdded } from "@vardkedjan/domain/case/party-visibility";
import { RECEIVING_UNIT_KINDS, partyRoleForUnitKind } from "@vardkedjan/domain/case/party-role";
import { mayAddParties, partyAddRefusal, type PartyAdder } from "@vardkedjan/domain/case/party-add";
import type { PartyRole } from "@vardkedjan/domain/case/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { withCaseAccess, type CaseAccess } from "./scope";
import { refreshCaseDerived } from "./facts";

/** A unit that may be offered as a party, as the pickers show it. */
export interface PartyOption {
  id: string;
  name: string;
  kind: (typeof RECEIVING_UNIT_KINDS)[number];
  role: PartyRole;
  organisationId: string;
  organisationName: string;
  /** Already an active party of the case. */
  isParty: boolean;
  /** Belongs to a kommun that is already a party of the case (the patient's kommun, in practice). */
  inCaseKommun: boolean;
}

interface CaseContext {
  regionId: string;
  closedAt: Date | null;
  adder: PartyAdder;
}

async function caseContext(tx: Tx, access: CaseAccess): Promise<CaseContext> {
  const [kase] = await tx
    .select({ closedAt: schema.coordinationCases.closedAt, regionId: schema.coordinationCases.regionId })
    .from(schema.coordinationCases)
    .where(eq(schema.coordinationCases.id, access.caseId));
  const [own] = await tx.select({ organisationId: schema.units.organisationId }).from(schema.units).where(eq(schema.units.id, access.viewerUnitIds[0]!));
  return { regionId: kase!.regionId, closedAt: kase!.closedAt, adder: { partyRole: access.viewerRole, organisationId: own!.organisationId } };
}

/** The active receiving units of the case's region and its kommuner, with what the domain rule needs. */
async function candidates(tx: Tx, regionId: string, also?: SQL) {
  return tx
    .select({
      id: schema.units.id,
      name: schema.units.name,
      kind: schema.units.kind,
      active: schema.units.active,
      organisationId: schema.units.organisationId,
      organisationName: schema.organisations.name,
      organisationRegionId: schema.organisations.regionId,
    })
    .from(schema.units)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.units.organisationId))
    .where(
      and(inArray(schema.units.kind, [...RECEIVING_UNIT_KINDS]), or(eq(schema.organisations.id, regionId), eq(schema.organisations.regionId, regionId)), also),
    )
    .orderBy(asc(schema.organisations.name), asc(schema.units.name));
}

async function activeParties(tx: Tx, caseId: string) {
  return tx
    .select({ unitId: schema.caseParties.unitId, role: schema.caseParties.role, organisationId: schema.units.organisationId })
    .from(schema.caseParties)
    .innerJoin(schema.units, eq(schema.units.id, schema.caseParties.unitId))
    .where(and(eq(schema.caseParties.caseId, caseId), isNull(schema.caseParties.removedAt)));
}

/**
 * Makes units parties of the case, each checked with the domain rule (who may add which unit):
 * refused as a whole in Swedish when one may not be added. `existing: "skip"` leaves a unit that is
 * already a party alone (a message naming it); "refuse" answers it as a conflict ("Lägg till part").
 * Audited per unit in the caller's transaction; the caller refreshes the derived state.
 */
export async function addUnitsAsParties(
  tx: Tx,
  actor: Actor,
  access: CaseAccess,
  unitIds: readonly string[],
  opts: { existing: "skip" | "refuse"; now: Date; refusal?: (kind: PartyOption["kind"]) => string | null },
): Promise<{ id: string; name: string; role: PartyRole }[]> {
  if (unitIds.length === 0) return [];
  const ctx = await caseContext(tx, access);
  if (ctx.closedAt) throw new AppError("TRANSITION_NOT_ALLOWED", { userMessage: "Ärendet är avslutat." });
  const found = await candidates(tx, ctx.regionId, inArray(schema.units.id, [...unitIds]));
  const rows = await tx
    .select()
    .from(schema.caseParties)
    .where(and(eq(schema.caseParties.caseId, access.caseId), inArray(schema.caseParties.unitId, [...unitIds])));
  const added: { id: string; name: string; role: PartyRole }[] = [];
  for (const unitId of unitIds) {
    const unit = found.find((u) => u.id === unitId);
    const why = unit
      ? (opts.refusal?.(unit.kind) ?? partyAddRefusal(ctx.adder, ctx.regionId, unit))
      : "Enheten kan inte läggas till i det här ärendet. Välj en av enheterna i listan: regionens och dess kommuners mottagande enheter.";
    if (why) throw new AppError("INVALID_INPUT", { userMessage: why });
    const role = partyRoleForUnitKind(unit!.kind)!;
    const existing = rows.find((r) => r.unitId === unitId);
    if (existing && !existing.removedAt) {
      if (opts.existing === "refuse") throw new AppError("CONFLICT", { userMessage: `${unit!.name} är redan part i ärendet.` });
      continue;
    }
    if (existing)
      await tx
        .update(schema.caseParties)
        .set({ removedAt: null, addedAt: opts.now, addedByStaffId: actor.staffId })
        .where(eq(schema.caseParties.id, existing.id));
    else
      await tx.insert(schema.caseParties).values({
        caseId: access.caseId,
        unitId,
        role,
        addedAt: opts.now,
        addedByStaffId: actor.staffId,
        visibleFrom: visibleFromWhenAdded(role, opts.now),
      });
    await writeAudit(tx, actor, {
      action: "case.send_message",
      activity: "Skriva",
      patientId: access.patientId,
      caseId: access.caseId,
      entityType: "case_party",
      entityId: unitId,
      details: { added: role },
    });
    added.push({ id: unitId, name: unit!.name, role });
  }
  return added;
}

/**
 * "Lägg till part": the ward adds a receiving unit (e.g. psychiatric outpatient care, home health
 * care), the kommun its own home care (domain/case/party-add.ts). The new party then gets the
 * admission notice like the others (domain: a notice may go to a party added afterwards).
 */
export async function addParty(db: Db, actor: Actor, input: { caseId: string; unitId: string }, now = new Date()): Promise<void> {
  await withCaseAccess(db, actor, input.caseId, async (tx, access) => {
    if (!mayAddParties(access.viewerRole))
      throw new AppError("FORBIDDEN", { userMessage: "Parter läggs till av avdelningen, och kommunens hemsjukvård och hemtjänst av kommunen." });
    await addUnitsAsParties(tx, actor, access, [input.unitId], { existing: "refuse", now });
    await refreshCaseDerived(tx, input.caseId, now);
    const parties = await activeParties(tx, input.caseId);
    await notifyChange(tx, { type: "case.changed", caseId: input.caseId, unitIds: parties.map((p) => p.unitId), kind: "part" });
  });
}

/** The units this viewer may add to the case (the domain rule over the region's receiving units), grouped by organisation. */
export async function partyOptions(db: Db, actor: Actor, caseId: string): Promise<PartyOption[]> {
  return withCaseAccess(db, actor, caseId, async (tx, access) => {
    if (!mayAddParties(access.viewerRole)) return [];
    const ctx = await caseContext(tx, access);
    const parties = await activeParties(tx, caseId);
    const partyIds = new Set(parties.map((p) => p.unitId));
    const caseKommuner = new Set(parties.filter((p) => p.role === "kommun").map((p) => p.organisationId));
    const all = await candidates(tx, ctx.regionId, eq(schema.units.active, true));
    return all
      .filter((u) => partyAddRefusal(ctx.adder, ctx.regionId, u) === null)
      .map((u) => ({
        id: u.id,
        name: u.name,
        kind: u.kind as PartyOption["kind"],
        role: partyRoleForUnitKind(u.kind)!,
        organisationId: u.organisationId,
        organisationName: u.organisationName,
        isParty: partyIds.has(u.id),
        inCaseKommun: caseKommuner.has(u.organisationId),
      }));
  });
}
