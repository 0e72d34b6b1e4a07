import { partyViewer, viewPhoneContact } from "../case/phone-contact-visibility";
import { defaultRecipients } from "../case/recipients";
import type { CaseEvent, CaseParty, ConsentRecord, MessageKind } from "../case/types";
import { viewMessage } from "../case/visibility";
import { draftPhoneNote, type UnitName } from "./summary-text";
import type { PhoneContactEntry } from "./types";

/**
 * The free text beside an after-registered message (admission, discharge, planning basis) is
 * drafted from the calls, and the message goes to every party at once. So the draft holds only the
 * calls that every party able to read the message's free text may see in full (the same rule as
 * the case's list of calls): nothing there reaches hemtjänst from a call it took no part in, or a
 * party without the patient's consent. The rest is not lost: it is shown to the author as
 * "Anteckningar från samtalen (skickas inte)", to copy what may be sent.
 */
export interface PhoneNote {
  /** Sent as the message's free text (the user may edit it). */
  freeText?: string;
  /** Shown to the author only, never sent. */
  privateNotes?: string;
}

export function sharedPhoneNote(input: {
  kind: MessageKind;
  senderUnitId: string;
  parties: readonly CaseParty[];
  consents: readonly ConsentRecord[];
  calls: readonly PhoneContactEntry[];
  unitName: UnitName;
}): PhoneNote {
  if (input.calls.length === 0) return {};
  const active = input.parties.filter((p) => !p.removedAt);
  const senderRole = active.find((p) => p.unitId === input.senderUnitId)?.role ?? "avdelning";
  const recipientUnitIds = defaultRecipients(input.kind, input.senderUnitId, senderRole, active);
  const message: CaseEvent = { id: "", kind: input.kind, occurredAt: new Date(0), senderUnitId: input.senderUnitId, senderRole, recipientUnitIds, payload: {} };
  const readers = active.filter((p) => {
    if (p.unitId === input.senderUnitId) return false;
    const view = viewMessage(partyViewer(p.role), message, input.consents, p.unitId);
    return view.visible && view.freeTextVisible;
  });
  const shared: PhoneContactEntry[] = [];
  const withheld: PhoneContactEntry[] = [];
  for (const call of input.calls) {
    const everyone = readers.every((p) => {
      const v = viewPhoneContact(partyViewer(p.role), call, input.consents, [p.unitId]);
      return v.visible && !v.redacted;
    });
    (everyone ? shared : withheld).push(call);
  }
  const freeText = draftPhoneNote(shared, input.unitName);
  const privateNotes = draftPhoneNote(withheld, input.unitName);
  return { ...(freeText ? { freeText } : {}), ...(privateNotes ? { privateNotes } : {}) };
}
