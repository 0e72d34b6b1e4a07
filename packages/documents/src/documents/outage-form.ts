import { drawList, drawNote, drawParagraph, drawTitle, drawWritingLines } from "../layout/blocks";
import { formatDate, formatPersonnummer, formatTime, type DateInput } from "../layout/format";
import { checkField, drawGrid, field, HEADER_FILL, type GridRow } from "../layout/grid";
import type { PdfLayout, PrintInfo } from "../layout/page";
import { renderPdf } from "../layout/render";
import { patientHeaderLine, type PatientRef } from "./common";

/**
 * "Blankett vid driftstörning i Vårdkedjan": the Västernorrland routine's registration form for what was said by
 * phone during an outage, the paper twin of "Logga telefonkontakt". Blank (ruled
 * fields, several contacts per page) or pre-filled for a case (its patient and the contacts
 * logged so far, then blank rows for more).
 */

export const OUTAGE_FORM_TITLE = "Blankett vid driftstörning i Vårdkedjan";

/** The steps a phone contact can carry, in process order, with their printed names. */
export const OUTAGE_STEP_LABELS = {
  admission: "Inskrivning",
  expectedDischargeDate: "Beräknat utskrivningsdatum",
  planningBasis: "Planeringsunderlag",
  readyForDischarge: "Utskrivningsklar",
  actualDischargeDate: "Faktiskt utskrivningsdatum",
  dischargeNotice: "Utskrivningsmeddelande",
  consentHandedOver: "Samtycke överlämnat",
  sipDate: "SIP-datum",
} as const;

export type OutageStep = keyof typeof OUTAGE_STEP_LABELS;
export const OUTAGE_STEPS = Object.keys(OUTAGE_STEP_LABELS) as OutageStep[];

/** One logged phone contact. */
export interface OutageContactEntry {
  at: DateInput;
  counterpartName: string;
  counterpartUnit: string;
  counterpartPhone?: string;
  /** Needed only when the form is not for one patient. */
  patient?: PatientRef;
  steps: OutageStep[];
  /** The information was given (lämnad) or received (mottagen) by the one filling in. */
  direction: "given" | "received";
  comment?: string;
  /** Who logged it (printed as the signature's name). */
  signedBy?: string;
}

export interface OutageFormContent {
  /** e.g. "Region Sörmland" or "Eskilstuna kommun". */
  organisation?: string;
  /** The unit filling in the form. */
  unit?: string;
  /** For one case: the patient, printed once at the top and in every page header. */
  patient?: PatientRef;
  /** Contacts already logged, printed filled in. */
  entries?: OutageContactEntry[];
  /** Blank contact rows after the filled ones (default 4 on a blank form: two pages; 2 after entries). */
  blankEntries?: number;
  /** Where the forms go afterwards: the Vårdkedjan administrators' internal-mail address. */
  sendTo?: string;
}

export type OutageFormInput = OutageFormContent & PrintInfo;

/** The instructions of the Västernorrland routine (Västernorrland), worded for Vårdkedjan. */
export const OUTAGE_FORM_INSTRUCTIONS: readonly string[] = [
  "Använd blanketten under driftstörningen för att notera information som du har lämnat eller tagit emot muntligt, till exempel per telefon. Den är ett stöd för korrekt efterregistrering i Vårdkedjan när systemet är i drift igen.",
  "Fyll i datum, tid och signatur för varje kontakt, och namnet på den person du har haft kontakt med.",
  "Utskrivning från sjukhus får inte ske förrän det är säkerställt att mottagande enhet har tagit emot informationen.",
  "Blanketten kan skannas in i patientens journal (i kommunen: bifogas verksamhetens dokumentation) och därefter kasseras, eller skickas till systemförvaltningen enligt nedan.",
];

function entryRows(index: number, entry: OutageContactEntry | undefined, withPatient: boolean): GridRow[] {
  const steps = new Set(entry?.steps ?? []);
  const rows: GridRow[] = [
    {
      cells: [
        {
          items: [
            { kind: "label", text: "Kontakt" },
            { kind: "text", text: String(index), role: "bold", size: 12 },
          ],
          width: 0.08,
          fill: HEADER_FILL,
        },
        field("Datum", entry ? formatDate(entry.at) : undefined, { width: 0.16 }),
        field("Tid", entry ? formatTime(entry.at) : undefined, { width: 0.1 }),
        checkField(
          "Informationen har",
          [
            { label: "lämnats", checked: entry?.direction === "given" },
            { label: "tagits emot", checked: entry?.direction === "received" },
          ],
          { width: 0.28, columns: 2 },
        ),
        field("Signatur", entry?.signedBy, { width: 0.38 }),
      ],
    },
    {
      cells: [
        field("Kontaktperson (namn)", entry?.counterpartName, { width: 0.38 }),
        field("Enhet / verksamhet", entry?.counterpartUnit, { width: 0.4 }),
        field("Telefon", entry?.counterpartPhone, { width: 0.22 }),
      ],
    },
  ];
  if (withPatient) {
    rows.push({
      cells: [
        field("Patient (namn)", entry?.patient?.name, { width: 0.6 }),
        field("Personnummer", entry?.patient ? formatPersonnummer(entry.patient.personnummer) : undefined, { width: 0.4 }),
      ],
    });
  }
  rows.push(
    {
      cells: [
        checkField(
          "Moment som meddelades",
          OUTAGE_STEPS.map((s) => ({ label: OUTAGE_STEP_LABELS[s], checked: steps.has(s) })),
          { columns: 4 },
        ),
      ],
    },
    { cells: [field("Kommentar", entry?.comment, { lines: 2 })] },
  );
  return rows;
}

export function drawOutageForm(layout: PdfLayout, input: OutageFormContent): void {
  const entries = input.entries ?? [];
  const blank = input.blankEntries ?? (entries.length > 0 ? 2 : 4);
  layout.startSection({
    documentName: OUTAGE_FORM_TITLE,
    headerLines: input.patient ? [patientHeaderLine(input.patient)] : ["Patient: se varje kontakt"],
    footerNote: "Innehåller patientuppgifter när den är ifylld. Förvaras och skickas i förslutet kuvert.",
  });
  drawTitle(layout, OUTAGE_FORM_TITLE, "Registrering av information som lämnats eller tagits emot muntligt under avbrott – stöd för efterregistrering");

  const top: GridRow[] = [{ cells: [field("Region / organisation", input.organisation, { width: 0.45 }), field("Egen enhet", input.unit, { width: 0.55 })] }];
  if (input.patient) {
    top.push({
      cells: [
        field("Patient (namn)", input.patient.name, { width: 0.6 }),
        field("Personnummer", formatPersonnummer(input.patient.personnummer), { width: 0.4 }),
      ],
    });
  }
  drawGrid(layout, top);

  drawNote(layout, OUTAGE_FORM_INSTRUCTIONS, { title: "Så här använder du blanketten" });
  drawParagraph(layout, "När blanketten inte längre behövs på enheten:", { style: { size: 9.5, role: "bold" }, gapAfter: 2 });
  drawList(
    layout,
    [
      "Lägg blanketterna i ett kuvert och förslut det (blanketten innehåller känslig information).",
      "Skriv ”Vårdkedjan” på kuvertet.",
      `Lägg kuvertet i ett internkuvert och skicka det med internposten till systemförvaltningen för Vårdkedjan, som sammanställer underlaget för fakturering till kommunerna och för statistik. Adress:${input.sendTo?.trim() ? ` ${input.sendTo.trim()}` : ""}`,
    ],
    { numbered: true, style: { size: 9.5 }, gapAfter: input.sendTo?.trim() ? 4 : 0 },
  );
  if (!input.sendTo?.trim()) drawWritingLines(layout, 1, { indent: 18 });

  const total = entries.length + blank;
  for (let i = 0; i < total; i++) {
    drawGrid(layout, entryRows(i + 1, entries[i], !input.patient), { keepTogether: true, gapAfter: 12 });
  }
}

export function renderOutageForm(input: OutageFormInput): Promise<Buffer> {
  return renderPdf({ title: OUTAGE_FORM_TITLE, print: input }, (layout) => drawOutageForm(layout, input));
}
