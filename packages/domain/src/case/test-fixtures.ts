import { stockholmInstant as at } from "../time/stockholm";
import type { SendAttempt } from "./transitions";
import type { CaseEvent, CaseFacts, CaseParty, ConsentKind, ConsentRecord, MessageKind, PartyRole } from "./types";

/**
 * One patient's case along the normal path, for the case module's tests: admitted Monday
 * 2026-02-02 10:00, notice at 14:00, answers on Tuesday, ready for discharge Friday 11:00.
 */

export const WARD = "00000000-0000-4000-8000-0000000000a1";
export const KOMMUN = "00000000-0000-4000-8000-0000000000b1";
export const VC = "00000000-0000-4000-8000-0000000000c1";
export const HSV = "00000000-0000-4000-8000-0000000000b2"; // kommunal hemsjukvård
export const HTJ = "00000000-0000-4000-8000-0000000000b3"; // hemtjänst
export const PSYK = "00000000-0000-4000-8000-0000000000c2"; // psykiatrisk öppenvård, added later
export const OUTSIDER = "00000000-0000-4000-8000-0000000000ff";
export const CONTACT_STAFF = "11111111-2222-4333-8444-555555555555";

export const ADMITTED = at("2026-02-02", "10:00");
export const NOTICE_AT = at("2026-02-02", "14:00");
export const ESTIMATED = "2026-02-09";
export const READY_AT = at("2026-02-06", "11:00");

export const PARTIES: CaseParty[] = [
  { unitId: WARD, role: "avdelning" },
  { unitId: KOMMUN, role: "kommun" },
  { unitId: VC, role: "vardcentral" },
  { unitId: HSV, role: "hemsjukvard" },
  { unitId: HTJ, role: "hemtjanst" },
];

const roleOf = (unitId: string, parties: CaseParty[] = [...PARTIES, { unitId: PSYK, role: "psykiatrisk_oppenvard" }]): PartyRole =>
  parties.find((p) => p.unitId === unitId)?.role ?? "avdelning";

let seq = 0;
export function event(
  kind: MessageKind,
  occurredAt: Date,
  from: string,
  to: string[],
  payload: Record<string, unknown> = samplePayload(kind),
  correctsMessageId?: string,
): CaseEvent {
  seq += 1;
  return {
    id: `ev-${seq}`,
    kind,
    occurredAt,
    senderUnitId: from,
    senderRole: roleOf(from),
    recipientUnitIds: to,
    payload,
    correctsMessageId: correctsMessageId ?? null,
  };
}

export function consent(kind: ConsentKind, given: boolean, documentedAt = at("2026-02-02", "12:00"), unit = WARD): ConsentRecord {
  return { kind, given, documentedAt, documentedByUnitId: unit, source: unit === WARD ? "patient" : "befintligt" };
}

export const ALL_CONSENTS: ConsentRecord[] = [
  consent("informationsoverforing_kommun", true),
  consent("informationsoverforing_vardcentral", true),
  consent("npo", true),
  consent("sip", true),
];

/** A valid payload of each kind. */
export function samplePayload(kind: MessageKind): Record<string, unknown> {
  switch (kind) {
    case "samtycke":
      return { consents: [{ kind: "informationsoverforing_kommun", given: true }] };
    case "inskrivningsmeddelande":
    case "andrat_utskrivningsdatum":
      return { estimatedDischargeDate: ESTIMATED };
    case "svar_pa_inskrivning":
      return { currentServices: "Hemtjänst 2 ggr/dag", knownToUnit: true, fixedCareContactStaffId: CONTACT_STAFF };
    case "avvisning":
      return { reason: "ej_folkbokford", text: "Patienten är folkbokförd i Strängnäs" };
    case "planeringsunderlag":
      return { version: 1, needs: "Hjälp med förflyttning", track: "gul" };
    case "meddela_beslut":
      return { applied: ["Hemtjänst"], decided: [] };
    case "uppdrag_hemsjukvard":
      return { tasks: "Såromläggning varannan dag", from: "2026-02-09" };
    case "egenvardsbedomning":
      return { assessment: "Insulin kan inte skötas som egenvård", needsPracticalHelp: true };
    case "kallelse_sip":
      return {
        meetingAt: "2026-02-10T10:00:00+01:00",
        video: true,
        participants: ["Patienten", "Fast vårdkontakt"],
        consentStatus: "given",
      };
    case "sip_plan":
      return {
        interventions: [{ what: "Läkemedelsgenomgång", responsible: "region" }],
        overallResponsible: "region",
        offeredToPatient: true,
      };
    case "utskrivningsklar":
      return { decidedAt: "2026-02-06T10:30:00+01:00", decidedBy: "Dr. Lena Ek" };
    case "ej_utskrivningsklar":
      return { reason: "Feber" };
    case "kommunklar":
      return { ready: true };
    case "utskrivningsdatum":
      return { dischargeAt: "2026-02-09T10:00:00+01:00", transportBooked: true };
    case "utskrivningsmeddelande":
      return { dischargedAt: "2026-02-09T10:00:00+01:00", dischargePlan: "Se plan", medicationList: "Alvedon 1 g x 3" };
    case "generellt":
      return { subject: "Fråga", text: "Finns rullator hemma?" };
    case "avslut":
      return { reason: "utskriven_klar" };
  }
}

export function baseFacts(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    admittedAt: ADMITTED,
    careType: "somatisk",
    lpt: false,
    lrv: false,
    parties: PARTIES,
    events: [],
    consents: ALL_CONSENTS,
    ...over,
  };
}

export function withEvents(facts: CaseFacts, ...events: CaseEvent[]): CaseFacts {
  return { ...facts, events: [...facts.events, ...events] };
}

/** Admission notice sent to the kommun, the vårdcentral and hemsjukvården. */
export function notified(over: Partial<CaseFacts> = {}): CaseFacts {
  return withEvents(baseFacts(over), event("inskrivningsmeddelande", NOTICE_AT, WARD, [KOMMUN, VC, HSV]));
}

/** Notice answered by the kommun and the vårdcentral (with a fast vårdkontakt). */
export function answered(over: Partial<CaseFacts> = {}): CaseFacts {
  return withEvents(
    notified(over),
    event("svar_pa_inskrivning", at("2026-02-03", "09:00"), KOMMUN, [WARD], {
      currentServices: "Inga insatser",
      knownToUnit: true,
    }),
    event("svar_pa_inskrivning", at("2026-02-03", "10:00"), VC, [WARD]),
  );
}

/** Ready for discharge on Friday 11:00. */
export function ready(over: Partial<CaseFacts> = {}): CaseFacts {
  return withEvents(answered(over), event("utskrivningsklar", READY_AT, WARD, [KOMMUN, VC, HSV]));
}

/** Discharged on Monday 2026-02-09 10:00, notice sent the same morning. */
export function discharged(over: Partial<CaseFacts> = {}): CaseFacts {
  return withEvents(ready(over), event("utskrivningsmeddelande", at("2026-02-09", "10:30"), WARD, [KOMMUN, VC, HSV]));
}

// ---- helpers for the state-machine tests ----

const ROLE: Record<string, PartyRole> = {
  [WARD]: "avdelning",
  [KOMMUN]: "kommun",
  [VC]: "vardcentral",
  [HSV]: "hemsjukvard",
  [HTJ]: "hemtjanst",
  [PSYK]: "psykiatrisk_oppenvard",
  [OUTSIDER]: "kommun",
};

export const roleOfUnit = (unitId: string): PartyRole => ROLE[unitId] ?? "avdelning";

export function send(kind: MessageKind, from: string, to: string[], payload: unknown = samplePayload(kind), extra: Partial<SendAttempt> = {}): SendAttempt {
  return { kind, senderUnitId: from, senderRole: roleOfUnit(from), recipientUnitIds: to, payload, ...extra };
}

export const ALL_OTHERS = [KOMMUN, VC, HSV];

export const withdrawn = (): CaseFacts => withEvents(ready(), event("ej_utskrivningsklar", at("2026-02-07", "08:00"), WARD, [KOMMUN, VC, HSV]));
export const closed = (): CaseFacts => withEvents(discharged(), event("avslut", at("2026-02-20", "09:00"), WARD, [KOMMUN]));
/** The psychiatric öppenvård joins after the admission notice. */
export const psychAdded = (): CaseFacts => {
  const f = answered();
  return { ...f, parties: [...f.parties, { unitId: PSYK, role: "psykiatrisk_oppenvard" }] };
};
export const sipCalled = (): CaseFacts => withEvents(discharged(), event("kallelse_sip", at("2026-02-09", "12:00"), VC, [WARD, KOMMUN]));
export const selfCareAssessed = (): CaseFacts => withEvents(answered(), event("egenvardsbedomning", at("2026-02-04", "09:00"), WARD, [KOMMUN]));
export const kommunklarGiven = (): CaseFacts => withEvents(ready(), event("kommunklar", at("2026-02-06", "13:00"), KOMMUN, [WARD]));
export const rejectedByHsv = (): CaseFacts =>
  withEvents(notified(), event("avvisning", at("2026-02-03", "08:00"), HSV, [WARD], { reason: "fel_mottagare", text: "x" }));

/**
 * Resolve the placeholders FIRST, LAST and KOMMUN_ANSWER in `correctsMessageId` to ids of the
 * built facts (the ids exist only once the facts are built).
 */
export function resolveCorrection(facts: CaseFacts, attempt: SendAttempt): SendAttempt {
  const ids: Record<string, string | undefined> = {
    FIRST: facts.events[0]?.id,
    LAST: facts.events.at(-1)?.id,
    KOMMUN_ANSWER: facts.events.find((e) => e.kind === "svar_pa_inskrivning" && e.senderUnitId === KOMMUN)?.id,
  };
  const corrects = attempt.correctsMessageId ? (ids[attempt.correctsMessageId] ?? attempt.correctsMessageId) : undefined;
  return { ...attempt, correctsMessageId: corrects };
}

export { at };
