import type { Role } from "../identity/types";

/**
 * The start page a home care worker meets: home-comings with their dates, the work assigned to the
 * unit and the messages to it, instead of the needs assessor's worklist. A hemtjänst group leader
 * plans staff for the day the patient comes home; a district nurse in hemsjukvård also takes the
 * assignments (uppdrag hemsjukvård) the ward writes.
 */
export type HomeCareStart = "hemtjanst" | "hemsjukvard";

export function homeCareStart(role: Role): HomeCareStart | null {
  if (role === "hemtjanst") return "hemtjanst";
  if (role === "kommun_ssk") return "hemsjukvard";
  return null;
}

/** A party brought into a case within this many days is "Nytt" on the start page. */
export const NEW_FOR_DAYS = 7;

/** The day the patient is expected home: the agreed discharge time if there is one, else the estimated date. */
export function homeComingDate(c: {
  plannedDischargeAt: Date | null;
  estimatedDischargeDate: string | null;
  stockholmDate: (d: Date) => string;
}): string | null {
  return c.plannedDischargeAt ? c.stockholmDate(c.plannedDischargeAt) : c.estimatedDischargeDate;
}

export function isNewToUnit(visibleFrom: Date, now: Date): boolean {
  return now.getTime() - visibleFrom.getTime() < NEW_FOR_DAYS * 24 * 60 * 60_000;
}
