import { schema, and, eq, inArray, type Db, type Tx } from "@vardkedjan/db/client";
import { checkSend } from "@vardkedjan/domain/case/transitions";
import { deriveCaseState } from "@vardkedjan/domain/case/state";
import { sendEffects } from "@vardkedjan/domain/case/send-effects";
import { FIXED_CARE_CONTACT_REFUSAL, mayBeFixedCareContact } from "@vardkedjan/domain/case/fixed-care-contact";
import { messageAudience } from "@vardkedjan/domain/case/party-visibility";
import { confirmationRefusal, type SendConfirmation } from "@vardkedjan/domain/case/send-warnings";
import { PHYSICIAN_REFUSAL } from "@vardkedjan/domain/case/structured-content";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { withCaseAccess } from "./scope";
import { loadCaseFacts, refreshCaseDerived } from "./facts";
import { isUniqueViolation } from "./unique-violation";
import { voidOpenAfterRegistrationItems } from "../outage/voided-case";
import { bringInParties } from "./bring-in";
import { physiciansAt } from "./physicians";

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
  /** "Skicka ändå": the sender's confirmation and reason when the send breaks the law's order. */
  confirmation?: SendConfirmation | null;
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
export async function sendMessage(
  db: Db,
  actor: Actor,
  input: SendMessageInput,
  now = new Date(),
  /** The caller's transaction, to send as part of it. */ callerTx?: Tx,
): Promise<SendMessageResult> {
  const on = callerTx ?? db;
  try {
    return await sendOnce(on, actor, input, now);
  } catch (e) {
    // The loser of a same-key race in another case (no shared row lock): the first send stands.
    if (!isUniqueViolation(e, "messages_idempotency")) throw e;
    return withCaseAccess(on, actor, input.caseId, async (tx) => {
      const dup = await sentWithKey(tx, actor, input);
      if (!dup) throw e;
      return dup;
    });
  }
}

/** The message this person already sent with this key, if any (a double click, a retry, a race). */
async function sentWithKey(tx: Tx, actor: Actor, input: SendMessageInput): Promise<SendMessageResult | null> {
  const [dup] = await tx
    .select({ id: schema.messages.id, caseId: schema.messages.caseId })
    .from(schema.messages)
    .where(and(eq(schema.messages.senderStaffId, actor.staffId), eq(schema.messages.idempotencyKey, input.idempotencyKey)));
  if (!dup) return null;
  if (dup.caseId !== input.caseId) throw new AppError("CONFLICT", { userMessage: "Meddelandet har redan skickats i ett annat ärende." });
  return { messageId: dup.id, warnings: [], duplicate: true };
}

async function sendOnce(db: Db | Tx, actor: Actor, input: SendMessageInput, now: Date): Promise<SendMessageResult> {
  return withCaseAccess(db, actor, input.caseId, async (tx, access) => {
    // Serialise writers of one case: the row lock makes the order check and the insert atomic. The
    // key is checked after the lock, so a concurrent same-key send waits here and then finds the
    // first one's message instead of colliding with it on the unique index.
    await tx.select({ id: schema.coordinationCases.id }).from(schema.coordinationCases).where(eq(schema.coordinationCases.id, input.caseId)).for("update");
    const dup = await sentWithKey(tx, actor, input);
    if (dup) return dup;
    input = await bringInParties(tx, actor, access, input, now);
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

    const unconfirmed = confirmationRefusal(input.kind, check.toConfirm, input.confirmation);
    if (unconfirmed) throw new AppError("INVALID_INPUT", { userMessage: unconfirmed.message, details: { fields: unconfirmed.errors } });

    const payload = check.payload as Record<string, unknown>;
    // A physician picked from the list must be one of the unit's; the name stored is the catalogue's.
    if (input.kind === "utskrivningsklar" && typeof payload.decidedByStaffId === "string") {
      const physician = (await physiciansAt(tx, access.viewerUnitIds)).find((p) => p.staffId === payload.decidedByStaffId);
      if (!physician) {
        throw new AppError("INVALID_INPUT", {
          userMessage: PHYSICIAN_REFUSAL,
          details: { fields: [{ path: "decidedByStaffId", message: PHYSICIAN_REFUSAL }] },
        });
      }
      payload.decidedBy = physician.name;
    }
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
        sentDespite: check.toConfirm.length > 0 ? { warnings: check.toConfirm, reason: input.confirmation!.reason.trim() } : null,
      })
      .returning({ id: schema.messages.id });
    const messageId = message!.id;
    if (input.recipientUnitIds.length > 0) {
      await tx.insert(schema.messageRecipients).values(input.recipientUnitIds.map((unitId) => ({ messageId, unitId })));
    }
    // What the message implies, as the domain reads it (checkSend has already refused a statement
    // the sender may not make, e.g. a kommun's "already held" over the patient's no).
    const effects = sendEffects(
      { id: messageId, kind: input.kind, occurredAt, senderUnitId, senderRole: access.viewerRole, recipientUnitIds: input.recipientUnitIds, payload },
      loaded.parties,
      now,
    );
    for (const party of effects.partiesNowVisible) {
      await tx
        .update(schema.caseParties)
        .set({ visibleFrom: party.visibleFrom })
        .where(and(eq(schema.caseParties.caseId, input.caseId), eq(schema.caseParties.unitId, party.unitId)));
    }
    if (effects.consents.length > 0) {
      await tx.insert(schema.consents).values(
        effects.consents.map((r) => ({
          caseId: input.caseId,
          kind: r.kind,
          given: r.given,
          source: r.source,
          documentedByStaffId: actor.staffId,
          documentedByUnitId: r.documentedByUnitId,
          documentedAt: r.documentedAt,
          unable: r.unable ?? false,
          representativeKind: r.representative?.kind ?? null,
          representativeName: r.representative?.name ?? null,
          note: r.note ?? (input.freeText?.trim() || null),
        })),
      );
    }
    if (effects.fixedCareContact) {
      const { unitId, staffId } = effects.fixedCareContact;
      const [unit] = await tx.select({ hsaId: schema.units.hsaId }).from(schema.units).where(eq(schema.units.id, unitId));
      const commissions = await tx
        .select({ unitHsaId: schema.staffCommissions.unitHsaId, purpose: schema.staffCommissions.purpose })
        .from(schema.staffCommissions)
        .where(eq(schema.staffCommissions.staffId, staffId));
      if (!mayBeFixedCareContact(commissions, unit!.hsaId)) throw new AppError("INVALID_INPUT", { userMessage: FIXED_CARE_CONTACT_REFUSAL });
      await tx
        .update(schema.caseParties)
        .set({ fixedCareContactStaffId: staffId })
        .where(and(eq(schema.caseParties.caseId, input.caseId), eq(schema.caseParties.unitId, unitId)));
    }

    const after = await refreshCaseDerived(tx, input.caseId, now);
    if (effects.voidsAfterRegistration) await voidOpenAfterRegistrationItems(tx, input.caseId);
    await tx
      .update(schema.coordinationCases)
      .set({ version: after.row.version + 1 })
      .where(eq(schema.coordinationCases.id, input.caseId));

    await writeAudit(tx, actor, {
      action: input.afterRegistration ? "case.after_register" : input.kind === "avslut" ? "case.close" : "case.send_message",
      activity: "Skicka",
      patientId: access.patientId,
      caseId: input.caseId,
      entityType: "message",
      entityId: messageId,
      details: {
        kind: input.kind,
        recipients: input.recipientUnitIds.length,
        ...(check.toConfirm.length > 0 ? { sentDespiteWarnings: check.toConfirm.length } : {}),
        ...(input.afterRegistration ? { outageId: input.afterRegistration.outageId, originalTime: input.afterRegistration.occurredAt.toISOString() } : {}),
      },
    });
    await notifyChange(tx, {
      type: "case.changed",
      caseId: input.caseId,
      // Only the parties that may see this message hear of it (the case view's rules).
      unitIds: messageAudience(
        after.parties,
        after.facts.events.find((e) => e.id === messageId)!,
        after.facts.consents,
      ),
      messageId,
      kind: input.kind,
      senderUnitId,
      recipientUnitIds: input.recipientUnitIds,
    });
    return { messageId, warnings: check.warnings, duplicate: false };
  });
}

/** Kvittera: a recipient unit acknowledges a message (idempotent). */
export async function acknowledgeMessage(
  db: Db,
  actor: Actor,
  input: { caseId: string; messageId: string },
  now = new Date(),
  /** The caller's transaction, to acknowledge as part of it. */ callerTx?: Tx,
): Promise<{ acknowledgedAt: Date }> {
  return withCaseAccess(callerTx ?? db, actor, input.caseId, async (tx, access) => {
    const rows = await tx
      .select({ unitId: schema.messageRecipients.unitId, acknowledgedAt: schema.messageRecipients.acknowledgedAt })
      .from(schema.messageRecipients)
      .innerJoin(schema.messages, eq(schema.messages.id, schema.messageRecipients.messageId))
      .where(
        and(
          eq(schema.messageRecipients.messageId, input.messageId),
          eq(schema.messages.caseId, input.caseId),
          inArray(schema.messageRecipients.unitId, access.viewerUnitIds),
        ),
      );
    if (rows.length === 0) throw new AppError("INVALID_INPUT", { userMessage: "Meddelandet är inte ställt till din enhet och kan inte kvitteras av dig." });
    const pending = rows.filter((r) => !r.acknowledgedAt);
    if (pending.length === 0) return { acknowledgedAt: rows[0]!.acknowledgedAt! };
    await tx
      .update(schema.messageRecipients)
      .set({ acknowledgedAt: now, acknowledgedByStaffId: actor.staffId })
      .where(
        and(
          eq(schema.messageRecipients.messageId, input.messageId),
          inArray(
            schema.messageRecipients.unitId,
            pending.map((p) => p.unitId),
          ),
        ),
      );
    const loaded = await refreshCaseDerived(tx, input.caseId, now);
    await writeAudit(tx, actor, {
      action: "case.acknowledge",
      activity: "Kvittera",
      patientId: access.patientId,
      caseId: input.caseId,
      entityType: "message",
      entityId: input.messageId,
    });
    // The acknowledgement is news to those who may see the message.
    const message = loaded.facts.events.find((e) => e.id === input.messageId)!;
    await notifyChange(tx, {
      type: "case.changed",
      caseId: input.caseId,
      unitIds: messageAudience(loaded.parties, message, loaded.facts.consents),
      messageId: input.messageId,
      kind: "kvittens",
      senderUnitId: message.senderUnitId,
      recipientUnitIds: message.recipientUnitIds,
    });
    return { acknowledgedAt: now };
  });
}
