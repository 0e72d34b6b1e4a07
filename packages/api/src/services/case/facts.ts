import { schema, and, asc, eq, inArray, isNull, sql, type DbOrTx } from "@vardkedjan/db/client";
import type { CaseEvent, CaseFacts, ConsentRecord, PartyRole } from "@vardkedjan/domain/case/types";
import { dueSteps } from "@vardkedjan/domain/case/due";
import { deriveCaseState } from "@vardkedjan/domain/case/state";
import { readStoredPayload } from "@vardkedjan/domain/case/stored-payload";
import { storeCasePayment } from "../payment/store";
import { refreshCaseReportFacts } from "../reports/case-facts";

export interface LoadedCase {
  row: typeof schema.coordinationCases.$inferSelect;
  facts: CaseFacts;
  parties: { id: string; unitId: string; role: PartyRole; removedAt: Date | null; fixedCareContactStaffId: string | null; visibleFrom: Date | null }[];
}

/** Everything the domain rules need about one case, from its rows and its messages. */
export async function loadCaseFacts(db: DbOrTx, caseId: string): Promise<LoadedCase> {
  const [loaded] = await loadManyCaseFacts(db, [caseId]);
  if (!loaded) throw new Error(`case ${caseId} missing`);
  return loaded;
}

/**
 * The same for many cases in four queries, whatever their number (ending an outage over thousands
 * of cases must not make a round trip per case).
 */
export async function loadManyCaseFacts(db: DbOrTx, caseIds: string[]): Promise<LoadedCase[]> {
  if (caseIds.length === 0) return [];
  const out: LoadedCase[] = [];
  for (let i = 0; i < caseIds.length; i += 5000) {
    const ids = caseIds.slice(i, i + 5000);
    const rows = await db.select().from(schema.coordinationCases).where(inArray(schema.coordinationCases.id, ids));
    const partyRows = await db
      .select({
        caseId: schema.caseParties.caseId,
        id: schema.caseParties.id,
        unitId: schema.caseParties.unitId,
        role: schema.caseParties.role,
        removedAt: schema.caseParties.removedAt,
        fixedCareContactStaffId: schema.caseParties.fixedCareContactStaffId,
        visibleFrom: schema.caseParties.visibleFrom,
      })
      .from(schema.caseParties)
      .where(inArray(schema.caseParties.caseId, ids));
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
      .where(inArray(schema.messages.caseId, ids))
      .orderBy(asc(schema.messages.occurredAt), asc(schema.messages.registeredAt));
    const consentRows = await db.select().from(schema.consents).where(inArray(schema.consents.caseId, ids)).orderBy(asc(schema.consents.documentedAt));
    const group = <T extends { caseId: string }>(list: T[]) => {
      const m = new Map<string, T[]>();
      for (const x of list) (m.get(x.caseId) ?? m.set(x.caseId, []).get(x.caseId)!).push(x);
      return m;
    };
    const partiesBy = group(partyRows);
    const messagesBy = group(messageRows);
    const consentsBy = group(consentRows);
    for (const row of rows) {
      const parties = (partiesBy.get(row.id) ?? []).map(({ caseId: _c, ...p }) => p);
      const roleOf = new Map(parties.map((p) => [p.unitId, p.role]));
      const events: CaseEvent[] = (messagesBy.get(row.id) ?? []).map((m) => ({
        id: m.id,
        kind: m.kind,
        occurredAt: m.occurredAt,
        senderUnitId: m.senderUnitId,
        senderRole: roleOf.get(m.senderUnitId) ?? "avdelning",
        recipientUnitIds: m.recipients,
        // Parsed per kind; a historic payload that no longer parses is still shown (see readStoredPayload).
        payload: readStoredPayload(m.kind, m.payload),
        correctsMessageId: m.correctsMessageId,
      }));
      const consents: ConsentRecord[] = (consentsBy.get(row.id) ?? []).map((c) => ({
        kind: c.kind,
        given: c.given,
        documentedAt: c.documentedAt,
        documentedByUnitId: c.documentedByUnitId,
        source: c.source,
      }));
      out.push({
        row,
        parties,
        facts: {
          admittedAt: row.admittedAt,
          needAssessedAt: row.needAssessedAt,
          careType: row.careType,
          lpt: row.lpt,
          lrv: row.lrv,
          parties: parties.map((p) => ({ unitId: p.unitId, role: p.role, removedAt: p.removedAt })),
          events,
          consents,
          closedAt: row.closedAt,
        },
      });
    }
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
  for (const party of loaded.parties) {
    const active = open && !party.removedAt;
    const steps = active
      ? dueSteps(loaded.facts, party.role, now, {
          unitId: party.unitId,
          unacknowledgedMessageIds: unacked.filter((u) => u.unitId === party.unitId).map((u) => u.messageId),
          paymentLiabilityFrom,
        })
      : [];
    // The earliest dated step first; an undated one only when nothing is dated.
    const next = steps.filter((s) => s.dueAt).sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime())[0] ?? steps[0];
    await db
      .update(schema.caseParties)
      .set({ nextDueAt: next?.dueAt ?? null, nextDueStep: next?.step ?? null, caseOpen: active })
      .where(eq(schema.caseParties.id, party.id));
  }
  // The follow-up reports' row of the stay, from the same messages.
  await refreshCaseReportFacts(db, { ...loaded, row: { ...loaded.row, dischargedAt: state.dischargedAt ?? null } }, now);
  return loaded;
}
