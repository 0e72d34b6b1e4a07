import { MESSAGE_KIND_LABELS } from "../case/labels";
import type { CaseEvent, CaseParty, MessageKind } from "../case/types";
import { lowerFirst, stockholmDateTime } from "./format";
import type { RoutineProfile } from "./routine-profile";
import { isWithin, unitOutageWindow, type ScopeUnit, type UnitOutageWindow } from "./scope";
import { draftPhoneNote, draftSummaryText, type UnitName } from "./summary-text";
import { PHONE_STEPS, type OutageWindow, type PhoneConsentDetail, type PhoneContactEntry, type PhoneStep } from "./types";

/**
 * Efterregistrering (seed 002, seed 000, issue 4): when an outage ends, each affected unit's list
 * of what to register in the system, computed from the cases and the phone log.
 *
 * Per case, for the ward (when the ward was in outage; its period is merged with any overlapping
 * outage that reaches it, and the ward waits while one of them goes on):
 * - admitted AND discharged within the period → nothing at all (seed 002);
 * - discharged within the period → register_discharge (utskrivningsmeddelande) at the discharge time;
 * - admitted within the period, or its admission phoned during it, or needed before a discharge
 *   can be registered → register_admission (inskrivningsmeddelande + patient information),
 *   prefilled with what was phoned (estimated date, consents);
 * - never a ready-for-discharge notice or a planning basis (seed 002).
 * Per logging unit: a case that existed before the period and had calls that no other item
 * registers (e.g. a new estimated date, consent, planning) → ONE general message titled by the
 * profile ("Sammanfattning av samordning under driftstörning", seed 000), drafted from that unit's
 * calls. A SIP date agreed by phone → one formal kallelse per meeting time, by the unit that called.
 * Every unacknowledged message that arrived at an affected unit during or after the period → acknowledge.
 *
 * What is already in the case (a notice sent before the outage, or registered already) is not
 * listed again; a call logged by both sides gives one item. Keys are deterministic (no outage id,
 * no clock), so computing again gives the same keys and registering stays idempotent. The work is
 * linear: the phone log and the cases are indexed by case and patient once.
 */

export const AFTER_REGISTRATION_KINDS = [
  "register_admission",
  "register_discharge",
  "formal_sip_call",
  "summary_message",
  "acknowledge",
] as const;
export type AfterRegistrationKind = (typeof AFTER_REGISTRATION_KINDS)[number];

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
  /** Free text beside the payload: what was said by phone. */
  freeText?: string;
  /** Consents handed over by phone, to register as a samtycke message (source "telefon") with the admission. */
  consents?: PhoneConsentDetail[];
  /** Swedish hints for the user. */
  notes: string[];
  sourcePhoneContactIds: string[];
  /** For acknowledge. */
  messageId?: string;
}

const KIND_ORDER: Record<AfterRegistrationKind, number> = {
  register_admission: 0,
  register_discharge: 1,
  formal_sip_call: 2,
  summary_message: 3,
  acknowledge: 4,
};
const MINUTE = 60_000;
const NONE: readonly PhoneContactEntry[] = [];

/** One bit per phone step, so that "which steps are registered otherwise" costs no allocation. */
const STEP_BIT = Object.fromEntries(PHONE_STEPS.map((s, i) => [s, 1 << i])) as Record<PhoneStep, number>;
const ADMISSION_MASK = STEP_BIT.inskrivning | STEP_BIT.beraknat_utskrivningsdatum | STEP_BIT.samtycke;
const DISCHARGE_MASK = STEP_BIT.faktiskt_utskrivningsdatum | STEP_BIT.utskrivningsmeddelande;
const SIP_MASK = STEP_BIT.sip_datum;
function maskOf(e: PhoneContactEntry): number {
  let m = 0;
  for (const s of e.steps) m |= STEP_BIT[s] ?? 0;
  return m;
}

type Complete = Extract<UnitOutageWindow, { status: "complete" }>;
const t = (d: Date): number => d.getTime();
const byTime = (a: PhoneContactEntry, b: PhoneContactEntry): number =>
  t(a.occurredAt) - t(b.occurredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Milliseconds of an ISO string, or null. */
const millis = (v: unknown): number | null => {
  if (typeof v !== "string") return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
};

export function computeAfterRegistration(input: AfterRegistrationInput): AfterRegistrationItem[] {
  const { profile } = input;
  const others = input.otherOutages ?? [];
  const units = new Map(input.units.map((u) => [u.id, u]));
  const unitName: UnitName = (id) => units.get(id)?.name;
  const windows = new Map<string, UnitOutageWindow>();
  const windowOf = (unitId: string): Complete | null => {
    let w = windows.get(unitId);
    if (!w) {
      const unit = units.get(unitId);
      w = unit ? unitOutageWindow(input.outage, others, unit) : { status: "none" };
      windows.set(unitId, w);
    }
    return w.status === "complete" ? w : null;
  };

  const { byCase, orphansByPatient } = indexPhoneLog(input.cases, input.phoneLog);
  const items = new Map<string, AfterRegistrationItem>();
  const add = (item: AfterRegistrationItem): void => {
    if (!items.has(item.key)) items.set(item.key, item);
  };

  for (const c of input.cases) {
    const entries = byCase.get(c.id) ?? NONE;
    const ward = windowOf(c.wardUnitId);
    let hasNotice = false;
    let dischargeEvent: CaseEvent | undefined;
    for (const e of c.events) {
      if (e.kind === "inskrivningsmeddelande") hasNotice = true;
      else if (e.kind === "utskrivningsmeddelande") dischargeEvent ??= e;
    }
    const phoned = entries.length > 0 ? phonedDischarge(entries) : null;
    const eventDischarge = dischargeEvent ? millis(dischargeEvent.payload.dischargedAt) : null;
    const dischargedAt = c.dischargedAt ?? (eventDischarge !== null ? new Date(eventDischarge) : (phoned?.at ?? null));
    const admittedDuring = ward !== null && isWithin(c.admittedAt, ward);
    const dischargedDuring = ward !== null && dischargedAt !== null && isWithin(dischargedAt, ward);
    if (admittedDuring && dischargedDuring) continue; // seed 002: "behöver inte registreras i efterhand"

    // The phone steps that an item or a message in the case already carries (a bit per step).
    let covered = (hasNotice ? ADMISSION_MASK : 0) | (dischargeEvent ? DISCHARGE_MASK : 0);

    if (ward) {
      const inWard = entries.length === 0 ? NONE : entries.filter((e) => isWithin(e.occurredAt, ward));
      const registerDischarge = profile.registerAfter.discharge && dischargedDuring && !dischargeEvent;
      const needsAdmission =
        profile.registerAfter.admission &&
        !hasNotice &&
        (admittedDuring || c.provisional || inWard.some((e) => e.steps.includes("inskrivning")) || registerDischarge);
      if (needsAdmission) {
        // The notice must precede a discharge registered with it (the state machine reads the order).
        const latest = registerDischarge && dischargedAt && t(dischargedAt) < t(ward.to) ? dischargedAt : ward.to;
        add(admissionItem(c, latest, inWard.filter((e) => (maskOf(e) & ADMISSION_MASK) !== 0), unitName));
        covered |= ADMISSION_MASK;
      }
      if (registerDischarge && dischargedAt) {
        const calls = inWard.filter((e) => (maskOf(e) & DISCHARGE_MASK) !== 0);
        const notes = ["Utskrivningsplanen och läkemedelslistan följde med patienten: för in dem från pappersblanketten."];
        if (!c.dischargedAt && !dischargeEvent && phoned?.fromCallTime) {
          notes.push("Utskrivningstiden är tiden för samtalet om utskrivningen: kontrollera den.");
        }
        add({
          key: `register_discharge:${c.id}`,
          unitId: c.wardUnitId,
          caseId: c.id,
          patientId: c.patientId,
          kind: "register_discharge",
          messageKind: "utskrivningsmeddelande",
          eventAt: dischargedAt,
          title: "Registrera utskrivningen med utskrivningsmeddelande",
          prefill: { dischargedAt: dischargedAt.toISOString() },
          freeText: draftPhoneNote(calls, unitName),
          notes,
          sourcePhoneContactIds: calls.map((e) => e.id),
        });
        covered |= DISCHARGE_MASK;
      }
    }

    if (entries.length === 0) continue;
    if (profile.registerAfter.sipCall) {
      const sip = sipItems(c.id, c.patientId, entries, c.events, windowOf);
      sip.items.forEach(add);
      if (sip.allCovered) covered |= SIP_MASK;
    }
    if (profile.registerAfter.summaryMessage && !c.provisional) {
      for (const item of summaryItems(c, entries, covered, profile.summaryMessageTitle, windowOf, unitName)) add(item);
    }
  }

  if (profile.registerAfter.sipCall) {
    for (const [patientId, entries] of orphansByPatient) {
      sipItems(null, patientId, entries, [], windowOf).items.forEach(add);
    }
  }

  if (profile.registerAfter.acknowledgeMessages) {
    for (const r of input.unacknowledged) {
      const w = windowOf(r.unitId);
      if (!w || t(r.occurredAt) < t(w.from)) continue;
      add({
        key: `acknowledge:${r.messageId}:${r.unitId}`,
        unitId: r.unitId,
        caseId: r.caseId,
        patientId: r.patientId,
        kind: "acknowledge",
        eventAt: r.occurredAt,
        title: r.kind ? `Kvittera ${lowerFirst(MESSAGE_KIND_LABELS[r.kind])}` : "Kvittera meddelande",
        notes: [],
        sourcePhoneContactIds: [],
        messageId: r.messageId,
      });
    }
  }

  return sortItems(items.values());
}

/** By unit, then the original time, then kind (an admission before its discharge), then key. */
function sortItems(all: Iterable<AfterRegistrationItem>): AfterRegistrationItem[] {
  const byUnit = new Map<string, AfterRegistrationItem[]>();
  for (const item of all) {
    const list = byUnit.get(item.unitId);
    if (list) list.push(item);
    else byUnit.set(item.unitId, [item]);
  }
  const out: AfterRegistrationItem[] = [];
  for (const unitId of [...byUnit.keys()].sort()) {
    const list = byUnit.get(unitId) ?? [];
    list.sort(
      (a, b) =>
        t(a.eventAt) - t(b.eventAt) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    for (const item of list) out.push(item);
  }
  return out;
}

/**
 * The phone log by case. A call logged without a case belongs to the patient's case whose stay
 * covers it (the latest admitted of those), else the first case admitted after it, else the
 * latest before it; a patient without a case keeps the call as an orphan (a SIP date may still
 * need its kallelse).
 */
function indexPhoneLog(cases: readonly AfterRegistrationCase[], log: readonly PhoneContactEntry[]) {
  const known = new Set(cases.map((c) => c.id));
  const casesByPatient = new Map<string, AfterRegistrationCase[]>();
  for (const c of cases) {
    const list = casesByPatient.get(c.patientId) ?? [];
    list.push(c);
    casesByPatient.set(c.patientId, list);
  }
  for (const list of casesByPatient.values()) list.sort((a, b) => t(a.admittedAt) - t(b.admittedAt));

  const byCase = new Map<string, PhoneContactEntry[]>();
  const orphansByPatient = new Map<string, PhoneContactEntry[]>();
  const push = (map: Map<string, PhoneContactEntry[]>, key: string, e: PhoneContactEntry): void => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const e of log) {
    const caseId = e.caseId && known.has(e.caseId) ? e.caseId : e.caseId ? null : resolveCase(casesByPatient.get(e.patientId), e.occurredAt);
    if (caseId) push(byCase, caseId, e);
    else push(orphansByPatient, e.patientId, e);
  }
  for (const list of byCase.values()) list.sort(byTime);
  for (const list of orphansByPatient.values()) list.sort(byTime);
  return { byCase, orphansByPatient };
}

function resolveCase(cases: readonly AfterRegistrationCase[] | undefined, at: Date): string | null {
  if (!cases || cases.length === 0) return null;
  let covering: AfterRegistrationCase | null = null;
  let after: AfterRegistrationCase | null = null;
  let before: AfterRegistrationCase | null = null;
  for (const c of cases) {
    if (t(c.admittedAt) <= t(at)) {
      before = c;
      if (c.dischargedAt === null || t(at) <= t(c.dischargedAt)) covering = c;
    } else if (!after) after = c;
  }
  return (covering ?? after ?? before)?.id ?? null;
}

/** The discharge as phoned: the latest stated time, else the time of the first call about it. */
function phonedDischarge(entries: readonly PhoneContactEntry[]): { at: Date; fromCallTime: boolean } | null {
  let stated: number | null = null;
  let firstCall: Date | null = null;
  for (const e of entries) {
    if ((maskOf(e) & DISCHARGE_MASK) === 0) continue;
    stated = millis(e.details?.dischargeAt) ?? stated;
    if (!firstCall && e.steps.includes("utskrivningsmeddelande")) firstCall = e.occurredAt;
  }
  if (stated !== null) return { at: new Date(stated), fromCallTime: false };
  return firstCall ? { at: firstCall, fromCallTime: true } : null;
}

function admissionItem(
  c: AfterRegistrationCase,
  /** The time to use when nothing was phoned: the outage's end, or the discharge if earlier. */
  fallbackAt: Date,
  calls: readonly PhoneContactEntry[],
  unitName: UnitName,
): AfterRegistrationItem {
  const firstNotice = calls.find((e) => e.steps.includes("inskrivning"));
  let estimatedDischargeDate: string | undefined;
  const consents = new Map<string, PhoneConsentDetail>();
  for (const e of calls) {
    estimatedDischargeDate = e.details?.estimatedDischargeDate ?? estimatedDischargeDate;
    for (const consent of e.details?.consents ?? []) consents.set(consent.kind, consent);
  }
  const notes = ["Patientinformation: fyll i om det är möjligt. Har patienten gått hem skickas den hem till patienten."];
  let eventAt: Date;
  if (firstNotice) {
    eventAt = t(firstNotice.occurredAt) < t(c.admittedAt) ? c.admittedAt : firstNotice.occurredAt;
    notes.push("Det som redan meddelats per telefon är ifyllt och behöver inte föras in igen.");
  } else {
    eventAt = t(fallbackAt) < t(c.admittedAt) ? c.admittedAt : fallbackAt;
    notes.push("Inskrivningen meddelades inte per telefon under driftstörningen: meddelandet får driftstörningens sluttid.");
  }
  if (!estimatedDischargeDate) notes.push("Beräknat utskrivningsdatum meddelades inte per telefon: ange det.");
  return {
    key: `register_admission:${c.id}`,
    unitId: c.wardUnitId,
    caseId: c.id,
    patientId: c.patientId,
    kind: "register_admission",
    messageKind: "inskrivningsmeddelande",
    eventAt,
    title: "Registrera inskrivningsmeddelande och patientinformation",
    prefill: estimatedDischargeDate ? { estimatedDischargeDate } : {},
    freeText: draftPhoneNote(calls, unitName),
    ...(consents.size > 0 ? { consents: [...consents.values()] } : {}),
    notes,
    sourcePhoneContactIds: calls.map((e) => e.id),
  };
}

/**
 * One formal kallelse per agreed meeting time, unless a kallelse for that time is in the case.
 * `allCovered`: every SIP call of the case has its kallelse (sent or listed now).
 */
function sipItems(
  caseId: string | null,
  patientId: string,
  entries: readonly PhoneContactEntry[],
  events: readonly CaseEvent[],
  windowOf: (unitId: string) => Complete | null,
): { items: AfterRegistrationItem[]; allCovered: boolean } {
  if (!entries.some((e) => e.steps.includes("sip_datum"))) return { items: [], allCovered: true };
  const sent = new Set<number>();
  for (const e of events) {
    const at = e.kind === "kallelse_sip" ? millis(e.payload.meetingAt) : null;
    if (at !== null) sent.add(Math.floor(at / MINUTE));
  }
  let allCovered = true;
  const groups = new Map<number, { meetingAt: Date; calls: PhoneContactEntry[] }>();
  let sipConsent: boolean | null = null;
  for (const e of entries) {
    for (const consent of e.details?.consents ?? []) if (consent.kind === "sip") sipConsent = consent.given;
    if (!e.steps.includes("sip_datum")) continue;
    const ms = millis(e.details?.sipAt);
    if (ms === null) {
      allCovered = false;
      continue;
    }
    const w = windowOf(e.unitId);
    if (!w || !isWithin(e.occurredAt, w)) continue;
    const minute = Math.floor(ms / MINUTE);
    if (sent.has(minute)) continue;
    const group = groups.get(minute);
    if (group) group.calls.push(e);
    else groups.set(minute, { meetingAt: new Date(minute * MINUTE), calls: [e] });
  }
  const out: AfterRegistrationItem[] = [];
  for (const { meetingAt, calls } of groups.values()) {
    const first = calls[0] as PhoneContactEntry;
    const caller = calls.find((e) => e.direction === "lamnat")?.unitId;
    const counterpart = calls.find((e) => e.direction === "mottaget" && e.counterpartUnitId && windowOf(e.counterpartUnitId))?.counterpartUnitId;
    const unitId = caller ?? counterpart ?? first.unitId;
    const participants = [...new Set(calls.map((e) => e.counterpartName).filter((n) => n !== ""))];
    out.push({
      key: `formal_sip_call:${caseId ?? `patient:${patientId}`}:${meetingAt.toISOString()}`,
      unitId,
      caseId,
      patientId,
      kind: "formal_sip_call",
      messageKind: "kallelse_sip",
      eventAt: first.occurredAt,
      title: `Skicka kallelse till SIP (överenskommet per telefon: ${stockholmDateTime(meetingAt)})`,
      prefill: {
        meetingAt: meetingAt.toISOString(),
        video: false,
        participants,
        consentStatus: sipConsent === null ? "unknown" : sipConsent ? "given" : "refused",
      },
      notes: caseId
        ? ["Ange plats eller videolänk och kontrollera deltagarna."]
        : ["Patienten har inget ärende i Vårdkedjan: lägg upp ärendet först."],
      sourcePhoneContactIds: calls.map((e) => e.id),
    });
  }
  return { items: out, allCovered };
}

/** One summary per (case, logging unit) for a case that existed before that unit's outage period. */
function summaryItems(
  c: AfterRegistrationCase,
  entries: readonly PhoneContactEntry[],
  /** Bits of the steps registered otherwise. */
  covered: number,
  title: string,
  windowOf: (unitId: string) => Complete | null,
  unitName: UnitName,
): AfterRegistrationItem[] {
  if (entries.length === 0) return [];
  const byUnit = new Map<string, PhoneContactEntry[]>();
  for (const e of entries) {
    const list = byUnit.get(e.unitId);
    if (list) list.push(e);
    else byUnit.set(e.unitId, [e]);
  }
  const out: AfterRegistrationItem[] = [];
  for (const [unitId, all] of byUnit) {
    const w = windowOf(unitId);
    if (!w || t(c.admittedAt) >= t(w.from)) continue;
    const calls = all.filter((e) => isWithin(e.occurredAt, w));
    if (!calls.some((e) => (maskOf(e) & ~covered) !== 0)) continue;
    const alreadySent = c.events.some(
      (e) => e.kind === "generellt" && e.senderUnitId === unitId && e.payload.subject === title && t(e.occurredAt) >= t(w.from),
    );
    if (alreadySent) continue;
    out.push({
      key: `summary_message:${c.id}:${unitId}:${w.from.toISOString()}`,
      unitId,
      caseId: c.id,
      patientId: c.patientId,
      kind: "summary_message",
      messageKind: "generellt",
      eventAt: w.to,
      title,
      prefill: {
        subject: title,
        text: draftSummaryText({ from: w.from, to: w.to, loggingUnitName: unitName(unitId), entries: calls, unitName }),
      },
      notes: ["Läs igenom och komplettera sammanfattningen innan du skickar den."],
      sourcePhoneContactIds: calls.map((e) => e.id),
    });
  }
  return out;
}
