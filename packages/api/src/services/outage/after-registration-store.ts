import { schema, and, eq, inArray, isNotNull, sql, type Db, type Tx } from "@vardkedjan/db/client";
import { afterRegistrationCandidates, earliestPeriodStart, type CaseActivity } from "@vardkedjan/domain/outage/after-registration-candidates";
import {
  computeAfterRegistration,
  type AfterRegistrationCase,
  type AfterRegistrationInput,
  type AfterRegistrationItem,
  type UnacknowledgedRecipient,
} from "@vardkedjan/domain/outage/after-registration";
import type { OutageWindow } from "@vardkedjan/domain/outage/types";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import { regionUnitsWithAncestors } from "../org/unit-tree";
import { loadCaseHistories } from "../case/facts";
import { routineProfileFor } from "./profile";
import { loadPhoneLog } from "./phone-log-entries";

/**
 * Ending an outage: every unit's after-registration list computed by the region's rules (in the
 * domain) and stored in the outage's transaction. The work is set-based whatever the number of
 * cases: a few queries load the inputs, the domain computes every list at once, one statement
 * stores them.
 */

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

/** A case open at some point during the outage, as the few columns that choose the candidates. */
export type OutageCaseRow = CaseActivity & { wardUnitId: string };

/**
 * What the domain's computation takes for an outage, but the cases: its window and the region's
 * other outages, the units, the phone log, the unacknowledged messages, the routine; and the cases
 * of the region that were open at some point during it, as a few columns.
 */
export async function afterRegistrationInputs(
  tx: Tx,
  outage: OutageRow,
): Promise<{ input: Omit<AfterRegistrationInput, "cases">; caseRows: OutageCaseRow[]; periodFrom: Date }> {
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
  const units = await regionUnitsWithAncestors(tx, outage.regionId);
  const phoneLog = await loadPhoneLog(tx, { outageId: outage.id });
  const caseRows = await tx.execute<{
    id: string;
    patient_id: string;
    ward_unit_id: string;
    admitted_at: Date;
    discharged_at: Date | null;
    provisional: boolean;
    last_event_at: Date | null;
  }>(sql`
    select c.id, c.patient_id, c.ward_unit_id, c.admitted_at, c.discharged_at, c.provisional,
      (select max(m.occurred_at) from messages m where m.case_id = c.id) as last_event_at
    from coordination_cases c
    where c.region_id = ${outage.regionId} and c.admitted_at <= ${end.toISOString()}::timestamptz
      and (c.closed_at is null or c.closed_at >= ${outage.startedAt.toISOString()}::timestamptz)`);
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
  return {
    input: {
      outage: { ...window, endedAt: end },
      otherOutages: others,
      units,
      phoneLog,
      unacknowledged,
      profile: await routineProfileFor(tx, outage.regionId),
      registeredMessageIds: registered.map((r) => r.id).filter((id): id is string => id !== null),
    },
    caseRows: caseRows.rows.map((r) => ({
      id: r.id,
      patientId: r.patient_id,
      wardUnitId: r.ward_unit_id,
      admittedAt: new Date(r.admitted_at),
      dischargedAt: r.discharged_at ? new Date(r.discharged_at) : null,
      provisional: r.provisional,
      lastEventAt: r.last_event_at ? new Date(r.last_event_at) : null,
    })),
    periodFrom: earliestPeriodStart(window, others),
  };
}

/**
 * When an outage ends: compute every unit's after-registration list by the region's rules (in
 * the domain) from the cases and the phone log, and store it so progress can be followed. Only
 * the cases that can give an item (the domain's candidates) are loaded with their parties,
 * messages and consents, in three queries. Keys are deterministic (one item per event and unit).
 */
export async function computeAndStoreAfterRegistration(tx: Tx, outage: OutageRow): Promise<number> {
  const { input, caseRows, periodFrom } = await afterRegistrationInputs(tx, outage);
  const candidates = afterRegistrationCandidates(caseRows, periodFrom, input.phoneLog);
  const histories = await loadCaseHistories(
    tx,
    candidates.map((c) => c.id),
  );
  const cases: AfterRegistrationCase[] = candidates.map((c) => {
    const h = histories.get(c.id);
    return {
      id: c.id,
      patientId: c.patientId,
      wardUnitId: c.wardUnitId,
      parties: (h?.parties ?? []).map((p) => ({ unitId: p.unitId, role: p.role, removedAt: p.removedAt, organisationId: p.organisationId })),
      admittedAt: c.admittedAt,
      dischargedAt: c.dischargedAt,
      events: h?.events ?? [],
      provisional: c.provisional,
      consents: h?.consents ?? [],
    };
  });
  const items = computeAfterRegistration({ ...input, cases });
  await storeAfterRegistrationItems(tx, outage.id, items);
  return items.length;
}

/**
 * The computed items as rows of `after_registration_items`, in the domain's order; of two items
 * with the same key the first is kept. An outage's items are stored once, in the transaction
 * that ends it while holding its row (manage.ts), so a plain insert: the unique key refuses a
 * second list rather than skipping it silently, and the check ON CONFLICT makes per row is saved.
 */
export async function storeAfterRegistrationItems(tx: Tx, outageId: string, computed: readonly AfterRegistrationItem[]): Promise<void> {
  const seen = new Set<string>();
  const items = computed.filter((item) => !seen.has(item.key) && !!seen.add(item.key));
  // Each distinct prefill and title is sent once, the rows naming them by number: a region's list
  // repeats the same notes thousands of times, and the database parses all it is sent.
  const prefills = new Map<string, number>();
  const titles = new Map<string, number>();
  const numberOf = (m: Map<string, number>, v: string): number => {
    let i = m.get(v);
    if (i === undefined) m.set(v, (i = m.size));
    return i;
  };
  const rows = items.map((item) => ({
    key: item.key,
    unit_id: item.unitId,
    case_id: item.caseId,
    patient_id: item.patientId || null,
    kind: item.kind,
    message_kind: item.messageKind ?? null,
    event_at: item.eventAt.toISOString(),
    title: numberOf(titles, item.title),
    prefill: numberOf(prefills, JSON.stringify(storedPrefillOf(item))),
    source_phone_contact_ids: item.sourcePhoneContactIds,
    message_id: item.messageId ?? null,
  }));
  // One statement with three parameters: an outage over a whole region gives thousands of items, and
  // thousands of rows of bound parameters cost more to build and parse than the insert itself. The
  // rows go in the domain's order.
  if (rows.length > 0) {
    await tx.execute(sql`
      insert into after_registration_items
        (outage_id, key, unit_id, case_id, patient_id, kind, message_kind, event_at, title, prefill, source_phone_contact_ids, message_id)
      select ${outageId}::uuid, r.key, r.unit_id, r.case_id, r.patient_id, r.kind, r.message_kind, r.event_at, t.value, p.value, r.source_phone_contact_ids, r.message_id
      from rows from (json_to_recordset(${JSON.stringify(rows)}::json) as (
        key text, unit_id uuid, case_id uuid, patient_id uuid, kind after_registration_kind, message_kind message_kind,
        event_at timestamptz, title int, prefill int, source_phone_contact_ids jsonb, message_id uuid)) with ordinality
        as r(key, unit_id, case_id, patient_id, kind, message_kind, event_at, title, prefill, source_phone_contact_ids, message_id, n)
      join jsonb_array_elements_text(${JSON.stringify([...titles.keys()])}::jsonb) with ordinality as t(value, n) on t.n = r.title + 1
      join jsonb_array_elements(${`[${[...prefills.keys()].join(",")}]`}::jsonb) with ordinality as p(value, n) on p.n = r.prefill + 1
      order by r.n`);
  }
}

/** What is stored with an item for its form (`after_registration_items.prefill`, read by storedPrefill). */
export function storedPrefillOf(item: AfterRegistrationItem) {
  return {
    payload: item.prefill ?? {},
    freeText: item.freeText ?? null,
    ...(item.privateNotes ? { privateNotes: item.privateNotes } : {}),
    consents: item.consents ?? [],
    notes: item.notes,
    ...(item.recipientGroups ? { recipientGroups: item.recipientGroups } : {}),
    ...(item.possibleDuplicate ? { possibleDuplicate: { ...item.possibleDuplicate, sentAt: item.possibleDuplicate.sentAt.toISOString() } } : {}),
    ...(item.duplicateCheckFrom ? { duplicateCheckFrom: item.duplicateCheckFrom.toISOString() } : {}),
  };
}
