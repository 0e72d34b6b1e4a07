import { describeDifferences, parseRegisterDifferences } from "@vardkedjan/domain/patient/register-check";

/** Whether the patient's details are checked against the population register, as every view shows it. */
export interface PatientRegisterStatus {
  /** Registered by hand: "Ej kontrollerad mot folkbokföringen". */
  unchecked: boolean;
  /** The register confirmed a hand-registered patient: when, and what it said differently (Swedish lines). */
  reconciled: { at: Date; differences: string[] } | null;
}

export function patientRegisterStatus(p: {
  registerUncheckedSince: Date | null;
  registerReconciledAt: Date | null;
  registerDifferences: unknown;
  protectedIdentity: boolean;
}): PatientRegisterStatus {
  // A protected person's address differences would reveal the address: only the name is shown.
  const diffs = parseRegisterDifferences(p.registerDifferences).filter((d) => !p.protectedIdentity || d.field === "givenName" || d.field === "familyName");
  return {
    unchecked: p.registerUncheckedSince !== null,
    reconciled: p.registerReconciledAt ? { at: p.registerReconciledAt, differences: describeDifferences(diffs) } : null,
  };
}
