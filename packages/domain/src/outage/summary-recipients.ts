import { partyViewer, visiblePhoneContacts } from "../case/phone-contact-visibility";
import { defaultRecipients } from "../case/recipients";
import type { CaseParty, ConsentRecord } from "../case/types";
import type { UnitName } from "./summary-text";
import type { PhoneContactEntry } from "./types";

/**
 * Who receives which version of the summary message ("Sammanfattning av samordning under
 * driftstörning"). It is drafted from the phone log, so each recipient gets only the calls and the
 * content of them that it may see (the same rule as the case view's list of calls): a kommun
 * without the patient's consent reads that calls happened, not what was said; hemtjänst reads only
 * the calls it took part in, and gets no summary when there were none. Recipients who may see the
 * same get one message together.
 */
export interface SummaryRecipientGroup {
  recipientUnitIds: string[];
  recipientNames: string[];
  text: string;
  /** Something of the calls is withheld from these recipients. */
  restricted: boolean;
}

export function summaryRecipientGroups(input: {
  senderUnitId: string;
  parties: readonly CaseParty[];
  consents: readonly ConsentRecord[];
  calls: readonly PhoneContactEntry[];
  draft: (calls: readonly PhoneContactEntry[]) => string;
  unitName: UnitName;
}): SummaryRecipientGroup[] {
  const sender = input.parties.find((p) => p.unitId === input.senderUnitId);
  const recipients = defaultRecipients("generellt", input.senderUnitId, sender?.role ?? "avdelning", input.parties);
  const groups = new Map<string, SummaryRecipientGroup>();
  for (const unitId of recipients) {
    const party = input.parties.find((p) => p.unitId === unitId);
    if (!party) continue;
    const visible = visiblePhoneContacts(partyViewer(party.role), input.calls, input.consents, [unitId]);
    if (visible.length === 0) continue;
    const text = input.draft(visible);
    const group = groups.get(text) ?? { recipientUnitIds: [], recipientNames: [], text, restricted: false };
    group.recipientUnitIds.push(unitId);
    group.recipientNames.push(input.unitName(unitId) ?? "");
    group.restricted ||= visible.length < input.calls.length || visible.some((c) => c.redacted);
    groups.set(text, group);
  }
  // The full version first: it is the one the author reads and completes.
  return [...groups.values()].sort((a, b) => Number(a.restricted) - Number(b.restricted));
}
