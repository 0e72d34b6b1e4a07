import { admissionNoticeDue } from "../clock/losus";
import { deriveCaseState } from "../case/state";
import { PARTY_ROLES, type CaseFacts, type PartyRole } from "../case/types";
import { isReceivingParty } from "../case/party-role";
import { partyLabel, type GuidanceParty } from "./guidance";
import { followUpDue, type RoutineProfile } from "./routine-profile";
import type { PhoneContactEntry, PhoneStep } from "./types";

/** The checklist key of one of the routine's manual points ("kuvert" → "manuell:kuvert"). */
export const manualPointKey = (profileKey: string): string => `manuell:${profileKey}`;

/** Whether a checklist key names a manual point of this routine, i.e. one the user may tick. */
export function isManualPoint(profile: Pick<RoutineProfile, "manualChecklist">, checklistKey: string): boolean {
  return profile.manualChecklist.some((c) => manualPointKey(c.key) === checklistKey);
}

/**
 * The outage routine's checklist for one case, each point checked from the phone log
 * where the log can show it:
 * - before the admission notice exists: "Meddela inskrivningen per telefon till …" per receiving
 *   party (checked by a call with the step "Inskrivning" with that unit);
 * - Västernorrland's rule (profile.dischargeRequiresReceiverConfirmation): "Utskrivning väntar
 *   tills mottagande enhet bekräftat att informationen tagits emot" per receiving party, BLOCKING,
 *   checked by a call with "Utskrivningsmeddelande" or "Faktiskt utskrivningsdatum" that the
 *   receiver confirmed (`receiverConfirmed` on a given call, or the receiver's own "mottaget"
 *   entry). Without the rule (Sörmland): "Meddela … att patienten har lämnat sjukhuset";
 * - after the discharge: the profile's follow-up calls ("Ring upp patienten inom 48 timmar …"),
 *   checked by a logged call with the patient (counterpartKind "patient") after the discharge;
 * - the profile's manual points, ticked by the user (`manualDoneKeys`).
 */

export interface ChecklistInput {
  profile: RoutineProfile;
  facts: CaseFacts;
  /** The case's parties with their unit names (the ward included). */
  parties: readonly GuidanceParty[];
  /** The case's phone log (all outages: a confirmation before the outage ended still counts). */
  phoneLog: readonly PhoneContactEntry[];
  /** When the patient left, if known only from the phone log (the case's discharge notice wins). */
  dischargedAt?: Date | null;
  now: Date;
  manualDoneKeys?: Iterable<string>;
}

export interface ChecklistItem {
  /** Stable: "bekrafta:<unitId>", "uppfoljning:avdelning", "manuell:kuvert", … */
  key: string;
  text: string;
  responsibleRole: PartyRole;
  /** The unit the point is about (the receiving unit), or the responsible unit for follow-ups. */
  unitId: string | null;
  checked: boolean;
  /** Ticked by hand (no data shows it). */
  manual: boolean;
  /** The discharge must wait for it. */
  blocking: boolean;
  dueAt: Date | null;
  overdue: boolean;
}

const RECEIVING: readonly PartyRole[] = PARTY_ROLES.filter(isReceivingParty);
const ADMISSION_STEPS: readonly PhoneStep[] = ["inskrivning"];
const DISCHARGE_STEPS: readonly PhoneStep[] = ["utskrivningsmeddelande", "faktiskt_utskrivningsdatum"];

const overlaps = (e: PhoneContactEntry, steps: readonly PhoneStep[]): boolean => e.steps.some((s) => steps.includes(s));

/** The unit was told (given to it, or it logged receiving it). */
function told(log: readonly PhoneContactEntry[], unitId: string, steps: readonly PhoneStep[]): boolean {
  return log.some(
    (e) => overlaps(e, steps) && ((e.direction === "lamnat" && e.counterpartUnitId === unitId) || (e.direction === "mottaget" && e.unitId === unitId)),
  );
}

/** The unit confirmed it received the discharge information. */
export function receiverConfirmed(log: readonly PhoneContactEntry[], unitId: string): boolean {
  return log.some(
    (e) =>
      overlaps(e, DISCHARGE_STEPS) &&
      ((e.direction === "lamnat" && e.counterpartUnitId === unitId && e.receiverConfirmed) || (e.direction === "mottaget" && e.unitId === unitId)),
  );
}

export function outageChecklist(input: ChecklistInput): ChecklistItem[] {
  const { profile, facts, now } = input;
  const state = deriveCaseState(facts);
  const manualDone = new Set(input.manualDoneKeys ?? []);
  const dischargedAt = state.dischargedAt ?? input.dischargedAt ?? null;
  const receivers = input.parties.filter((p) => !p.removed && RECEIVING.includes(p.role));
  const rejected = new Set(state.parties.filter((p) => p.rejectedAt).map((p) => p.unitId));
  const ward = input.parties.find((p) => p.role === "avdelning" && !p.removed);
  const items: ChecklistItem[] = [];
  const push = (item: Omit<ChecklistItem, "overdue">): void => {
    items.push({ ...item, overdue: !item.checked && item.dueAt !== null && now.getTime() > item.dueAt.getTime() });
  };

  if (!state.admissionNoticeAt && !dischargedAt && state.stage !== "avslutad") {
    const due = admissionNoticeDue(facts.admittedAt, facts.needAssessedAt);
    for (const p of receivers.filter((r) => r.role !== "hemtjanst")) {
      push({
        key: `inskrivning:${p.unitId}`,
        text: `Meddela inskrivningen per telefon till ${partyLabel(p)}, med beräknat utskrivningsdatum och samtycke`,
        responsibleRole: "avdelning",
        unitId: p.unitId,
        checked: told(input.phoneLog, p.unitId, ADMISSION_STEPS),
        manual: false,
        blocking: false,
        dueAt: due,
      });
    }
  }

  for (const p of receivers.filter((r) => !rejected.has(r.unitId))) {
    if (profile.dischargeRequiresReceiverConfirmation) {
      push({
        key: `bekrafta:${p.unitId}`,
        text: `Utskrivning väntar tills mottagande enhet bekräftat att informationen tagits emot: ${partyLabel(p)}`,
        responsibleRole: "avdelning",
        unitId: p.unitId,
        checked: receiverConfirmed(input.phoneLog, p.unitId),
        manual: false,
        blocking: true,
        // Once the patient has left, an unconfirmed receiver is overdue at once.
        dueAt: dischargedAt,
      });
    } else if (dischargedAt) {
      push({
        key: `lamnat:${p.unitId}`,
        text: `Meddela ${partyLabel(p)} att patienten har lämnat sjukhuset`,
        responsibleRole: "avdelning",
        unitId: p.unitId,
        checked: told(input.phoneLog, p.unitId, DISCHARGE_STEPS),
        manual: false,
        blocking: false,
        dueAt: null,
      });
    }
  }

  if (dischargedAt) {
    for (const rule of profile.followUpCalls) {
      const unit = input.parties.find((p) => p.role === rule.role && !p.removed);
      if (!unit) continue;
      push({
        key: `uppfoljning:${rule.role}`,
        text: rule.text,
        responsibleRole: rule.role,
        unitId: unit.unitId,
        checked: input.phoneLog.some((e) => e.unitId === unit.unitId && e.counterpartKind === "patient" && e.occurredAt.getTime() >= dischargedAt.getTime()),
        manual: false,
        blocking: false,
        dueAt: followUpDue(rule, dischargedAt),
      });
    }
  }

  for (const check of profile.manualChecklist) {
    const applies = check.when === "alltid" || (check.when === "fore_utskrivning" ? !dischargedAt : Boolean(dischargedAt));
    if (!applies) continue;
    const unit = input.parties.find((p) => p.role === check.role && !p.removed) ?? (check.role === "avdelning" ? ward : undefined);
    const key = manualPointKey(check.key);
    push({
      key,
      text: check.text,
      responsibleRole: check.role,
      unitId: unit?.unitId ?? null,
      checked: manualDone.has(key),
      manual: true,
      blocking: false,
      dueAt: null,
    });
  }
  return items;
}

/** May the ward discharge now? Lists the receiving parties that have not confirmed (empty = yes). */
export function dischargeBlockers(items: readonly ChecklistItem[]): ChecklistItem[] {
  return items.filter((i) => i.blocking && !i.checked);
}
