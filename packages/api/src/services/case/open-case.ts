import { schema, and, asc, eq, type Tx } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";
import { checkCaseAccess } from "./scope";

/**
 * What a ward is told about a patient's case held elsewhere — that it exists and what to do, never
 * its reference, id or unit: those belong to another care provider's record (Patientdatalagen
 * 4 kap. 1 §: access only for the patient's care at one's own care provider).
 */
export const OPEN_CASE_ELSEWHERE =
  "Patienten har redan ett pågående samordningsärende hos en annan vårdenhet eller vårdgivare. Ett nytt ärende kan inte startas förrän det är avslutat. Ring den enhet som har patienten inskriven (via sjukhusets växel) och följ rutinen för överflyttning: den enheten avslutar sitt ärende som överflyttat, därefter startar ni samordningen här.";

export interface PatientCases {
  patientId: string | null;
  /** Set when the patient has an open case; `ref` only when the actor may open it. */
  open: { ref: { id: string; reference: string } | null } | null;
  /** The latest closed case, when the actor may open it (a readmission at the same unit). */
  previousReference: string | null;
}

/**
 * The patient's open and previous cases as this actor may know them. Finding an open case is
 * audited — also one the actor may not open, with its id, so that log review sees who ran into
 * another provider's case (the audit log is itself protected).
 */
export async function patientCasesFor(tx: Tx, actor: Actor, identifier: string): Promise<PatientCases> {
  const [patient] = await tx.select({ id: schema.patients.id }).from(schema.patients).where(eq(schema.patients.identifier, identifier));
  if (!patient) return { patientId: null, open: null, previousReference: null };
  const cases = await tx
    .select({ id: schema.coordinationCases.id, reference: schema.coordinationCases.reference, closedAt: schema.coordinationCases.closedAt })
    .from(schema.coordinationCases)
    .where(and(eq(schema.coordinationCases.patientId, patient.id)))
    .orderBy(asc(schema.coordinationCases.admittedAt));
  const openCase = cases.find((c) => !c.closedAt) ?? null;
  const previous = [...cases].reverse().find((c) => c.closedAt) ?? null;
  const previousReference = previous && (await checkCaseAccess(tx, actor, previous.id)) ? previous.reference : null;
  if (!openCase) return { patientId: patient.id, open: null, previousReference };
  const mayOpen = !!(await checkCaseAccess(tx, actor, openCase.id));
  await writeAudit(tx, actor, {
    action: "case.read",
    activity: "Läsa",
    outcome: mayOpen ? "success" : "denied",
    patientId: patient.id,
    caseId: openCase.id,
    entityType: "open_case_check",
    entityId: openCase.id,
    details: { openCaseAccessible: mayOpen },
  });
  return { patientId: patient.id, open: { ref: mayOpen ? { id: openCase.id, reference: openCase.reference } : null }, previousReference };
}
