/**
 * Avvikelser i samverkan: a deviation one party of a coordination case reports to another
 * organisation of the case (region ↔ kommun, or a private provider), about how the cooperation
 * worked — never about a person's care in general. One closed list of categories and one of
 * statuses, each with its Swedish label table; the database enums are built from these lists.
 */

export const DEVIATION_CATEGORIES = [
  "meddelande_sent",
  "information_saknas",
  "fel_mottagare",
  "utskriven_utan_kommunklar",
  "reservrutin_ej_foljd",
  "annat",
] as const;
export type DeviationCategory = (typeof DEVIATION_CATEGORIES)[number];

export const DEVIATION_CATEGORY_LABELS: Record<DeviationCategory, string> = {
  meddelande_sent: "Meddelande skickat för sent",
  information_saknas: "Information saknades",
  fel_mottagare: "Fel mottagare",
  utskriven_utan_kommunklar: "Utskriven utan kommunklar",
  reservrutin_ej_foljd: "Reservrutinen följdes inte vid driftstörning",
  annat: "Annat",
};

export const DEVIATION_STATUSES = ["ny", "under_utredning", "besvarad", "avslutad"] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];

export const DEVIATION_STATUS_LABELS: Record<DeviationStatus, string> = {
  ny: "Ny",
  under_utredning: "Under utredning",
  besvarad: "Besvarad",
  avslutad: "Avslutad",
};

/** The statuses that still need someone's work: counted as open on start pages. */
export const OPEN_DEVIATION_STATUSES: readonly DeviationStatus[] = ["ny", "under_utredning", "besvarad"];

export const DEVIATION_TEXT_MAX = 4000;
