import { daysSinceReady, fixedCareContactDue, informationDue, sipCallDue } from "../clock/losus";
import { deriveCaseState, REGION_OUTPATIENT_ROLES } from "../case/state";
import { stockholmCalendarDaysBetween, stockholmDate } from "../time/stockholm";
import type { CaseFacts } from "../case/types";

/**
 * What the follow-up reports count about one stay, derived from the case's messages with the same
 * rules as the case page (deriveCaseState and the LOSUS clocks), so a report and a worklist never
 * judge a deadline differently. The API stores one row of these per case (case_report_facts),
 * recomputed with every write to the case, and the reports aggregate those rows in the database.
 *
 * A stay is counted in the month (Stockholm) it ended with a discharge; an open stay, or one closed
 * without a discharge (died, transferred, voided), has `dischargeMonth` null and is not counted.
 */
export interface CaseReportMeasures {
  /** "YYYY-MM" (Stockholm) of the discharge; null = not discharged. */
  dischargeMonth: string | null;
  /** The inskrivningsmeddelande was sent within 24 hours of admission (LOSUS 4 kap. 1 §); false when never sent. */
  admissionNoticeOnTime: boolean;
  /** A region öppenvård party (vårdcentral, psychiatric outpatient care) takes part, so a fast vårdkontakt is due. */
  fixedCareContactDue: boolean;
  /** It named the fast vårdkontakt before the discharge; null when none was due. */
  fixedCareContactBeforeDischarge: boolean | null;
  /** A SIP is needed (a kommun-side and a region öppenvård party take part). */
  sipNeeded: boolean;
  /** A kallelse till SIP was sent during the stay. */
  sipCalled: boolean;
  /**
   * The first kallelse till SIP was sent by the end of the third calendar day after the notice
   * that the patient is ready for discharge; null when no SIP was needed or no ready notice exists.
   */
  sipCalledInTime: boolean | null;
  /** The utskrivningsmeddelande was sent by the end of the discharge day; null = not discharged. */
  informationOnTime: boolean | null;
  /** Calendar days (Stockholm) from the ready notice in force to the discharge, day 0 = the same day; null without a ready notice. */
  readyToDischargeDays: number | null;
  /** The stay began within 30 days of the discharge of the patient's previous stay. */
  readmittedWithin30Days: boolean;
}

/** "Återinskrivning inom 30 dagar": calendar days from the earlier discharge to the new admission. */
export const READMISSION_DAYS = 30;

export function caseReportMeasures(facts: CaseFacts, previousStay: { dischargedAt: Date | null } | null = null): CaseReportMeasures {
  const state = deriveCaseState(facts);
  const dischargedAt = state.dischargedAt;
  const discharged = dischargedAt !== null && state.closeReason !== "makulerad";

  const outpatient = state.parties.filter((p) => p.active && !p.rejectedAt && REGION_OUTPATIENT_ROLES.includes(p.role));
  const fixedCareContactDueFlag = outpatient.length > 0;
  const fixedCareContactBeforeDischarge = !fixedCareContactDueFlag
    ? null
    : outpatient.some(
        (p) =>
          p.fixedCareContactStaffId !== null &&
          p.answeredAt !== null &&
          (dischargedAt === null || p.answeredAt.getTime() <= fixedCareContactDue(dischargedAt).getTime()),
      );

  const end = dischargedAt ?? state.closedAt;
  const sipCalls = facts.events
    .filter((e) => e.kind === "kallelse_sip" && !e.correctsMessageId && (end === null || e.occurredAt.getTime() <= end.getTime()))
    .map((e) => e.occurredAt.getTime());
  const firstSipCall = sipCalls.length > 0 ? Math.min(...sipCalls) : null;
  const readyAt = state.readyForDischargeAt;
  const sipCalledInTime = !state.sipNeeded || readyAt === null ? null : firstSipCall !== null && firstSipCall <= sipCallDue(readyAt).getTime();

  const previousDischarge = previousStay?.dischargedAt ?? null;
  return {
    dischargeMonth: discharged ? stockholmDate(dischargedAt).slice(0, 7) : null,
    admissionNoticeOnTime: state.admissionNoticeAt !== null && state.admissionNoticeAt.getTime() <= state.admissionNoticeDueAt.getTime(),
    fixedCareContactDue: fixedCareContactDueFlag,
    fixedCareContactBeforeDischarge,
    sipNeeded: state.sipNeeded,
    sipCalled: firstSipCall !== null,
    sipCalledInTime,
    informationOnTime:
      dischargedAt === null ? null : state.dischargeNoticeAt !== null && state.dischargeNoticeAt.getTime() <= informationDue(dischargedAt).getTime(),
    readyToDischargeDays: readyAt !== null && dischargedAt !== null ? daysSinceReady(readyAt, dischargedAt) : null,
    readmittedWithin30Days:
      previousDischarge !== null &&
      previousDischarge.getTime() <= facts.admittedAt.getTime() &&
      stockholmCalendarDaysBetween(previousDischarge, facts.admittedAt) <= READMISSION_DAYS,
  };
}
