import { MESSAGE_KIND_LABELS } from "../case/labels";
import type { CaseEvent, MessageKind } from "../case/types";
import { lowerFirst } from "../text/swedish";
import { isWithin, unitOutageWindow, type UnitOutageWindow } from "./scope";
import type { UnitName } from "./summary-text";
import {
  ADMISSION_MASK,
  admissionItem,
  DISCHARGE_MASK,
  dischargeItem,
  indexPhoneLog,
  maskOf,
  millis,
  NONE,
  phonedDischarge,
  planningBasisItem,
  sipItems,
  sortItems,
  summaryItems,
  t,
  type Complete,
} from "./after-registration-items";
import type { AfterRegistrationCase, AfterRegistrationInput, AfterRegistrationItem } from "./after-registration-types";
import { DUPLICATE_CHECKED_KINDS, duplicateCheckFrom, duplicateNote, duplicateReference, findPossibleDuplicate } from "./after-registration-duplicates";
import { fixedCareContactItems } from "./fixed-care-contact-item";
import { sharedPhoneNote } from "./shared-phone-note";
import type { PhoneContactEntry } from "./types";
import { isVoidedCase } from "./voided-case";

export { DUPLICATE_CHECKED_KINDS, type DuplicateReference } from "./after-registration-duplicates";
export {
  AFTER_REGISTRATION_KIND_LABELS,
  AFTER_REGISTRATION_KINDS,
  AFTER_REGISTRATION_STATUSES,
  type AfterRegistrationStatus,
  type AfterRegistrationCase,
  type AfterRegistrationInput,
  type AfterRegistrationItem,
  type AfterRegistrationKind,
  type UnacknowledgedRecipient,
} from "./after-registration-types";

/**
 * Efterregistrering (Region Västernorrland, Avbrottsrutin Lifecare SP; Region Sörmland, Reservrutin Link): when an outage ends, each affected unit's list
 * of what to register in the system, computed from the cases and the phone log.
 *
 * Per case, for the ward (when the ward was in outage; its period is merged with any overlapping
 * outage that reaches it, and the ward waits while one of them goes on):
 * - admitted AND discharged within the period → nothing at all (Region Västernorrland, Avbrottsrutin Lifecare SP);
 * - discharged within the period → register_discharge (utskrivningsmeddelande) at the discharge time;
 * - admitted within the period, or its admission phoned during it, or needed before a discharge
 *   can be registered → register_admission (inskrivningsmeddelande + patient information),
 *   prefilled with what was phoned (estimated date, consents);
 * - never a ready-for-discharge notice; a planning basis only where the routine says so, and then
 *   only while the patient is neither ready nor gone home (Avbrottsrutin Lifecare SP).
 * Per logging unit: a case that existed before the period and had calls → ONE general message
 * titled by the profile ("Sammanfattning av samordning under driftstörning"), drafted from that
 * unit's calls, in addition to any formal registration (Region Sörmland, Reservrutin Link: "där
 * samordningsärende redan fanns" a summary is sent), addressed per recipient to what it may read. A SIP date agreed by phone → one formal kallelse per meeting time, by the unit that called.
 * Every unacknowledged message that arrived at an affected unit during or after the period → acknowledge.
 *
 * A phoned step whose message is already in the case, sent just before the outage or since (by
 * another unit, or registered already), is listed flagged as a possible duplicate with that message,
 * for the user to confirm or dismiss (after-registration-duplicates.ts); one sent long before is
 * not listed again (the summary carries the call). A call logged by both sides gives one item. Free
 * texts drafted from the calls hold only what every reader may see (shared-phone-note.ts).
 * Primary care confirms its fast vårdkontakt where the routine says so (fixed-care-contact-item.ts). Keys are deterministic (no outage id,
 * no clock), so computing again gives the same keys and registering stays idempotent. The work is
 * linear: the phone log and the cases are indexed by case and patient once.
 */
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

  const registered = new Set(input.registeredMessageIds ?? []);
  /** The item flagged when a message of its kind is in the case close in time (checked again at registration). */
  const flag = (c: AfterRegistrationCase, item: AfterRegistrationItem, periodFrom: Date): AfterRegistrationItem => {
    if (!item.messageKind || !DUPLICATE_CHECKED_KINDS.has(item.kind)) return item;
    const since = duplicateCheckFrom(periodFrom);
    const meetingAt = item.prefill?.meetingAt;
    const found = findPossibleDuplicate({
      kind: item.messageKind,
      events: c.events,
      since,
      viewerUnitId: item.unitId,
      parties: c.parties ?? [],
      consents: c.consents ?? [],
      meetingAt,
      ignore: registered,
    });
    if (!found) return { ...item, duplicateCheckFrom: since };
    const ref = duplicateReference(found, unitName);
    return { ...item, duplicateCheckFrom: since, possibleDuplicate: ref, notes: [duplicateNote(ref), ...item.notes] };
  };

  for (const c of input.cases) {
    if (isVoidedCase(c.events)) continue; // closed as wrongly created: nothing to register in it
    const entries = byCase.get(c.id) ?? NONE;
    const ward = windowOf(c.wardUnitId);
    const note = (kind: MessageKind, calls: readonly PhoneContactEntry[]) =>
      sharedPhoneNote({ kind, senderUnitId: c.wardUnitId, parties: c.parties ?? [], consents: c.consents ?? [], calls, unitName });
    let noticeAt: number | null = null;
    let dischargeEvent: CaseEvent | undefined;
    for (const e of c.events) {
      if (e.kind === "inskrivningsmeddelande") noticeAt = Math.min(noticeAt ?? Infinity, t(e.occurredAt));
      else if (e.kind === "utskrivningsmeddelande") dischargeEvent ??= e;
    }
    const hasNotice = noticeAt !== null;
    const phoned = entries.length > 0 ? phonedDischarge(entries) : null;
    const eventDischarge = dischargeEvent ? millis(dischargeEvent.payload.dischargedAt) : null;
    const dischargedAt = c.dischargedAt ?? (eventDischarge !== null ? new Date(eventDischarge) : (phoned?.at ?? null));
    const admittedDuring = ward !== null && isWithin(c.admittedAt, ward);
    const dischargedDuring = ward !== null && dischargedAt !== null && isWithin(dischargedAt, ward);
    if (admittedDuring && dischargedDuring) continue; // Region Västernorrland, Avbrottsrutin Lifecare SP: "behöver inte registreras i efterhand"

    let admissionItemAt: Date | null = null;
    if (ward) {
      const inWard = entries.length === 0 ? NONE : entries.filter((e) => isWithin(e.occurredAt, ward));
      const registerDischarge = profile.registerAfter.discharge && dischargedDuring && !dischargeEvent;
      const phonedAdmission = inWard.some((e) => e.steps.includes("inskrivning"));
      const admissionCalls = () => inWard.filter((e) => (maskOf(e) & ADMISSION_MASK) !== 0);
      if (profile.registerAfter.admission && !hasNotice && (admittedDuring || c.provisional || phonedAdmission || registerDischarge)) {
        // The notice must precede a discharge registered with it (the state machine reads the order).
        const latest = registerDischarge && dischargedAt && t(dischargedAt) < t(ward.to) ? dischargedAt : ward.to;
        const item = admissionItem(c, latest, admissionCalls(), note("inskrivningsmeddelande", admissionCalls()));
        admissionItemAt = item.eventAt;
        add(flag(c, item, ward.from));
      } else if (profile.registerAfter.admission && hasNotice && phonedAdmission) {
        // Phoned AND in the system: listed only as a possible duplicate of a notice sent close in time.
        const item = flag(c, admissionItem(c, ward.to, admissionCalls(), note("inskrivningsmeddelande", admissionCalls())), ward.from);
        if (item.possibleDuplicate) add(item);
      }
      const dischargeCalls = inWard.filter((e) => (maskOf(e) & DISCHARGE_MASK) !== 0);
      if (registerDischarge && dischargedAt) {
        const fromCallTime = !c.dischargedAt && !!phoned?.fromCallTime;
        add(flag(c, dischargeItem(c, dischargedAt, dischargeCalls, fromCallTime, note("utskrivningsmeddelande", dischargeCalls)), ward.from));
      } else if (profile.registerAfter.discharge && dischargeEvent && dischargeCalls.length > 0) {
        const at = phoned?.at ?? dischargedAt ?? dischargeEvent.occurredAt;
        const item = flag(c, dischargeItem(c, at, dischargeCalls, !!phoned?.fromCallTime, note("utskrivningsmeddelande", dischargeCalls)), ward.from);
        if (item.possibleDuplicate) add(item);
      }
    }

    if (profile.registerAfter.fixedCareContact) {
      for (const item of fixedCareContactItems(c, entries, windowOf, admissionItemAt)) add(item);
    }
    if (entries.length === 0) continue;
    if (ward && profile.registerAfter.planningBasis === "om_inte_klar_eller_hemma") {
      const ready = c.events.some((e) => e.kind === "utskrivningsklar") || entries.some((e) => e.steps.includes("utskrivningsklar"));
      const inWard = entries.filter((e) => isWithin(e.occurredAt, ward));
      const item = planningBasisItem(c, inWard, ready || dischargedAt !== null, (calls) => note("planeringsunderlag", calls));
      if (item) add(flag(c, item, ward.from));
    }
    if (profile.registerAfter.sipCall) {
      const primaryCare =
        profile.sipInvitationBy === "primarvarden"
          ? (c.parties?.find((p) => !p.removedAt && (p.role === "vardcentral" || p.role === "psykiatrisk_oppenvard"))?.unitId ?? null)
          : null;
      for (const item of sipItems(c.id, c.patientId, entries, windowOf, primaryCare).items) {
        add(flag(c, item, windowOf(item.unitId)?.from ?? input.outage.startedAt));
      }
    }
    if (profile.registerAfter.summaryMessage && !c.provisional) {
      for (const item of summaryItems(c, entries, profile.summaryMessageTitle, windowOf, unitName)) add(item);
    }
  }

  if (profile.registerAfter.sipCall) {
    for (const [patientId, entries] of orphansByPatient) {
      sipItems(null, patientId, entries, windowOf).items.forEach(add);
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
