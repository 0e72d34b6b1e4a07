import { drawNote, drawParagraph, drawTitle } from "../layout/blocks";
import { formatDate, formatDateTime, type DateInput } from "../layout/format";
import { drawTable } from "../layout/grid";
import type { PdfLayout, PrintInfo } from "../layout/page";
import { renderPdf } from "../layout/render";
import { patientHeaderLine, type PatientRef } from "./common";

/**
 * "Logguttag": who has accessed a patient's data in Vårdkedjan, for a patient who asks (PDL
 * 8 kap.): each access with the unit, the time, what was done and by whom, in a form that lets the
 * patient judge whether it was justified.
 */

export const ACCESS_EXTRACT_TITLE = "Logguttag – åtkomster till patientuppgifter";

export interface AccessExtractRow {
  at: DateInput;
  /** The care provider's unit where the access was made. */
  unit: string;
  /** Läsa, Skriva, Utskrift, Sök … */
  activity: string;
  /** "Sanna Sjöberg (Sjuksköterska)". */
  staff: string;
  /** The case reference, when the access concerned a case. */
  caseReference?: string;
}

export interface AccessExtractContent {
  patient: PatientRef;
  /** The care provider answering the request, e.g. "Region Sörmland". */
  organisation: string;
  rows: AccessExtractRow[];
}

export type AccessExtractInput = AccessExtractContent & PrintInfo;

export function drawAccessExtract(layout: PdfLayout, input: AccessExtractContent): void {
  const headerLine = patientHeaderLine(input.patient);
  layout.startSection({
    documentName: ACCESS_EXTRACT_TITLE,
    headerLines: [headerLine, input.organisation],
    footerNote: "Logguttag enligt patientdatalagen 8 kap.",
  });
  drawTitle(layout, ACCESS_EXTRACT_TITLE, `${input.organisation} · ${headerLine}`);
  drawNote(layout, [
    `Uttaget visar varje gång personal i ${input.organisation} har tagit del av eller hanterat patientens uppgifter i Vårdkedjan: när, på vilken enhet, vad som gjordes och av vem.`,
  ]);
  if (input.rows.length === 0) {
    drawParagraph(layout, "Inga åtkomster finns registrerade.");
    return;
  }
  const first = input.rows[input.rows.length - 1]!.at;
  const last = input.rows[0]!.at;
  drawParagraph(layout, `${input.rows.length} åtkomster från ${formatDate(first)} till ${formatDate(last)}.`);
  drawTable(
    layout,
    [
      { header: "Tidpunkt", width: 0.17 },
      { header: "Enhet", width: 0.27 },
      { header: "Åtgärd", width: 0.12 },
      { header: "Personal", width: 0.28 },
      { header: "Ärende", width: 0.16 },
    ],
    input.rows.map((r) => [formatDateTime(r.at), r.unit, r.activity, r.staff, r.caseReference ?? ""]),
    { size: 8.5 },
  );
}

export function renderAccessExtract(input: AccessExtractInput): Promise<Buffer> {
  return renderPdf({ title: ACCESS_EXTRACT_TITLE, print: input }, (layout) => drawAccessExtract(layout, input));
}
