import { deriveCaseState, KOMMUN_SIDE_ROLES } from "../case/state";
import type { CaseFacts } from "../case/types";
import type { PaymentCaseInput } from "./input";

/**
 * The payment engine's input from a case as the rules see it (its messages, CaseFacts), through
 * the same derivation as the case page (deriveCaseState), so the engine and the page never read
 * the history differently.
 *
 * Times: a message's occurredAt, which for a message registered after an outage is the ORIGINAL
 * time (messages.occurred_at; registered_at, the typing time, never reaches the rules). Messages
 * are read in occurredAt order whatever order they were registered in. A correction changes a
 * message's values, never its time.
 *
 * `municipalityUnitIds`: the paying kommun's units in the case (the patient's folkbokförings-
 * kommun; the service knows the organisation tree). Omitted: every kommun-side party.
 */
export function paymentInputFromCase(caseId: string, facts: CaseFacts, municipalityUnitIds?: readonly string[]): PaymentCaseInput {
  const state = deriveCaseState(facts);
  const isMunicipal = municipalityUnitIds
    ? (unitId: string) => municipalityUnitIds.includes(unitId)
    : (unitId: string) => facts.parties.some((p) => p.unitId === unitId && KOMMUN_SIDE_ROLES.includes(p.role));

  let admissionNoticeAt: Date | null = null;
  for (const party of state.parties) {
    if (!isMunicipal(party.unitId) || !party.admissionNoticeAt) continue;
    if (!admissionNoticeAt || party.admissionNoticeAt.getTime() < admissionNoticeAt.getTime()) admissionNoticeAt = party.admissionNoticeAt;
  }

  // The ready notices that reached the kommun, by their send time (the originals, not corrections).
  const readyToMunicipality = new Set<number>();
  let sipCalledAt: Date | null = null;
  for (const e of facts.events) {
    if (e.correctsMessageId) continue;
    if (e.kind === "utskrivningsklar" && e.recipientUnitIds.some(isMunicipal)) readyToMunicipality.add(e.occurredAt.getTime());
    if (e.kind === "kallelse_sip" && (!sipCalledAt || e.occurredAt.getTime() < sipCalledAt.getTime())) sipCalledAt = e.occurredAt;
  }

  // A voided case (makulerad: opened in error) has no stay to pay for.
  const voided = state.closeReason === "makulerad";
  return {
    caseId,
    admittedAt: facts.admittedAt,
    careType: facts.careType,
    lpt: facts.lpt,
    lrv: facts.lrv,
    admissionNoticeToMunicipalityAt: admissionNoticeAt,
    readyNotices: voided
      ? []
      : state.readyHistory.map((r) => ({
          sentAt: r.at,
          toMunicipality: readyToMunicipality.has(r.at.getTime()),
          withdrawnAt: r.withdrawnAt ?? null,
        })),
    sip: { needed: state.sipNeeded, calledAt: sipCalledAt },
    endedAt: state.dischargedAt ?? state.closedAt,
  };
}
