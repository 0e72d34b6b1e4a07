import { stockholmDateTime } from "../time/format";
import { isWithin, type UnitOutageWindow } from "./scope";
import { draftSummaryText, type UnitName } from "./summary-text";
import type { PhoneNote } from "./shared-phone-note";
import { summaryRecipientGroups } from "./summary-recipients";
import type { AfterRegistrationCase, AfterRegistrationItem, AfterRegistrationKind } from "./after-registration-types";
import { PHONE_STEPS, type PhoneConsentDetail, type PhoneContactEntry, type PhoneStep } from "./types";

/** The parts of `computeAfterRegistration`: indexing the phone log, and each kind of item. */

const KIND_ORDER: Record<AfterRegistrationKind, number> = {
  register_admission: 0,
  register_discharge: 1,
  register_planning_basis: 2,
  formal_sip_call: 3,
  confirm_fixed_care_contact: 4,
  summary_message: 5,
  acknowledge: 6,
};
const MINUTE = 60_000;
export const NONE: readonly PhoneContactEntry[] = [];

/** One bit per phone step, so that "which steps are registered otherwise" costs no allocation. */
const STEP_BIT = Object.fromEntries(PHONE_STEPS.map((s, i) => [s, 1 << i])) as Record<PhoneStep, number>;
export const ADMISSION_MASK = STEP_BIT.inskrivning | STEP_BIT.beraknat_utskrivningsdatum | STEP_BIT.samtycke;
export const DISCHARGE_MASK = STEP_BIT.faktiskt_utskrivningsdatum | STEP_BIT.utskrivningsmeddelande;
export function maskOf(e: PhoneContactEntry): number {
  let m = 0;
  for (const s of e.steps) m |= STEP_BIT[s] ?? 0;
  return m;
}

export type Complete = Extract<UnitOutageWindow, { status: "complete" }>;
export const t = (d: Date): number => d.getTime();
const byTime = (a: PhoneContactEntry, b: PhoneContactEntry): number => t(a.occurredAt) - t(b.occurredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Milliseconds of an ISO string, or null. */
export const millis = (v: unknown): number | null => {
  if (typeof v !== "string") return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
};

/** By unit, then the original time, then kind (an admission before its discharge), then key. */
export function sortItems(all: Iterable<AfterRegistrationItem>): AfterRegistrationItem[] {
  const byUnit = new Map<string, AfterRegistrationItem[]>();
  for (const item of all) {
    const list = byUnit.get(item.unitId);
    if (list) list.push(item);
    else byUnit.set(item.unitId, [item]);
  }
  const out: AfterRegistrationItem[] = [];
  for (const unitId of [...byUnit.keys()].sort()) {
    const list = byUnit.get(unitId) ?? [];
    list.sort((a, b) => t(a.eventAt) - t(b.eventAt) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
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
export function indexPhoneLog(cases: readonly AfterRegistrationCase[], log: readonly PhoneContactEntry[]) {
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
export function phonedDischarge(entries: readonly PhoneContactEntry[]): { at: Date; fromCallTime: boolean } | null {
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

export function admissionItem(
  c: AfterRegistrationCase,
  /** The time to use when nothing was phoned: the outage's end, or the discharge if earlier. */
  fallbackAt: Date,
  calls: readonly PhoneContactEntry[],
  /** The free text drafted from the calls (shared-phone-note.ts). */
  note: PhoneNote,
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
    ...note,
    ...(consents.size > 0 ? { consents: [...consents.values()] } : {}),
    notes,
    sourcePhoneContactIds: calls.map((e) => e.id),
  };
}

/**
 * A planning basis phoned during the outage, when the routine registers it: only while the
 * patient is neither ready for discharge nor gone home. One sent since (or just before) the outage
 * makes it a possible duplicate (after-registration-duplicates.ts), not a reason to drop it.
 */
export function planningBasisItem(
  c: AfterRegistrationCase,
  calls: readonly PhoneContactEntry[],
  readyOrHome: boolean,
  note: (calls: readonly PhoneContactEntry[]) => PhoneNote,
): AfterRegistrationItem | null {
  const phoned = calls.filter((e) => e.steps.includes("planeringsunderlag"));
  const last = phoned.at(-1);
  if (readyOrHome || !last) return null;
  let version = 0;
  for (const e of c.events) {
    if (e.kind === "planeringsunderlag") version = Math.max(version, typeof e.payload.version === "number" ? e.payload.version : 0);
  }
  return {
    key: `register_planning_basis:${c.id}`,
    unitId: c.wardUnitId,
    caseId: c.id,
    patientId: c.patientId,
    kind: "register_planning_basis",
    messageKind: "planeringsunderlag",
    eventAt: last.occurredAt,
    title: "Registrera planeringsunderlaget",
    prefill: { version: version + 1 },
    ...note(phoned),
    notes: ["Patienten är varken utskrivningsklar eller hemma: för in planeringsunderlaget som det meddelades per telefon."],
    sourcePhoneContactIds: phoned.map((e) => e.id),
  };
}

/** The discharge phoned or done during the outage, registered with its own time. */
export function dischargeItem(
  c: AfterRegistrationCase,
  dischargedAt: Date,
  calls: readonly PhoneContactEntry[],
  fromCallTime: boolean,
  note: PhoneNote,
): AfterRegistrationItem {
  const notes = ["Utskrivningsplanen och läkemedelslistan följde med patienten: för in dem från pappersblanketten."];
  if (fromCallTime) notes.push("Utskrivningstiden är tiden för samtalet om utskrivningen: kontrollera den.");
  return {
    key: `register_discharge:${c.id}`,
    unitId: c.wardUnitId,
    caseId: c.id,
    patientId: c.patientId,
    kind: "register_discharge",
    messageKind: "utskrivningsmeddelande",
    eventAt: dischargedAt,
    title: "Registrera utskrivningen med utskrivningsmeddelande",
    prefill: { dischargedAt: dischargedAt.toISOString() },
    ...note,
    notes,
    sourcePhoneContactIds: calls.map((e) => e.id),
  };
}

/**
 * One formal kallelse per agreed meeting time. A kallelse for that time already in the case makes
 * it a possible duplicate (flagged by the caller), not a reason to drop it.
 */
export function sipItems(
  caseId: string | null,
  patientId: string,
  entries: readonly PhoneContactEntry[],
  windowOf: (unitId: string) => Complete | null,
  /** The unit that sends every kallelse when the region's routine says primary care does; else the caller. */
  primaryCareUnitId: string | null = null,
): { items: AfterRegistrationItem[] } {
  if (!entries.some((e) => e.steps.includes("sip_datum"))) return { items: [] };
  const groups = new Map<number, { meetingAt: Date; calls: PhoneContactEntry[] }>();
  let sipConsent: boolean | null = null;
  for (const e of entries) {
    for (const consent of e.details?.consents ?? []) if (consent.kind === "sip") sipConsent = consent.given;
    if (!e.steps.includes("sip_datum")) continue;
    const ms = millis(e.details?.sipAt);
    if (ms === null) continue;
    const w = windowOf(e.unitId);
    if (!w || !isWithin(e.occurredAt, w)) continue;
    const minute = Math.floor(ms / MINUTE);
    const group = groups.get(minute);
    if (group) group.calls.push(e);
    else groups.set(minute, { meetingAt: new Date(minute * MINUTE), calls: [e] });
  }
  const out: AfterRegistrationItem[] = [];
  for (const { meetingAt, calls } of groups.values()) {
    const first = calls[0] as PhoneContactEntry;
    const caller = calls.find((e) => e.direction === "lamnat")?.unitId;
    const counterpart = calls.find((e) => e.direction === "mottaget" && e.counterpartUnitId && windowOf(e.counterpartUnitId))?.counterpartUnitId;
    const unitId = primaryCareUnitId ?? caller ?? counterpart ?? first.unitId;
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
      notes: [caseId ? "Ange plats eller videolänk och kontrollera deltagarna." : "Patienten har inget ärende i Vårdkedjan: lägg upp ärendet först."],
      sourcePhoneContactIds: calls.map((e) => e.id),
    });
  }
  return { items: out };
}

/** One summary per (case, logging unit) for a case that existed before that unit's outage period. */
export function summaryItems(
  c: AfterRegistrationCase,
  entries: readonly PhoneContactEntry[],
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
    if (calls.length === 0) continue;
    const alreadySent = c.events.some(
      (e) => e.kind === "generellt" && e.senderUnitId === unitId && e.payload.subject === title && t(e.occurredAt) >= t(w.from),
    );
    if (alreadySent) continue;
    const draft = (shown: readonly PhoneContactEntry[]) =>
      draftSummaryText({ from: w.from, to: w.to, loggingUnitName: unitName(unitId), entries: shown, unitName });
    const groups = summaryRecipientGroups({ senderUnitId: unitId, parties: c.parties ?? [], consents: c.consents ?? [], calls, draft, unitName });
    out.push({
      key: `summary_message:${c.id}:${unitId}:${w.from.toISOString()}`,
      unitId,
      caseId: c.id,
      patientId: c.patientId,
      kind: "summary_message",
      messageKind: "generellt",
      eventAt: w.to,
      title,
      prefill: { subject: title, text: groups[0]?.text ?? draft(calls) },
      notes: ["Läs igenom och komplettera sammanfattningen innan du skickar den."],
      ...(groups.length > 0 ? { recipientGroups: groups } : {}),
      sourcePhoneContactIds: calls.map((e) => e.id),
    });
  }
  return out;
}
