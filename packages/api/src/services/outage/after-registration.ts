import { schema, and, asc, eq, inArray, isNotNull, ne, or, sql, type Db } from "@vardkedjan/db/client";
import type { AfterRegistrationItem, AfterRegistrationKind, AfterRegistrationStatus } from "@vardkedjan/domain/outage/after-registration";
import { afterRegistrationProgress } from "@vardkedjan/domain/outage/report";
import { defaultRecipients } from "@vardkedjan/domain/case/recipients";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { resolveScopeUnitIds } from "../workspace/scope";
import { loadCaseFacts } from "../case/facts";
import { sendMessage, acknowledgeMessage } from "../case/send-message";
import { withCaseAccess } from "../case/scope";
import { storedPrefill, type StoredPrefill } from "@vardkedjan/domain/outage/after-registration-prefill";
import { currentDuplicate, itemCaseInScope, notOnList } from "./after-registration-void";
import { duplicateRefusal } from "@vardkedjan/domain/outage/after-registration-duplicates";

export { windowOf, computeAndStoreAfterRegistration } from "./after-registration-store";

export type { StoredPrefill } from "@vardkedjan/domain/outage/after-registration-prefill";

export interface AfterRegistrationListItem {
  id: string;
  outageId: string;
  caseId: string | null;
  caseReference: string | null;
  patientName: string | null;
  unitId: string;
  unitName: string;
  kind: AfterRegistrationKind;
  messageKind: MessageKind | null;
  eventAt: Date;
  title: string;
  prefill: StoredPrefill;
  status: AfterRegistrationStatus;
  doneAt: Date | null;
  doneBy: string | null;
  /** Why it was dismissed (makulerad) as a duplicate. */
  voidReason: string | null;
}

/** "Efterregistrering": the actor's units' lists from ended outages, with progress per unit. */
export async function listAfterRegistration(db: Db, actor: Actor) {
  const scope = await resolveScopeUnitIds(db, actor.context);
  if (scope.length === 0) return { items: [], progress: [] };
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        i: schema.afterRegistrationItems,
        unitName: schema.units.name,
        reference: schema.coordinationCases.reference,
        givenName: schema.patients.givenName,
        familyName: schema.patients.familyName,
        doneBy: sql<string | null>`(select given_name || ' ' || family_name from staff where staff.id = ${schema.afterRegistrationItems.doneByStaffId})`,
      })
      .from(schema.afterRegistrationItems)
      .innerJoin(schema.units, eq(schema.units.id, schema.afterRegistrationItems.unitId))
      .leftJoin(schema.coordinationCases, eq(schema.coordinationCases.id, schema.afterRegistrationItems.caseId))
      // An item with a case names its patient through the case; one without, by its own column.
      .leftJoin(schema.patients, eq(schema.patients.id, sql`coalesce(${schema.afterRegistrationItems.patientId}, ${schema.coordinationCases.patientId})`))
      // An item voided with its case (closed as wrongly created) is gone; one a person dismissed as a
      // duplicate is shown as handled, with who, when and why.
      .where(
        and(
          inArray(schema.afterRegistrationItems.unitId, scope),
          or(ne(schema.afterRegistrationItems.status, "makulerad"), isNotNull(schema.afterRegistrationItems.doneByStaffId)),
        ),
      )
      .orderBy(asc(schema.afterRegistrationItems.status), asc(schema.afterRegistrationItems.eventAt));
    const items: AfterRegistrationListItem[] = rows.map(({ i, unitName, reference, givenName, familyName, doneBy }) => ({
      id: i.id,
      outageId: i.outageId,
      caseId: i.caseId,
      caseReference: reference,
      patientName: givenName ? `${givenName} ${familyName}` : null,
      unitId: i.unitId,
      unitName,
      kind: i.kind,
      messageKind: i.messageKind,
      eventAt: i.eventAt,
      title: i.title,
      prefill: storedPrefill(i.prefill),
      status: i.status,
      doneAt: i.doneAt,
      doneBy,
      voidReason: i.voidReason,
    }));
    const names = new Map(items.map((x) => [x.unitId, x.unitName]));
    const progress = afterRegistrationProgress(
      rows.map(({ i }) => asDomainItem(i)),
      rows.filter(({ i }) => i.status !== "att_gora").map(({ i }) => i.key),
    ).map((p) => ({ ...p, unitName: names.get(p.unitId) ?? "" }));
    // The list names patients and carries what was said by phone: a read of patient data.
    const caseIds = [...new Set(items.map((x) => x.caseId).filter((id): id is string => !!id))];
    await writeAudit(tx, actor, {
      action: "case.list",
      activity: "Läsa",
      entityType: "after_registration",
      details: { caseIds, itemIds: items.map((x) => x.id) },
    });
    return { items, progress };
  });
}

/** A stored item as the domain's report functions take it. */
export function asDomainItem(i: typeof schema.afterRegistrationItems.$inferSelect): AfterRegistrationItem {
  return {
    key: i.key,
    unitId: i.unitId,
    caseId: i.caseId,
    patientId: i.patientId ?? "",
    kind: i.kind,
    eventAt: i.eventAt,
    title: i.title,
    notes: [],
    sourcePhoneContactIds: i.sourcePhoneContactIds,
  };
}

/**
 * Registers one item: the message is sent with the ORIGINAL time of the event (not the time of
 * typing) and marked with the outage; who registered it and when is recorded on the item. One
 * transaction: the item row is locked, so of two people registering at once exactly one sends and
 * the other is told who did.
 */
export async function registerAfterRegistrationItem(
  db: Db,
  actor: Actor,
  /**
   * `summaryTexts`: the author's text per recipient group of a summary, in the listed order.
   * `registerAnyway`: the user saw the possible duplicate and registers the item all the same.
   */
  input: {
    itemId: string;
    payload?: Record<string, unknown> | null;
    freeText?: string | null;
    summaryTexts?: string[] | null;
    registerAnyway?: boolean | null;
  },
  now = new Date(),
): Promise<{ messageId: string | null }> {
  const foundCaseId = await itemCaseInScope(db, actor, input.itemId);
  if (!foundCaseId) throw new AppError("INVALID_INPUT", { userMessage: "Posten saknar ärende: starta samordning för patienten först." });
  const caseId = foundCaseId;

  return withCaseAccess(db, actor, caseId, async (tx) => {
    // The second of two concurrent registrations waits here, then finds the item done.
    const [item] = await tx.select().from(schema.afterRegistrationItems).where(eq(schema.afterRegistrationItems.id, input.itemId)).for("update");
    if (!item) throw notOnList();
    if (item.status === "klar") {
      // The same person again (a double click): the result they already have.
      if (item.doneByStaffId === actor.staffId) return { messageId: item.resultMessageId };
      const [by] = item.doneByStaffId
        ? await tx
            .select({ givenName: schema.staff.givenName, familyName: schema.staff.familyName })
            .from(schema.staff)
            .where(eq(schema.staff.id, item.doneByStaffId))
        : [];
      throw new AppError("CONFLICT", { userMessage: `Posten är redan registrerad av ${by ? `${by.givenName} ${by.familyName}` : "någon annan"}.` });
    }
    if (item.status === "makulerad") throw new AppError("CONFLICT", { userMessage: "Posten är makulerad och registreras inte." });
    const prefill = storedPrefill(item.prefill);
    let messageId: string | null = null;
    if (!input.registerAnyway) {
      // Another unit may have registered the event since the list was made: never twice unasked.
      const duplicate = await currentDuplicate(tx, item, prefill);
      if (duplicate) throw new AppError("CONFLICT", { userMessage: duplicateRefusal(duplicate.event.kind, duplicate.unitName, duplicate.event.occurredAt) });
    }

    if (item.kind === "acknowledge") {
      if (!item.messageId) throw new AppError("INTERNAL", { internal: `after-registration item ${item.id} has no message` });
      await acknowledgeMessage(db, actor, { caseId, messageId: item.messageId }, now, tx);
    } else {
      // Which message registers the item is the domain's decision, stored with the item.
      const kind = item.messageKind;
      if (!kind) throw new AppError("INTERNAL", { internal: `after-registration item ${item.id} has no message kind` });
      const loaded = await loadCaseFacts(tx, caseId);
      const sender = loaded.parties.find((p) => p.unitId === item.unitId);
      if (!sender) throw new AppError("INVALID_INPUT", { userMessage: "Enheten är inte längre part i ärendet." });
      const recipients = defaultRecipients(kind, item.unitId, sender.role, loaded.facts.parties);
      if (item.kind === "register_admission" && prefill.consents.length) {
        await sendMessage(
          db,
          actor,
          {
            caseId,
            kind: "samtycke",
            payload: { consents: prefill.consents, source: "telefon" },
            recipientUnitIds: [],
            idempotencyKey: `efterreg:${item.id}:samtycke`,
            afterRegistration: { occurredAt: item.eventAt, outageId: item.outageId },
          },
          now,
          tx,
        );
      }
      // A summary goes as one message per group of recipients who may read the same; anything
      // else as one message to the kind's recipients.
      const sends = prefill.recipientGroups?.length
        ? prefill.recipientGroups.map((g, i) => ({ recipients: g.recipientUnitIds, extra: { text: input.summaryTexts?.[i] ?? g.text } }))
        : [{ recipients, extra: {} }];
      for (const [i, send] of sends.entries()) {
        const result = await sendMessage(
          db,
          actor,
          {
            caseId,
            kind,
            title: kind === "generellt" ? item.title : null,
            payload: { ...prefill.payload, ...(input.payload ?? {}), ...send.extra },
            freeText: input.freeText ?? prefill.freeText,
            recipientUnitIds: send.recipients,
            idempotencyKey: i === 0 ? `efterreg:${item.id}` : `efterreg:${item.id}:${i}`,
            afterRegistration: { occurredAt: item.eventAt, outageId: item.outageId },
          },
          now,
          tx,
        );
        messageId ??= result.messageId;
      }
    }
    await tx
      .update(schema.afterRegistrationItems)
      .set({ status: "klar", doneAt: now, doneByStaffId: actor.staffId, resultMessageId: messageId })
      .where(eq(schema.afterRegistrationItems.id, item.id));
    return { messageId };
  });
}
