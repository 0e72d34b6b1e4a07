import type { CareType } from "../case/types";

/**
 * What the payment engine needs to know about one stay, as plain data. Every time is the time the
 * event HAPPENED (for a message registered after an outage: its original time, the message's
 * occurredAt, never when it was typed in). from-case.ts builds it from a case's messages.
 *
 * One stay is one case: a readmission opens a new case (coordination_cases.previous_case_id links
 * them), with its own admission notice and ready notice, and is computed on its own.
 */

export interface ReadyNoticeFact {
  /** When the ward SENT the notice that the patient is ready for discharge. */
  sentAt: Date;
  /** Whether the paying kommun was among its recipients. */
  toMunicipality: boolean;
  /** When it was withdrawn ("inte längre utskrivningsklar"); null = still in force. */
  withdrawnAt: Date | null;
}

export interface PaymentCaseInput {
  /** Carried through to the result, for the invoice basis. */
  caseId: string;
  admittedAt: Date;
  careType: CareType;
  lpt: boolean;
  lrv: boolean;
  /** When the paying kommun first received an inskrivningsmeddelande; null = never. */
  admissionNoticeToMunicipalityAt: Date | null;
  /** In the order they were sent; a notice is withdrawn before the next is sent. */
  readyNotices: ReadyNoticeFact[];
  /** Whether a SIP is needed (a kommun-side and a region öppenvård party take part), and the first kallelse. */
  sip: { needed: boolean; calledAt: Date | null };
  /** When the stay ended (discharge; a death or a transfer closes the case too); null = still in hospital. */
  endedAt: Date | null;
}
