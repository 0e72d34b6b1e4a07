import { drawHeading, drawList, drawNote, drawParagraph, drawTitle } from "../layout/blocks";
import { formatDate, formatLongDateTime, formatPersonnummer, joinParts, type DateInput } from "../layout/format";
import { drawGrid, drawTable, field } from "../layout/grid";
import type { PdfLayout, PrintInfo } from "../layout/page";
import { renderPdf } from "../layout/render";
import { patientHeaderLine, type FixedCareContact, type PatientRef, type PlannedMeeting, type WardRef } from "./common";

/**
 * "Sammanfattning vid utskrivning": the written summary the patient gets at discharge
 * (Patientlagen 3 kap 2 b §, research rule N18). Written to the patient ("du"), in plain language.
 */

export const PATIENT_SUMMARY_TITLE = "Sammanfattning vid utskrivning";

export interface PhoneContact {
  /** Who to call, e.g. "Avdelning 12, Mälarsjukhuset" or "Din vårdcentral". */
  label: string;
  phone: string;
  /** e.g. "vardagar 08.00–16.00" or "dygnet runt". */
  hours?: string;
}

export interface PatientSummaryContent {
  patient: PatientRef;
  ward: WardRef;
  admittedAt: DateInput;
  dischargedAt: DateInput;
  /** Summary of the care and treatment, in words the patient understands. */
  careSummary: string;
  /** The fast vårdkontakt, if appointed; when absent the document says none was appointed yet. */
  fixedCareContact?: FixedCareContact;
  /** The planned SIP meeting, if one is planned; when absent the SIP section is left out. */
  sip?: PlannedMeeting;
  /** Current plans for care and omsorg, one per item (e.g. "Hemtjänst hjälper dig …"). */
  carePlans: string[];
  /** The current medication list as free text (or what more there is to say beside the rows). */
  medication: string;
  /** The current medication list, one medicine per row, when the ward gave it as rows. */
  medications?: { name: string; dose?: string; purpose?: string }[];
  /** Who helps with the medicines, in words to the patient ("Hemtjänsten hjälper dig …"). */
  medicationHelp?: string;
  /** The help the patient needs in everyday life and the aids at home, in plain words. */
  dailyLiving?: string[];
  /** "Vad händer nu": what happens after discharge, in order, in plain words. */
  nextSteps?: string[];
  /** Whom to call with questions. */
  contacts: PhoneContact[];
}

export type PatientSummaryInput = PatientSummaryContent & PrintInfo;

export function drawPatientSummary(layout: PdfLayout, input: PatientSummaryContent): void {
  layout.startSection({
    documentName: PATIENT_SUMMARY_TITLE,
    headerLines: [patientHeaderLine(input.patient), joinParts([input.ward.name, input.ward.hospital])],
    footerNote: "Spara sammanfattningen och ta med den när du har kontakt med vården eller kommunen.",
  });
  drawTitle(layout, PATIENT_SUMMARY_TITLE, `Till dig som har vårdats på ${input.ward.hospital}`);
  drawParagraph(
    layout,
    "Här står vad som hänt under din tid på sjukhuset och vad som är planerat nu när du går hem. Läs den gärna tillsammans med en närstående.",
  );

  drawGrid(layout, [
    { cells: [field("Namn", input.patient.name, { width: 0.6 }), field("Personnummer", formatPersonnummer(input.patient.personnummer), { width: 0.4 })] },
    {
      cells: [
        field("Avdelning", input.ward.name, { width: 0.35 }),
        field("Sjukhus", input.ward.hospital, { width: 0.4 }),
        field("Telefon till avdelningen", input.ward.phone, { width: 0.25 }),
      ],
    },
    { cells: [field("Inskriven", formatDate(input.admittedAt), { width: 0.5 }), field("Utskriven", formatDate(input.dischargedAt), { width: 0.5 })] },
  ]);

  drawHeading(layout, "Vad händer nu");
  if (input.nextSteps && input.nextSteps.length > 0) drawList(layout, input.nextSteps);
  else drawParagraph(layout, "Avdelningen berättar vad som händer när du har kommit hem. Ring avdelningen om något är oklart.");

  drawHeading(layout, "Din vård och behandling");
  drawParagraph(layout, input.careSummary);

  if (input.dailyLiving && input.dailyLiving.length > 0) {
    drawHeading(layout, "Hjälp i vardagen");
    drawList(layout, input.dailyLiving);
  }

  drawHeading(layout, "Din fasta vårdkontakt");
  if (input.fixedCareContact) {
    drawParagraph(layout, "Din fasta vårdkontakt hjälper dig att samordna din vård efter sjukhusvistelsen.", { gapAfter: 4 });
    drawGrid(layout, [
      {
        cells: [
          field("Namn", input.fixedCareContact.name, { width: 0.35 }),
          field("Mottagning", input.fixedCareContact.unit, { width: 0.4 }),
          field("Telefon", input.fixedCareContact.phone, { width: 0.25 }),
        ],
      },
    ]);
  } else {
    drawParagraph(layout, "Ingen fast vårdkontakt var utsedd när sammanfattningen skrevs ut. Din vårdcentral berättar vem det blir.");
  }

  if (input.sip) {
    drawHeading(layout, "Planerat SIP-möte");
    drawParagraph(
      layout,
      "En samordnad individuell plan (SIP) är en plan som du gör tillsammans med vården och kommunen. I planen står vem som gör vad för att du ska få den hjälp du behöver.",
      { gapAfter: 4 },
    );
    const where = input.sip.video ? joinParts(["Videomöte", input.sip.place], ", ") : input.sip.place;
    drawGrid(layout, [{ cells: [field("När", formatLongDateTime(input.sip.at), { width: 0.5 }), field("Var", where, { width: 0.5 })] }]);
  }

  drawHeading(layout, "Planer för din vård och omsorg");
  if (input.carePlans.length > 0) drawList(layout, input.carePlans);
  else drawParagraph(layout, "Inga planer var registrerade när sammanfattningen skrevs ut.");

  drawHeading(layout, "Dina läkemedel");
  drawParagraph(layout, "Så här ser din läkemedelslista ut när du lämnar sjukhuset. Ta med listan när du träffar vården.", {
    gapAfter: 4,
  });
  if (input.medicationHelp) drawParagraph(layout, input.medicationHelp, { gapAfter: 4 });
  if (input.medications && input.medications.length > 0) {
    drawTable(
      layout,
      [
        { header: "Läkemedel", width: 0.35 },
        { header: "Hur du tar det", width: 0.35 },
        { header: "Används mot", width: 0.3 },
      ],
      input.medications.map((m) => [m.name, m.dose ?? "", m.purpose ?? ""]),
      { size: 10 },
    );
    if (input.medication.trim()) drawParagraph(layout, input.medication.trim());
  } else {
    drawGrid(layout, [{ cells: [{ items: [{ kind: "text", text: input.medication.trim() || "Inga läkemedel." }] }], keepTogether: false }]);
  }

  drawHeading(layout, "Om du har frågor");
  if (input.contacts.length > 0) {
    drawTable(
      layout,
      [
        { header: "Vem", width: 0.45 },
        { header: "Telefon", width: 0.25 },
        { header: "När", width: 0.3 },
      ],
      input.contacts.map((c) => [c.label, c.phone, c.hours ?? ""]),
      { size: 10 },
    );
  }
  drawNote(layout, ["Vid akuta besvär: ring 112.", "Sjukvårdsrådgivning dygnet runt: ring 1177 eller gå till 1177.se."]);
}

export function renderPatientSummary(input: PatientSummaryInput): Promise<Buffer> {
  return renderPdf({ title: PATIENT_SUMMARY_TITLE, print: input }, (layout) => drawPatientSummary(layout, input));
}
