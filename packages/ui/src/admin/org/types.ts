import type { RouterOutputs } from "@vardkedjan/api";

/** The API's shapes, never restated. */
export type OrganisationUnits = RouterOutputs["admin"]["org"]["units"];
export type AdminUnit = OrganisationUnits["units"][number];
export type ImportPreview = RouterOutputs["admin"]["org"]["importPreview"];
