import type { ConsentKind, MessageKind, PartyRole } from "../case/types";

/**
 * Outage mode (driftstörning): the contract. An outage is declared per region, for the
 * whole region or some units; during it every contact goes by phone and is logged on the digital
 * outage form of the Västernorrland routine (Region Västernorrland, "Avbrottsrutin"); when it ends each unit gets
 * its after-registration list (efterregistrering). Plain data, no IO.
 */

/** What is down; the PostgreSQL enum `outage_system` is built from this list. */
export const OUTAGE_SYSTEMS = ["journalsystem", "samordning", "vardkedjan_planerat", "inloggning", "integration"] as const;
export type OutageSystem = (typeof OUTAGE_SYSTEMS)[number];

/** What is down, as the administrator chooses it, the banner and the report show it and the e-mail to the kommuner names it. */
export const OUTAGE_SYSTEM_LABELS: Record<OutageSystem, string> = {
  journalsystem: "Journalsystemet",
  samordning: "Samordningen (arbetsytan i Vårdkedjan)",
  vardkedjan_planerat: "Vårdkedjan – planerat underhåll",
  inloggning: "Inloggning (SITHS)",
  integration: "Integration med annat system",
};

/** foreslagen: proposed by a failing health check, for an administrator to confirm; pagaende: going on. */
export const OUTAGE_STATUSES = ["foreslagen", "pagaende", "avslutad", "avvisad"] as const;
export type OutageStatus = (typeof OUTAGE_STATUSES)[number];

export const OUTAGE_STATUS_LABELS: Record<OutageStatus, string> = {
  foreslagen: "Föreslagen",
  pagaende: "Pågår",
  avslutad: "Avslutad",
  avvisad: "Avvisad",
};

/** How far an outage reaches: the whole region (with its kommuner and providers) or chosen units. */
export const OUTAGE_SCOPE_KINDS = ["region", "units"] as const;
export type OutageScopeKind = (typeof OUTAGE_SCOPE_KINDS)[number];

/** "region": every unit of the region and of the kommuner (and private providers) belonging to it. */
export type OutageScope = { kind: "region" } | { kind: "units"; unitIds: string[] };

export interface OutageWindow {
  id: string;
  /** The region's organisation id. */
  regionId: string;
  scope: OutageScope;
  system: OutageSystem;
  startedAt: Date;
  /** null while it goes on. */
  endedAt: Date | null;
}

/**
 * The steps a phone contact can carry: the rows of the Västernorrland routine's outage form (slutenvården's list
 * "Inskrivning, Beräknat utskrivningsdatum, Planeringsunderlag, Faktiskt utskrivningsdatum,
 * Utskrivningsmeddelande") plus ready-for-discharge, consent handed over (Region Sörmland, Reservrutin Link) and the SIP
 * date (Region Västernorrland, Avbrottsrutin Lifecare SP, "Kallelse till SIP under driftstopp"), in process order. Stored in
 * `phone_contacts.steps`.
 */
export const PHONE_STEPS = [
  "inskrivning",
  "beraknat_utskrivningsdatum",
  "planeringsunderlag",
  "utskrivningsklar",
  "faktiskt_utskrivningsdatum",
  "utskrivningsmeddelande",
  "samtycke",
  "sip_datum",
] as const;
export type PhoneStep = (typeof PHONE_STEPS)[number];

/** As printed on the outage form (packages/documents uses the same words). */
export const PHONE_STEP_LABELS: Record<PhoneStep, string> = {
  inskrivning: "Inskrivning",
  beraknat_utskrivningsdatum: "Beräknat utskrivningsdatum",
  planeringsunderlag: "Planeringsunderlag",
  utskrivningsklar: "Utskrivningsklar",
  faktiskt_utskrivningsdatum: "Faktiskt utskrivningsdatum",
  utskrivningsmeddelande: "Utskrivningsmeddelande",
  samtycke: "Samtycke överlämnat",
  sip_datum: "SIP-datum",
};

/** The message kind a phone step stands in for (null: no message of its own). */
export const PHONE_STEP_MESSAGE_KIND: Record<PhoneStep, MessageKind | null> = {
  inskrivning: "inskrivningsmeddelande",
  beraknat_utskrivningsdatum: "andrat_utskrivningsdatum",
  planeringsunderlag: "planeringsunderlag",
  utskrivningsklar: "utskrivningsklar",
  faktiskt_utskrivningsdatum: "utskrivningsdatum",
  utskrivningsmeddelande: "utskrivningsmeddelande",
  samtycke: "samtycke",
  sip_datum: "kallelse_sip",
};

export const PHONE_DIRECTIONS = ["lamnat", "mottaget"] as const;
/** lamnat: the logging unit gave the information; mottaget: it received it. */
export type PhoneDirection = (typeof PHONE_DIRECTIONS)[number];
export const PHONE_DIRECTION_LABELS: Record<PhoneDirection, string> = { lamnat: "Lämnat", mottaget: "Mottaget" };

/** Who was on the other end: a unit (the usual case) or the patient (the follow-up calls of the Sörmland routine). */
export const COUNTERPART_KINDS = ["enhet", "patient"] as const;
export type CounterpartKind = (typeof COUNTERPART_KINDS)[number];

export interface PhoneConsentDetail {
  kind: ConsentKind;
  given: boolean;
}

/** What the call carried, in the form's structured fields (ISO strings, as stored in jsonb). */
export interface PhoneContactDetails {
  /** "YYYY-MM-DD", with the step beraknat_utskrivningsdatum. */
  estimatedDischargeDate?: string;
  /** ISO instant of going home, with faktiskt_utskrivningsdatum (or utskrivningsmeddelande). */
  dischargeAt?: string;
  /** ISO instant of the SIP meeting agreed, with sip_datum. */
  sipAt?: string;
  /** With samtycke: the consents handed over (or, received, the ones the kommun already holds). */
  consents?: PhoneConsentDetail[];
  /** ISO instant of the physician's decision, with utskrivningsklar (not after-registered, kept for the record). */
  readyDecidedAt?: string;
}

/** One row of the digital outage form ("Logga telefonkontakt"). */
export interface PhoneContactEntry {
  id: string;
  outageId: string | null;
  /** null: the patient had no case when the call was logged (a provisional case may come later). */
  caseId: string | null;
  patientId: string;
  /** The logging unit. */
  unitId: string;
  occurredAt: Date;
  counterpartKind?: CounterpartKind;
  counterpartName: string;
  counterpartUnitId: string | null;
  counterpartUnitText: string | null;
  steps: PhoneStep[];
  direction: PhoneDirection;
  comment: string | null;
  /**
   * The receiving unit confirmed that it got the information (Region Västernorrland, Avbrottsrutin Lifecare SP: "Utskrivning från
   * sjukhus får inte ske utan att det är säkerställt att mottagande enhet har tagit emot
   * informationen"). Meaningful with "lamnat"; a "mottaget" entry is itself the receiver's
   * confirmation, and the form stores true for it.
   */
  receiverConfirmed: boolean;
  details?: PhoneContactDetails;
  signedByStaffId?: string;
}

/** One entry of "Kontaktlista driftstörning": per organisation, optionally per unit. */
export interface ContactEntry {
  organisationId: string;
  /** null: the organisation's own entry (e.g. the kommun's switchboard, "biståndshandläggare via växeln"). */
  unitId: string | null;
  /** e.g. "Utskrivningsledare", "Biståndshandläggare via växeln", "Waranteamet". */
  function: string;
  phones: string[];
  /** Free text as in the routines, e.g. "vardagar 07.30–16.15", "dygnet runt". */
  openingHours: string | null;
  mailbox: string | null;
  postalAddress: string | null;
}

/** The party roles whose unit receives what the ward sends (and confirms receipt in an outage). */
export type ReceivingRole = Exclude<PartyRole, "avdelning">;
