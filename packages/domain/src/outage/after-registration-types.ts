import type { CaseEvent, CaseParty, ConsentRecord, MessageKind } from "../case/types";
import type { SummaryRecipientGroup } from "./summary-recipients";
import type { DuplicateReference } from "./after-registration-duplicates";
import type { RoutineProfile } from "./routine-profile";
import type { ScopeUnit } from "./scope";
import type { OutageWindow, PhoneConsentDetail, PhoneContactEntry } from "./types";

/** The contract of efterregistrering (see after-registration.ts). */

export const AFTER_REGISTRATION_KINDS = [
  "register_admission",
  "register_discharge",
  "register_planning_basis",
  "formal_sip_call",
  "confirm_fixed_care_contact",
  "summary_message",
  "acknowledge",
] as const;
export type AfterRegistrationKind = (typeof AFTER_REGISTRATION_KINDS)[number];

/** What an item asks of the unit, as its list shows it ("Typ"). */
export const AFTER_REGISTRATION_KIND_LABELS: Record<AfterRegistrationKind, string> = {
  register_admission: "Registrera inskrivning",
  register_discharge: "Registrera utskrivning",
  register_planning_basis: "Registrera planeringsunderlag",
  formal_sip_call: "Formell kallelse till SIP",
  confirm_fixed_care_contact: "Bekräfta fast vårdkontakt",
  summary_message: "Sammanfattning av samordning under driftstörning",
  acknowledge: "Kvittera meddelande",
};

/** An item's state on the list: to do, registered, or dismissed (a duplicate, or voided with its case). */
export const AFTER_REGISTRATION_STATUSES = ["att_gora", "klar", "makulerad"] as const;
export type AfterRegistrationStatus = (typeof AFTER_REGISTRATION_STATUSES)[number];

export interface AfterRegistrationCase {
  id: string;
  patientId: string;
  wardUnitId: string;
  parties?: readonly CaseParty[];
  admittedAt: Date;
  /** The case's discharge time; null when it was only phoned (then read from the phone log). */
  dischargedAt: Date | null;
  events: readonly CaseEvent[];
  /** Opened from a phone contact during an outage. */
  provisional: boolean;
  /** The case's consent records: what each recipient of a drafted text may read. */
  consents?: readonly ConsentRecord[];
}

export interface UnacknowledgedRecipient {
  messageId: string;
  unitId: string;
  caseId: string | null;
  patientId: string;
  /** When the message arrived (was sent). */
  occurredAt: Date;
  kind?: MessageKind;
}

export interface AfterRegistrationInput {
  /** The outage that ends (endedAt set). */
  outage: OutageWindow;
  /** The region's other outages (any state), for overlaps. */
  otherOutages?: readonly OutageWindow[];
  /** Every unit that appears (wards, logging units, recipients); an unlisted unit counts as not affected. */
  units: readonly ScopeUnit[];
  cases: readonly AfterRegistrationCase[];
  phoneLog: readonly PhoneContactEntry[];
  unacknowledged: readonly UnacknowledgedRecipient[];
  profile: RoutineProfile;
  /**
   * Messages that are themselves the registration of an after-registration item (its result): never
   * a possible duplicate of the phoned step they registered, so computing again lists nothing new.
   */
  registeredMessageIds?: readonly string[];
}

export interface AfterRegistrationItem {
  /** Stable and deterministic: the same input gives the same keys. */
  key: string;
  unitId: string;
  caseId: string | null;
  patientId: string;
  kind: AfterRegistrationKind;
  messageKind?: MessageKind;
  /** The original time of the event: store it as the message's time (the payment clock reads it). */
  eventAt: Date;
  title: string;
  /** The message form's payload, as far as known. */
  prefill?: Record<string, unknown>;
  /** Free text beside the payload: what was said by phone, as far as every reader of the message may see it. */
  freeText?: string;
  /** What was said by phone that not every reader may see: shown to the author only, never sent. */
  privateNotes?: string;
  /** Consents handed over by phone, to register as a samtycke message (source "telefon") with the admission. */
  consents?: PhoneConsentDetail[];
  /** Swedish hints for the user. */
  notes: string[];
  sourcePhoneContactIds: string[];
  /** For acknowledge. */
  messageId?: string;
  /** A message of the same kind already in the case, close in time: the user confirms or dismisses the item. */
  possibleDuplicate?: DuplicateReference;
  /** From when a message of the same kind counts as a possible duplicate (checked again at registration). */
  duplicateCheckFrom?: Date;
  /** For summary_message: one message per group of recipients who may read the same. */
  recipientGroups?: SummaryRecipientGroup[];
}
