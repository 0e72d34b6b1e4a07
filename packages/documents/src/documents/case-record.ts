import { drawHeading, drawNote, drawParagraph, drawTitle } from "../layout/blocks";
import { formatDateTime, formatPersonnummer, joinParts, type DateInput } from "../layout/format";
import { drawGrid, drawTable, field } from "../layout/grid";
import type { PdfLayout, PrintInfo } from "../layout/page";
import { renderPdf } from "../layout/render";
import { patientHeaderLine, SEALED_ENVELOPE_NOTE, type PatientRef } from "./common";

/**
 * "Samordningsärende – utskrift för enhetens dokumentation": the whole case as the reader's unit
 * sees it (header, parties, every message with its fields, recipients and acknowledgements), for
 * the unit's own records. Plain data in: the caller has already narrowed everything to what the
 * reader may see (consent, hemtjänst's rule), and says so in `visibilityNote` when it is less
 * than the whole case. Every page names who printed it and when.
 */

export const CASE_RECORD_TITLE = "Samordningsärende – utskrift för enhetens dokumentation";

export interface CaseRecordParty {
  unit: string;
  organisation: string;
  /** "Kommun", "Vårdcentral" … */
  role: string;
  /** "Kommunklar 2026-06-30 10:00", "Fast vårdkontakt: Fredrik Vall" … */
  notes: string[];
}

export interface CaseRecordRecipient {
  unit: string;
  /** "Kvitterat 2026-06-30 10:05 av Berit Holm" or "Inte kvitterat". */
  acknowledgement: string;
}

export interface CaseRecordMessage {
  /** "Inskrivningsmeddelande". */
  kind: string;
  title?: string;
  occurredAt: DateInput;
  sender: string;
  /** "Efterregistrerat 2026-07-02 09:00 (driftstörning)". */
  afterRegistration?: string;
  /** "Rättar ett tidigare meddelande". */
  correction?: string;
  fields: { label: string; value: string }[];
  freeText?: string;
  /** Part of the content is not shown to the reader's unit. */
  redacted: boolean;
  recipients: CaseRecordRecipient[];
}

export interface CaseRecordContent {
  reference: string;
  patient: PatientRef;
  /** Label and value, in the case header's order ("Skede", "Avdelning", "Inskriven" …). */
  facts: { label: string; value: string }[];
  parties: CaseRecordParty[];
  /** Why the reader sees less than the whole case; absent when it sees everything. */
  visibilityNote?: string;
  messages: CaseRecordMessage[];
  /** The reader's unit, for whom the record is printed. */
  printedFor: string;
}

export type CaseRecordInput = CaseRecordContent & PrintInfo;

export const REDACTED_MESSAGE_NOTE = "Delar av innehållet visas inte för din enhet.";

function drawMessage(layout: PdfLayout, m: CaseRecordMessage, n: number): void {
  drawHeading(layout, joinParts([`${n}. ${m.kind}`, m.title], " – "), 2);
  drawParagraph(layout, joinParts([formatDateTime(m.occurredAt), `från ${m.sender}`, m.afterRegistration, m.correction], " · "), {
    style: { size: 9 },
    gapAfter: 3,
  });
  if (m.fields.length > 0)
    drawGrid(
      layout,
      m.fields.map((f) => ({ cells: [field(f.label, f.value)] })),
      { gapAfter: 4 },
    );
  if (m.freeText) drawParagraph(layout, `Fritext: ${m.freeText}`);
  if (m.redacted) drawParagraph(layout, REDACTED_MESSAGE_NOTE, { style: { role: "italic", size: 9 } });
  if (m.recipients.length > 0) {
    drawTable(
      layout,
      [
        { header: "Mottagare", width: 0.5 },
        { header: "Kvittens", width: 0.5 },
      ],
      m.recipients.map((r) => [r.unit, r.acknowledgement]),
      { size: 8.5 },
    );
  }
}

export function drawCaseRecord(layout: PdfLayout, input: CaseRecordContent): void {
  layout.startSection({
    documentName: `${CASE_RECORD_TITLE} ${input.reference}`,
    headerLines: [patientHeaderLine(input.patient), `Samordningsärende ${input.reference} · utskrivet för ${input.printedFor}`],
    footerNote: SEALED_ENVELOPE_NOTE,
  });
  drawTitle(layout, CASE_RECORD_TITLE, `Samordningsärende ${input.reference}`);
  if (input.visibilityNote) drawNote(layout, [input.visibilityNote], { title: "Din enhet ser inte hela ärendet" });

  drawHeading(layout, "Ärendet");
  drawGrid(
    layout,
    [
      { cells: [field("Patient", input.patient.name, { width: 0.6 }), field("Personnummer", formatPersonnummer(input.patient.personnummer), { width: 0.4 })] },
      ...input.facts.map((f) => ({ cells: [field(f.label, f.value)] })),
    ],
    { gapAfter: 8 },
  );

  drawHeading(layout, "Parter");
  if (input.parties.length === 0) drawParagraph(layout, "Inga parter utöver avdelningen.");
  else {
    drawTable(
      layout,
      [
        { header: "Enhet", width: 0.3 },
        { header: "Organisation", width: 0.25 },
        { header: "Roll", width: 0.18 },
        { header: "Noteringar", width: 0.27 },
      ],
      input.parties.map((p) => [p.unit, p.organisation, p.role, p.notes.join("\n")]),
      { size: 8.5 },
    );
  }

  drawHeading(layout, "Meddelanden och kvittenser");
  if (input.messages.length === 0) drawParagraph(layout, "Inga meddelanden som din enhet kan se.");
  input.messages.forEach((m, i) => drawMessage(layout, m, i + 1));
}

export function renderCaseRecord(input: CaseRecordInput): Promise<Buffer> {
  return renderPdf({ title: `${CASE_RECORD_TITLE} ${input.reference}`, print: input }, (layout) => {
    drawCaseRecord(layout, input);
    const at = input.printedAt ?? new Date();
    drawParagraph(layout, `Utskrivet av ${input.printedBy}, ${formatDateTime(at)}, för ${input.printedFor}.`, { style: { size: 9 } });
  });
}
