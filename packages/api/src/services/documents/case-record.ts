import type { CaseRecordContent } from "@vardkedjan/documents";
import { CARE_TYPE_LABELS, CLOSE_REASON_LABELS, MESSAGE_KIND_LABELS, PARTY_ROLE_LABELS, STAGE_LABELS } from "@vardkedjan/domain/case/labels";
import { payloadLines } from "@vardkedjan/domain/case/payload-text";
import type { CloseReason } from "@vardkedjan/domain/case/types";
import { stockholmDateTime } from "@vardkedjan/domain/time/format";
import { REGISTER_UNCHECKED_LABEL } from "@vardkedjan/domain/patient/register-labels";
import type { CaseView } from "../case/get-case";

/**
 * The whole case as the reader's unit may see it, for the printed case record ("Skriv ut hela
 * ärendet"). Built from the case view (getCase), never from the tables: the messages, their fields
 * and free text are already narrowed by the same visibility rules as the case page (consent,
 * hemtjänst's rule), so the print can show no more than the page.
 */
export function caseRecordContent(view: CaseView): CaseRecordContent {
  const dt = (d: Date) => stockholmDateTime(d);
  const facts: { label: string; value: string }[] = [
    { label: "Adress", value: view.patient.protectedIdentity ? "Skyddad identitet – adress visas inte" : (view.patient.address ?? "Saknas") },
    { label: "Skede", value: STAGE_LABELS[view.stage] },
    { label: "Avdelning", value: `${view.ward.name}, ${view.ward.hospitalName}${view.ward.phone ? ` (tfn ${view.ward.phone})` : ""}` },
    { label: "Vårdform", value: `${CARE_TYPE_LABELS[view.careType]}${view.lpt ? ", LPT" : ""}${view.lrv ? ", LRV" : ""}` },
    { label: "Inskriven", value: dt(view.admittedAt) },
    { label: "Beräknat utskrivningsdatum", value: view.estimatedDischargeDate ?? "Inte angivet" },
  ];
  // Name and address registered by hand: the print says so, as the case page does.
  if (view.patient.register.unchecked) facts.unshift({ label: "Folkbokföring", value: REGISTER_UNCHECKED_LABEL });
  if (view.readyForDischargeAt) facts.push({ label: "Utskrivningsklar", value: dt(view.readyForDischargeAt) });
  if (view.payment?.liabilityText) facts.push({ label: "Betalningsansvar", value: view.payment.liabilityText });
  if (view.plannedDischargeAt) facts.push({ label: "Planerad utskrivning", value: dt(view.plannedDischargeAt) });
  if (view.dischargedAt) facts.push({ label: "Utskriven", value: dt(view.dischargedAt) });
  if (view.closedAt) {
    const reason = view.closeReason ? ` – ${CLOSE_REASON_LABELS[view.closeReason as CloseReason] ?? view.closeReason}` : "";
    facts.push({ label: "Avslutat", value: `${dt(view.closedAt)}${reason}` });
  }

  const staffName = (id: string) => view.parties.find((p) => p.fixedCareContact?.staffId === id)?.fixedCareContact?.name;
  const myUnit = view.viewer.unitIds[0];
  const printedFor = view.parties.find((p) => p.unitId === myUnit)?.unitName ?? (view.ward.unitId === myUnit ? view.ward.name : view.ward.hospitalName);

  return {
    reference: view.reference,
    patient: { name: view.patient.name, personnummer: view.patient.identifier },
    facts,
    parties: view.parties.map((p) => ({
      unit: p.unitName,
      organisation: p.organisationName,
      role: PARTY_ROLE_LABELS[p.role].indefinite,
      notes: [
        p.answeredAt ? `Svarat på inskrivning ${dt(p.answeredAt)}` : null,
        p.rejectedAt ? `Avvisat ${dt(p.rejectedAt)}` : null,
        p.kommunklarAt ? `Kommunklar ${dt(p.kommunklarAt)}` : null,
        p.fixedCareContact ? `Fast vårdkontakt: ${p.fixedCareContact.name}` : null,
      ].filter((x): x is string => x !== null),
    })),
    visibilityNote: view.viewer.visibility.level === "basic" ? view.viewer.visibility.message : undefined,
    messages: view.messages.map((m) => ({
      kind: MESSAGE_KIND_LABELS[m.kind],
      title: m.title ?? undefined,
      occurredAt: m.occurredAt,
      sender: [m.senderName, m.senderUnitName].filter(Boolean).join(", "),
      afterRegistration: m.afterRegistered ? `Efterregistrerat ${dt(m.registeredAt)} efter driftstörning` : undefined,
      correction: m.correctsMessageId ? "Rättar ett tidigare meddelande" : undefined,
      fields: payloadLines(m.kind, m.payload, { staff: staffName, unit: (id) => view.parties.find((p) => p.unitId === id)?.unitName }),
      freeText: m.freeText ?? undefined,
      redacted: m.redacted,
      recipients: m.recipients.map((r) => ({
        unit: r.unitName,
        acknowledgement: r.acknowledgedAt ? `Kvitterat ${dt(r.acknowledgedAt)}${r.acknowledgedBy ? ` av ${r.acknowledgedBy}` : ""}` : "Inte kvitterat",
      })),
    })),
    printedFor,
  };
}
