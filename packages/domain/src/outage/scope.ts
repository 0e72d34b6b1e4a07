import type { OutageWindow } from "./types";

/**
 * Which units an outage reaches. A region outage reaches every unit of the region and of the
 * kommuner (and private providers) that belong to it: the caller passes each unit's `regionId`
 * = its organisation's id when that is the region, else the organisation's `regionId`. A units
 * outage reaches the listed units and, when the caller passes `ancestors`, their descendants.
 * An outage never reaches another region, whatever its unit list says.
 *
 * Outages may overlap (an EHR outage for the whole region and a login outage for one ward): a
 * unit is in outage mode while any of them reaches it, and its after-registration covers the
 * merged period (`unitOutageWindow`).
 */

export interface ScopeUnit {
  id: string;
  /** The region the unit's organisation belongs to. */
  regionId: string;
  /** Ancestor unit ids (any order); lets a units outage on a hospital reach its wards. */
  ancestors?: readonly string[];
  /** For texts and reports only. */
  name?: string;
}

type ScopeOf = Pick<OutageWindow, "regionId" | "scope">;

export function isUnitAffected(outage: ScopeOf, unit: ScopeUnit): boolean {
  if (outage.regionId !== unit.regionId) return false;
  if (outage.scope.kind === "region") return true;
  const listed = outage.scope.unitIds;
  if (listed.includes(unit.id)) return true;
  return (unit.ancestors ?? []).some((a) => listed.includes(a));
}

/** Started at or before `at`, and not yet ended at `at` (the end instant is outside). */
export function isOutageActiveAt(outage: Pick<OutageWindow, "startedAt" | "endedAt">, at: Date): boolean {
  const t = at.getTime();
  return outage.startedAt.getTime() <= t && (outage.endedAt === null || t < outage.endedAt.getTime());
}

/**
 * The outages that reach a unit, earliest first; with `at`, only those in force at that instant
 * (the banner's question: "is this unit in outage mode now, and why?").
 */
export function affectingOutages<O extends OutageWindow>(outages: readonly O[], unit: ScopeUnit, at?: Date): O[] {
  return outages
    .filter((o) => isUnitAffected(o, unit) && (at === undefined || isOutageActiveAt(o, at)))
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type UnitOutageWindow =
  /** The outage does not reach the unit. */
  | { status: "none" }
  /** The unit is still in outage mode through an overlapping outage: its after-registration waits. */
  | { status: "pending"; from: Date; outageIds: string[] }
  /** The merged period [from, to) of the overlapping outages that reach the unit. */
  | { status: "complete"; from: Date; to: Date; outageIds: string[] };

const OPEN = Number.POSITIVE_INFINITY;
const endOf = (o: OutageWindow): number => (o.endedAt === null ? OPEN : o.endedAt.getTime());

/**
 * The unit's outage period around `outage`: `outage` merged with every other outage that reaches
 * the unit and overlaps or touches the period, transitively. "pending" while any of them goes on.
 */
export function unitOutageWindow(outage: OutageWindow, others: readonly OutageWindow[], unit: ScopeUnit): UnitOutageWindow {
  if (!isUnitAffected(outage, unit)) return { status: "none" };
  const candidates = affectingOutages(
    others.filter((o) => o.id !== outage.id),
    unit,
  );
  let from = outage.startedAt.getTime();
  let to = endOf(outage);
  const merged = new Set<string>([outage.id]);
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of candidates) {
      if (merged.has(c.id)) continue;
      if (c.startedAt.getTime() <= to && endOf(c) >= from) {
        merged.add(c.id);
        from = Math.min(from, c.startedAt.getTime());
        to = Math.max(to, endOf(c));
        changed = true;
      }
    }
  }
  const outageIds = [...merged].sort();
  if (to === OPEN) return { status: "pending", from: new Date(from), outageIds };
  return { status: "complete", from: new Date(from), to: new Date(to), outageIds };
}

/** from ≤ at < to */
export function isWithin(at: Date, window: { from: Date; to: Date }): boolean {
  const t = at.getTime();
  return window.from.getTime() <= t && t < window.to.getTime();
}
