/**
 * Shapes of the demo data. Pure types: the data files, the cast and the test IdP import them
 * without pulling in a database driver (the schema imports below are type-only).
 */
import type { careType, organisationKind, unitKind } from "../../schema/organisation";

export type OrganisationKind = (typeof organisationKind.enumValues)[number];
export type UnitKind = (typeof unitKind.enumValues)[number];
export type CareType = (typeof careType.enumValues)[number];

export const REGION_KEYS = ["sormland", "vasternorrland", "jamtland"] as const;
export type RegionKey = (typeof REGION_KEYS)[number];

export interface OrganisationSeed {
  hsaId: string;
  kind: OrganisationKind;
  name: string;
  /** 10 digits, no hyphen. */
  orgNo: string;
  /** Kommunkod (4 digits), kommuner only. */
  municipalityCode?: string;
  shortCode?: string;
  /** The region a kommun belongs to (HSA-id of the region organisation). */
  regionHsaId?: string;
}

export interface UnitSeed {
  hsaId: string;
  kind: UnitKind;
  name: string;
  /** Parent unit; absent = directly under the organisation. */
  parentHsaId?: string;
  careType?: CareType;
  phone?: string;
  switchboard?: string;
  openingHours?: string;
  functionMailbox?: string;
  streetAddress?: string;
  postalCode?: string;
  city?: string;
  /** For a vårdcentral: the kommun it serves. */
  municipalityCode?: string;
}

export interface KommunSeed {
  organisation: OrganisationSeed & { kind: "kommun"; municipalityCode: string };
  /** Short place name used in unit names, e.g. "Eskilstuna". */
  place: string;
  /** The kommun's switchboard (växel), as used on every unit of the kommun. */
  switchboard: string;
  units: UnitSeed[];
}

export interface RegionSeed {
  key: RegionKey;
  organisation: OrganisationSeed & { kind: "region" };
  /** Hospitals, wards, vårdcentraler, psychiatric outpatient care, förvaltning. */
  units: UnitSeed[];
  kommuner: KommunSeed[];
}

export interface PatientSeed {
  /** 12 digits (personnummer/samordningsnummer) or a reservnummer. */
  identifier: string;
  givenName: string;
  familyName: string;
  protectedIdentity?: boolean;
  streetAddress?: string;
  postalCode?: string;
  city?: string;
  /** Folkbokföringskommun (kommunkod); absent for people who are not folkbokförda. */
  municipalityCode?: string;
  /** HSA-id of the vårdcentral the patient is listed at. */
  listedUnitHsaId?: string;
}
