import { stockholmDate } from "../time/stockholm";
import { consentGiven, currentConsent, infoTransferConsentFor } from "./consent";
import { capitalise, CONSENT_KIND_LABELS, PARTY_ROLE_LABELS } from "./labels";
import { KOMMUN_SIDE_ROLES, REGION_OUTPATIENT_ROLES, type DerivedCaseState, type PartyState } from "./state";
import type { CaseFacts, ConsentKind, MessageKind, PartyRole } from "./types";
import { isBasicVisibleKind } from "./visibility";

/**
 * Warnings that let a send go ahead but tell the sender what is missing (Swedish). Rules the law
 * sets as duties of OTHER parties, or that only matter later, warn rather than refuse: a ward must
 * be able to discharge a patient even when the vårdcentral has not named a fast vårdkontakt (N10
 * is the vårdcentral's duty), and a late admission notice is better than none.
 */

export interface WarningContext {
  facts: CaseFacts;
  state: DerivedCaseState;
  recipients: PartyState[];
  payload: Record<string, unknown>;
  at?: Date;
  mode: "normal" | "efterregistrering";
}

const the = (role: PartyRole): string => PARTY_ROLE_LABELS[role].definite;
const taking = (p: PartyState): boolean => p.active && !p.rejectedAt;
const instant = (v: unknown): Date | null => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);

export function sendWarnings(kind: MessageKind, c: WarningContext): string[] {
  const { facts, state, payload } = c;
  const warnings = consentWarnings(kind, c);
  const normal = c.mode === "normal";

  switch (kind) {
    case "inskrivningsmeddelande":
      if (state.admissionNoticeAt) break;
      if (!currentConsent(facts.consents, "informationsoverforing_kommun") && !currentConsent(facts.consents, "informationsoverforing_vardcentral")) {
        warnings.push(
          "Inget samtycke till informationsöverföring är dokumenterat. Inskrivningsmeddelandet får skickas utan samtycke, men mottagarna ser då bara grunduppgifterna",
        );
      }
      if (normal && c.at && c.at.getTime() > state.admissionNoticeDueAt.getTime()) {
        warnings.push("Inskrivningsmeddelandet skickas senare än 24 timmar efter inskrivningen");
      }
      break;

    case "andrat_utskrivningsdatum":
      if (payload.estimatedDischargeDate === state.estimatedDischargeDate) {
        warnings.push(`Det beräknade utskrivningsdatumet är redan ${state.estimatedDischargeDate}`);
      }
      break;

    case "kallelse_sip":
      if (payload.consentStatus === "unknown" && !consentGiven(facts.consents, "sip")) {
        warnings.push("Samtycke till SIP är inte dokumenterat. Det behövs innan planen upprättas");
      }
      break;

    case "sip_plan":
      if (payload.offeredToPatient === false) warnings.push("SIP-planen har inte erbjudits patienten");
      break;

    case "utskrivningsdatum": {
      const dischargeAt = instant(payload.dischargeAt);
      if (dischargeAt && state.readyForDischargeAt && dischargeAt < state.readyForDischargeAt) {
        warnings.push("Utskrivningstiden ligger före underrättelsen om utskrivningsklar");
      }
      break;
    }

    case "utskrivningsmeddelande":
      warnings.push(...dischargeWarnings(c));
      break;

    default:
      break;
  }
  return warnings;
}

/** Content the recipient cannot see for lack of consent: tell the sender, once per consent kind. */
function consentWarnings(kind: MessageKind, c: WarningContext): string[] {
  if (isBasicVisibleKind(kind)) return [];
  const seen = new Set<ConsentKind>();
  const warnings: string[] = [];
  for (const r of c.recipients) {
    const needed = infoTransferConsentFor(r.role);
    if (!needed || seen.has(needed) || consentGiven(c.facts.consents, needed)) continue;
    seen.add(needed);
    warnings.push(`Samtycke till ${CONSENT_KIND_LABELS[needed].toLowerCase()} saknas: ${the(r.role)} ser bara grunduppgifterna, inte innehållet i meddelandet`);
  }
  return warnings;
}

function dischargeWarnings(c: WarningContext): string[] {
  const { state, payload } = c;
  const warnings: string[] = [];
  const parties = state.parties.filter(taking);

  const withoutContact = new Set(parties.filter((p) => REGION_OUTPATIENT_ROLES.includes(p.role) && !p.fixedCareContactStaffId).map((p) => p.role));
  for (const role of withoutContact) {
    warnings.push(`${capitalise(the(role))} har inte utsett någon fast vårdkontakt, vilket ska ske före utskrivningen`);
  }
  if (state.sipNeeded && !state.lastSipCallAt) {
    warnings.push("Ingen kallelse till SIP har skickats, fast både kommunen och öppenvården behövs efter utskrivningen");
  }
  const notReady = new Set(parties.filter((p) => KOMMUN_SIDE_ROLES.includes(p.role) && p.role !== "hemtjanst" && !p.kommunklarAt).map((p) => p.role));
  for (const role of notReady) warnings.push(`${capitalise(the(role))} har inte meddelat kommunklar`);

  const dischargedAt = instant(payload.dischargedAt);
  if (dischargedAt && state.readyForDischargeAt && dischargedAt < state.readyForDischargeAt) {
    warnings.push("Utskrivningstiden ligger före underrättelsen om utskrivningsklar");
  }
  if (c.mode === "normal" && dischargedAt && c.at && stockholmDate(c.at) > stockholmDate(dischargedAt)) {
    warnings.push("Informationen skickas senare än utskrivningsdagen");
  }
  return warnings;
}
