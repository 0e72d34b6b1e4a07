import type { SipAnswer } from "./structured-content";

/**
 * The parties' answers to a SIP call. Each called party answers in the case, for its unit
 * (accepts or declines, and may change its mind: the latest answer counts). Who may answer is
 * decided by the call itself: the units it names.
 */

export interface StoredSipAnswer {
  unitId: string;
  answer: SipAnswer;
  comment: string | null;
  answeredAt: Date;
  answeredBy: string;
}

/** The units a SIP call names, read from its (stored) payload; [] for a call with free-text participants only. */
export function invitedUnits(payload: Record<string, unknown>): string[] {
  const ids = payload.invitedUnitIds;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : [];
}

/**
 * The unit the viewer answers for: the first of the viewer's units that the call names, or a
 * Swedish reason why the viewer cannot answer.
 */
export function answeringUnit(invited: readonly string[], viewerUnitIds: readonly string[]): { ok: true; unitId: string } | { ok: false; message: string } {
  const unitId = viewerUnitIds.find((u) => invited.includes(u));
  return unitId ? { ok: true, unitId } : { ok: false, message: "Din enhet är inte kallad till det här SIP-mötet." };
}

/** The current answer of each called unit (the latest), in the order the call names them; null for a unit that has not answered. */
export function currentAnswers(invited: readonly string[], answers: readonly StoredSipAnswer[]): { unitId: string; answer: StoredSipAnswer | null }[] {
  return invited.map((unitId) => ({
    unitId,
    answer: answers.filter((a) => a.unitId === unitId).sort((a, b) => b.answeredAt.getTime() - a.answeredAt.getTime())[0] ?? null,
  }));
}
