import { MESSAGE_KIND_LABELS } from "../case/labels";
import type { CaseEvent } from "../case/types";
import { lowerFirst } from "./format";
import { isWithin, unitOutageWindow, type UnitOutageWindow } from "./scope";
import { draftPhoneNote, type UnitName } from "./summary-text";
import {
  ADMISSION_MASK,
  admissionItem,
  DISCHARGE_MASK,
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
import type { AfterRegistrationInput, AfterRegistrationItem } from "./after-registration-types";
import { isVoidedCase } from "./voided-case";

export {
  AFTER_REGISTRATION_KINDS,
  type AfterRegistrationCase,
  type AfterRegistrationInput,
  type AfterRegistrationItem,
  type AfterRegistrationKind,
  type UnacknowledgedRecipient,
} from "./after-registration-types";

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
 * - never a ready-for-discharge notice; a planning basis only where the routine says so, and then
 *   only while the patient is neither ready nor gone home (Avbrottsrutin Lifecare SP).
 * Per logging unit: a case that existed before the period and had calls → ONE general message
 * titled by the profile ("Sammanfattning av samordning under driftstörning"), drafted from that
 * unit's calls, in addition to any formal registration (Region Sörmland, Reservrutin Link: "där
 * samordningsärende redan fanns" a summary is sent), addressed per recipient to what it may read. A SIP date agreed by phone → one formal kallelse per meeting time, by the unit that called.
 * Every unacknowledged message that arrived at an affected unit during or after the period → acknowledge.
 *
 * What is already in the case (a notice sent before the outage, or registered already) is not
 * listed again; a call logged by both sides gives one item. Keys are deterministic (no outage id,
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

  for (const c of input.cases) {
    if (isVoidedCase(c.events)) continue; // closed as wrongly created: nothing to register in it
    const entries = byCase.get(c.id) ?? NONE;
    const ward = windowOf(c.wardUnitId);
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
    if (admittedDuring && dischargedDuring) continue; // seed 002: "behöver inte registreras i efterhand"

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
      }
    }

    if (entries.length === 0) continue;
    if (ward && profile.registerAfter.planningBasis === "om_inte_klar_eller_hemma") {
      const ready = c.events.some((e) => e.kind === "utskrivningsklar") || entries.some((e) => e.steps.includes("utskrivningsklar"));
      const item = planningBasisItem(c, entries.filter((e) => isWithin(e.occurredAt, ward)), ward.from, ready || dischargedAt !== null, unitName);
      if (item) add(item);
    }
    if (profile.registerAfter.sipCall) {
      const primaryCare =
        profile.sipInvitationBy === "primarvarden"
          ? (c.parties?.find((p) => !p.removedAt && (p.role === "vardcentral" || p.role === "psykiatrisk_oppenvard"))?.unitId ?? null)
          : null;
      sipItems(c.id, c.patientId, entries, c.events, windowOf, primaryCare).items.forEach(add);
    }
    if (profile.registerAfter.summaryMessage && !c.provisional) {
      for (const item of summaryItems(c, entries, profile.summaryMessageTitle, windowOf, unitName)) add(item);
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
