import { stockholmDate } from "../time/stockholm";
import { consentGiven, currentConsent, infoTransferConsentFor } from "./consent";
import { capitalise, CONSENT_KIND_LABELS, MESSAGE_KIND_LABELS, PARTY_ROLE_LABELS } from "./labels";
import { KOMMUN_SIDE_ROLES, REGION_OUTPATIENT_ROLES, type DerivedCaseState, type PartyState } from "./state";
import type { CaseFacts, ConsentKind, MessageKind, PartyRole } from "./types";
import { isBasicVisibleKind } from "./visibility";

/**
 * Warnings that let a send go ahead but tell the sender what is missing (Swedish). Rules the law
 * sets as duties of OTHER parties, or that only matter later, warn rather than refuse: a ward must
 * be able to discharge a patient even when the vårdcentral has not named a fast vårdkontakt (that
 * is the vårdcentral's duty under the law on samverkan vid utskrivning), and a late admission
 * notice is better than none.
 *
 * The form shows them BEFORE the send (the case view computes them for each step the viewer may
 * take), and where sending now breaks the order the law sets, the sender confirms deliberately
 * and gives a reason (`confirm`). The discharge notice is the step that cannot be undone: the law
 * wants the fast vårdkontakt named before the patient is discharged, and the SIP called (within
 * three days of the ready notice) when the patient needs both the kommun and the region's
 * öppenvård afterwards (LOSUS 4 kap. 1 §). A missing kommunklar warns without a confirmation: it
 * is the parties' own readiness step, not an order the law sets. Nothing is confirmed for a
 * correction (it restates what was sent) or an after-registration (it records what happened).
 *
 * Texts are plain Swedish for the user: no rule numbers or other internal codes.
 */

export interface SendWarning {
  text: string;
  /** Sending now breaks the order the law sets: the sender must confirm with a reason. */
  confirm: boolean;
}

export interface WarningContext {
  facts: CaseFacts;
  state: DerivedCaseState;
  recipients: PartyState[];
  payload: Record<string, unknown>;
  at?: Date;
  mode: "normal" | "efterregistrering";
  /** A correction restates an earlier message: nothing to confirm. */
  isCorrection?: boolean;
}

const the = (role: PartyRole): string => PARTY_ROLE_LABELS[role].definite;
const taking = (p: PartyState): boolean => p.active && !p.rejectedAt;
const instant = (v: unknown): Date | null => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);

/** The texts only, as `checkSend` reports them. */
export function sendWarnings(kind: MessageKind, c: WarningContext): string[] {
  return preflightWarnings(kind, c).map((w) => w.text);
}

/** The warnings that need a deliberate confirmation with a reason. */
export function warningsToConfirm(kind: MessageKind, c: WarningContext): string[] {
  return preflightWarnings(kind, c)
    .filter((w) => w.confirm)
    .map((w) => w.text);
}

/** Every warning of this send, each saying whether it must be confirmed. */
export function preflightWarnings(kind: MessageKind, c: WarningContext): SendWarning[] {
  const texts = plainWarnings(kind, c).map((text) => ({ text, confirm: false }));
  if (kind !== "utskrivningsmeddelande") return texts;
  const confirmable = c.mode === "normal" && !c.isCorrection;
  return [...texts, ...dischargeWarnings(c).map((w) => ({ ...w, confirm: w.confirm && confirmable }))];
}

export interface SendConfirmation {
  /** The sender ticked that they send despite the warnings. */
  confirmed: boolean;
  reason: string;
}

export const MAX_CONFIRMATION_REASON = 1000;

/**
 * Null when the send may go ahead; otherwise the refusal (Swedish) of a send that breaks the law's
 * order without the confirmation and the reason, with its field errors.
 */
export function confirmationRefusal(
  kind: MessageKind,
  toConfirm: readonly string[],
  confirmation: SendConfirmation | null | undefined,
): { message: string; errors: { path: string; message: string }[] } | null {
  if (toConfirm.length === 0) return null;
  const errors: { path: string; message: string }[] = [];
  if (!confirmation?.confirmed) errors.push({ path: "confirmation.confirmed", message: "Bekräfta att du skickar trots varningarna" });
  const reason = confirmation?.reason.trim() ?? "";
  if (!reason) errors.push({ path: "confirmation.reason", message: "Ange skälet till att du skickar ändå" });
  else if (reason.length > MAX_CONFIRMATION_REASON)
    errors.push({ path: "confirmation.reason", message: `Skälet får vara högst ${MAX_CONFIRMATION_REASON} tecken` });
  if (errors.length === 0) return null;
  return {
    message: `${MESSAGE_KIND_LABELS[kind]} har inte skickats: ${toConfirm.join(". ")}. Bekräfta att du skickar ändå och ange skälet.`,
    errors,
  };
}

function plainWarnings(kind: MessageKind, c: WarningContext): string[] {
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

function dischargeWarnings(c: WarningContext): SendWarning[] {
  const { state, payload } = c;
  const warnings: SendWarning[] = [];
  const parties = state.parties.filter(taking);

  const withoutContact = new Set(parties.filter((p) => REGION_OUTPATIENT_ROLES.includes(p.role) && !p.fixedCareContactStaffId).map((p) => p.role));
  for (const role of withoutContact) {
    warnings.push({
      text: `${capitalise(the(role))} har inte utsett någon fast vårdkontakt. Enligt lagen om samverkan vid utskrivning ska det ske innan patienten skrivs ut`,
      confirm: true,
    });
  }
  if (state.sipNeeded && !state.lastSipCallAt) {
    warnings.push({
      text: "Ingen kallelse till SIP har skickats, fast patienten behöver insatser från både kommunen och öppenvården efter utskrivningen. Enligt lagen om samverkan vid utskrivning ska kallelsen skickas inom tre dagar efter underrättelsen om utskrivningsklar",
      confirm: true,
    });
  }
  const notReady = new Set(parties.filter((p) => KOMMUN_SIDE_ROLES.includes(p.role) && p.role !== "hemtjanst" && !p.kommunklarAt).map((p) => p.role));
  for (const role of notReady) warnings.push({ text: `${capitalise(the(role))} har inte meddelat kommunklar`, confirm: false });

  const dischargedAt = instant(payload.dischargedAt);
  if (dischargedAt && state.readyForDischargeAt && dischargedAt < state.readyForDischargeAt) {
    warnings.push({ text: "Utskrivningstiden ligger före underrättelsen om utskrivningsklar", confirm: false });
  }
  if (c.mode === "normal" && dischargedAt && c.at && stockholmDate(c.at) > stockholmDate(dischargedAt)) {
    warnings.push({ text: "Informationen skickas senare än utskrivningsdagen", confirm: false });
  }
  return warnings;
}
