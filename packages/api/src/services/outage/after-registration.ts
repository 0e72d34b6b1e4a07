import { schema, and, asc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql, type Db, type Tx } from "@vardkedjan/db/client";
import {
  computeAfterRegistration,
  type AfterRegistrationCase,
  type AfterRegistrationItem,
  type AfterRegistrationKind,
  type AfterRegistrationStatus,
  type UnacknowledgedRecipient,
} from "@vardkedjan/domain/outage/after-registration";
import type { OutageWindow } from "@vardkedjan/domain/outage/types";
import type { ScopeUnit } from "@vardkedjan/domain/outage/scope";
import { afterRegistrationProgress } from "@vardkedjan/domain/outage/report";
import { defaultRecipients } from "@vardkedjan/domain/case/recipients";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { resolveScopeUnitIds } from "../workspace/scope";
import { regionUnitsWithAncestors } from "../org/unit-tree";
import { loadCaseFacts, loadManyCaseFacts } from "../case/facts";
import { sendMessage, acknowledgeMessage } from "../case/send-message";
import { withCaseAccess } from "../case/scope";
import { routineProfileFor } from "./profile";
import { loadPhoneLog } from "./phone-log-entries";
import { storedPrefill, type StoredPrefill } from "@vardkedjan/domain/outage/after-registration-prefill";
import { currentDuplicate, itemCaseInScope, notOnList } from "./after-registration-void";
import { duplicateRefusal } from "@vardkedjan/domain/outage/after-registration-duplicates";

type OutageRow = typeof schema.outages.$inferSelect;

export const windowOf = async (tx: Tx | Db, o: OutageRow): Promise<OutageWindow> => ({
  id: o.id,
  regionId: o.regionId,
  scope:
    o.scope === "region"
      ? { kind: "region" }
      : {
          kind: "units",
          unitIds: (await tx.select({ unitId: schema.outageUnits.unitId }).from(schema.outageUnits).where(eq(schema.outageUnits.outageId, o.id))).map(
            (r) => r.unitId,
          ),
        },
  system: o.system,
  startedAt: o.startedAt,
  endedAt: o.endedAt,
});

/**
 * When an outage ends: compute every unit's after-registration list by the region's rules (in
 * the domain) from the cases and the phone log, and store it so progress can be followed. Keys are
 * deterministic, so recomputing never duplicates an item.
 */
export async function computeAndStoreAfterRegistration(tx: Tx, outage: OutageRow): Promise<number> {
  const window = await windowOf(tx, outage);
  const end = outage.endedAt ?? new Date();
  const others = await Promise.all(
    (
      await tx
        .select()
        .from(schema.outages)
        .where(and(eq(schema.outages.regionId, outage.regionId), inArray(schema.outages.status, ["pagaende", "avslutad"])))
    )
      .filter((o) => o.id !== outage.id)
      .map((o) => windowOf(tx, o)),
  );
  const units: ScopeUnit[] = await regionUnitsWithAncestors(tx, outage.regionId);

  // The cases that were open at some point during the outage, in the region.
  const caseRows = await tx
    .select({ id: schema.coordinationCases.id })
    .from(schema.coordinationCases)
    .where(
      and(
        eq(schema.coordinationCases.regionId, outage.regionId),
        lte(schema.coordinationCases.admittedAt, end),
        or(isNull(schema.coordinationCases.closedAt), gte(schema.coordinationCases.closedAt, outage.startedAt)),
      ),
    );
  const cases: AfterRegistrationCase[] = [];
  for (const loaded of await loadManyCaseFacts(
    tx,
    caseRows.map((c) => c.id),
  )) {
    cases.push({
      id: loaded.row.id,
      patientId: loaded.row.patientId,
      wardUnitId: loaded.row.wardUnitId,
      parties: loaded.facts.parties,
      admittedAt: loaded.row.admittedAt,
      dischargedAt: loaded.row.dischargedAt,
      events: loaded.facts.events,
      provisional: loaded.row.provisional,
      consents: loaded.facts.consents,
    });
  }
  const phoneLog = await loadPhoneLog(tx, { outageId: outage.id });
  const unackedRows = await tx.execute<{ message_id: string; unit_id: string; case_id: string; patient_id: string; occurred_at: Date; kind: MessageKind }>(sql`
    select r.message_id, r.unit_id, m.case_id, c.patient_id, m.occurred_at, m.kind::text as kind
    from message_recipients r join messages m on m.id = r.message_id join coordination_cases c on c.id = m.case_id
    where r.acknowledged_at is null and c.region_id = ${outage.regionId} and m.occurred_at >= ${outage.startedAt.toISOString()}::timestamptz`);
  const unacknowledged: UnacknowledgedRecipient[] = unackedRows.rows.map((r) => ({
    messageId: r.message_id,
    unitId: r.unit_id,
    caseId: r.case_id,
    patientId: r.patient_id,
    occurredAt: new Date(r.occurred_at),
    kind: r.kind,
  }));

  // Computing again (an overlapping outage ending) must not take this outage's own registrations for duplicates.
  const registered = await tx
    .select({ id: schema.afterRegistrationItems.resultMessageId })
    .from(schema.afterRegistrationItems)
    .where(and(eq(schema.afterRegistrationItems.outageId, outage.id), isNotNull(schema.afterRegistrationItems.resultMessageId)));
  const items = computeAfterRegistration({
    outage: { ...window, endedAt: end },
    otherOutages: others,
    units,
    cases,
    phoneLog,
    unacknowledged,
    profile: await routineProfileFor(tx, outage.regionId),
    registeredMessageIds: registered.map((r) => r.id).filter((id): id is string => id !== null),
  });
  const rows = items.map((item) => ({
    outageId: outage.id,
    key: item.key,
    unitId: item.unitId,
    caseId: item.caseId,
    patientId: item.patientId,
    kind: item.kind,
    messageKind: item.messageKind ?? null,
    eventAt: item.eventAt,
    title: item.title,
    prefill: {
      payload: item.prefill ?? {},
      freeText: item.freeText ?? null,
      ...(item.privateNotes ? { privateNotes: item.privateNotes } : {}),
      consents: item.consents ?? [],
      notes: item.notes,
      ...(item.recipientGroups ? { recipientGroups: item.recipientGroups } : {}),
      ...(item.possibleDuplicate ? { possibleDuplicate: { ...item.possibleDuplicate, sentAt: item.possibleDuplicate.sentAt.toISOString() } } : {}),
      ...(item.duplicateCheckFrom ? { duplicateCheckFrom: item.duplicateCheckFrom.toISOString() } : {}),
    },
    sourcePhoneContactIds: item.sourcePhoneContactIds,
    messageId: item.messageId ?? null,
  }));
  // In batches: an outage over a whole region can give thousands of items.
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insert(schema.afterRegistrationItems)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  }
  return items.length;
}

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
      .leftJoin(schema.patients, eq(schema.patients.id, schema.afterRegistrationItems.patientId))
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
