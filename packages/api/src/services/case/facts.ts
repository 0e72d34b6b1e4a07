import { schema, and, asc, eq, isNull, sql, type DbOrTx, type SQL } from "@vardkedjan/db/client";
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
    for (const row of rows) {
      const { parties, events, consents } = histories.get(row.id) ?? { parties: [], events: [], consents: [] };
      out.push({
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
      });
    }
  }
  return out;
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
  const out = new Map<string, CaseHistory>();
  if (caseIds.length === 0) return out;
  const partyRows = await db
    .select({
      caseId: schema.caseParties.caseId,
      id: schema.caseParties.id,
      unitId: schema.caseParties.unitId,
      role: schema.caseParties.role,
      removedAt: schema.caseParties.removedAt,
      fixedCareContactStaffId: schema.caseParties.fixedCareContactStaffId,
      visibleFrom: schema.caseParties.visibleFrom,
      organisationId: schema.units.organisationId,
    })
    .from(schema.caseParties)
    .innerJoin(schema.units, eq(schema.units.id, schema.caseParties.unitId))
    .where(anyId(schema.caseParties.caseId, caseIds));
  const messageRows = await db
    .select({
      caseId: schema.messages.caseId,
      id: schema.messages.id,
      kind: schema.messages.kind,
      occurredAt: schema.messages.occurredAt,
      senderUnitId: schema.messages.senderUnitId,
      payload: schema.messages.payload,
      correctsMessageId: schema.messages.correctsMessageId,
      recipients: sql<string[]>`coalesce((select array_agg(r.unit_id::text) from message_recipients r where r.message_id = ${schema.messages.id}), '{}')`,
    })
    .from(schema.messages)
    .where(anyId(schema.messages.caseId, caseIds))
    .orderBy(asc(schema.messages.occurredAt), asc(schema.messages.registeredAt));
  const consentRows = await db.select().from(schema.consents).where(anyId(schema.consents.caseId, caseIds)).orderBy(asc(schema.consents.documentedAt));
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
