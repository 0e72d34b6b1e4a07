import { renderPatientSummary, type PatientSummaryInput } from "@vardkedjan/documents";
import type { Db } from "@vardkedjan/db/client";
import { isReceivingParty, OUTPATIENT_PARTY_ROLES, printsPatientSummary } from "@vardkedjan/domain/case/party-role";
import {
  ADL_AREA_LABELS,
  AID_KIND_LABELS,
  CURRENT_SERVICE_LABELS,
  MEDICATION_HANDLER_PATIENT_WORDS,
  type AdlArea,
  type AidKind,
  type MedicationHandler,
} from "@vardkedjan/domain/case/structured-content";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { getCase, type CaseView } from "../case/get-case";
import { withCaseAccess } from "../case/scope";

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const listed = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`);
const dayOf = (v: unknown) => (typeof v === "string" ? new Date(`${v.slice(0, 10)}T12:00:00Z`) : null);
const longDay = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm", weekday: "long", day: "numeric", month: "long" });

/** The help in everyday life and the aids, from the planning basis, in words to the patient: no "ADL", no codes. */
function dailyLiving(planning: Record<string, unknown> | undefined): string[] {
  if (!planning) return [];
  const adl = Array.isArray(planning.adl) ? (planning.adl as { area: AdlArea; level: string }[]) : [];
  const areas = (level: string) => adl.filter((a) => a.level === level).map((a) => lower(ADL_AREA_LABELS[a.area] ?? a.area));
  const aids = Array.isArray(planning.aidKinds) ? (planning.aidKinds as AidKind[]).map((a) => lower(AID_KIND_LABELS[a] ?? a)) : [];
  return [
    ...(areas("helt_beroende").length ? [`Du behöver hjälp med ${listed(areas("helt_beroende"))}.`] : []),
    ...(areas("delvis_hjalp").length ? [`Du behöver lite stöd med ${listed(areas("delvis_hjalp"))}.`] : []),
    ...(aids.length ? [`Hjälpmedel du har hemma eller får: ${listed(aids)}.`] : []),
  ];
}

/** The written summary for the patient at discharge (rule N18, Patientlagen 3 kap. 2 b §) from the case. */
export function patientSummaryContent(view: CaseView): Omit<PatientSummaryInput, "printedBy"> {
  const latest = (kind: string) => [...view.messages].reverse().find((m) => m.kind === kind);
  const discharge = latest("utskrivningsmeddelande");
  const sipCall = latest("kallelse_sip");
  const planning = latest("planeringsunderlag")?.payload;
  const decisions = view.messages.filter((m) => m.kind === "meddela_beslut").flatMap((m) => (m.payload.decided as string[] | undefined) ?? []);
  const homeCare = view.messages.filter((m) => m.kind === "uppdrag_hemsjukvard");
  const vc = view.parties.find((p) => OUTPATIENT_PARTY_ROLES.includes(p.role) && p.fixedCareContact);
  // Services the kommun already gave before the stay go on, told as such.
  const ongoing = view.messages
    .filter((m) => m.kind === "svar_pa_inskrivning" && Array.isArray(m.payload.services))
    .flatMap((m) => (m.payload.services as (keyof typeof CURRENT_SERVICE_LABELS)[]).map((k) => lower(CURRENT_SERVICE_LABELS[k] ?? k)));
  const followUp = dayOf(sipCall?.payload.followUpAt);
  const handler = (discharge?.payload.medicationHandler ?? planning?.medicationHandler) as MedicationHandler | undefined;
  const nextSteps = [
    ...(decisions.length ? [`Kommunen har beslutat att du får ${listed(decisions.map(lower))}.`] : []),
    ...(ongoing.length ? [`Det du hade före sjukhusvistelsen fortsätter: ${listed([...new Set(ongoing)])}.`] : []),
    ...homeCare.map((m) => {
      const from = dayOf(m.payload.from);
      return `En sjuksköterska från kommunens hemsjukvård kommer hem till dig${from ? ` från ${longDay(from)}` : ""}.`;
    }),
    ...(vc?.fixedCareContact ? [`${vc.fixedCareContact.name} på ${vc.unitName} är din fasta vårdkontakt och håller ihop din vård när du kommit hem.`] : []),
    ...(sipCall ? ["Du, vården och kommunen träffas och gör en plan tillsammans (se ”Planerat SIP-möte” nedan)."] : []),
    ...(followUp ? [`Planen följs upp ${longDay(followUp)}.`] : []),
    "Om något känns fel eller oklart när du kommit hem: ring avdelningen eller din vårdcentral.",
  ];
  const meds = Array.isArray(discharge?.payload.medications)
    ? (discharge.payload.medications as { name: string; dose?: string; purpose?: string }[])
    : undefined;
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
    carePlans: [...decisions.map((d) => `Från kommunen: ${lower(d)}`), ...homeCare.map((m) => `Kommunens hemsjukvård: ${String(m.payload.tasks ?? "")}`)],
    medication: discharge?.payload.noMedications
      ? "Du har inga läkemedel när du lämnar sjukhuset."
      : String(discharge?.payload.medicationList ?? (meds ? "" : "Se läkemedelslistan som du fått av avdelningen.")),
    medications: meds,
    medicationHelp: handler ? MEDICATION_HANDLER_PATIENT_WORDS[handler] : undefined,
    dailyLiving: dailyLiving(planning),
    nextSteps,
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
