import { routineVariantFor, type RoutineProfile } from "./routine-profile";
import type { OutageScope, OutageSystem } from "./types";

/**
 * When the kommuner are asked to confirm the contact list, and what Förvaltning sees of their
 * answers. Region Sörmland, Reservrutin Link: "När en stor driftsstörningsincident inträffar"
 * the administrators mail the designated representatives that "Driftstörningen är omfattande"
 * and that they must check the numbers in the contact list within 6 hours of the mail. Region
 * Västernorrland, Avbrottsrutin Lifecare SP: short outages ("upp till ett par timmar") need no
 * routine at all.
 *
 * So an outage is covered, and the mail goes out, only when all of these hold:
 * - it is major: the whole region, not some units (a units outage is handled by those units);
 * - the region's routine describes this kind of outage (one of its variants names the system);
 * - the routine applies: the outage has lasted the routine's threshold (Västernorrland 2 hours);
 * - it has lasted at least CONFIRMATION_AFTER_MINUTES, so that an outage declared to try the
 *   system or ended within minutes sends nothing (a product setting, not the routines').
 */
export const CONFIRMATION_AFTER_MINUTES = 30;

export interface ConfirmationOutage {
  scope: Pick<OutageScope, "kind">;
  system: OutageSystem;
  startedAt: Date;
  /** null while it goes on. */
  endedAt: Date | null;
}

/** From when the routine covers the outage with a contact-list confirmation, or null if never. */
export function contactConfirmationFrom(profile: RoutineProfile, outage: ConfirmationOutage): Date | null {
  if (outage.scope.kind !== "region") return null;
  if (!routineVariantFor(profile, outage.system)) return null;
  const afterMs = Math.max(profile.routineAppliesAfterHours * 3_600_000, CONFIRMATION_AFTER_MINUTES * 60_000);
  return new Date(outage.startedAt.getTime() + afterMs);
}

/** Whether the confirmation requests are due now: covered, still going on, and past the point above. */
export function contactConfirmationDueNow(profile: RoutineProfile, outage: ConfirmationOutage, now: Date): boolean {
  if (outage.endedAt) return false;
  const from = contactConfirmationFrom(profile, outage);
  return from !== null && from.getTime() <= now.getTime();
}

/**
 * A kommun's answer as Förvaltning's outage page shows it. "vantar" only while the outage goes
 * on: once it has ended nobody waits for an answer any more ("obesvarad").
 */
export type ConfirmationAnswerState = "besvarad" | "forsenad" | "vantar" | "obesvarad";

export function confirmationAnswerState(
  c: { respondedAt: Date | null; deadlineAt: Date },
  outage: { endedAt: Date | null },
  now: Date,
): ConfirmationAnswerState {
  if (c.respondedAt) return "besvarad";
  if (outage.endedAt) return "obesvarad";
  return c.deadlineAt.getTime() < now.getTime() ? "forsenad" : "vantar";
}
