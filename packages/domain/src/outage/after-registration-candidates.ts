import type { OutageWindow } from "./types";

/**
 * Which cases can give an after-registration item, decided from a few columns so that a
 * region-wide outage does not load every open case's messages: the rules in
 * after-registration.ts list something for a case only when something happened to it from the
 * start of the outage period on (it was admitted, discharged or sent a message then, or is a
 * provisional case), or when a call of the outage concerns it or its patient (a call without a
 * case is matched to the patient's cases by time, so all of that patient's cases stay).
 * `after-registration.test.ts` checks, for every scenario there, that computing over the cases
 * kept here gives exactly the same items as computing over all of them.
 */
export interface CaseActivity {
  id: string;
  patientId: string;
  admittedAt: Date;
  dischargedAt: Date | null;
  provisional: boolean;
  /** The latest `occurredAt` of the case's messages, or null. */
  lastEventAt: Date | null;
}

const OPEN = Number.POSITIVE_INFINITY;
const endOf = (o: Pick<OutageWindow, "endedAt">): number => (o.endedAt === null ? OPEN : o.endedAt.getTime());

/**
 * The earliest a unit's outage period around `outage` can start: `outage` merged with every other
 * outage of the region that overlaps or touches it, transitively, whichever units they reach
 * (scope.ts merges only those that reach the unit, so its period never starts earlier).
 */
export function earliestPeriodStart(outage: OutageWindow, others: readonly OutageWindow[]): Date {
  let from = outage.startedAt.getTime();
  let to = endOf(outage);
  const merged = new Set<string>([outage.id]);
  let changed = true;
  while (changed) {
    changed = false;
    for (const o of others) {
      if (merged.has(o.id) || o.startedAt.getTime() > to || endOf(o) < from) continue;
      merged.add(o.id);
      from = Math.min(from, o.startedAt.getTime());
      to = Math.max(to, endOf(o));
      changed = true;
    }
  }
  return new Date(from);
}

/** The cases to load in full for computeAfterRegistration; the others can give no item. */
export function afterRegistrationCandidates<C extends CaseActivity>(
  cases: readonly C[],
  from: Date,
  phoneLog: readonly { caseId: string | null; patientId: string }[],
): C[] {
  const since = from.getTime();
  const phonedCases = new Set(phoneLog.map((e) => e.caseId).filter((id): id is string => id !== null));
  const phonedPatients = new Set(phoneLog.map((e) => e.patientId));
  return cases.filter(
    (c) =>
      c.provisional ||
      phonedCases.has(c.id) ||
      phonedPatients.has(c.patientId) ||
      c.admittedAt.getTime() >= since ||
      (c.dischargedAt !== null && c.dischargedAt.getTime() >= since) ||
      (c.lastEventAt !== null && c.lastEventAt.getTime() >= since),
  );
}
