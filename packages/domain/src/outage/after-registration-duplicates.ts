import { MESSAGE_KIND_LABELS } from "../case/labels";
import { partyViewer } from "../case/phone-contact-visibility";
import type { CaseEvent, CaseParty, ConsentRecord, MessageKind } from "../case/types";
import { canSeeMessage } from "../case/visibility";
import { stockholmDateTime } from "../time/format";
import type { AfterRegistrationKind } from "./after-registration-types";

/**
 * Possible duplicates: an event that was both phoned during the outage and registered
 * electronically must not be registered twice, and must not silently vanish either. The
 * after-registration item is kept and flagged with the message already in the case; the user
 * confirms it ("Registrera ändå") or dismisses it ("Makulera", with a reason).
 *
 * The rule: a phoned step that would become an item is a possible duplicate of a message of the
 * same kind in the same case that was sent at most DUPLICATE_LEAD_HOURS before the unit's outage
 * began, or at any time since (during the outage by a unit still on line, after it by someone who
 * registered it already). For a SIP kallelse, a kallelse for the same meeting time is a match
 * whenever it was sent.
 *
 * Why a few hours before the start: a message sent just before the system went down may never
 * have been read (units read their inbox a few times a shift), and the receiving unit cannot
 * confirm it while the system is down, so the routines have the sender phone it as well (Region
 * Västernorrland, Avbrottsrutin Lifecare SP: "Utskrivning från sjukhus får inte ske utan att det
 * är säkerställt att mottagande enhet har tagit emot informationen"). Four hours is half a shift:
 * a message older than that was, as a rule, read before the outage, and a call about it repeats
 * it (the summary message carries such calls). Only a message the item's unit may see counts: the
 * pair is shown to that unit.
 */
export const DUPLICATE_LEAD_HOURS = 4;

/** The item kinds that stand for a phoned step registered as a message, and so may duplicate one. */
export const DUPLICATE_CHECKED_KINDS: ReadonlySet<AfterRegistrationKind> = new Set<AfterRegistrationKind>([
  "register_admission",
  "register_discharge",
  "register_planning_basis",
  "formal_sip_call",
]);

export interface DuplicateReference {
  messageId: string;
  kind: MessageKind;
  sentAt: Date;
  senderUnitId: string;
  senderUnitName: string | null;
}

/** The earliest time a message counts as a possible duplicate, for an outage period starting at `from`. */
export function duplicateCheckFrom(from: Date): Date {
  return new Date(from.getTime() - DUPLICATE_LEAD_HOURS * 3_600_000);
}

const MINUTE = 60_000;
const minuteOf = (v: unknown): number | null => {
  if (typeof v !== "string") return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : Math.floor(ms / MINUTE);
};

export interface DuplicateQuery {
  kind: MessageKind;
  events: readonly CaseEvent[];
  since: Date;
  /** The unit whose item it is: only a message it may see counts. */
  viewerUnitId: string;
  parties: readonly CaseParty[];
  consents: readonly ConsentRecord[];
  /** For a SIP kallelse: the agreed meeting time (ISO). */
  meetingAt?: unknown;
  /** Messages that registered a phoned step afterwards: not a second registration of it. */
  ignore?: ReadonlySet<string>;
}

/** The message in the case that the item may duplicate (a same-meeting kallelse first, else the latest), or null. */
export function findPossibleDuplicate(q: DuplicateQuery): CaseEvent | null {
  const viewerRole = q.parties.find((p) => p.unitId === q.viewerUnitId && !p.removedAt)?.role;
  const visible = (e: CaseEvent): boolean =>
    e.senderUnitId === q.viewerUnitId || (viewerRole !== undefined && canSeeMessage(partyViewer(viewerRole), e, q.consents, q.viewerUnitId));
  const meeting = q.kind === "kallelse_sip" ? minuteOf(q.meetingAt) : null;
  let sameMeeting: CaseEvent | null = null;
  let recent: CaseEvent | null = null;
  for (const e of q.events) {
    if (e.kind !== q.kind || q.ignore?.has(e.id) || !visible(e)) continue;
    if (meeting !== null && minuteOf(e.payload.meetingAt) === meeting) {
      if (!sameMeeting || e.occurredAt.getTime() > sameMeeting.occurredAt.getTime()) sameMeeting = e;
    }
    if (e.occurredAt.getTime() >= q.since.getTime() && (!recent || e.occurredAt.getTime() > recent.occurredAt.getTime())) recent = e;
  }
  return sameMeeting ?? recent;
}

export function duplicateReference(e: CaseEvent, unitName: (id: string) => string | undefined): DuplicateReference {
  return { messageId: e.id, kind: e.kind, sentAt: e.occurredAt, senderUnitId: e.senderUnitId, senderUnitName: unitName(e.senderUnitId) ?? null };
}

/** The note on a flagged item. */
export function duplicateNote(ref: Pick<DuplicateReference, "kind" | "sentAt" | "senderUnitName">): string {
  return `Möjlig dubblett: ${MESSAGE_KIND_LABELS[ref.kind].toLowerCase()} finns redan i ärendet, skickat ${stockholmDateTime(ref.sentAt)}${ref.senderUnitName ? ` av ${ref.senderUnitName}` : ""}. Registrera bara om det som sades per telefon är en annan händelse; annars makulera posten.`;
}

/** The refusal when registering an item whose event is in the case already (unless the user chose "Registrera ändå"). */
export function duplicateRefusal(kind: MessageKind, senderUnitName: string | null, sentAt: Date): string {
  return `Meddelandet ”${MESSAGE_KIND_LABELS[kind]}” är redan registrerat av ${senderUnitName ?? "en annan enhet"} ${stockholmDateTime(sentAt)}; makulera posten eller registrera ändå.`;
}
