import { isWithin } from "./scope";
import type { Complete } from "./after-registration-items";
import type { AfterRegistrationCase, AfterRegistrationItem } from "./after-registration-types";
import type { PhoneContactEntry } from "./types";

const OUTPATIENT_ROLES = new Set(["vardcentral", "psykiatrisk_oppenvard"]);

/**
 * "Bekräfta fast vårdkontakt" (Region Västernorrland, Avbrottsrutin Lifecare SP, primary care's
 * duties after the outage): an item of its own for each primary-care party (vårdcentral or
 * psykiatrisk öppenvård) whose unit was in the outage and has not named the patient's fast
 * vårdkontakt in the system (no answer to the admission notice), when
 * - it talked with others about the case during the outage (the fast vårdkontakt is "Ange fast
 *   vårdkontakt" of the routine's list, given by phone), or
 * - the admission notice reached it during or after the outage, or is itself being registered
 *   afterwards, so it could not answer in the system.
 * A party that was notified long before the outage and never answered has an ordinary overdue
 * step in its worklist, not an after-registration item. Registered as the answer to the admission
 * notice (svar på inskrivning), which names the fast vårdkontakt.
 */
export function fixedCareContactItems(
  c: AfterRegistrationCase,
  entries: readonly PhoneContactEntry[],
  windowOf: (unitId: string) => Complete | null,
  /** When the admission notice is registered afterwards: its time (the answer cannot precede it). */
  admissionItemAt: Date | null,
): AfterRegistrationItem[] {
  const out: AfterRegistrationItem[] = [];
  for (const party of c.parties ?? []) {
    if (party.removedAt || !OUTPATIENT_ROLES.has(party.role)) continue;
    const w = windowOf(party.unitId);
    if (!w) continue;
    const answered = c.events.some((e) => (e.kind === "svar_pa_inskrivning" || e.kind === "avvisning") && e.senderUnitId === party.unitId);
    if (answered) continue;
    const notice = c.events.find((e) => e.kind === "inskrivningsmeddelande" && e.recipientUnitIds.includes(party.unitId));
    const noticeAt = notice?.occurredAt ?? admissionItemAt;
    const calls = entries.filter((e) => (e.unitId === party.unitId || e.counterpartUnitId === party.unitId) && isWithin(e.occurredAt, w));
    const phoned = calls.length > 0;
    const noticedLate = admissionItemAt !== null || (notice !== undefined && notice.occurredAt.getTime() >= w.from.getTime());
    if (!phoned && !noticedLate) continue;
    const first = calls[0]?.occurredAt ?? w.to;
    const eventAt = noticeAt && noticeAt.getTime() > first.getTime() ? noticeAt : first;
    out.push({
      key: `confirm_fixed_care_contact:${c.id}:${party.unitId}`,
      unitId: party.unitId,
      caseId: c.id,
      patientId: c.patientId,
      kind: "confirm_fixed_care_contact",
      messageKind: "svar_pa_inskrivning",
      eventAt,
      title: "Bekräfta fast vårdkontakt i svaret på inskrivningsmeddelandet",
      prefill: {},
      notes: [
        phoned
          ? "Ni talade om patienten per telefon under driftstörningen: bekräfta den fasta vårdkontakten och aktuella insatser i systemet."
          : "Ingen fast vårdkontakt är registrerad för patienten: utse och bekräfta den, med aktuella insatser.",
        ...(admissionItemAt !== null ? ["Svaret kan skickas när avdelningen har registrerat inskrivningsmeddelandet."] : []),
      ],
      sourcePhoneContactIds: calls.map((e) => e.id),
    });
  }
  return out;
}
