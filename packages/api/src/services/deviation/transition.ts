import { schema, and, eq, sql, type Db } from "@vardkedjan/db/client";
import { checkDeviationTransition, type DeviationTransition } from "@vardkedjan/domain/deviation/transitions";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { candidateCondition, loadDeviationViewer, partyUnitsOf, sideOf } from "./viewer";
import { getDeviation } from "./read";
import type { DeviationView } from "./views";

export interface TransitionDeviationInput {
  deviationId: string;
  transition: DeviationTransition;
  /** The answer, or what is missing in it. */
  text?: string | null;
  /** The version the person saw: a step taken meanwhile by someone else gives a conflict. */
  version: number;
}

const NOT_FOUND = "Avvikelsen finns inte, eller så är den inte rapporterad av eller till dig.";

/**
 * One step of a deviation (domain checkDeviationTransition decides who and when), stored with its
 * text as an event, audited in the same transaction. Returns the deviation as the actor now sees it.
 */
export async function transitionDeviation(db: Db, actor: Actor, input: TransitionDeviationInput): Promise<DeviationView> {
  const done = await db.transaction(async (tx) => {
    const viewer = await loadDeviationViewer(tx, actor);
    const [d] = await tx
      .select({ d: schema.deviations, patientId: schema.coordinationCases.patientId })
      .from(schema.deviations)
      .innerJoin(schema.coordinationCases, eq(schema.coordinationCases.id, schema.deviations.caseId))
      .where(and(eq(schema.deviations.id, input.deviationId), candidateCondition(viewer)))
      .for("update", { of: schema.deviations });
    const side = d ? sideOf(viewer, d.d, (await partyUnitsOf(tx, [d.d.caseId])).get(d.d.caseId) ?? []) : null;
    if (!d || !side || !viewer.organisation) {
      await writeAudit(tx, actor, { action: "deviation.update", activity: "Skriva", outcome: "denied", entityType: "deviation", entityId: input.deviationId });
      return false;
    }
    if (d.d.version !== input.version)
      throw new AppError("CONFLICT", { userMessage: "Någon annan har ändrat avvikelsen under tiden. Ladda om och försök igen." });
    const text = input.text?.trim() || null;
    const check = checkDeviationTransition(d.d.status, input.transition, side, text);
    if (!check.ok) {
      throw new AppError(check.code === "text_missing" ? "INVALID_INPUT" : "TRANSITION_NOT_ALLOWED", {
        userMessage: check.message,
        ...(check.code === "text_missing" ? { details: { fields: [{ path: "text", message: check.message }] } } : {}),
      });
    }
    await tx
      .update(schema.deviations)
      .set({ status: check.to, version: sql`${schema.deviations.version} + 1`, updatedAt: new Date() })
      .where(eq(schema.deviations.id, d.d.id));
    await tx.insert(schema.deviationEvents).values({
      deviationId: d.d.id,
      transition: input.transition,
      toStatus: check.to,
      text,
      staffId: actor.staffId,
      organisationId: viewer.organisation.id,
    });
    await writeAudit(tx, actor, {
      action: "deviation.update",
      activity: "Skriva",
      patientId: d.patientId,
      caseId: d.d.caseId,
      entityType: "deviation",
      entityId: d.d.id,
      details: { transition: input.transition, from: d.d.status, to: check.to },
    });
    return true;
  });
  // A refusal committed its audit row and is answered as "not found", whether or not the deviation exists.
  if (!done) throw new AppError("NOT_FOUND", { userMessage: NOT_FOUND });
  return getDeviation(db, actor, input.deviationId);
}
