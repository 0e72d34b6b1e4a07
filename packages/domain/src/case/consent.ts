import type { CaseEvent, ConsentKind, ConsentRecord, PartyRole } from "./types";

/**
 * Samtycke as the rules read it. Consent records are kept per (kind, documenting unit); the
 * CURRENT state of a kind is its latest record across all units, by `documentedAt`: a patient who
 * withdraws consent at the ward overrides what the kommun said it already held, and the other way
 * round (N26: the ward collects consent and tells the others which consents exist).
 */

export function currentConsent(consents: readonly ConsentRecord[], kind: ConsentKind): ConsentRecord | null {
  let latest: ConsentRecord | null = null;
  for (const c of consents) {
    if (c.kind !== kind) continue;
    // `>=`: of two records with the same time, the later in the list (the later insert) wins.
    if (!latest || c.documentedAt.getTime() >= latest.documentedAt.getTime()) latest = c;
  }
  return latest;
}

/** Given = the latest record of the kind says given. No record = not given. */
export function consentGiven(consents: readonly ConsentRecord[], kind: ConsentKind): boolean {
  return currentConsent(consents, kind)?.given === true;
}

/** The latest record of the kind says refused (as opposed to never documented). */
export function consentRefused(consents: readonly ConsentRecord[], kind: ConsentKind): boolean {
  return currentConsent(consents, kind)?.given === false;
}

/** The consent to information transfer that a receiving party needs (N6/N7, N26), if any. */
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
  const base = { documentedAt: event.occurredAt, documentedByUnitId: event.senderUnitId };
  if (Array.isArray(p.consents)) {
    for (const c of p.consents as { kind: ConsentKind; given: boolean }[]) {
      records.push({ ...base, kind: c.kind, given: c.given, source });
    }
  }
  if (Array.isArray(p.municipalityAlreadyHolds)) {
    for (const kind of p.municipalityAlreadyHolds as ConsentKind[]) {
      records.push({ ...base, kind, given: true, source: "befintligt" });
    }
  }
  return records;
}
