import type { OrganisationKind, Portal } from "../identity/types";
import type { DeviationSide } from "./transitions";

/**
 * Who sees a deviation, and from which seat: the reporter and the reporting unit, and the
 * responsible function (the role that may handle deviations) of each of the two organisations,
 * when its scope covers a unit of its organisation taking part in the case (a kommun's MAS the
 * whole kommun, an utskrivningsledare the wards of the case's hospital). Nobody else; another
 * kommun's MAS never. What of the CASE (the patient) is shown is decided apart from this, by case
 * access: a deviation may be visible to someone who may not (or no longer) read the case.
 */
export interface DeviationViewerFacts {
  /** The viewer wrote the report. */
  isReporter: boolean;
  /** The viewer's active scope covers the unit the report was made from. */
  coversReportingUnit: boolean;
  /** The viewer's role handles deviations for its organisation. */
  handlesDeviations: boolean;
  /** Which of the deviation's organisations the viewer's is, if either. */
  organisation: DeviationSide | null;
  /** The viewer's scope covers a unit of its own organisation that is a party of the case. */
  coversOwnPartyUnit: boolean;
}

export function deviationSide(f: DeviationViewerFacts): DeviationSide | null {
  const responsible = f.handlesDeviations && f.coversOwnPartyUnit ? f.organisation : null;
  if (responsible === "mottagare") return "mottagare";
  if (f.isReporter || f.coversReportingUnit || responsible === "anmalare") return "anmalare";
  return null;
}

/**
 * The portal where an organisation's responsible function works its deviations (the link in the
 * notification e-mail): a region's utskrivningsledare in Slutenvård, a kommun's MAS in Kommun, a
 * private provider's vårdcentral in Primärvård.
 */
export const DEVIATION_PORTAL: Record<OrganisationKind, Portal> = {
  region: "slutenvard",
  kommun: "kommun",
  privat_vardgivare: "primarvard",
};

/** The page of deviations in every care portal. */
export const DEVIATION_LIST_PATH = "/avvikelser";
