import { schema, and, eq, isNull, sql, type DbOrTx, type SQL } from "@vardkedjan/db/client";
import type { CaseEvent, CaseFacts, ConsentRecord, PartyRole } from "@vardkedjan/domain/case/types";
import { dueSteps, summariseDue } from "@vardkedjan/domain/case/due";
import { deriveCaseState, type DerivedCaseState } from "@vardkedjan/domain/case/state";
import { caseListColumns, type CaseListColumns } from "./list-columns";
import { readStoredPayload } from "@vardkedjan/domain/case/stored-payload";
import { storeCasePayment } from "../payment/store";
import { refreshCaseReportFacts } from "../reports/case-facts";

export interface LoadedCase {
  row: typeof schema.coordinationCases.$inferSelect;
  facts: CaseFacts;
  parties: {
    id: string;
    unitId: string;
    role: PartyRole;
    removedAt: Date | null;
    fixedCareContactStaffId: string | null;
    visibleFrom: Date | null;
    organisationId: string;
  }[];
}

/** Everything the domain rules need about one case, from its rows and its messages. */
export async function loadCaseFacts(db: DbOrTx, caseId: string): Promise<LoadedCase> {
  const [loaded] = await loadManyCaseFacts(db, [caseId]);
  if (!loaded) throw new Error(`case ${caseId} missing`);
  return loaded;
}

/** A uuid[] parameter: one bound value however many ids (thousands of bound parameters cost more to build and parse than the query). */
const anyId = (column: Parameters<typeof eq>[0], ids: readonly string[]): SQL => sql`${column} = any(${`{${ids.join(",")}}`}::uuid[])`;

/**
 * The same for many cases in four queries, whatever their number (ending an outage over thousands
 * of cases must not make a round trip per case).
 */
export async function loadManyCaseFacts(db: DbOrTx, caseIds: string[]): Promise<LoadedCase[]> {
  if (caseIds.length === 0) return [];
  const out: LoadedCase[] = [];
  for (let i = 0; i < caseIds.length; i += 5000) {
    const ids = caseIds.slice(i, i + 5000);
    const rows = await db.select().from(schema.coordinationCases).where(anyId(schema.coordinationCases.id, ids));
    const histories = await loadCaseHistories(db, ids);
    for (const row of rows) out.push(loadedCase(row, histories.get(row.id)));
  }
  return out;
}

/** A case's row and its history (none: a case without parties, messages or consents) as the domain rules read them. */
export function loadedCase(row: LoadedCase["row"], history: CaseHistory = { parties: [], events: [], consents: [] }): LoadedCase {
  const { parties, events, consents } = history;
  return {
    row,
    parties,
    facts: {
      admittedAt: row.admittedAt,
      needAssessedAt: row.needAssessedAt,
      careType: row.careType,
      lpt: row.lpt,
      lrv: row.lrv,
      parties: parties.map((p) => ({ unitId: p.unitId, role: p.role, removedAt: p.removedAt, organisationId: p.organisationId })),
      events,
      consents,
      closedAt: row.closedAt,
    },
  };
}

const dateOrNull = (v: string | null): Date | null => (v === null ? null : new Date(v));

interface PartyJson {
  caseId: string;
  id: string;
  unitId: string;
  role: PartyRole;
  removedAt: string | null;
  fixedCareContactStaffId: string | null;
  visibleFrom: string | null;
  organisationId: string;
}

interface MessageJson {
  caseId: string;
  id: string;
  kind: CaseEvent["kind"];
  occurredAt: string;
  senderUnitId: string;
  payload: unknown;
  correctsMessageId: string | null;
  recipients: string[];
}

interface ConsentJson {
  caseId: string;
  kind: ConsentRecord["kind"];
  given: boolean;
  documentedAt: string;
  documentedByUnitId: string;
  source: ConsentRecord["source"];
  unable: boolean;
  representativeKind: NonNullable<ConsentRecord["representative"]>["kind"] | null;
  representativeName: string | null;
  note: string | null;
}

/** What happened in a case beside its own row: its parties, its messages as the domain's events, its consents. */
export interface CaseHistory {
  parties: LoadedCase["parties"];
  events: CaseEvent[];
  consents: ConsentRecord[];
}

/**
 * The parties, messages and consents of many cases in three queries, by case id (a case with none
 * of them is absent). For a caller that has read the case rows' columns it needs already (ending
 * an outage reads a few columns of every open case of the region to choose the ones to load).
 */
export async function loadCaseHistories(db: DbOrTx, caseIds: readonly string[]): Promise<Map<string, CaseHistory>> {
  if (caseIds.length === 0) return new Map();
  // The three in one statement: a round trip each cost more than their rows on the case page.
  const res = await db.execute<CaseHistoriesJson>(sql`select ${caseHistoriesSql(sql`${`{${caseIds.join(",")}}`}::uuid[]`)}`);
  return caseHistoriesOfJson(res.rows[0]!);
}

/** The three columns caseHistoriesSql selects, as JSON. */
export interface CaseHistoriesJson extends Record<string, unknown> {
  parties: PartyJson[];
  messages: MessageJson[];
  consents: ConsentJson[];
}

/**
 * The parties, messages and consents of the cases in `ids` (a uuid[] expression, which may name a
 * column of an outer query) as three JSON columns, `parties`, `messages` and `consents`, for
 * caseHistoriesOfJson. A select list, so that a caller can read them with other rows in one statement.
 */
export function caseHistoriesSql(ids: SQL): SQL {
  return sql`
    (select coalesce(json_agg(json_build_object('caseId', cp.case_id, 'id', cp.id, 'unitId', cp.unit_id, 'role', cp.role, 'removedAt', cp.removed_at,
        'fixedCareContactStaffId', cp.fixed_care_contact_staff_id, 'visibleFrom', cp.visible_from, 'organisationId', u.organisation_id)), '[]'::json)
      from case_parties cp join units u on u.id = cp.unit_id where cp.case_id = any(${ids})) as parties,
    (select coalesce(json_agg(json_build_object('caseId', m.case_id, 'id', m.id, 'kind', m.kind, 'occurredAt', m.occurred_at, 'senderUnitId', m.sender_unit_id,
        'payload', m.payload, 'correctsMessageId', m.corrects_message_id,
        'recipients', coalesce((select array_agg(r.unit_id::text) from message_recipients r where r.message_id = m.id), '{}'))
        order by m.occurred_at, m.registered_at), '[]'::json)
      from messages m where m.case_id = any(${ids})) as messages,
    (select coalesce(json_agg(json_build_object('caseId', k.case_id, 'kind', k.kind, 'given', k.given, 'documentedAt', k.documented_at,
        'documentedByUnitId', k.documented_by_unit_id, 'source', k.source, 'unable', k.unable, 'representativeKind', k.representative_kind,
        'representativeName', k.representative_name, 'note', k.note) order by k.documented_at), '[]'::json)
      from consents k where k.case_id = any(${ids})) as consents`;
}

/** caseHistoriesSql's columns as each case's history, by case id. */
export function caseHistoriesOfJson({ parties: partyJson, messages: messageJson, consents: consentJson }: CaseHistoriesJson): Map<string, CaseHistory> {
  const out = new Map<string, CaseHistory>();
  const partyRows = partyJson.map((p) => ({ ...p, removedAt: dateOrNull(p.removedAt), visibleFrom: dateOrNull(p.visibleFrom) }));
  const messageRows = messageJson.map((m) => ({ ...m, occurredAt: new Date(m.occurredAt) }));
  const consentRows = consentJson.map((c) => ({ ...c, documentedAt: new Date(c.documentedAt) }));
  const of = (caseId: string): CaseHistory => {
    let h = out.get(caseId);
    if (!h) out.set(caseId, (h = { parties: [], events: [], consents: [] }));
    return h;
  };
  for (const { caseId, ...p } of partyRows) of(caseId).parties.push(p);
  const roles = new Map<string, Map<string, PartyRole>>();
  const roleOf = (caseId: string, unitId: string): PartyRole | undefined => {
    let m = roles.get(caseId);
    if (!m) roles.set(caseId, (m = new Map((out.get(caseId)?.parties ?? []).map((p) => [p.unitId, p.role]))));
    return m.get(unitId);
  };
  for (const m of messageRows) {
    of(m.caseId).events.push({
      id: m.id,
      kind: m.kind,
      occurredAt: m.occurredAt,
      senderUnitId: m.senderUnitId,
      senderRole: roleOf(m.caseId, m.senderUnitId) ?? "avdelning",
      recipientUnitIds: m.recipients,
      // Parsed per kind; a historic payload that no longer parses is still shown (see readStoredPayload).
      payload: readStoredPayload(m.kind, m.payload),
      correctsMessageId: m.correctsMessageId,
    });
  }
  for (const c of consentRows) {
    of(c.caseId).consents.push({
      kind: c.kind,
      given: c.given,
      documentedAt: c.documentedAt,
      documentedByUnitId: c.documentedByUnitId,
      source: c.source,
      unable: c.unable,
      representative: c.representativeKind && c.representativeName ? { kind: c.representativeKind, name: c.representativeName } : null,
      note: c.note,
    });
  }
  return out;
}

/**
 * Recomputes what the case's stage is, its payment days (services/payment/store.ts) and what each
 * party has due next, and stores them for the worklists and the invoice basis. Runs in the same
 * transaction as every write to the case.
 */
export async function refreshCaseDerived(db: DbOrTx, caseId: string, now = new Date()): Promise<LoadedCase> {
  const loaded = await loadCaseFacts(db, caseId);
  const state = deriveCaseState(loaded.facts);
  const open = state.stage !== "avslutad";
  await db
    .update(schema.coordinationCases)
    .set({
      stage: state.stage,
      estimatedDischargeDate: state.estimatedDischargeDate ?? null,
      readyForDischargeAt: state.readyForDischargeAt ?? null,
      dischargedAt: state.dischargedAt ?? null,
      closedAt: state.closedAt ?? null,
      closeReason: state.closeReason ?? null,
      updatedAt: now,
    })
    .where(eq(schema.coordinationCases.id, caseId));
  // The kommun's "meddela kommunklar" is due when payment responsibility starts under the case's agreement.
  const payment = await storeCasePayment(db, loaded, now);
  const paymentLiabilityFrom = payment ? payment.payment.liabilityFrom : null;
  const unacked = await db
    .select({ unitId: schema.messageRecipients.unitId, messageId: schema.messageRecipients.messageId })
    .from(schema.messageRecipients)
    .innerJoin(schema.messages, eq(schema.messages.id, schema.messageRecipients.messageId))
    .where(and(eq(schema.messages.caseId, caseId), isNull(schema.messageRecipients.acknowledgedAt)));
  const listed = await worklistColumns(db, loaded, state);
  for (const party of loaded.parties) {
    const active = open && !party.removedAt;
    const mine = unacked.filter((u) => u.unitId === party.unitId).map((u) => u.messageId);
    const steps = active ? dueSteps(loaded.facts, party.role, now, { unitId: party.unitId, unacknowledgedMessageIds: mine, paymentLiabilityFrom }) : [];
    const due = summariseDue(steps);
    await db
      .update(schema.caseParties)
      .set({
        nextDueAt: due.sortAt,
        nextDueStep: due.sortStep,
        caseOpen: active,
        dueSteps: due.steps,
        legalDueAt: due.legalDueAt,
        unacknowledged: active ? mine.length : 0,
        ...listed,
      })
      .where(eq(schema.caseParties.id, party.id));
  }
  // The follow-up reports' row of the stay, from the same messages.
  await refreshCaseReportFacts(db, { ...loaded, row: { ...loaded.row, dischargedAt: state.dischargedAt ?? null } }, now);
  return loaded;
}

/** The case's sortable worklist columns, the same on every party row of the case. */
async function worklistColumns(db: DbOrTx, loaded: LoadedCase, state: DerivedCaseState): Promise<CaseListColumns> {
  const res = await db.execute<{ municipality_code: string | null; municipality_name: string | null; contact_name: string | null }>(sql`
    select p.municipality_code, k.name as municipality_name,
           (select s.given_name || ' ' || s.family_name from staff s where s.id = ${caseContactStaffId(loaded, state)}::uuid) as contact_name
    from patients p left join organisations k on k.kind = 'kommun' and k.municipality_code = p.municipality_code
    where p.id = ${loaded.row.patientId}`);
  const r = res.rows[0];
  return caseListColumns(loaded.row.admittedAt, state, {
    municipalityCode: r?.municipality_code ?? null,
    municipalityName: r?.municipality_name ?? null,
    fixedCareContactName: r?.contact_name ?? null,
  });
}

/** The fast vårdkontakt named for the case: the öppenvård party's latest answer, else the stored one. */
export function caseContactStaffId(loaded: LoadedCase, state: DerivedCaseState): string | null {
  const named = state.parties.find((p) => p.active && p.fixedCareContactStaffId)?.fixedCareContactStaffId;
  return named ?? loaded.parties.find((p) => !p.removedAt && p.fixedCareContactStaffId)?.fixedCareContactStaffId ?? null;
}
