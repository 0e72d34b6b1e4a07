/**
 * The coordination case (samordningsärende) as the rules see it: plain data, no IO.
 * The messages of a case are its events; stage and clocks are derived from them.
 * The process (LOSUS, lag 2017:612) is described in ARCHITECTURE.md's glossary and the domain README.
 */

export const CASE_STAGES = ["inskriven", "planering", "utskrivningsklar", "utskriven", "avslutad"] as const;
/** inskriven: opened, no admission notice yet; planering: notice sent; utskrivningsklar: ready;
 * utskriven: discharge notice sent (coordination may go on); avslutad: closed. */
export type CaseStage = (typeof CASE_STAGES)[number];

/** The kinds of structured message; the PostgreSQL enum `message_kind` is built from this list. */
export const MESSAGE_KINDS = [
  "samtycke",
  "inskrivningsmeddelande",
  "andrat_utskrivningsdatum",
  "svar_pa_inskrivning",
  "avvisning",
  "planeringsunderlag",
  "meddela_beslut",
  "uppdrag_hemsjukvard",
  "egenvardsbedomning",
  "kallelse_sip",
  "sip_plan",
  "utskrivningsklar",
  "ej_utskrivningsklar",
  "kommunklar",
  "utskrivningsdatum",
  "utskrivningsmeddelande",
  "generellt",
  "avslut",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A unit's capacity in a case; the enum `case_party_role` is built from this list. */
export const PARTY_ROLES = ["avdelning", "kommun", "vardcentral", "psykiatrisk_oppenvard", "hemsjukvard", "hemtjanst"] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const CONSENT_KINDS = ["informationsoverforing_kommun", "informationsoverforing_vardcentral", "npo", "sip"] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CLOSE_REASONS = ["utskriven_klar", "avliden", "overflyttad", "makulerad"] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Vårdform of the admission: the psychiatric one may come with LPT or LRV. */
export const CARE_TYPES = ["somatisk", "psykiatrisk"] as const;
export type CareType = (typeof CARE_TYPES)[number];

/** Who stands behind a consent record: the patient (at the ward), the kommun stating one it already holds, or a phone call during an outage. */
export const CONSENT_SOURCES = ["patient", "befintligt", "telefon"] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

export interface CaseParty {
  unitId: string;
  role: PartyRole;
  removedAt?: Date | null;
  /** The unit's organisation (for a kommun-side party: the kommun), when known. */
  organisationId?: string | null;
}

/** One sent message as an event of the case (immutable). */
export interface CaseEvent {
  id: string;
  kind: MessageKind;
  /** When it happened (for after-registration: the original time). */
  occurredAt: Date;
  senderUnitId: string;
  senderRole: PartyRole;
  recipientUnitIds: string[];
  /** Validated payload of the kind (see the payload schemas). */
  payload: Record<string, unknown>;
  correctsMessageId?: string | null;
}

/**
 * Who answered for a patient who cannot take a position: a god man or förvaltare (föräldrabalken
 * 11 kap.), or a närstående with the patient's own mandate (fullmakt). Not a consent kind of its
 * own: it says who stands behind a recorded decision.
 */
export const CONSENT_REPRESENTATIVE_KINDS = ["god_man", "forvaltare", "narstaende"] as const;
export type ConsentRepresentativeKind = (typeof CONSENT_REPRESENTATIVE_KINDS)[number];
export interface ConsentRepresentative {
  kind: ConsentRepresentativeKind;
  name: string;
}

export interface ConsentRecord {
  kind: ConsentKind;
  /** Given. False for a refusal and for "kan inte ta ställning" (`unable`). */
  given: boolean;
  documentedAt: Date;
  documentedByUnitId: string;
  source: ConsentSource;
  /** "Kan inte ta ställning": the patient cannot decide, and nobody has answered for them. */
  unable?: boolean;
  /** The decision was made by a representative on the patient's behalf. */
  representative?: ConsentRepresentative | null;
  /** The ward's comment on the consent (how the patient was informed, limits), if any. */
  note?: string | null;
}

/** What the rules need to know about a case. */
export interface CaseFacts {
  admittedAt: Date;
  /** When the need for help after discharge was found, if later than admission. */
  needAssessedAt?: Date | null;
  careType: CareType;
  lpt: boolean;
  lrv: boolean;
  parties: CaseParty[];
  events: CaseEvent[];
  consents: ConsentRecord[];
  closedAt?: Date | null;
}
