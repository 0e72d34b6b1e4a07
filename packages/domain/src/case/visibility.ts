import type { Role } from "../identity/types";
import { consentGiven, consentState, currentConsent, infoTransferConsentFor, type ConsentState } from "./consent";
import { CONSENT_KIND_LABELS } from "./labels";
import {
  CONSENT_KINDS,
  type CaseEvent,
  type ConsentKind,
  type ConsentRecord,
  type ConsentRepresentative,
  type ConsentSource,
  type MessageKind,
  type PartyRole,
} from "./types";

/**
 * What a viewer may see of a case (LOSUS and the secrecy rules of OSL 25 kap.:
 * consent decides what may be shared). Which CASES a unit sees (only those it is a party to; utskrivningsledare their
 * hospital) is the API's unit scope; this module decides what it sees INSIDE a case.
 *
 * - The ward (party role "avdelning", or the hospital view "sjukhus") always sees everything.
 * - A kommun-side party (kommun, hemsjukvård, hemtjänst) needs consent to information transfer
 *   to the kommun; a region öppenvård party (vårdcentral, psykiatrisk öppenvård) consent to
 *   transfer to the vårdcentral. Without it the level is "basic": what N6/N7 lets the admission
 *   notice carry without consent (name, personnummer, address, estimated discharge date: the
 *   patient header, shown by the API) plus the notices the law requires regardless of consent.
 * - N25 (LPT/LRV: secrecy does not hinder disclosure when needed for the care) is NOT automated:
 *   it needs a judgement per case, so consent decides here too.
 * - Hemtjänst sees only messages addressed to its own unit, and never NPÖ-linked content
 *   (record-derived planning content), whatever the consent.
 * - A patient who cannot take a position ("kan inte ta ställning") has not consented, so each
 *   receiving party sees the basic level, as without consent: the admission notice may be sent
 *   without consent (LOSUS 3 kap.; Socialstyrelsen, juridiskt stöd "SIP vid utskrivning"), and
 *   anything more is a disclosure the ward judges case by case under the secrecy rules
 *   (offentlighets- och sekretesslagen 25 kap. 1 §), by phone or a general message — a judgement
 *   this module does not automate, like the LPT/LRV provision above. When a representative whose
 *   mandate covers it (god man, förvaltare, närstående with the patient's fullmakt) has consented
 *   for the patient, that consent counts, and the party sees what consent allows. NPÖ is never
 *   consented by a representative (consent.ts, representativeMayDecide).
 */

export type VisibilityLevel = "full" | "basic";

export interface Viewer {
  partyRole: PartyRole | "sjukhus";
  /** The person's role; absent when asking what a party in its capacity may see (live events). */
  role?: Role;
}

export interface CaseVisibility {
  level: VisibilityLevel;
  /** The consents relevant to this viewer that are not given (refused or never documented). */
  missingConsent: ConsentKind[];
  /** Swedish, for a banner, when the viewer sees less because consent is missing. */
  message?: string;
}

/** Planning and record-derived (NPÖ-linked) content: never shown to hemtjänst. */
export const NPO_LINKED_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>([
  "planeringsunderlag",
  "meddela_beslut",
  "sip_plan",
  "egenvardsbedomning",
  "uppdrag_hemsjukvard",
]);

/** Record-derived fields of otherwise visible kinds, stripped for hemtjänst. */
export const NPO_LINKED_FIELDS: Partial<Record<MessageKind, readonly string[]>> = {
  utskrivningsmeddelande: ["medicationList", "medications", "noMedications", "dischargePlan"],
  ej_utskrivningsklar: ["reason"],
};

/**
 * Basic visibility: the kinds a viewer without consent sees (when addressed to its unit) and the
 * fields of each. The admission notice's N6 data, date changes, the ready notice and its
 * withdrawal (without the reason), the discharge date and stay address, consent status, closure,
 * and general messages.
 */
export const BASIC_FIELDS: Partial<Record<MessageKind, readonly string[]>> = {
  inskrivningsmeddelande: ["estimatedDischargeDate"],
  andrat_utskrivningsdatum: ["estimatedDischargeDate"],
  utskrivningsklar: ["decidedAt", "decidedBy"],
  ej_utskrivningsklar: [],
  utskrivningsdatum: ["dischargeAt", "transportBooked"],
  utskrivningsmeddelande: ["dischargedAt", "stayAddress"],
  // Which consents exist and who answered for the patient: the ward tells every party (the
  // consent set in Region Stockholm's reading of LOSUS: "slutenvården informerar om samtycken").
  samtycke: ["consents", "municipalityAlreadyHolds", "source", "representative"],
  generellt: ["subject", "text"],
  avslut: ["reason"],
};

export function isBasicVisibleKind(kind: MessageKind): boolean {
  return BASIC_FIELDS[kind] !== undefined;
}

const isWard = (viewer: Viewer): boolean => viewer.partyRole === "sjukhus" || viewer.partyRole === "avdelning";
const isHemtjanst = (viewer: Viewer): boolean => viewer.partyRole === "hemtjanst" || viewer.role === "hemtjanst";

/**
 * When the kommun's payment responsibility starts (LOSUS 5 kap.) concerns the hospital and the
 * kommun that pays: the ward and the kommun's biståndshandläggare and HSL see it with the ready
 * notice it runs from; hemtjänst (its own tasks only) and the region's öppenvård are not parties
 * to it.
 */
export function seesPaymentResponsibility(viewer: Viewer): boolean {
  if (isHemtjanst(viewer)) return false;
  return isWard(viewer) || viewer.partyRole === "kommun" || viewer.partyRole === "hemsjukvard";
}

/** The consents that decide what this viewer sees: all for the ward; the transfer it needs, NPÖ and SIP for the others; only the transfer for hemtjänst. */
export function relevantConsents(viewer: Viewer): ConsentKind[] {
  if (isWard(viewer)) return [...CONSENT_KINDS];
  const needed = infoTransferConsentFor(viewer.partyRole as PartyRole);
  if (!needed) return [];
  return isHemtjanst(viewer) ? [needed] : [needed, "npo", "sip"];
}

export interface ConsentStatus {
  kind: ConsentKind;
  state: ConsentState;
  source: ConsentSource | null;
  representative: ConsentRepresentative | null;
  documentedAt: Date | null;
}

/** The consent status a viewer is shown at the top of the case: the kinds relevant to it, each as it stands now. */
export function consentOverview(viewer: Viewer, consents: readonly ConsentRecord[]): ConsentStatus[] {
  return relevantConsents(viewer).map((kind) => {
    const c = currentConsent(consents, kind);
    return {
      kind,
      state: consentState(consents, kind),
      source: c?.source ?? null,
      representative: c?.representative ?? null,
      documentedAt: c?.documentedAt ?? null,
    };
  });
}

const BASIC_SEES = "Du ser bara namn, personnummer, adress och beräknat utskrivningsdatum samt de underrättelser som lagen kräver.";

export function caseVisibility(viewer: Viewer, consents: readonly ConsentRecord[]): CaseVisibility {
  const relevant = relevantConsents(viewer);
  const missingConsent = relevant.filter((k) => !consentGiven(consents, k));
  if (isWard(viewer)) return { level: "full", missingConsent };
  const needed = infoTransferConsentFor(viewer.partyRole as PartyRole);
  if (!needed || consentGiven(consents, needed)) return { level: "full", missingConsent };

  const what = CONSENT_KIND_LABELS[needed].toLowerCase();
  const why: Record<Exclude<ConsentState, "given">, string> = {
    refused: `Patienten har inte samtyckt till ${what}.`,
    unable: `Patienten kan inte ta ställning till ${what}, och ingen företrädare har samtyckt. Avdelningen kan lämna det som behövs för vården efter en sekretessprövning, till exempel per telefon.`,
    none: `Samtycke till ${what} är inte dokumenterat.`,
  };
  return { level: "basic", missingConsent, message: `${why[consentState(consents, needed) as Exclude<ConsentState, "given">]} ${BASIC_SEES}` };
}

/** May this viewer (working at `viewerUnitId`) see this message of the case at all? */
export function canSeeMessage(viewer: Viewer, event: CaseEvent, consents: readonly ConsentRecord[], viewerUnitId: string): boolean {
  if (isWard(viewer)) return true;
  if (event.senderUnitId === viewerUnitId) return true;
  const addressed = event.recipientUnitIds.includes(viewerUnitId);
  if (isHemtjanst(viewer) && (!addressed || NPO_LINKED_KINDS.has(event.kind))) return false;
  if (caseVisibility(viewer, consents).level === "basic") return addressed && isBasicVisibleKind(event.kind);
  return true;
}

export interface RedactOptions {
  /** Strip NPÖ-linked content (hemtjänst). */
  withoutNpoContent?: boolean;
}

/** The part of a payload the given level may see; a new object, the input is not changed. */
export function redactPayload(
  kind: MessageKind,
  payload: Record<string, unknown>,
  level: VisibilityLevel,
  options: RedactOptions = {},
): Record<string, unknown> {
  if (options.withoutNpoContent && NPO_LINKED_KINDS.has(kind)) return {};
  let allowed: readonly string[] | null = null;
  if (level === "basic") allowed = BASIC_FIELDS[kind] ?? [];
  const stripped = options.withoutNpoContent ? (NPO_LINKED_FIELDS[kind] ?? []) : [];
  return Object.fromEntries(Object.entries(payload).filter(([key]) => (allowed === null || allowed.includes(key)) && !stripped.includes(key)));
}

/** Is the message's free text (beside the form) visible? Free text may hold anything, so less is shown. */
export function isFreeTextVisible(kind: MessageKind, level: VisibilityLevel, options: RedactOptions = {}): boolean {
  if (level === "basic") return kind === "generellt";
  if (options.withoutNpoContent) return !NPO_LINKED_KINDS.has(kind) && NPO_LINKED_FIELDS[kind] === undefined;
  return true;
}

export type MessageView = { visible: false } | { visible: true; level: VisibilityLevel; payload: Record<string, unknown>; freeTextVisible: boolean };

/**
 * Everything the API needs to show one message to one viewer: whether, and what. A unit's own
 * messages are shown in full to it.
 */
export function viewMessage(viewer: Viewer, event: CaseEvent, consents: readonly ConsentRecord[], viewerUnitId: string): MessageView {
  if (!canSeeMessage(viewer, event, consents, viewerUnitId)) return { visible: false };
  const own = event.senderUnitId === viewerUnitId;
  const level: VisibilityLevel = own || isWard(viewer) ? "full" : caseVisibility(viewer, consents).level;
  const options: RedactOptions = { withoutNpoContent: isHemtjanst(viewer) && !own };
  return {
    visible: true,
    level,
    payload: redactPayload(event.kind, event.payload, level, options),
    freeTextVisible: isFreeTextVisible(event.kind, level, options),
  };
}

/** Is the viewer the ward (or the hospital view), which sees everything in its cases? */
export const isWardViewer = isWard;
/** Is the viewer hemtjänst, which sees only what is addressed to its unit and no NPÖ-linked content? */
export const isHemtjanstViewer = isHemtjanst;
