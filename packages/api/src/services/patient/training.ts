import type { Db } from "@vardkedjan/db/client";
import { formatPatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { searchTrainingPopulation } from "./directory";

export interface TrainingPerson {
  identifier: string;
  name: string;
  /** The postort (never for a person with protected identity). */
  city: string | null;
}

/**
 * "Övningspatienter": finds people of the training population by name or town, so that a course
 * participant can admit someone without a list of numbers. Only the training population's reserve
 * numbers are searched; real patients are looked up by number. Audited as a lookup with what was
 * searched for.
 */
export async function findTrainingPersons(db: Db, actor: Actor, query: string): Promise<TrainingPerson[]> {
  const q = query.trim();
  if (q.length < 2) throw new AppError("INVALID_INPUT", { userMessage: "Skriv minst två bokstäver av namnet eller orten." });
  return db.transaction(async (tx) => {
    const people = await searchTrainingPopulation(tx, q, 20);
    await writeAudit(tx, actor, {
      action: "patient.lookup",
      activity: "Läsa",
      entityType: "population_register",
      details: { trainingSearch: q, found: people.length },
    });
    return people.map((p) => ({
      identifier: formatPatientIdentifier({ kind: p.kind, value: p.identifier }),
      name: `${p.givenName} ${p.familyName}`,
      city: p.protectedIdentity ? null : p.city,
    }));
  });
}
