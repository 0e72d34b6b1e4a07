import { renderPatientSummary, type PatientSummaryInput } from "@vardkedjan/documents";
import type { Db } from "@vardkedjan/db/client";
import { isReceivingParty, OUTPATIENT_PARTY_ROLES, printsPatientSummary } from "@vardkedjan/domain/case/party-role";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { getCase, type CaseView } from "../case/get-case";
import { withCaseAccess } from "../case/scope";

/** The written summary for the patient at discharge (rule N18, Patientlagen 3 kap. 2 b §) from the case. */
export function patientSummaryContent(view: CaseView): Omit<PatientSummaryInput, "printedBy"> {
  const latest = (kind: string) => [...view.messages].reverse().find((m) => m.kind === kind);
  const discharge = latest("utskrivningsmeddelande");
  const sipCall = latest("kallelse_sip");
  const decisions = view.messages.filter((m) => m.kind === "meddela_beslut").flatMap((m) => (m.payload.decided as string[] | undefined) ?? []);
  const homeCare = view.messages.filter((m) => m.kind === "uppdrag_hemsjukvard").map((m) => `Hemsjukvården: ${String(m.payload.tasks ?? "")}`);
  const vc = view.parties.find((p) => OUTPATIENT_PARTY_ROLES.includes(p.role) && p.fixedCareContact);
  return {
    patient: { name: view.patient.name, personnummer: view.patient.identifier },
    ward: { name: view.ward.name, hospital: view.ward.hospitalName, phone: view.ward.phone ?? undefined },
    admittedAt: view.admittedAt,
    dischargedAt: view.dischargedAt ?? view.plannedDischargeAt ?? view.estimatedDischargeDate ?? new Date(),
    careSummary: String(discharge?.payload.dischargePlan ?? "Sammanfattningen skrivs av avdelningen i utskrivningsmeddelandet."),
    fixedCareContact: vc?.fixedCareContact ? { name: vc.fixedCareContact.name, unit: vc.unitName, phone: vc.phone ?? undefined } : undefined,
    sip: sipCall
      ? { at: String(sipCall.payload.meetingAt), place: sipCall.payload.place as string | undefined, video: Boolean(sipCall.payload.video) }
      : undefined,
    carePlans: [...decisions.map((d) => `Beslutad insats från kommunen: ${d}`), ...homeCare],
    medication: String(discharge?.payload.medicationList ?? "Se läkemedelslistan som du fått av avdelningen."),
    contacts: [
      ...(view.ward.phone ? [{ label: `${view.ward.name}, ${view.ward.hospitalName}`, phone: view.ward.phone, hours: "dygnet runt" }] : []),
      ...view.parties.filter((p) => isReceivingParty(p.role) && p.phone).map((p) => ({ label: `${p.unitName} (${p.organisationName})`, phone: p.phone! })),
    ],
  };
}

/** Renders the summary as a PDF for the ward to hand over; audited as a print (Utskrift) of patient data. */
export async function patientSummaryPdf(db: Db, actor: Actor, caseId: string): Promise<{ pdf: Buffer; reference: string }> {
  const view = await getCase(db, actor, caseId);
  if (!printsPatientSummary(view.viewer.role)) throw new AppError("FORBIDDEN", { userMessage: "Sammanfattningen till patienten skrivs ut av avdelningen." });
  const pdf = await renderPatientSummary({ ...patientSummaryContent(view), printedBy: actor.name });
  await withCaseAccess(db, actor, caseId, (tx, access) =>
    writeAudit(tx, actor, {
      action: "case.print",
      activity: "Utskrift",
      patientId: access.patientId,
      caseId,
      entityType: "document",
      entityId: "patientsammanfattning",
    }),
  );
  return { pdf, reference: view.reference };
}
