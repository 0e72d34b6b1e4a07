import { drawHeading, drawParagraph, drawSignatureRow, drawTitle } from "../layout/blocks";
import { formatDate, formatDateTime, formatPersonnummer, joinParts, type DateInput } from "../layout/format";
import { drawGrid, drawTable, field, type GridRow } from "../layout/grid";
import type { PdfLayout, PrintInfo } from "../layout/page";
import { renderPdf } from "../layout/render";
import { meetingText, patientHeaderLine, SEALED_ENVELOPE_NOTE, type FixedCareContact, type PatientRef, type PlannedMeeting, type WardRef } from "./common";

/**
 * "Utskrivningsplan": what the discharge notice carries (utskrivningsmeddelande + plan), printed
 * to go with the patient in a sealed envelope when the receiving parties cannot read it in the
 * system (Region Sörmland, Reservrutin Link: "Regionen fyller i blankett utskrivningsplan … skickas med patienten").
 */

export const DISCHARGE_PLAN_TITLE = "Utskrivningsplan";

export interface ReceivingUnit {
  /** e.g. "Hemsjukvården Eskilstuna" */
  name: string;
  /** e.g. "Eskilstuna kommun" or "Region Sörmland" */
  organisation?: string;
  /** e.g. "Kommunal hälso- och sjukvård", "Hemtjänst", "Vårdcentral" */
  role?: string;
  phone?: string;
}

export interface DischargePlanContent {
  patient: PatientRef & { address?: string };
  ward: WardRef;
  admittedAt: DateInput;
  /** When the physician judged the patient ready for discharge (utskrivningsklar). */
  readyForDischargeAt?: DateInput;
  /** The (planned or actual) time of discharge. */
  dischargeAt: DateInput;
  /** The plan: what each party does after discharge. */
  plan: string;
  /** Current medication list, free text. */
  medication: string;
  /** Aids and medicines that go back home with the patient (one per item). */
  aidsReturned: string[];
  receivingUnits: ReceivingUnit[];
  fixedCareContact?: FixedCareContact;
  sip?: PlannedMeeting;
  /** Who drew up the plan; printed on the signature line. */
  responsible?: { name: string; title?: string };
}

export type DischargePlanInput = DischargePlanContent & PrintInfo;

export function drawDischargePlan(layout: PdfLayout, input: DischargePlanContent): void {
  layout.startSection({
    documentName: DISCHARGE_PLAN_TITLE,
    headerLines: [patientHeaderLine(input.patient), joinParts([input.ward.name, input.ward.hospital])],
    footerNote: SEALED_ENVELOPE_NOTE,
  });
  drawTitle(layout, DISCHARGE_PLAN_TITLE, "Information vid utskrivning från slutenvården");

  drawHeading(layout, "Patient och vårdtillfälle");
  const rows: GridRow[] = [
    {
      cells: [
        field("Namn", input.patient.name, { width: 0.45 }),
        field("Personnummer", formatPersonnummer(input.patient.personnummer), { width: 0.25 }),
        field("Adress", input.patient.address, { width: 0.3 }),
      ],
    },
    {
      cells: [
        field("Avdelning", input.ward.name, { width: 0.45 }),
        field("Sjukhus", input.ward.hospital, { width: 0.3 }),
        field("Telefon avdelning", input.ward.phone, { width: 0.25 }),
      ],
    },
    {
      cells: [
        field("Inskriven", formatDate(input.admittedAt), { width: 0.3 }),
        field("Utskrivningsklar", input.readyForDischargeAt ? formatDateTime(input.readyForDischargeAt) : "–", { width: 0.35 }),
        field("Utskrivning", formatDateTime(input.dischargeAt), { width: 0.35 }),
      ],
    },
  ];
  drawGrid(layout, rows);

  drawHeading(layout, "Planering efter utskrivning");
  drawParagraph(layout, input.plan);

  drawHeading(layout, "Mottagande enheter");
  if (input.receivingUnits.length > 0) {
    drawTable(
      layout,
      [
        { header: "Enhet", width: 0.32 },
        { header: "Organisation", width: 0.26 },
        { header: "Verksamhet", width: 0.24 },
        { header: "Telefon", width: 0.18 },
      ],
      input.receivingUnits.map((u) => [u.name, u.organisation ?? "", u.role ?? "", u.phone ?? ""]),
    );
  } else {
    drawParagraph(layout, "Inga mottagande enheter angivna.");
  }

  drawHeading(layout, "Fast vårdkontakt och SIP");
  drawGrid(layout, [
    {
      cells: [
        field(
          "Fast vårdkontakt",
          input.fixedCareContact
            ? joinParts([input.fixedCareContact.name, input.fixedCareContact.unit, input.fixedCareContact.phone], ", ")
            : "Inte utsedd vid utskrivningen",
          { width: 0.55 },
        ),
        field("SIP-möte", input.sip ? meetingText(input.sip) : "Inget SIP-möte planerat", { width: 0.45 }),
      ],
    },
  ]);

  drawHeading(layout, "Aktuell läkemedelslista");
  drawGrid(layout, [{ cells: [{ items: [{ kind: "text", text: input.medication.trim() || "Inga läkemedel." }] }], keepTogether: false }]);

  drawHeading(layout, "Läkemedel och hjälpmedel som följer med patienten hem");
  if (input.aidsReturned.length > 0) {
    drawGrid(layout, [
      {
        cells: [{ items: [{ kind: "checks", items: input.aidsReturned.map((label) => ({ label })), columns: 2 }] }],
        keepTogether: false,
      },
    ]);
    drawParagraph(layout, "Kryssa i rutan när det har packats ner till patienten.", { style: { size: 9 } });
  } else {
    drawParagraph(layout, "Inga läkemedel eller hjälpmedel att skicka med.");
  }

  layout.moveDown(8);
  drawSignatureRow(layout, [
    { label: "Datum", value: formatDate(input.dischargeAt), width: 0.8 },
    {
      label: "Utskrivningsplanen upprättad av (namn, titel)",
      value: input.responsible ? joinParts([input.responsible.name, input.responsible.title], ", ") : undefined,
      width: 2,
    },
    { label: "Signatur", width: 1.2 },
  ]);
}

export function renderDischargePlan(input: DischargePlanInput): Promise<Buffer> {
  return renderPdf({ title: DISCHARGE_PLAN_TITLE, print: input }, (layout) => drawDischargePlan(layout, input));
}
