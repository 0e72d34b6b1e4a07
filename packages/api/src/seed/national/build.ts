import { IncrementalCaseState } from "@vardkedjan/domain/case/state";
import { sendEffects } from "@vardkedjan/domain/case/send-effects";
import { dueSteps, summariseDue } from "@vardkedjan/domain/case/due";
import { caseListColumns } from "../../services/case/list-columns";
import type { PartyRole } from "@vardkedjan/domain/case/types";
import { caseReportFactsRow } from "../../services/reports/case-facts";
import { casePaymentRows, computeForCase, type PaymentReference } from "../../services/payment/store";
import { caseContactStaffId, type LoadedCase } from "../../services/case/facts";
import { openingParties, replayPlannedSend } from "../history/load";
import type { PlanParty } from "../history/plan";
import type { NationalStay } from "./plan";
import type { ActingUnit, NationalRegion } from "./units";

/**
 * One national case's rows as the services leave them after its last event: createCase,
 * sendMessage and acknowledgeMessage (the case, parties, messages with recipients and
 * acknowledgements, consents; each message checked with checkSend, its effects from sendEffects),
 * then what refreshCaseDerived stores at that last write (the stage and dates on the case, each
 * party's next due step and case_open, the payment row and runs, the report row).
 *
 * As in the demo history's loader (seed/history/load.ts): a party's added_at and the ward's
 * visible_from are the admission time. No audit rows: these cases were never read or written by
 * anyone in this system, and the audit log's own benchmark loads its ten million rows.
 */

export interface CaseRows {
  case: Record<string, unknown>;
  parties: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  recipients: Record<string, unknown>[];
  consents: Record<string, unknown>[];
  facts: Record<string, unknown>;
  payment: Record<string, unknown> | null;
  periods: Record<string, unknown>[];
}

export interface BuildContext {
  region: NationalRegion;
  patientId: string;
  municipalityCode: string;
  reference: string;
  previous: { id: string; dischargedAt: Date | null } | null;
  organisationOfUnit: ReadonlyMap<string, string>;
  /** The kommun's name by municipality code, and staff names, as refreshCaseDerived looks them up for the worklist. */
  municipalityName: string | null;
  staffNames: ReadonlyMap<string, string | null>;
  payments: PaymentReference;
  /** Ids in insertion order (index-friendly), see ids.ts. */
  newId: () => string;
}

export function buildNationalCase(stay: NationalStay, ctx: BuildContext): { caseId: string; dischargedAt: Date | null; open: boolean; rows: CaseRows } {
  const hospital = ctx.region.hospitals[stay.hospitalIndex]!;
  const kommun = ctx.region.kommuner[stay.kommunIndex]!;
  const vc = stay.vcIndex === null ? null : ctx.region.vcs[stay.vcIndex]!;
  const ward = hospital.wards.find((w) => w.unitId === stay.wardUnitId)!;
  const who: Record<PlanParty, (ActingUnit & { role: PartyRole }) | null> = {
    ward: { unitId: ward.unitId, staffId: hospital.staffId, role: "avdelning" },
    kommun: { unitId: kommun.unitId, staffId: kommun.staffId, role: "kommun" },
    vc: vc ? { unitId: vc.unitId, staffId: vc.staffId, role: "vardcentral" } : null,
  };
  const caseId = ctx.newId();
  const { parties, facts } = openingParties([who.ward!, who.kommun!, ...(who.vc ? [who.vc] : [])], stay.admittedAt, ward.careType, {
    newId: ctx.newId,
    orgOfUnit: ctx.organisationOfUnit,
  });
  // The state after each send, folded on from the last one instead of from the admission.
  const derived = new IncrementalCaseState(facts);
  const messages: Record<string, unknown>[] = [];
  const recipients: { messageId: string; unitId: string; sentAt: number; acknowledgedAt: Date | null; acknowledgedByStaffId: string | null }[] = [];
  const consents: Record<string, unknown>[] = [];
  let last = stay.admittedAt;
  let n = 0;
  for (const step of stay.steps) {
    last = step.at;
    const party = who[step.by];
    if (!party) throw new Error(`${stay.key}: ${step.by} tar inte del i ärendet`);
    if (step.type === "ack") {
      for (const r of recipients)
        if (r.unitId === party.unitId && !r.acknowledgedAt && r.sentAt <= step.at.getTime()) {
          r.acknowledgedAt = step.at;
          r.acknowledgedByStaffId = party.staffId;
        }
      continue;
    }
    // A step the service would refuse is not sent (now and then the drawn timings put the planning
    // basis after a same-day discharge): the case goes on without it, as it would have. A send that
    // breaks the law's order needs the sender's confirmation and reason, as in the service; the plan
    // gives one with every discharge notice.
    const sent = replayPlannedSend(facts, derived.current(), party, step, {
      caseId,
      vcStaffId: who.vc?.staffId ?? null,
      newId: ctx.newId,
      idempotencyKey: () => `${stay.key}:${++n}`,
    });
    if (!sent.ok) continue;
    const { event, recipientUnitIds } = sent;
    const messageId = event.id;
    messages.push(sent.message);
    for (const unitId of recipientUnitIds) recipients.push({ messageId, unitId, sentAt: step.at.getTime(), acknowledgedAt: null, acknowledgedByStaffId: null });
    const effects = sendEffects(event, parties, step.at);
    for (const v of effects.partiesNowVisible) parties.find((p) => p.unitId === v.unitId)!.visibleFrom = v.visibleFrom;
    for (const c of effects.consents) {
      consents.push({
        id: ctx.newId(),
        caseId,
        kind: c.kind,
        given: c.given,
        source: c.source,
        documentedByStaffId: party.staffId,
        documentedByUnitId: c.documentedByUnitId,
        documentedAt: c.documentedAt,
        note: null,
      });
      facts.consents.push(c);
    }
    if (effects.fixedCareContact)
      parties.find((p) => p.unitId === effects.fixedCareContact!.unitId)!.fixedCareContactStaffId = effects.fixedCareContact.staffId;
    facts.events.push(event);
  }

  // What refreshCaseDerived stores at the last write (`now` = that write's time).
  const now = last;
  const state = derived.current();
  const open = state.stage !== "avslutad";
  const row = {
    id: caseId,
    reference: ctx.reference,
    patientId: ctx.patientId,
    regionId: ctx.region.regionId,
    hospitalUnitId: hospital.unitId,
    wardUnitId: ward.unitId,
    careType: ward.careType,
    lpt: false,
    lrv: false,
    admittedAt: stay.admittedAt,
    needAssessedAt: null,
    stage: state.stage,
    estimatedDischargeDate: state.estimatedDischargeDate ?? null,
    readyForDischargeAt: state.readyForDischargeAt ?? null,
    dischargedAt: state.dischargedAt ?? null,
    closedAt: state.closedAt ?? null,
    closeReason: state.closeReason ?? null,
    previousCaseId: ctx.previous?.id ?? null,
    provisional: false,
    version: 1 + messages.length,
    createdByStaffId: hospital.staffId,
    creationKey: stay.key,
    createdAt: stay.admittedAt,
    updatedAt: now,
  };
  // refreshCaseDerived reads the case as it was before the write it follows: its closed_at is the
  // stored one, set from the write after the closure on (the closure's own write still sees none).
  const lastStep = stay.steps.at(-1);
  const storedClosedAt = lastStep?.type === "send" && lastStep.kind === "avslut" ? null : (state.closedAt ?? null);
  const loaded: LoadedCase = { row: { ...row, closedAt: storedClosedAt } as LoadedCase["row"], facts: { ...facts, closedAt: storedClosedAt }, parties };
  // Payment (services/payment/store.ts: computeForCase, then writeCasePayment's rows).
  const result = computeForCase(loaded, ctx.municipalityCode, ctx.payments, now);
  let payment: Record<string, unknown> | null = null;
  const periods: Record<string, unknown>[] = [];
  if (result) {
    const rows = casePaymentRows(caseId, row.regionId, result, now);
    payment = { ...rows.payment, unmetPreconditions: rows.payment.unmetPreconditions ?? [] };
    for (const p of rows.periods) periods.push({ id: ctx.newId(), ...p });
  }
  const paymentLiabilityFrom = result ? result.payment.liabilityFrom : null;
  const contactStaffId = caseContactStaffId(loaded, state);
  const listed = caseListColumns(stay.admittedAt, state, {
    municipalityCode: ctx.municipalityCode,
    municipalityName: ctx.municipalityName,
    fixedCareContactName: contactStaffId ? (ctx.staffNames.get(contactStaffId) ?? null) : null,
  });
  const partyRows = parties.map((p) => {
    const active = open && !p.removedAt;
    const steps = active
      ? dueSteps(loaded.facts, p.role, now, {
          unitId: p.unitId,
          unacknowledgedMessageIds: recipients.filter((r) => r.unitId === p.unitId && !r.acknowledgedAt).map((r) => r.messageId),
          paymentLiabilityFrom,
        })
      : [];
    const due = summariseDue(steps);
    const unacknowledged = active ? recipients.filter((r) => r.unitId === p.unitId && !r.acknowledgedAt).length : 0;
    return {
      id: p.id,
      caseId,
      unitId: p.unitId,
      role: p.role,
      fixedCareContactStaffId: p.fixedCareContactStaffId,
      addedAt: stay.admittedAt,
      addedByStaffId: hospital.staffId,
      removedAt: null,
      nextDueAt: due.sortAt,
      nextDueStep: due.sortStep,
      caseOpen: active,
      visibleFrom: p.visibleFrom,
      dueSteps: due.steps,
      legalDueAt: due.legalDueAt,
      unacknowledged,
      ...listed,
    };
  });
  const factsRow = caseReportFactsRow(
    { ...loaded, row: { ...loaded.row, dischargedAt: state.dischargedAt ?? null } },
    ctx.organisationOfUnit,
    ctx.previous?.dischargedAt ?? null,
    now,
  );
  return {
    caseId,
    dischargedAt: state.dischargedAt ?? null,
    open,
    rows: {
      case: row,
      parties: partyRows,
      messages,
      recipients: recipients.map(({ sentAt: _s, ...r }) => r),
      consents,
      facts: factsRow,
      payment,
      periods,
    },
  };
}
