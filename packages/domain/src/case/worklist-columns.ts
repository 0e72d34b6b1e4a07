import type { Role } from "../identity/types";
import type { ConsentKind, ConsentRecord, PartyRole } from "./types";
import { infoTransferConsentFor } from "./consent";
import { caseVisibility, isWardViewer, type Viewer } from "./visibility";

/**
 * The worklist's sort orders and optional columns ("Min arbetsyta"): one list each, with the
 * Swedish labels. Each sort is read in order from an index on the party row (the api's
 * worklist), so a page costs the same whatever the unit's number of open cases.
 */

export const WORKLIST_SORTS = ["frist", "inskriven", "beraknat", "dagar_klar", "kommun", "kommunklar", "fast_vardkontakt"] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];

/** The label of each sort in its natural direction (the user may reverse it). */
export const WORKLIST_SORT_LABELS: Record<WorklistSort, string> = {
  frist: "Det som förfaller först",
  inskriven: "Inskriven",
  beraknat: "Beräknat utskrivningsdatum",
  dagar_klar: "Dagar utskrivningsklar",
  kommun: "Kommun",
  kommunklar: "Kommunklar",
  fast_vardkontakt: "Fast vårdkontakt",
};

export const WORKLIST_DIRECTIONS = ["asc", "desc"] as const;
export type WorklistDirection = (typeof WORKLIST_DIRECTIONS)[number];

/** What ascending means for each sort, said to the user. */
export const WORKLIST_SORT_ORDER_TEXT: Record<WorklistSort, { asc: string; desc: string }> = {
  frist: { asc: "tidigaste tidsgräns först", desc: "senaste tidsgräns först" },
  inskriven: { asc: "längst inskriven först", desc: "senast inskriven först" },
  beraknat: { asc: "tidigaste datum först", desc: "senaste datum först" },
  dagar_klar: { asc: "flest dagar först", desc: "färst dagar först" },
  kommun: { asc: "A–Ö", desc: "Ö–A" },
  kommunklar: { asc: "utan kommunklar först", desc: "senast kommunklar först" },
  fast_vardkontakt: { asc: "A–Ö, utan fast vårdkontakt sist", desc: "utan fast vårdkontakt först, Ö–A" },
};

/** The columns a user may add to the list; the patient, the stage, the due steps and the acknowledgements are always shown. */
export const WORKLIST_COLUMNS = ["inskriven", "beraknat", "dagar_klar", "kommun", "kommunklar", "fast_vardkontakt"] as const;
export type WorklistColumn = (typeof WORKLIST_COLUMNS)[number];

export const WORKLIST_COLUMN_LABELS: Record<WorklistColumn, string> = {
  inskriven: "Inskriven",
  beraknat: "Beräknat utskrivningsdatum",
  dagar_klar: "Dagar utskrivningsklar",
  kommun: "Kommun",
  kommunklar: "Kommunklar",
  fast_vardkontakt: "Fast vårdkontakt",
};

/** Shown when nobody has chosen: what a ward nurse asked to see first. */
export const DEFAULT_WORKLIST_COLUMNS: readonly WorklistColumn[] = ["beraknat", "dagar_klar", "kommun"];

/** A count above this is shown as "fler än 1 000": counting further would cost as much as the unit is large. */
export const WORKLIST_COUNT_CAP = 1000;

/**
 * What of a case's columns a viewer sees in the list, by the case view's rules
 * (visibility.ts): the fast vårdkontakt comes from the öppenvård's answer and kommunklar from the
 * kommun's notice, neither of which a party sees without consent to information transfer, and
 * hemtjänst sees only messages to its own unit. Admission, the dates, readiness and the
 * patient's kommun are the data the law lets every notified party have.
 */
export function worklistFieldsVisible(viewer: Viewer, consents: readonly ConsentRecord[]): { fixedCareContact: boolean; kommunklar: boolean } {
  if (viewer.partyRole === "hemtjanst" || viewer.role === "hemtjanst") return { fixedCareContact: false, kommunklar: false };
  const full = caseVisibility(viewer, consents).level === "full";
  return { fixedCareContact: full, kommunklar: full };
}

/** The sorts a role may use: hemtjänst does not see the columns the last two sort by, so it cannot sort by them either. */
export function worklistSortsFor(role: Role): readonly WorklistSort[] {
  return role === "hemtjanst" ? WORKLIST_SORTS.filter((s) => s !== "kommunklar" && s !== "fast_vardkontakt") : WORKLIST_SORTS;
}

/**
 * The one kind of consent whose records decide what worklistFieldsVisible shows a party of this
 * role, or null when none does (the ward sees every column whatever the consents). The list reads
 * only that kind's records for each row: what it shows is the same as with all of them.
 */
export function worklistConsentKind(partyRole: PartyRole): ConsentKind | null {
  if (isWardViewer({ partyRole })) return null;
  return infoTransferConsentFor(partyRole);
}
