import { schema, and, eq, isNull, or, asc, inArray, type Db, type DbOrTx, type SQL } from "@vardkedjan/db/client";
import { visibleFromWhenAdded } from "@vardkedjan/domain/case/party-visibility";
import { addsParties, isReceivingParty, RECEIVING_UNIT_KINDS } from "@vardkedjan/domain/case/party-role";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { withCaseAccess } from "./scope";
import { loadPartyUnits } from "./units";
import { refreshCaseDerived } from "./facts";

/**
 * The ward adds a party to an open case later (e.g. psychiatric outpatient care, home health
 * care). The new party then gets the admission notice like the others (domain: a notice may go
 * to a party added afterwards).
 */
export async function addParty(db: Db, actor: Actor, input: { caseId: string; unitId: string }, now = new Date()): Promise<void> {
  await withCaseAccess(db, actor, input.caseId, async (tx, access) => {
    if (!addsParties(access.viewerRole)) throw new AppError("FORBIDDEN", { userMessage: "Parter läggs till av avdelningen." });
    const [kase] = await tx
      .select({ closedAt: schema.coordinationCases.closedAt, regionId: schema.coordinationCases.regionId })
      .from(schema.coordinationCases)
      .where(eq(schema.coordinationCases.id, input.caseId));
    if (kase?.closedAt) throw new AppError("TRANSITION_NOT_ALLOWED", { userMessage: "Ärendet är avslutat." });
    // Only a unit the case offers (partyOptions): not any receiving unit in the country.
    const [offered] = await offeredUnits(tx, kase!.regionId, eq(schema.units.id, input.unitId));
    if (!offered)
      throw new AppError("INVALID_INPUT", {
        userMessage: "Enheten kan inte läggas till i det här ärendet. Välj en av enheterna i listan: regionens och dess kommuners mottagande enheter.",
      });
    const [unit] = await loadPartyUnits(tx, [input.unitId]);
    if (!unit || !isReceivingParty(unit.role))
      throw new AppError("INVALID_INPUT", {
        userMessage: "Välj en mottagande enhet (kommun, vårdcentral, psykiatrisk öppenvård, hemsjukvård eller hemtjänst).",
      });
    const [existing] = await tx
      .select()
      .from(schema.caseParties)
      .where(and(eq(schema.caseParties.caseId, input.caseId), eq(schema.caseParties.unitId, unit.id)));
    if (existing && !existing.removedAt) throw new AppError("CONFLICT", { userMessage: `${unit.name} är redan part i ärendet.` });
    if (existing)
      await tx.update(schema.caseParties).set({ removedAt: null, addedAt: now, addedByStaffId: actor.staffId }).where(eq(schema.caseParties.id, existing.id));
    else
      await tx.insert(schema.caseParties).values({
        caseId: input.caseId,
        unitId: unit.id,
        role: unit.role,
        addedAt: now,
        addedByStaffId: actor.staffId,
        visibleFrom: visibleFromWhenAdded(unit.role, now),
      });
    await refreshCaseDerived(tx, input.caseId, now);
    await writeAudit(tx, actor, {
      action: "case.send_message",
      activity: "Skriva",
      patientId: access.patientId,
      caseId: input.caseId,
      entityType: "case_party",
      entityId: unit.id,
      details: { added: unit.role },
    });
    const parties = await tx
      .select({ unitId: schema.caseParties.unitId })
      .from(schema.caseParties)
      .where(and(eq(schema.caseParties.caseId, input.caseId), isNull(schema.caseParties.removedAt)));
    await notifyChange(tx, { type: "case.changed", caseId: input.caseId, unitIds: parties.map((p) => p.unitId), kind: "part" });
  });
}

/** The receiving units a case offers as parties: the region's and its kommuners'. */
function offeredUnits(tx: DbOrTx, regionId: string, also?: SQL) {
  return tx
    .select({ id: schema.units.id, name: schema.units.name, kind: schema.units.kind, organisationName: schema.organisations.name })
    .from(schema.units)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.units.organisationId))
    .where(
      and(
        eq(schema.units.active, true),
        inArray(schema.units.kind, [...RECEIVING_UNIT_KINDS]),
        or(eq(schema.organisations.id, regionId), eq(schema.organisations.regionId, regionId)),
        also,
      ),
    )
    .orderBy(asc(schema.organisations.name), asc(schema.units.name));
}

/** Units that can be added as parties: the region's and its kommuners' receiving units. */
export async function partyOptions(db: Db, actor: Actor, caseId: string) {
  return withCaseAccess(db, actor, caseId, async (tx) => {
    const [kase] = await tx
      .select({ regionId: schema.coordinationCases.regionId })
      .from(schema.coordinationCases)
      .where(eq(schema.coordinationCases.id, caseId));
    return offeredUnits(tx, kase!.regionId);
  });
}
