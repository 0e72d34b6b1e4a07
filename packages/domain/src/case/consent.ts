import { CONSENT_KIND_LABELS, CONSENT_REPRESENTATIVE_LABELS } from "./labels";
import type { CaseEvent, ConsentKind, ConsentRecord, ConsentRepresentative, PartyRole } from "./types";

/**
 * Samtycke as the rules read it. Consent records are kept per (kind, documenting unit). The
 * CURRENT state of a kind is its latest record across all units, by `documentedAt` (a patient who
 * withdraws consent at the ward overrides what the kommun said it already held; N26: the ward
 * collects consent and tells the others which consents exist) — with one exception: a refusal
 * recorded from the patient stands until the patient's next decision is recorded. A kommun's
 * statement that it already holds a consent ("befintligt") is not the patient's decision recorded at
 * the ward and never replaces the patient's no.
 *
 * "Kan inte ta ställning" (`unable`) is a state, not a decision: it is not a consent, so the
 * receivers see what they would see without one, and it does not lift an earlier refusal either
 * (the last thing the patient said was no). A decision made by a representative for a patient who
 * cannot decide (god man, förvaltare, närstående with the patient's fullmakt) is a decision like
 * the patient's own; which kinds a representative may decide is `representativeMayDecide`.
 */

/** Given or refused at the ward, by the patient or a representative: a decision that stands. */
const isPatientDecision = (c: ConsentRecord): boolean => c.source !== "befintligt" && !c.unable;

function latestOf(consents: readonly ConsentRecord[], kind: ConsentKind, keep: (c: ConsentRecord) => boolean): ConsentRecord | null {
  let latest: ConsentRecord | null = null;
  for (const c of consents) {
    if (c.kind !== kind || !keep(c)) continue;
    // `>=`: of two records with the same time, the later in the list (the later insert) wins.
    if (!latest || c.documentedAt.getTime() >= latest.documentedAt.getTime()) latest = c;
  }
  return latest;
}

/** The patient's latest decision on a kind (given or refused, at the ward or by phone, by the patient or a representative), if any. */
export function patientDecision(consents: readonly ConsentRecord[], kind: ConsentKind): ConsentRecord | null {
  return latestOf(consents, kind, isPatientDecision);
}

export function currentConsent(consents: readonly ConsentRecord[], kind: ConsentKind): ConsentRecord | null {
  const decision = patientDecision(consents, kind);
  if (decision && !decision.given) return decision;
  return latestOf(consents, kind, () => true);
}

/**
 * The consents a kommun can hold itself and so state as already held: consent to information
 * transfer to the kommun, and to a SIP (which the kommun may call). Information transfer to the
 * vårdcentral and reading in NPÖ are the patient's decisions towards the region, recorded by the
 * ward.
 */
export const MUNICIPALITY_HOLDABLE_CONSENTS: readonly ConsentKind[] = ["informationsoverforing_kommun", "sip"];

const lower = (kind: ConsentKind): string => CONSENT_KIND_LABELS[kind].toLowerCase();
const list = (kinds: readonly ConsentKind[]): string =>
  kinds.length <= 1 ? kinds.map(lower).join("") : `${kinds.slice(0, -1).map(lower).join(", ")} och ${lower(kinds.at(-1)!)}`;

/**
 * May this party state that the kommun already holds these consents? Null when it may; otherwise
 * the Swedish reason (nothing is then recorded). Only a kommun-side party states held consents,
 * only of the kinds the kommun can hold, and never over the patient's recorded refusal.
 */
export function municipalityHeldConsentRefusal(consents: readonly ConsentRecord[], senderIsKommunSide: boolean, held: readonly ConsentKind[]): string | null {
  if (held.length === 0) return null;
  if (!senderIsKommunSide) return "Bara kommunen kan ange samtycken som redan finns hos kommunen.";
  const notKommuns = held.filter((k) => !MUNICIPALITY_HOLDABLE_CONSENTS.includes(k));
  if (notKommuns.length > 0) {
    return `Kommunen kan bara ange samtycken som kommunen själv har (${list(MUNICIPALITY_HOLDABLE_CONSENTS)}). Samtycke till ${list(notKommuns)} dokumenteras av avdelningen.`;
  }
  const refused = held.filter((k) => patientDecision(consents, k)?.given === false);
  if (refused.length > 0) {
    return `Patienten har sagt nej till ${list(refused)}. Ett samtycke som kommunen redan har ändrar inte det: patientens nej gäller tills avdelningen dokumenterar ett nytt ställningstagande från patienten. Inget har sparats.`;
  }
  return null;
}

/** Given = the latest record of the kind says given. No record = not given. */
export function consentGiven(consents: readonly ConsentRecord[], kind: ConsentKind): boolean {
  return currentConsent(consents, kind)?.given === true;
}

/** The current record of the kind is the patient's no (as opposed to never documented, or "kan inte ta ställning"). */
export function consentRefused(consents: readonly ConsentRecord[], kind: ConsentKind): boolean {
  return consentState(consents, kind) === "refused";
}

export const CONSENT_STATES = ["given", "refused", "unable", "none"] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const CONSENT_STATE_LABELS: Record<ConsentState, string> = {
  given: "Samtycker",
  refused: "Samtycker inte",
  unable: "Kan inte ta ställning",
  none: "Inte dokumenterat",
};

/** Where a kind stands now: given, refused, "kan inte ta ställning", or never documented. */
export function consentState(consents: readonly ConsentRecord[], kind: ConsentKind): ConsentState {
  const c = currentConsent(consents, kind);
  if (!c) return "none";
  if (c.given) return "given";
  return c.unable ? "unable" : "refused";
}

/**
 * May a representative decide this kind for the patient? Information transfer and SIP: yes, when
 * the ward has checked that the mandate covers it (a god man's or förvaltare's förordnande under
 * föräldrabalken 11 kap., or the patient's own fullmakt to a närstående). Reading in NPÖ: no. The
 * law on sammanhållen journalföring (lag (2022:913) om sammanhållen vård- och
 * omsorgsdokumentation, earlier patientdatalagen 6 kap.) asks for the patient's own consent, and
 * has its own rule for a patient who cannot take a position: each access is judged on its own
 * (relevant to care the patient's state of health makes necessary, the patient's attitude
 * clarified as far as possible) and logged as an emergency opening. That is a judgement per access
 * in the reading system, not a standing consent this system can record.
 */
export function representativeMayDecide(kind: ConsentKind): boolean {
  return kind !== "npo";
}

/** "god man Anna Ek", for a sentence. */
export function representativeText(r: ConsentRepresentative): string {
  return `${CONSENT_REPRESENTATIVE_LABELS[r.kind].toLowerCase()} ${r.name}`;
}

/** The consent to information transfer that a receiving party needs, if any. */
export function infoTransferConsentFor(role: PartyRole): ConsentKind | null {
  switch (role) {
    case "kommun":
    case "hemsjukvard":
    case "hemtjanst":
      return "informationsoverforing_kommun";
    case "vardcentral":
    case "psykiatrisk_oppenvard":
      return "informationsoverforing_vardcentral";
    case "avdelning":
      return null;
  }
}

/**
 * The consent records a sent samtycke message documents (for the `consents` table): the ward's
 * entries with source "patient" (or "telefon" during an outage), the kommun's statement of
 * consents it already holds as given with source "befintligt".
 */
export function consentRecordsFromMessage(event: CaseEvent): ConsentRecord[] {
  if (event.kind !== "samtycke") return [];
  const p = event.payload;
  const source = p.source === "telefon" ? "telefon" : "patient";
  const records: ConsentRecord[] = [];
  const base = {
    documentedAt: event.occurredAt,
    documentedByUnitId: event.senderUnitId,
    ...(typeof p.documentedNote === "string" && p.documentedNote ? { note: p.documentedNote } : {}),
  };
  const representative = p.representative as ConsentRepresentative | undefined;
  if (Array.isArray(p.consents)) {
    for (const c of p.consents as { kind: ConsentKind; given: boolean; unable?: boolean }[]) {
      // "Kan inte ta ställning" is the patient's state: nobody answered for it.
      if (c.unable) records.push({ ...base, kind: c.kind, given: false, source, unable: true });
      else records.push({ ...base, kind: c.kind, given: c.given, source, ...(representative ? { representative } : {}) });
    }
  }
  if (Array.isArray(p.municipalityAlreadyHolds)) {
    for (const kind of p.municipalityAlreadyHolds as ConsentKind[]) {
      records.push({ ...base, kind, given: true, source: "befintligt" });
    }
  }
  return records;
}
