import { schema, and, eq, inArray, type Db, type Tx } from "@vardkedjan/db/client";
import { checkSend } from "@vardkedjan/domain/case/transitions";
import { deriveCaseState } from "@vardkedjan/domain/case/state";
import type { ConsentKind, MessageKind } from "@vardkedjan/domain/case/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { withCaseAccess } from "./scope";
import { loadCaseFacts, refreshCaseDerived } from "./facts";
import { isVoidingClosure } from "@vardkedjan/domain/outage/voided-case";
import { voidOpenAfterRegistrationItems } from "../outage/voided-case";

export interface SendMessageInput {
  caseId: string;
  kind: MessageKind;
  /** The form's fields; validated by the kind's schema in the domain. */
  payload: unknown;
  freeText?: string | null;
  title?: string | null;
  recipientUnitIds: string[];
  correctsMessageId?: string | null;
  /** Double-click protection: the same key from the same person sends once. */
  idempotencyKey: string;
  /** For the planning basis: the version the editor started from (a stale one is a conflict). */
  baseVersion?: number | null;
  /**
   * Efterregistrering after an outage: the message keeps the ORIGINAL time of the event (the
   * payment clock reads it), is marked with the outage, and follows the after-registration rules.
   * Set by the after-registration service only, never from a form.
   */
  afterRegistration?: { occurredAt: Date; outageId: string } | null;
}

export interface SendMessageResult {
  messageId: string;
  warnings: string[];
  duplicate: boolean;
}

/**
 * Sends one structured message in a case: checks access, the process order and the form in the
 * domain, stores the message immutably with its recipients, keeps derived state and consents
 * current, audits and notifies — all in one transaction.
 */
export async function sendMessage(db: Db, actor: Actor, input: SendMessageInput, now = new Date(), /** The caller's transaction, to send as part of it. */ callerTx?: Tx): Promise<SendMessageResult> {
  return withCaseAccess(callerTx ?? db, actor, input.caseId, async (tx, access) => {
    const [dup] = await tx
      .select({ id: schema.messages.id, caseId: schema.messages.caseId })
      .from(schema.messages)
      .where(and(eq(schema.messages.senderStaffId, actor.staffId), eq(schema.messages.idempotencyKey, input.idempotencyKey)));
    if (dup) {
      if (dup.caseId !== input.caseId) throw new AppError("CONFLICT", { userMessage: "Meddelandet har redan skickats i ett annat ärende." });
      return { messageId: dup.id, warnings: [], duplicate: true };
    }

    // Serialise writers of one case: the row lock makes the order check and the insert atomic.
    await tx.select({ id: schema.coordinationCases.id }).from(schema.coordinationCases).where(eq(schema.coordinationCases.id, input.caseId)).for("update");
    const loaded = await loadCaseFacts(tx, input.caseId);
    const senderUnitId = access.viewerUnitIds[0]!;
    const state = deriveCaseState(loaded.facts);

    if (input.kind === "planeringsunderlag" && input.baseVersion != null && input.baseVersion !== state.planningVersion) {
      throw new AppError("CONFLICT", {
        userMessage: `Planeringsunderlaget har ändrats av någon annan (nu version ${state.planningVersion}, du utgick från version ${input.baseVersion}). Din text finns kvar: läs den nya versionen och skicka igen.`,
      });
    }

    const check = checkSend(
      loaded.facts,
      {
        kind: input.kind,
        senderUnitId,
        senderRole: access.viewerRole,
        recipientUnitIds: input.recipientUnitIds,
        payload: input.payload,
        correctsMessageId: input.correctsMessageId ?? null,
        at: input.afterRegistration?.occurredAt ?? now,
        mode: input.afterRegistration ? "efterregistrering" : "normal",
      },
      state,
    );
    if (!check.ok) {
      throw new AppError(check.code === "invalid_payload" ? "INVALID_INPUT" : "TRANSITION_NOT_ALLOWED", {
        userMessage: check.message,
        details: check.errors ? { fields: check.errors } : undefined,
      });
    }

    const payload = check.payload as Record<string, unknown>;
    const occurredAt = input.afterRegistration?.occurredAt ?? now;
    const [message] = await tx
      .insert(schema.messages)
      .values({
        caseId: input.caseId,
        kind: input.kind,
        title: input.title ?? null,
        senderUnitId,
        senderStaffId: actor.staffId,
        occurredAt,
        registeredAt: now,
        payload,
        freeText: input.freeText?.trim() || null,
        correctsMessageId: input.correctsMessageId ?? null,
        idempotencyKey: input.idempotencyKey,
        outageId: input.afterRegistration?.outageId ?? null,
      })
      .returning({ id: schema.messages.id });
    const messageId = message!.id;
    if (input.recipientUnitIds.length > 0) {
      await tx.insert(schema.messageRecipients).values(input.recipientUnitIds.map((unitId) => ({ messageId, unitId })));
    }

    if (input.kind === "samtycke") {
      const consents = (payload.consents as { kind: ConsentKind; given: boolean }[] | undefined) ?? [];
      const held = (payload.municipalityAlreadyHolds as ConsentKind[] | undefined) ?? [];
      const rows = [
        // Given to the ward by the patient, or handed over by phone during an outage (seed 000).
        ...consents.map((c) => ({ kind: c.kind, given: c.given, source: payload.source === "telefon" ? ("telefon" as const) : ("patient" as const) })),
        ...held.map((kind) => ({ kind, given: true, source: "befintligt" as const })),
      ];
      if (rows.length > 0) {
        await tx.insert(schema.consents).values(
          rows.map((r) => ({ caseId: input.caseId, ...r, documentedByStaffId: actor.staffId, documentedByUnitId: senderUnitId, documentedAt: occurredAt, note: input.freeText?.trim() || null })),
        );
      }
    }
    if (input.kind === "svar_pa_inskrivning" && typeof payload.fixedCareContactStaffId === "string") {
      // The fast vårdkontakt must be a person with a care commission at the answering unit (N10).
      const [sender] = await tx.select({ hsaId: schema.units.hsaId }).from(schema.units).where(eq(schema.units.id, senderUnitId));
      const [ok] = await tx
        .select({ staffId: schema.staffCommissions.staffId })
        .from(schema.staffCommissions)
        .where(and(eq(schema.staffCommissions.staffId, payload.fixedCareContactStaffId), eq(schema.staffCommissions.unitHsaId, sender!.hsaId)));
      if (!ok) throw new AppError("INVALID_INPUT", { userMessage: "Fast vårdkontakt måste vara en person med uppdrag vid din enhet." });
      await tx
        .update(schema.caseParties)
        .set({ fixedCareContactStaffId: payload.fixedCareContactStaffId })
        .where(and(eq(schema.caseParties.caseId, input.caseId), inArray(schema.caseParties.unitId, [senderUnitId])));
    }

    const after = await refreshCaseDerived(tx, input.caseId, now);
    if (isVoidingClosure({ kind: input.kind, payload })) await voidOpenAfterRegistrationItems(tx, input.caseId);
    await tx.update(schema.coordinationCases).set({ version: after.row.version + 1 }).where(eq(schema.coordinationCases.id, input.caseId));

    await writeAudit(tx, actor, {
      action: input.afterRegistration ? "case.after_register" : input.kind === "avslut" ? "case.close" : "case.send_message",
      activity: "Skicka",
      patientId: access.patientId,
      caseId: input.caseId,
      entityType: "message",
      entityId: messageId,
      details: { kind: input.kind, recipients: input.recipientUnitIds.length, ...(input.afterRegistration ? { outageId: input.afterRegistration.outageId, originalTime: input.afterRegistration.occurredAt.toISOString() } : {}) },
    });
    await notifyChange(tx, {
      type: "case.changed",
      caseId: input.caseId,
      unitIds: after.parties.filter((p) => !p.removedAt).map((p) => p.unitId),
      messageId,
      kind: input.kind,
    });
    return { messageId, warnings: check.warnings, duplicate: false };
  });
}

/** Kvittera: a recipient unit acknowledges a message (idempotent). */
export async function acknowledgeMessage(db: Db, actor: Actor, input: { caseId: string; messageId: string }, now = new Date(), /** The caller's transaction, to acknowledge as part of it. */ callerTx?: Tx): Promise<{ acknowledgedAt: Date }> {
  return withCaseAccess(callerTx ?? db, actor, input.caseId, async (tx, access) => {
    const rows = await tx
      .select({ unitId: schema.messageRecipients.unitId, acknowledgedAt: schema.messageRecipients.acknowledgedAt })
      .from(schema.messageRecipients)
      .innerJoin(schema.messages, eq(schema.messages.id, schema.messageRecipients.messageId))
      .where(and(eq(schema.messageRecipients.messageId, input.messageId), eq(schema.messages.caseId, input.caseId), inArray(schema.messageRecipients.unitId, access.viewerUnitIds)));
    if (rows.length === 0) throw new AppError("INVALID_INPUT", { userMessage: "Meddelandet är inte ställt till din enhet och kan inte kvitteras av dig." });
    const pending = rows.filter((r) => !r.acknowledgedAt);
    if (pending.length === 0) return { acknowledgedAt: rows[0]!.acknowledgedAt! };
    await tx
      .update(schema.messageRecipients)
      .set({ acknowledgedAt: now, acknowledgedByStaffId: actor.staffId })
      .where(and(eq(schema.messageRecipients.messageId, input.messageId), inArray(schema.messageRecipients.unitId, pending.map((p) => p.unitId))));
    await refreshCaseDerived(tx, input.caseId, now);
    await writeAudit(tx, actor, { action: "case.acknowledge", activity: "Kvittera", patientId: access.patientId, caseId: input.caseId, entityType: "message", entityId: input.messageId });
    const parties = await tx.select({ unitId: schema.caseParties.unitId }).from(schema.caseParties).where(eq(schema.caseParties.caseId, input.caseId));
    await notifyChange(tx, { type: "case.changed", caseId: input.caseId, unitIds: parties.map((p) => p.unitId), messageId: input.messageId, kind: "kvittens" });
    return { acknowledgedAt: now };
  });
}
