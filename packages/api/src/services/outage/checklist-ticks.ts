import { schema, and, asc, eq, type Db, type DbOrTx } from "@vardkedjan/db/client";
import { isManualPoint } from "@vardkedjan/domain/outage/checklist";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { withCaseAccess } from "../case/scope";
import { activeOutagesFor } from "./current";
import { regionOfActor } from "./region";
import { routineProfileFor } from "./profile";

/** The latest tick or untick of a manual point: who, from which unit, and when. */
export interface ChecklistTick {
  done: boolean;
  byName: string;
  unitName: string | null;
  at: Date;
}

/**
 * The current state of the manual points of a case in an outage: the latest event per key (the
 * table is append-only; a later untick overrides an earlier tick).
 */
export async function loadChecklistTicks(db: DbOrTx, outageId: string, caseId: string): Promise<Map<string, ChecklistTick>> {
  const rows = await db
    .select({
      key: schema.outageChecklistTicks.key,
      done: schema.outageChecklistTicks.done,
      at: schema.outageChecklistTicks.at,
      givenName: schema.staff.givenName,
      familyName: schema.staff.familyName,
      unitName: schema.units.name,
    })
    .from(schema.outageChecklistTicks)
    .innerJoin(schema.staff, eq(schema.staff.id, schema.outageChecklistTicks.staffId))
    .leftJoin(schema.units, eq(schema.units.id, schema.outageChecklistTicks.unitId))
    .where(and(eq(schema.outageChecklistTicks.outageId, outageId), eq(schema.outageChecklistTicks.caseId, caseId)))
    .orderBy(asc(schema.outageChecklistTicks.id));
  const latest = new Map<string, ChecklistTick>();
  for (const r of rows) latest.set(r.key, { done: r.done, byName: `${r.givenName} ${r.familyName}`, unitName: r.unitName ?? null, at: r.at });
  return latest;
}

/** The keys ticked now, for outageChecklist's `manualDoneKeys`. */
export function doneKeys(ticks: ReadonlyMap<string, ChecklistTick>): string[] {
  return [...ticks].filter(([, t]) => t.done).map(([key]) => key);
}

/**
 * Ticks (or unticks) one of the routine's manual points ("Skicka med utskrivningsplan …") for a
 * case, during an outage that affects the actor's unit, so that the next shift sees it done and by
 * whom. Only the manual points of the region's routine can be ticked; the other points follow from
 * the phone log. Each change is a new row (the history stays), audited in the same transaction.
 */
export async function tickChecklistItem(
  db: Db,
  actor: Actor,
  input: { caseId: string; key: string; done: boolean },
  now = new Date(),
): Promise<{ key: string; done: boolean; changed: boolean }> {
  const [outage] = await activeOutagesFor(db, actor);
  if (!outage) throw new AppError("TRANSITION_NOT_ALLOWED", { userMessage: "Ingen driftstörning pågår för din enhet." });
  const regionId = await regionOfActor(db, actor);
  const profile = await routineProfileFor(db, regionId!);
  if (!isManualPoint(profile, input.key)) {
    throw new AppError("INVALID_INPUT", { userMessage: "Punkten finns inte i rutinen." });
  }

  return withCaseAccess(db, actor, input.caseId, async (tx, access) => {
    // Serialise ticks of the same case, so that "unchanged" is decided on the latest state.
    await tx.select({ id: schema.coordinationCases.id }).from(schema.coordinationCases).where(eq(schema.coordinationCases.id, input.caseId)).for("update");
    const current = (await loadChecklistTicks(tx, outage.id, input.caseId)).get(input.key) ?? null;
    // A double click or a colleague who got there first: nothing to store.
    if ((current?.done ?? false) === input.done) return { key: input.key, done: input.done, changed: false };

    const [row] = await tx
      .insert(schema.outageChecklistTicks)
      .values({
        outageId: outage.id,
        caseId: input.caseId,
        key: input.key,
        done: input.done,
        staffId: actor.staffId,
        unitId: access.viewerUnitIds[0] ?? null,
        at: now,
      })
      .returning({ id: schema.outageChecklistTicks.id });
    await writeAudit(tx, actor, {
      action: "case.outage_checklist",
      activity: "Skriva",
      patientId: access.patientId,
      caseId: input.caseId,
      entityType: "outage_checklist_tick",
      entityId: String(row!.id),
      details: { outageId: outage.id, key: input.key, done: input.done },
    });
    const parties = await tx.select({ unitId: schema.caseParties.unitId }).from(schema.caseParties).where(eq(schema.caseParties.caseId, input.caseId));
    await notifyChange(tx, { type: "case.changed", caseId: input.caseId, unitIds: parties.map((p) => p.unitId), kind: "checklista" });
    return { key: input.key, done: input.done, changed: true };
  });
}
