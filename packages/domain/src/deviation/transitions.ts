import type { DeviationStatus } from "./types";

/**
 * A deviation's way: ny → under utredning → besvarad → avslutad.
 *
 * Who does what (a product decision):
 * - The receiving organisation's responsible function (MAS in a kommun, the utskrivningsledare of
 *   the case's hospital in a region) investigates and answers: it starts the investigation of a new
 *   deviation and answers one under investigation. An answer needs a text.
 * - The reporting side (the reporter, the reporting unit, or its organisation's responsible
 *   function) reads the answer and then either closes the deviation or reopens it, with a text
 *   saying what is still missing; a reopened deviation is under investigation again.
 * - A closed deviation is final: a new occurrence is a new report. Nobody closes a deviation
 *   that has not been answered, so every report gets an answer.
 */

/** From the viewer's seat: the organisation reported to, or the one that reported. */
export type DeviationSide = "mottagare" | "anmalare";

export const DEVIATION_TRANSITIONS = ["paborja_utredning", "besvara", "avsluta", "ateroppna"] as const;
export type DeviationTransition = (typeof DEVIATION_TRANSITIONS)[number];

interface TransitionRule {
  from: DeviationStatus;
  to: DeviationStatus;
  by: DeviationSide;
  /** A text is required (the answer, or why the answer is not enough). */
  needsText: boolean;
  /** Swedish, for buttons. */
  label: string;
}

export const DEVIATION_TRANSITION_RULES: Record<DeviationTransition, TransitionRule> = {
  paborja_utredning: { from: "ny", to: "under_utredning", by: "mottagare", needsText: false, label: "Påbörja utredning" },
  besvara: { from: "under_utredning", to: "besvarad", by: "mottagare", needsText: true, label: "Skicka svar" },
  avsluta: { from: "besvarad", to: "avslutad", by: "anmalare", needsText: false, label: "Avsluta avvikelsen" },
  ateroppna: { from: "besvarad", to: "under_utredning", by: "anmalare", needsText: true, label: "Återöppna" },
};

/** Swedish, past tense, for a deviation's history. */
export const DEVIATION_EVENT_LABELS: Record<DeviationTransition | "rapportera", string> = {
  rapportera: "Rapporterad",
  paborja_utredning: "Utredning påbörjad",
  besvara: "Besvarad",
  avsluta: "Avslutad",
  ateroppna: "Återöppnad",
};

export type TransitionCheck =
  { ok: true; to: DeviationStatus } | { ok: false; code: "not_your_side" | "wrong_status" | "text_missing"; /** Swedish */ message: string };

const SIDE_NAME: Record<DeviationSide, string> = {
  mottagare: "den organisation som avvikelsen är rapporterad till",
  anmalare: "den som rapporterade avvikelsen",
};

const STATUS_SENTENCE: Record<DeviationStatus, string> = {
  ny: "är ny",
  under_utredning: "är under utredning",
  besvarad: "är besvarad",
  avslutad: "är avslutad",
};

/** May `side` make `transition` now? Never throws; says why not in Swedish. */
export function checkDeviationTransition(
  status: DeviationStatus,
  transition: DeviationTransition,
  side: DeviationSide | null,
  text?: string | null,
): TransitionCheck {
  const rule = DEVIATION_TRANSITION_RULES[transition];
  if (side !== rule.by) {
    return { ok: false, code: "not_your_side", message: `Bara ${SIDE_NAME[rule.by]} kan ${rule.label.toLowerCase()}.` };
  }
  if (status !== rule.from) {
    return { ok: false, code: "wrong_status", message: `Det går inte att ${rule.label.toLowerCase()}: avvikelsen ${STATUS_SENTENCE[status]}.` };
  }
  if (rule.needsText && !text?.trim()) {
    return { ok: false, code: "text_missing", message: transition === "besvara" ? "Skriv ett svar." : "Skriv vad som saknas i svaret." };
  }
  return { ok: true, to: rule.to };
}

/** The transitions `side` can make from `status`, for the buttons a viewer is offered. */
export function availableDeviationTransitions(status: DeviationStatus, side: DeviationSide | null): DeviationTransition[] {
  return DEVIATION_TRANSITIONS.filter((t) => DEVIATION_TRANSITION_RULES[t].by === side && DEVIATION_TRANSITION_RULES[t].from === status);
}
