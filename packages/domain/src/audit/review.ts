/**
 * PDL log review (Loggkontroll): the closed vocabularies of the review and their Swedish labels.
 * The care provider must follow up accesses systematically and repeatedly and document it
 * (HSLF-FS 2016:40 4 kap. 9 §); the reviewer records one outcome per flagged or sampled access.
 */

/** Why an access was picked out for review automatically (see flags.ts). The pgEnum is built from this list. */
export const AUDIT_FLAG_KINDS = ["protected_identity", "not_a_party", "same_family_name", "outside_own_region"] as const;
export type AuditFlagKind = (typeof AUDIT_FLAG_KINDS)[number];

export const AUDIT_FLAG_LABELS: Record<AuditFlagKind, string> = {
  protected_identity: "Patient med skyddad identitet",
  not_a_party: "Enheten är inte (längre) part i ärendet",
  same_family_name: "Patienten har samma efternamn som medarbetaren",
  outside_own_region: "Åtkomst utanför medarbetarens egen region",
};

/** A reviewer's outcome for one access. The pgEnum is built from this list. */
export const AUDIT_REVIEW_OUTCOMES = ["utan_anmarkning", "utreds"] as const;
export type AuditReviewOutcome = (typeof AUDIT_REVIEW_OUTCOMES)[number];

export const AUDIT_REVIEW_OUTCOME_LABELS: Record<AuditReviewOutcome, string> = {
  utan_anmarkning: "Utan anmärkning",
  utreds: "Utreds",
};

/**
 * What the access was, as the log shows it: a search for a patient is "Sök" (PDL counts it as a
 * read whether or not it hit); otherwise the logged PDL activity (Läsa, Skriva, Skicka, Utskrift …).
 */
export function accessActivityLabel(action: string, activity: string | null): string {
  if (action === "patient.lookup") return "Sök";
  if (action === "case.list") return "Läsa (lista)";
  return activity ?? "Okänd";
}
