import { schema, and, asc, eq, inArray, type Db, type DbOrTx } from "@vardkedjan/db/client";
import type { DeviationReport } from "@vardkedjan/domain/deviation/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { withCaseAccess } from "../case/scope";
import { organisationOfActor, partyUnitsOf } from "./viewer";
import { pendingDeviationMail, type PendingDeviationMail } from "./notify";

export interface ReceiverOption {
  id: string;
  name: string;
}

/** The organisations a deviation from this case can be addressed to: the case's other parties' organisations. */
export async function receiverOptions(tx: DbOrTx, actor: Actor, caseId: string): Promise<ReceiverOption[]> {
  const own = await organisationOfActor(tx, actor);
  const parties = (await partyUnitsOf(tx, [caseId])).get(caseId) ?? [];
  const ids = [...new Set(parties.map((p) => p.organisationId))].filter((id) => id !== own?.id);
  if (ids.length === 0) return [];
  return tx
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.organisations)
    .where(inArray(schema.organisations.id, ids))
    .orderBy(asc(schema.organisations.name));
}

export interface ReportDeviationInput extends DeviationReport {
  caseId: string;
  /** Double-click protection: the same key from the same person reports once. */
  idempotencyKey: string;
}

/**
 * A party of the case reports a deviation to another organisation of the case. Case access first
 * (a refusal is audited and answered "not found"); the report and its audit row in one
 * transaction; the notification e-mail is returned for sending after commit.
 */
export async function reportDeviation(db: Db, actor: Actor, input: ReportDeviationInput): Promise<{ deviationId: string; mail: PendingDeviationMail | null }> {
  return withCaseAccess(db, actor, input.caseId, async (tx, access) => {
    const [replayed] = await tx
      .select({ id: schema.deviations.id })
      .from(schema.deviations)
      .where(and(eq(schema.deviations.reporterStaffId, actor.staffId), eq(schema.deviations.idempotencyKey, input.idempotencyKey)));
    if (replayed) return { deviationId: replayed.id, mail: null };

    const own = await organisationOfActor(tx, actor);
    const options = await receiverOptions(tx, actor, input.caseId);
    if (!own) throw new AppError("FORBIDDEN", { userMessage: "Ditt arbetssammanhang hör inte till någon organisation." });
    if (!options.some((o) => o.id === input.receiverOrganisationId)) {
      throw new AppError("INVALID_INPUT", {
        userMessage: "Välj en av de andra organisationerna i ärendet.",
        details: { fields: [{ path: "receiverOrganisationId", message: "Välj en av de andra organisationerna i ärendet." }] },
      });
    }
    const reporterUnitId = access.viewerUnitIds[0]!;
    const [row] = await tx
      .insert(schema.deviations)
      .values({
        caseId: input.caseId,
        category: input.category,
        description: input.description,
        reporterStaffId: actor.staffId,
        reporterUnitId,
        reporterOrganisationId: own.id,
        receiverOrganisationId: input.receiverOrganisationId,
        idempotencyKey: input.idempotencyKey,
      })
      .returning({ id: schema.deviations.id });
    await tx.insert(schema.deviationEvents).values({ deviationId: row!.id, toStatus: "ny", staffId: actor.staffId, organisationId: own.id });
    await writeAudit(tx, actor, {
      action: "deviation.report",
      activity: "Skriva",
      patientId: access.patientId,
      caseId: input.caseId,
      entityType: "deviation",
      entityId: row!.id,
      details: { category: input.category, receiverOrganisationId: input.receiverOrganisationId },
    });
    return { deviationId: row!.id, mail: await pendingDeviationMail(tx, row!.id) };
  });
}
