import { consentRecordsFromMessage } from "./consent";
import { visibleFromAfterMessage } from "./party-visibility";
import type { CaseEvent, ConsentRecord } from "./types";
import { isVoidingClosure } from "../outage/voided-case";

/**
 * What a sent message implies beyond itself, for the API to store in the same transaction:
 * the consent records it documents, the parties that see the case from now on, the fast
 * vårdkontakt an answering party names, and whether the case's open after-registration items go.
 * (The case's stage, deadlines and what each party has due are derived from the messages again.)
 */
export interface SendEffects {
  consents: ConsentRecord[];
  /** Parties addressed for the first time: they see the case from `visibleFrom` on. */
  partiesNowVisible: { unitId: string; visibleFrom: Date }[];
  /** Named in an answer to the admission notice; the API checks the person's commission. */
  fixedCareContact: { unitId: string; staffId: string } | null;
  /** A closure as wrongly created: its open after-registration items go with the case. */
  voidsAfterRegistration: boolean;
}

export function sendEffects(message: CaseEvent, parties: readonly { unitId: string; visibleFrom: Date | null }[], registeredAt: Date): SendEffects {
  const partiesNowVisible: SendEffects["partiesNowVisible"] = [];
  for (const party of parties) {
    const visibleFrom = visibleFromAfterMessage(party.visibleFrom, party.unitId, message.recipientUnitIds, registeredAt);
    if (visibleFrom && visibleFrom !== party.visibleFrom) partiesNowVisible.push({ unitId: party.unitId, visibleFrom });
  }
  const named = message.payload.fixedCareContactStaffId;
  return {
    consents: consentRecordsFromMessage(message),
    partiesNowVisible,
    fixedCareContact: message.kind === "svar_pa_inskrivning" && typeof named === "string" ? { unitId: message.senderUnitId, staffId: named } : null,
    voidsAfterRegistration: isVoidingClosure(message),
  };
}
