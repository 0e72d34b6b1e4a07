import { consentRefused, municipalityHeldConsentRefusal } from "./consent";
import { PARTY_ROLE_LABELS } from "./labels";
import type { PayloadError } from "./payloads";
import { KOMMUN_SIDE_ROLES, RECEIVING_ROLES, type DerivedCaseState, type PartyState } from "./state";
import type { CaseFacts, ConsentKind, MessageKind, PartyRole } from "./types";

/**
 * The per-kind rules of the state machine beyond "who" and "when" (transitions.ts): once per
 * party, versions, what must exist first. Split in two so that a UI can ask whether a step is
 * open before the form is filled in: `stateRefusal` needs no payload, `payloadRefusal` does.
 */

export const SEND_REFUSAL_CODES = [
  "case_closed",
  "sender_not_party",
  "role_not_allowed",
  "correction_invalid",
  "recipient_required",
  "recipient_not_party",
  "recipient_not_allowed",
  "no_receiving_party",
  "invalid_payload",
  "admission_notice_missing",
  "admission_notice_already_sent",
  "estimated_date_mismatch",
  "not_notified",
  "already_answered",
  "already_rejected",
  "planning_version_conflict",
  "self_care_assessment_missing",
  "sip_consent_refused",
  "consent_not_allowed",
  "sip_not_called",
  "already_ready",
  "not_ready",
  "already_kommunklar",
  "already_discharged",
  "not_discharged",
] as const;
export type SendRefusalCode = (typeof SEND_REFUSAL_CODES)[number];

export type SendRefusal = { ok: false; code: SendRefusalCode; /** Swedish */ message: string; errors?: PayloadError[] };

export const refuse = (code: SendRefusalCode, message: string, errors?: PayloadError[]): SendRefusal =>
  errors ? { ok: false, code, message, errors } : { ok: false, code, message };

export const the = (role: PartyRole): string => PARTY_ROLE_LABELS[role].definite;

export interface RuleContext {
  facts: CaseFacts;
  state: DerivedCaseState;
  sender: PartyState;
  /** null when the caller only asks whether the step is open (no recipients chosen yet). */
  recipients: PartyState[] | null;
  isCorrection: boolean;
}

/** The first admission notice must reach the kommun or the region's öppenvård. */
const NOTICE_TARGETS: readonly PartyRole[] = ["kommun", "vardcentral", "psykiatrisk_oppenvard"];

/** Rules that depend on the case and the sender, not on the form. */
export function stateRefusal(kind: MessageKind, c: RuleContext): SendRefusal | null {
  const { state, sender, recipients, isCorrection } = c;
  switch (kind) {
    case "inskrivningsmeddelande": {
      if (isCorrection) return null;
      if (!state.admissionNoticeAt) {
        if (recipients && !recipients.some((r) => NOTICE_TARGETS.includes(r.role))) {
          return refuse("no_receiving_party", "Inskrivningsmeddelandet måste skickas till minst en kommun eller vårdcentral");
        }
        return null;
      }
      // After the first notice: only to a party added later (with the current date, see payloadRefusal).
      const hint = "Ett nytt beräknat utskrivningsdatum skickas som Ändrat beräknat utskrivningsdatum";
      if (recipients) {
        const already = recipients.find((r) => r.admissionNoticeAt);
        return already ? refuse("admission_notice_already_sent", `Inskrivningsmeddelandet är redan skickat till ${the(already.role)}. ${hint}`) : null;
      }
      const someoneLeft = state.parties.some((p) => p.active && !p.rejectedAt && RECEIVING_ROLES.includes(p.role) && !p.admissionNoticeAt);
      return someoneLeft ? null : refuse("admission_notice_already_sent", `Inskrivningsmeddelandet är redan skickat. ${hint}`);
    }

    case "svar_pa_inskrivning":
    case "avvisning":
      if (!sender.admissionNoticeAt) return refuse("not_notified", "Er enhet har inte fått något inskrivningsmeddelande i ärendet");
      if (isCorrection) return null;
      if (sender.rejectedAt) return refuse("already_rejected", "Er enhet har redan avvisat ärendet");
      if (sender.answeredAt) {
        return refuse(
          "already_answered",
          kind === "avvisning"
            ? "Er enhet har redan svarat på inskrivningsmeddelandet och kan inte längre avvisa det"
            : "Er enhet har redan svarat på inskrivningsmeddelandet. Ändra svaret genom att rätta det",
        );
      }
      return null;

    case "egenvardsbedomning":
      if (sender.role === "avdelning") return null;
      if (!state.selfCareAssessedAt) {
        return refuse("self_care_assessment_missing", "Det finns ingen egenvårdsbedömning från avdelningen att bekräfta");
      }
      if (recipients && !recipients.some((r) => r.role === "avdelning")) {
        return refuse("recipient_required", "Bekräftelsen ska skickas till avdelningen");
      }
      return null;

    case "kallelse_sip":
      return consentRefused(c.facts.consents, "sip")
        ? refuse("sip_consent_refused", "Patienten har inte samtyckt till SIP. En kallelse kan inte skickas utan samtycke")
        : null;

    case "sip_plan":
      return state.lastSipCallAt ? null : refuse("sip_not_called", "SIP-planen kan skickas först när det finns en kallelse till SIP");

    case "kommunklar":
      if (isCorrection) return null;
      if (sender.rejectedAt) return refuse("already_rejected", "Er enhet har avvisat ärendet");
      return sender.kommunklarAt ? refuse("already_kommunklar", "Er enhet har redan meddelat att den är redo att ta emot patienten") : null;

    default:
      return null;
  }
}

/** Rules that read the (validated) form. */
export function payloadRefusal(kind: MessageKind, c: RuleContext, payload: Record<string, unknown>): SendRefusal | null {
  const { state, sender, isCorrection } = c;
  switch (kind) {
    case "samtycke": {
      if (KOMMUN_SIDE_ROLES.includes(sender.role) && Array.isArray(payload.consents) && payload.consents.length > 0) {
        return refuse("role_not_allowed", "Kommunen kan bara ange samtycken som redan finns hos kommunen");
      }
      const held = Array.isArray(payload.municipalityAlreadyHolds) ? (payload.municipalityAlreadyHolds as ConsentKind[]) : [];
      const why = municipalityHeldConsentRefusal(c.facts.consents, KOMMUN_SIDE_ROLES.includes(sender.role), held);
      return why ? refuse("consent_not_allowed", why) : null;
    }

    case "inskrivningsmeddelande":
      if (!isCorrection && state.admissionNoticeAt && payload.estimatedDischargeDate !== state.estimatedDischargeDate) {
        return refuse(
          "estimated_date_mismatch",
          `Inskrivningsmeddelandet till en ny part ska ha det aktuella beräknade utskrivningsdatumet (${state.estimatedDischargeDate ?? "saknas"}). Skicka Ändrat beräknat utskrivningsdatum för att ändra det`,
        );
      }
      return null;

    case "planeringsunderlag":
      if (payload.version !== state.planningVersion + 1) {
        return refuse(
          "planning_version_conflict",
          state.planningVersion > 0
            ? `Planeringsunderlaget har ändrats sedan du öppnade det (nu version ${state.planningVersion}). Läs in det på nytt och gör om ändringen`
            : "Det finns inget tidigare planeringsunderlag: skicka version 1",
        );
      }
      return null;

    case "egenvardsbedomning":
      if (sender.role !== "avdelning" && typeof payload.confirmedGranted !== "boolean") {
        return refuse("invalid_payload", "Kontrollera uppgifterna: Ange om insatserna är beviljade", [
          { path: "confirmedGranted", message: "Ange om insatserna är beviljade" },
        ]);
      }
      return null;

    case "kallelse_sip": {
      if (payload.consentStatus === "refused") {
        return refuse("sip_consent_refused", "Patienten har inte samtyckt till SIP. En kallelse kan inte skickas utan samtycke");
      }
      // Only the case's parties can be called, since each answers the call in the case.
      const invited = Array.isArray(payload.invitedUnitIds) ? (payload.invitedUnitIds as string[]) : [];
      const parties = new Set(c.facts.parties.filter((p) => !p.removedAt).map((p) => p.unitId));
      const outside = invited.findIndex((u) => !parties.has(u));
      return outside >= 0
        ? refuse("invalid_payload", "Kontrollera uppgifterna: Bara ärendets parter kan kallas", [
            { path: `invitedUnitIds.${outside}`, message: "Bara ärendets parter kan kallas" },
          ])
        : null;
    }

    case "avslut":
      if (payload.reason === "utskriven_klar" && !state.dischargeNoticeAt) {
        return refuse("not_discharged", "Ärendet kan avslutas som utskrivet först när utskrivningsmeddelandet har skickats");
      }
      return null;

    default:
      return null;
  }
}
