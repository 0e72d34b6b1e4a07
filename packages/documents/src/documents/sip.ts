import { drawHeading, drawList, drawParagraph, drawSignatureRow, drawTitle } from "../layout/blocks";
import { formatDate, formatPersonnummer, type DateInput } from "../layout/format";
import { checkField, drawGrid, drawTable, field } from "../layout/grid";
import type { PdfLayout, PrintInfo } from "../layout/page";
import { renderPdf } from "../layout/render";
import { meetingText, patientHeaderLine, SEALED_ENVELOPE_NOTE, type PatientRef, type PlannedMeeting } from "./common";

/**
 * "Samordnad individuell plan (SIP)" with the content the law requires (HSL 16 kap 4 §,
 * SoL 2 kap 7 §; research rule N17): which interventions, which huvudman answers for which,
 * measures by other actors, and which huvudman has the overall responsibility. Plus goals,
 * follow-up, participants, consent and that the patient was offered a copy (Region Västernorrland, Avbrottsrutin Lifecare SP).
 */

export const SIP_TITLE = "Samordnad individuell plan (SIP)";

export interface SipIntervention {
  /** The insats, e.g. "Hemsjukvård: såromläggning två gånger i veckan". */
  intervention: string;
  /** The huvudman answering for it, e.g. "Eskilstuna kommun" or "Region Sörmland". */
  responsibleHuvudman: string;
  /** Who carries it out, e.g. "Hemsjukvården, distriktssköterska". */
  performedBy: string;
}

export interface SipOtherMeasure {
  /** An actor other than the region and the municipality (e.g. Försäkringskassan, a relative). */
  actor: string;
  measure: string;
}

export interface SipParticipant {
  name: string;
  role?: string;
  organisation?: string;
}

/** The patient's consent to the SIP. */
export type SipConsent = "given" | "refused" | "unknown";

export interface SipDocumentContent {
  patient: PatientRef;
  /** The SIP meeting, if held or planned. */
  meeting?: PlannedMeeting;
  interventions: SipIntervention[];
  /** The huvudman with the overall responsibility for the plan. */
  overallResponsible: string;
  otherMeasures: SipOtherMeasure[];
  goals: string[];
  followUpAt?: DateInput;
  participants: SipParticipant[];
  consent: SipConsent;
  /** The plan has been offered to the patient (a copy). */
  offeredToPatient: boolean;
  /** The patient's own view, if recorded. */
  patientView?: string;
}

export type SipDocumentInput = SipDocumentContent & PrintInfo;

export function drawSipDocument(layout: PdfLayout, input: SipDocumentContent): void {
  layout.startSection({
    documentName: SIP_TITLE,
    headerLines: [patientHeaderLine(input.patient)],
    footerNote: SEALED_ENVELOPE_NOTE,
  });
  drawTitle(layout, SIP_TITLE, "Plan för insatser från hälso- och sjukvården och socialtjänsten");

  drawGrid(layout, [
    {
      cells: [
        field("Namn", input.patient.name, { width: 0.45 }),
        field("Personnummer", formatPersonnummer(input.patient.personnummer), { width: 0.25 }),
        field("SIP-möte", input.meeting ? meetingText(input.meeting) : undefined, { width: 0.3 }),
      ],
    },
    {
      cells: [
        field("Huvudman med övergripande ansvar för planen", input.overallResponsible, { width: 0.7 }),
        field("Uppföljning", input.followUpAt ? formatDate(input.followUpAt) : undefined, { width: 0.3 }),
      ],
    },
  ]);

  drawHeading(layout, "Insatser");
  if (input.interventions.length > 0) {
    drawTable(
      layout,
      [
        { header: "Insats", width: 0.46 },
        { header: "Ansvarig huvudman", width: 0.24 },
        { header: "Utförs av", width: 0.3 },
      ],
      input.interventions.map((i) => [i.intervention, i.responsibleHuvudman, i.performedBy]),
    );
  } else {
    drawParagraph(layout, "Inga insatser angivna.");
  }

  drawHeading(layout, "Åtgärder av andra aktörer");
  if (input.otherMeasures.length > 0) {
    drawTable(
      layout,
      [
        { header: "Aktör", width: 0.3 },
        { header: "Åtgärd", width: 0.7 },
      ],
      input.otherMeasures.map((m) => [m.actor, m.measure]),
    );
  } else {
    drawParagraph(layout, "Inga åtgärder av andra aktörer.");
  }

  drawHeading(layout, "Mål");
  if (input.goals.length > 0) drawList(layout, input.goals);
  else drawParagraph(layout, "Inga mål angivna.");

  if (input.patientView?.trim()) {
    drawHeading(layout, "Patientens synpunkter");
    drawParagraph(layout, input.patientView);
  }

  drawHeading(layout, "Deltagare");
  if (input.participants.length > 0) {
    drawTable(
      layout,
      [
        { header: "Namn", width: 0.34 },
        { header: "Roll", width: 0.3 },
        { header: "Verksamhet", width: 0.36 },
      ],
      input.participants.map((p) => [p.name, p.role ?? "", p.organisation ?? ""]),
    );
  } else {
    drawParagraph(layout, "Inga deltagare angivna.");
  }

  drawHeading(layout, "Samtycke och kopia till patienten");
  drawGrid(
    layout,
    [
      {
        cells: [
          checkField(
            "Patientens samtycke till SIP",
            [
              { label: "Samtycke lämnat", checked: input.consent === "given" },
              { label: "Samtycke ej lämnat", checked: input.consent === "refused" },
              { label: "Ej tillfrågad", checked: input.consent === "unknown" },
            ],
            { width: 0.6, columns: 3 },
          ),
          checkField("Kopia", [{ label: "Erbjuden patienten", checked: input.offeredToPatient }], { width: 0.4 }),
        ],
      },
    ],
    { keepTogether: true },
  );
  layout.moveDown(6);
  drawSignatureRow(layout, [
    { label: "Datum", width: 0.8 },
    { label: "Planen upprättad av (namn, verksamhet)", width: 2 },
    { label: "Signatur", width: 1.2 },
  ]);
}

export function renderSipDocument(input: SipDocumentInput): Promise<Buffer> {
  return renderPdf({ title: SIP_TITLE, print: input }, (layout) => drawSipDocument(layout, input));
}
