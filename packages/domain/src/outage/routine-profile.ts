/**
 * A region's outage routine as data: the rules the system applies (thresholds,
 * deadlines, what is after-registered) and the routine's text for the printed backup kit
 * ("Reservpärm"). Each region's administrators edit their profile; the two seeded profiles are
 * condensed from the source routines (seeds 000 and 002) in profiles/*.ts.
 */
import { addCalendarDays, stockholmDayEnd } from "../time/stockholm";
import { lowerFirst } from "../text/swedish";
import { SORMLAND_ROUTINE_PROFILE } from "./profiles/sormland";
import { VASTERNORRLAND_ROUTINE_PROFILE } from "./profiles/vasternorrland";
import type { FollowUpCall, RoutineProfile, RoutineVariant } from "./profile-schema";
import type { OutageSystem, OutageWindow, PhoneStep } from "./types";

export {
  parseRoutineProfile,
  routineProfileSchema,
  type FollowUpCall,
  type ManualCheck,
  type ProfileResult,
  type RoutineParagraph,
  type RoutineProfile,
  type RoutineProfileInput,
  type RoutineSection,
  type RoutineVariant,
} from "./profile-schema";
export { defaultRoutineProfile } from "./profiles/default";

/** The seeded profiles, by region HSA-id (Sörmland from Region Sörmland, Reservrutin Link, Västernorrland from Region Västernorrland, Avbrottsrutin Lifecare SP). */
export const SEEDED_ROUTINE_PROFILES: readonly RoutineProfile[] = [SORMLAND_ROUTINE_PROFILE, VASTERNORRLAND_ROUTINE_PROFILE];

/** The kind of outage the routine describes for a system (Sörmland: "Min arbetsyta" vs Cosmic), or null. */
export function routineVariantFor(profile: RoutineProfile, system: OutageSystem): RoutineVariant | null {
  return profile.variants.find((v) => v.systems.includes(system)) ?? null;
}

/** What the routine says about a phone step in this kind of outage (empty when nothing). */
export function stepNotesFor(profile: RoutineProfile, system: OutageSystem, step: PhoneStep): string[] {
  const note = routineVariantFor(profile, system)?.stepNotes[step];
  return note ? [note] : [];
}

export interface RoutineStatus {
  /** The routine applies (now). */
  applies: boolean;
  /** When it applies from: the start plus the region's threshold. */
  appliesFrom: Date;
  /** Swedish, for the banner. */
  text: string;
}

/**
 * Does the routine apply yet? Västernorrland: "Korta avbrott (upp till ett par timmar) bedöms
 * inte påverka verksamheten" — before the threshold the banner says so; phone logging stays
 * available, and discharges and SIP follow the routine at once (the seed names them first).
 */
export function routineStatus(profile: RoutineProfile, outage: Pick<OutageWindow, "startedAt" | "endedAt">, now: Date): RoutineStatus {
  const appliesFrom = new Date(outage.startedAt.getTime() + profile.routineAppliesAfterHours * 3_600_000);
  const until = outage.endedAt && outage.endedAt.getTime() < now.getTime() ? outage.endedAt : now;
  const applies = until.getTime() >= appliesFrom.getTime();
  const h = profile.routineAppliesAfterHours;
  const text = applies
    ? `${profile.name} gäller. All kommunikation sker per telefon; logga varje samtal.`
    : `Kort driftstörning: ${lowerFirst(profile.name)} gäller om störningen varar mer än ${h} ${h === 1 ? "timme" : "timmar"}. Vid utskrivning och SIP: följ rutinen redan nu.`;
  return { applies, appliesFrom, text };
}

/** When the contact-list confirmation is due, counted from the notice e-mail (Region Sörmland, Reservrutin Link: 6 hours). */
export function contactConfirmationDue(profile: RoutineProfile, noticeSentAt: Date): Date {
  return new Date(noticeSentAt.getTime() + profile.contactConfirmationHours * 3_600_000);
}

/** The deadline of a follow-up call: exact hours, or the end of the Stockholm day N calendar days later. */
export function followUpDue(call: FollowUpCall, dischargedAt: Date): Date {
  if ("hours" in call.within) return new Date(dischargedAt.getTime() + call.within.hours * 3_600_000);
  return stockholmDayEnd(addCalendarDays(dischargedAt, call.within.days));
}
