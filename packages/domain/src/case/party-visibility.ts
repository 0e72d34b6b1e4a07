import type { Role } from "../identity/types";
import { canSeeMessage, NPO_LINKED_KINDS } from "./visibility";
import { partyViewer, viewPhoneContact, type PhoneContactContent } from "./phone-contact-visibility";
import type { CaseEvent, ConsentRecord, MessageKind, PartyRole } from "./types";

/**
 * WHICH cases a party sees at all (what it sees inside one is visibility.ts). The ward that opened
 * the case sees it from the start. A receiving party — kommun, vårdcentral, hemsjukvård … — sees it
 * only from the first message addressed to it (in practice the inskrivningsmeddelande): a case the
 * ward has opened but not yet notified carries the patient's name, address, ward and admission time,
 * and the receiving parties learn of an admission through the notice (LOSUS 4 kap. 1 §); before it
 * the patient may not even need their help. The API stores the moment per party
 * (`case_parties.visible_from`) so that lists filter on a column instead of reading messages.
 */

/** When a newly added party starts to see the case: the ward at once, a receiving party not yet. */
export function visibleFromWhenAdded(role: PartyRole, addedAt: Date): Date | null {
  return role === "avdelning" ? addedAt : null;
}

/**
 * A party's visible-from after a message is sent: set by the first message addressed to it, then
 * kept. During an outage a logged phone call stands for the message: the unit phoned about the
 * patient has been told, and is then a recipient here.
 */
export function visibleFromAfterMessage(current: Date | null, unitId: string, recipientUnitIds: readonly string[], sentAt: Date): Date | null {
  return current ?? (recipientUnitIds.includes(unitId) ? sentAt : null);
}

export function partySeesCase(party: { visibleFrom: Date | null; removedAt?: Date | null }): boolean {
  return party.visibleFrom !== null && !party.removedAt;
}

/**
 * The party units that may hear of a message (live events): parties that see the case and, in their
 * capacity, may see the message under the case view's rules (consent level, hemtjänst).
 */
export function messageAudience(
  parties: readonly { unitId: string; role: PartyRole; visibleFrom: Date | null; removedAt?: Date | null }[],
  event: CaseEvent,
  consents: readonly ConsentRecord[],
): string[] {
  return parties.filter((p) => partySeesCase(p) && canSeeMessage({ partyRole: p.role }, event, consents, p.unitId)).map((p) => p.unitId);
}

/**
 * The party units that may hear of a logged phone call: parties that see the case (the unit phoned
 * counts as told, see `visibleFromAfterMessage`) and may see the call as the case view shows it.
 */
export function phoneContactAudience(
  parties: readonly { unitId: string; role: PartyRole; visibleFrom: Date | null; removedAt?: Date | null }[],
  call: PhoneContactContent,
  consents: readonly ConsentRecord[],
): string[] {
  return parties.filter((p) => partySeesCase(p) && viewPhoneContact(partyViewer(p.role), call, consents, [p.unitId]).visible).map((p) => p.unitId);
}

/** What a live event says about a message: ids and the kind, never content. */
export interface MessageNotice {
  kind: MessageKind | string;
  senderUnitId: string;
  recipientUnitIds: readonly string[];
}

/**
 * May a person with this role, working in these units, hear of the message? On top of the party
 * audience: hemtjänst staff hear only of messages their units sent or received, never of
 * NPÖ-linked ones — as the case view shows them (a hemtjänst role may be scoped to a unit whose
 * party role is another).
 */
export function personHearsOfMessage(role: Role, scopeUnitIds: ReadonlySet<string>, m: MessageNotice): boolean {
  if (role !== "hemtjanst") return true;
  if (NPO_LINKED_KINDS.has(m.kind as MessageKind)) return false;
  return scopeUnitIds.has(m.senderUnitId) || m.recipientUnitIds.some((u) => scopeUnitIds.has(u));
}
