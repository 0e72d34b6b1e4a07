import { schema, eq, type DbOrTx } from "@vardkedjan/db/client";
import type { PatientIdentifier } from "@vardkedjan/domain/patient/identifier";

/** A person as the population register (folkbokföring) knows them. */
export interface DirectoryPerson {
  identifier: string;
  kind: PatientIdentifier["kind"];
  givenName: string;
  familyName: string;
  protectedIdentity: boolean;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  /** Folkbokföringskommun (kommunkod). */
  municipalityCode: string | null;
  /** The vårdcentral the person is listed at, when known. */
  listedUnitHsaId: string | null;
}

/**
 * The patient directory: name, address and listing from the national registers. Production
 * would implement it over PU-tjänsten/Navet and the listing service; the demo reads a seeded table.
 */
export interface PatientDirectory {
  lookup(db: DbOrTx, identifier: PatientIdentifier): Promise<DirectoryPerson | null>;
}

export const demoPatientDirectory: PatientDirectory = {
  async lookup(db, id) {
    const [row] = await db.select().from(schema.populationRegister).where(eq(schema.populationRegister.identifier, id.value));
    if (!row) return null;
    return {
      identifier: row.identifier,
      kind: row.identifierKind,
      givenName: row.givenName,
      familyName: row.familyName,
      protectedIdentity: row.protectedIdentity,
      streetAddress: row.streetAddress,
      postalCode: row.postalCode,
      city: row.city,
      municipalityCode: row.municipalityCode,
      listedUnitHsaId: row.listedUnitHsaId,
    };
  },
};
