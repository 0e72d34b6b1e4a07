import { schema, and, asc, eq, ilike, or, type DbOrTx } from "@vardkedjan/db/client";
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
  /** The person, or null when the register does not know the number; throws RegisterUnavailableError when it does not answer. */
  lookup(db: DbOrTx, identifier: PatientIdentifier): Promise<DirectoryPerson | null>;
}

/** The register did not answer (an outage of that integration, a timeout): the admission goes on by hand. */
export class RegisterUnavailableError extends Error {
  constructor() {
    super("population register unavailable");
  }
}

export type RegisterAnswer = { status: "found"; person: DirectoryPerson } | { status: "not_found" } | { status: "unavailable" };

/** Asks the register, turning "does not answer" into an answer of its own instead of an error. */
export async function askRegister(directory: PatientDirectory, db: DbOrTx, id: PatientIdentifier): Promise<RegisterAnswer> {
  try {
    const person = await directory.lookup(db, id);
    return person ? { status: "found", person } : { status: "not_found" };
  } catch (e) {
    if (e instanceof RegisterUnavailableError) return { status: "unavailable" };
    throw e;
  }
}

const toPerson = (row: typeof schema.populationRegister.$inferSelect): DirectoryPerson => ({
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
});

/** The training population's reserve numbers start with this (seed: data/training-population.ts). */
export const TRAINING_IDENTIFIER_PREFIX = "OVN";

/**
 * Finds people of the training population by name, for courses: the real register is looked up by
 * number only, so this searches nothing but the training population's reserve numbers.
 */
export async function searchTrainingPopulation(db: DbOrTx, query: string, limit = 20): Promise<DirectoryPerson[]> {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 3);
  if (words.length === 0) return [];
  const r = schema.populationRegister;
  const like = (w: string) => `%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select()
    .from(r)
    .where(
      and(
        ilike(r.identifier, `${TRAINING_IDENTIFIER_PREFIX}%`),
        ...words.map((w) => or(ilike(r.givenName, like(w)), ilike(r.familyName, like(w)), ilike(r.city, like(w)))),
      ),
    )
    .orderBy(asc(r.familyName), asc(r.givenName), asc(r.identifier))
    .limit(limit);
  return rows.map(toPerson);
}

export const demoPatientDirectory: PatientDirectory = {
  async lookup(db, id) {
    const [row] = await db.select().from(schema.populationRegister).where(eq(schema.populationRegister.identifier, id.value));
    return row ? toPerson(row) : null;
  },
};
