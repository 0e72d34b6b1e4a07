import type { RouterOutputs } from "@vardkedjan/api";

/** The API's shapes (RouterOutputs), never restated. */
export type DeviationView = RouterOutputs["deviation"]["get"];
export type CaseDeviations = RouterOutputs["deviation"]["forCase"];
export type DeviationStatistics = RouterOutputs["deviation"]["statistics"];
