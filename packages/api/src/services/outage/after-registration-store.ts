import { schema, and, eq, inArray, isNotNull, sql, type Db, type SQL, type Tx } from "@vardkedjan/db/client";
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
 * other outages, the units, the phone log, the unacknowledged messages, the routine; and the start
 * of the outage period around it (earliestPeriodStart), from which a case can give an item.
 */
export async function afterRegistrationInputs(tx: Tx, outage: OutageRow): Promise<{ input: Omit<AfterRegistrationInput, "cases">; periodFrom: Date }> {
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
  // From the messages sent since the outage began (by time, across the country: a few per minute)
  // to their unacknowledged recipients in the region; not from every unacknowledged recipient.
  const unackedRows = await tx.execute<{ message_id: string; unit_id: string; case_id: string; patient_id: string; occurred_at: Date; kind: MessageKind }>(sql`
    with m as materialized (select id, case_id, occurred_at, kind from messages where occurred_at >= ${timeLiteral(outage.startedAt)})
    select r.message_id, r.unit_id, m.case_id, c.patient_id, m.occurred_at, m.kind::text as kind
    from m join coordination_cases c on c.id = m.case_id join message_recipients r on r.message_id = m.id
    where r.acknowledged_at is null and c.region_id = ${outage.regionId}`);
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
    periodFrom: earliestPeriodStart(window, others),
  };
}

const uuidArray = (ids: Iterable<string>): string => `{${[...ids].join(",")}}`;

const CANDIDATE_COLUMNS = sql.raw("id, patient_id, ward_unit_id, admitted_at, discharged_at, provisional");

/**
 * A time written into the statement rather than sent as a parameter, so that the plan always sees
 * it: these queries' plans turn on the time (the messages since it are a handful when it is an
 * outage's start; a plan made without it took them for a third of the table, 10.9 s instead of
 * 5 ms on national data). toISOString writes only digits, "-", ":", "T", "." and "Z".
 */
const timeLiteral = (at: Date): SQL => sql.raw(`'${at.toISOString()}'::timestamptz`);

/**
 * The cases of the outage's region open at some point during it that can give an item: the
 * domain's candidate rule (afterRegistrationCandidates) asked of the database, so that a region's
 * quiet open cases are neither sent nor read. The database is asked with a millisecond to spare
 * (it keeps microseconds, the rule compares the milliseconds Node reads) and the rule is applied
 * again to what comes back, so the domain's function stays the one that decides.
 */
export async function outageCandidateCases(
  tx: Tx,
  outage: OutageRow,
  periodFrom: Date,
  phoneLog: readonly { caseId: string | null; patientId: string }[],
): Promise<OutageCaseRow[]> {
  const end = outage.endedAt ?? new Date();
  const since = new Date(periodFrom.getTime() - 1);
  const phonedCases = new Set(phoneLog.map((e) => e.caseId).filter((id): id is string => id !== null));
  const phonedPatients = new Set(phoneLog.map((e) => e.patientId));
  const rows = await tx.execute<{
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
    from (
      -- Open now: from the region's open cases' own index (coordination_cases_open_region_idx).
      select ${CANDIDATE_COLUMNS} from coordination_cases where region_id = ${outage.regionId} and closed_at is null
      union all
      -- Closed since the outage began: few.
      select ${CANDIDATE_COLUMNS} from coordination_cases
      where region_id = ${outage.regionId} and closed_at >= ${timeLiteral(outage.startedAt)}) c
    where c.admitted_at <= ${timeLiteral(end)}
      and (c.provisional or c.admitted_at >= ${timeLiteral(since)} or c.discharged_at >= ${timeLiteral(since)}
        or c.id = any(${uuidArray(phonedCases)}::uuid[]) or c.patient_id = any(${uuidArray(phonedPatients)}::uuid[])
        -- The cases with a message since then, found once by time (messages_occurred_idx) rather
        -- than asked of each open case.
        or c.id in (select m.case_id from messages m where m.occurred_at >= ${timeLiteral(since)}))`);
  const cases = rows.rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    wardUnitId: r.ward_unit_id,
    admittedAt: new Date(r.admitted_at),
    dischargedAt: r.discharged_at ? new Date(r.discharged_at) : null,
    provisional: r.provisional,
    lastEventAt: r.last_event_at ? new Date(r.last_event_at) : null,
  }));
  return afterRegistrationCandidates(cases, periodFrom, phoneLog);
}

/**
 * When an outage ends: compute every unit's after-registration list by the region's rules (in
 * the domain) from the cases and the phone log, and store it so progress can be followed. Only
 * the cases that can give an item (the domain's candidates, chosen in the database) are loaded
 * with their parties, messages and consents, in three queries. Keys are deterministic (one item per event and unit).
 */
export async function computeAndStoreAfterRegistration(tx: Tx, outage: OutageRow): Promise<number> {
  const { input, periodFrom } = await afterRegistrationInputs(tx, outage);
  const candidates = await outageCandidateCases(tx, outage, periodFrom, input.phoneLog);
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
  const casePatients = new Map(candidates.map((c) => [c.id, c.patientId]));
  for (const u of input.unacknowledged) if (u.caseId) casePatients.set(u.caseId, u.patientId);
  await storeAfterRegistrationItems(tx, outage.id, items, casePatients);
  return items.length;
}

/** A PostgreSQL array literal of text: each element quoted (backslash and double quote escaped), or NULL. */
const textArray = (vs: readonly (string | null)[]): string => `{${vs.map((v) => (v === null ? "NULL" : `"${v.replace(/[\\"]/g, "\\$&")}"`)).join(",")}}`;
/** A PostgreSQL array literal of values that need no quoting (ids, enum labels, ISO times, numbers), or NULL. */
const plainArray = (vs: readonly (string | null)[]): string => `{${vs.map((v) => v ?? "NULL").join(",")}}`;

/**
 * The computed items as rows of `after_registration_items`, in the domain's order; of two items
 * with the same key the first is kept. An outage's items are stored once, in the transaction
 * that ends it while holding its row (manage.ts), so a plain insert: the unique key refuses a
 * second list rather than skipping it silently, and the check ON CONFLICT makes per row is saved.
 *
 * An item with a case names its patient through the case (`casePatients`: each case's patient as
 * loaded): `patient_id` is stored only for an item without a case, or one whose patient would not
 * be its case's, so most rows cost no check of the patient reference and readers take
 * `coalesce(patient_id, case's patient_id)`.
 */
export async function storeAfterRegistrationItems(
  tx: Tx,
  outageId: string,
  computed: readonly AfterRegistrationItem[],
  casePatients: ReadonlyMap<string, string>,
): Promise<void> {
  const seen = new Set<string>();
  const items = computed.filter((item) => !seen.has(item.key) && !!seen.add(item.key));
  if (items.length === 0) return;
  // Each distinct title, prefill and list of calls is sent once, the rows naming it by number: a
  // region's list repeats the same notes thousands of times, and the database parses all it is sent.
  const titles = new Map<string, number>();
  const prefills = new Map<string, number>();
  const sources = new Map<string, number>();
  const numberOf = (m: Map<string, number>, v: string): string => {
    let i = m.get(v);
    if (i === undefined) m.set(v, (i = m.size));
    return String(i + 1);
  };
  const keys: string[] = [];
  const unitIds: string[] = [];
  const caseIds: (string | null)[] = [];
  const patientIds: (string | null)[] = [];
  const kinds: string[] = [];
  const messageKinds: (string | null)[] = [];
  const eventAts: string[] = [];
  const titleNos: string[] = [];
  const prefillNos: string[] = [];
  const sourceNos: string[] = [];
  const messageIds: (string | null)[] = [];
  for (const item of items) {
    keys.push(item.key);
    unitIds.push(item.unitId);
    caseIds.push(item.caseId);
    patientIds.push(item.caseId && casePatients.get(item.caseId) === item.patientId ? null : item.patientId || null);
    kinds.push(item.kind);
    messageKinds.push(item.messageKind ?? null);
    eventAts.push(item.eventAt.toISOString());
    titleNos.push(numberOf(titles, item.title));
    prefillNos.push(numberOf(prefills, JSON.stringify(storedPrefillOf(item))));
    sourceNos.push(numberOf(sources, JSON.stringify(item.sourcePhoneContactIds)));
    messageIds.push(item.messageId ?? null);
  }
  // One statement, a parameter per column (typed arrays, which the database reads faster than rows of
  // JSON), the rows in the domain's order.
  await tx.execute(sql`
    insert into after_registration_items
      (outage_id, key, unit_id, case_id, patient_id, kind, message_kind, event_at, title, prefill, source_phone_contact_ids, message_id)
    select ${outageId}::uuid, r.key, r.unit_id, r.case_id, r.patient_id, r.kind, r.message_kind, r.event_at, t.value, p.value, s.value, r.message_id
    from unnest(${textArray(keys)}::text[], ${plainArray(unitIds)}::uuid[], ${plainArray(caseIds)}::uuid[], ${plainArray(patientIds)}::uuid[],
        ${plainArray(kinds)}::after_registration_kind[], ${plainArray(messageKinds)}::message_kind[], ${plainArray(eventAts)}::timestamptz[],
        ${plainArray(titleNos)}::int[], ${plainArray(prefillNos)}::int[], ${plainArray(sourceNos)}::int[], ${plainArray(messageIds)}::uuid[])
      with ordinality as r(key, unit_id, case_id, patient_id, kind, message_kind, event_at, title, prefill, sources, message_id, n)
    join jsonb_array_elements_text(${JSON.stringify([...titles.keys()])}::jsonb) with ordinality as t(value, n) on t.n = r.title
    join jsonb_array_elements(${`[${[...prefills.keys()].join(",")}]`}::jsonb) with ordinality as p(value, n) on p.n = r.prefill
    join jsonb_array_elements(${`[${[...sources.keys()].join(",")}]`}::jsonb) with ordinality as s(value, n) on s.n = r.sources
    order by r.n`);
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
