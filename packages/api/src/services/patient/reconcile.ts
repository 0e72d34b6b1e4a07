import { schema, asc, eq, isNotNull, type Db, type DbOrTx } from "@vardkedjan/db/client";
import { parsePatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { registerDifferences, type PersonDetails } from "@vardkedjan/domain/patient/register-check";
import type { Actor } from "../../actor";
import { writeAudit, type AuditSubject } from "../../audit";
import { askRegister, demoPatientDirectory, type DirectoryPerson, type PatientDirectory } from "./directory";

type PatientRow = typeof schema.patients.$inferSelect;

const details = (p: PersonDetails): PersonDetails => ({
  givenName: p.givenName,
  familyName: p.familyName,
  streetAddress: p.streetAddress,
  postalCode: p.postalCode,
  city: p.city,
});

/**
 * The register has confirmed a hand-registered patient: its details replace the typed ones, the
 * flag "Ej kontrollerad mot folkbokföringen" is cleared, and what the register said differently is
 * kept for everyone who worked from the typed details. Audited in the caller's transaction.
 */
export async function reconcileWithRegister(tx: DbOrTx, who: Actor | AuditSubject, patient: PatientRow, person: DirectoryPerson, now: Date): Promise<void> {
  if (!patient.registerUncheckedSince) return;
  const differences = registerDifferences(details(patient), details(person));
  await tx
    .update(schema.patients)
    .set({
      givenName: person.givenName,
      familyName: person.familyName,
      protectedIdentity: person.protectedIdentity,
      streetAddress: person.streetAddress,
      postalCode: person.postalCode,
      city: person.city,
      municipalityCode: person.municipalityCode,
      registerUncheckedSince: null,
      registerReconciledAt: now,
      registerDifferences: differences,
      updatedAt: now,
    })
    .where(eq(schema.patients.id, patient.id));
  await writeAudit(tx, who, {
    action: "patient.reconcile",
    activity: "Skriva",
    patientId: patient.id,
    entityType: "patient",
    entityId: patient.id,
    // The fields that differed, never their values: the log is read by people who need not see them.
    details: { changedFields: differences.map((d) => d.field), uncheckedSince: patient.registerUncheckedSince.toISOString() },
  });
}

/** The background job's subject: the system, not a person. */
const JOB_SUBJECT: AuditSubject = { name: "Avstämning mot folkbokföringen (bakgrundsjobb)" };

/**
 * Asks the register again about every hand-registered patient (oldest first, a bounded batch), and
 * reconciles those it now knows. A register still down leaves them for the next round.
 */
export async function reconcileUncheckedPatients(
  db: Db,
  directory: PatientDirectory = demoPatientDirectory,
  now = new Date(),
  batch = 200,
): Promise<{ checked: number; reconciled: number; unavailable: boolean }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(schema.patients)
      .where(isNotNull(schema.patients.registerUncheckedSince))
      .orderBy(asc(schema.patients.registerUncheckedSince))
      .limit(batch);
    let reconciled = 0;
    for (const patient of rows) {
      const id = parsePatientIdentifier(patient.identifier);
      if (!id.ok) continue;
      const answer = await askRegister(directory, tx, id.value);
      if (answer.status === "unavailable") return { checked: rows.length, reconciled, unavailable: true };
      if (answer.status === "found") {
        await reconcileWithRegister(tx, JOB_SUBJECT, patient, answer.person, now);
        reconciled += 1;
      }
    }
    return { checked: rows.length, reconciled, unavailable: false };
  });
}
