import { drawHeading, drawNote, drawParagraph, drawTitle } from "../layout/blocks";
import { drawTable } from "../layout/grid";
import type { PdfLayout, PrintInfo } from "../layout/page";
import { renderPdf } from "../layout/render";

/**
 * "Faktureringsunderlag, betalningsansvar": one kommun's month, the rows per case (with the
 * patient only when the reader may see them), the total, and whether the month is fixed
 * (fastställd). Under a monthly-average agreement the month's average part comes first, as month
 * rows without a patient. Plain data in, PDF out; the numbers are the same as the page and the CSV.
 */

export const INVOICE_BASIS_TITLE = "Faktureringsunderlag, betalningsansvar";

export interface InvoiceBasisRow {
  reference: string;
  patient: { name: string; identifier: string } | null;
  /** "Ordinarie" or "Rättelse". */
  kind: string;
  /** "november 2026". */
  serviceMonth: string;
  days: number;
  /** "12 000 kr", or a text when the amount is missing. */
  amount: string;
  dispute: string;
}

/** A monthly-average month row (or its correction): no patient, the month's figures. */
export interface InvoiceBasisAverageRow {
  /** "Månadsgenomsnitt maj 2026". */
  title: string;
  /** "Ordinarie" or "Rättelse". */
  kind: string;
  /** "maj 2026". */
  serviceMonth: string;
  stays: number;
  /** "3,5", or "–". */
  averageDays: string;
  /** "2" or "0,5"; on a correction row the difference. */
  days: string;
  amount: string;
}

export interface InvoiceBasisContent {
  municipality: string;
  region: string;
  /** "november 2026". */
  month: string;
  /** "Fastställd 3 dec. 2026 av Maria Ekholm", or "Ej fastställd". */
  status: string;
  showsPatients: boolean;
  rows: InvoiceBasisRow[];
  /** Under a monthly-average agreement; empty otherwise. */
  averageRows?: InvoiceBasisAverageRow[];
  /** "9" or "9,5". */
  totalDays: number | string;
  totalAmount: string;
}

export type InvoiceBasisInput = InvoiceBasisContent & PrintInfo;

export function drawInvoiceBasis(layout: PdfLayout, input: InvoiceBasisContent): void {
  const title = `${INVOICE_BASIS_TITLE} – ${input.municipality}, ${input.month}`;
  layout.startSection({ documentName: title, headerLines: [`${input.region} · ${input.status}`] });
  drawTitle(layout, title, `${input.region} · ${input.status}`);
  const averages = input.averageRows ?? [];
  if (averages.length > 0) {
    drawHeading(layout, "Månadsgenomsnitt", 2);
    drawTable(
      layout,
      [
        { header: "Rad", width: 0.24 },
        { header: "Typ", width: 0.11 },
        { header: "Avser", width: 0.14 },
        { header: "Vårdtillfällen", width: 0.13 },
        { header: "Genomsnitt (dagar)", width: 0.13 },
        { header: "Dagar", width: 0.09 },
        { header: "Belopp", width: 0.16 },
      ],
      averages.map((r) => [r.title, r.kind, r.serviceMonth, String(r.stays), r.averageDays, r.days, r.amount]),
      { size: 8.5 },
    );
    drawHeading(layout, "Vårdtillfällen som räknas individuellt", 2);
  }
  if (input.rows.length === 0) {
    drawParagraph(layout, averages.length > 0 ? "Inga vårdtillfällen räknas individuellt den här månaden." : "Inga betalningsdagar den här månaden.");
  } else {
    const columns = input.showsPatients
      ? [
          { header: "Ärende", width: 0.15 },
          { header: "Patient", width: 0.2 },
          { header: "Personnummer", width: 0.15 },
          { header: "Typ", width: 0.1 },
          { header: "Avser", width: 0.12 },
          { header: "Dagar", width: 0.07 },
          { header: "Belopp", width: 0.11 },
          { header: "Bestriden", width: 0.1 },
        ]
      : [
          { header: "Ärende", width: 0.22 },
          { header: "Typ", width: 0.14 },
          { header: "Avser", width: 0.18 },
          { header: "Dagar", width: 0.1 },
          { header: "Belopp", width: 0.18 },
          { header: "Bestriden", width: 0.18 },
        ];
    drawTable(
      layout,
      columns,
      [
        ...input.rows.map((r) => [
          r.reference,
          ...(input.showsPatients ? [r.patient?.name ?? "", r.patient?.identifier ?? ""] : []),
          r.kind,
          r.serviceMonth,
          String(r.days),
          r.amount,
          r.dispute,
        ]),
        ["Summa", ...(input.showsPatients ? ["", ""] : []), "", "", String(input.totalDays), input.totalAmount, ""],
      ],
      { size: 8.5 },
    );
  }
  if (averages.length > 0 && input.rows.length === 0) {
    drawParagraph(layout, `Summa: ${String(input.totalDays)} betalningsdagar, ${input.totalAmount}.`);
  }
  drawNote(layout, [
    "Betalningsdagar enligt lagen (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård och överenskommelsen som gällde för varje vårdtillfälle.",
    ...(averages.length > 0
      ? [
          "Månadsgenomsnitt: dagarna från meddelandet om utskrivningsklar till utskrivningen för vårdtillfällen som avslutades under månaden, utom de som räknas individuellt. Kommunen betalar för dagarna över överenskommelsens genomsnitt. Summan omfattar båda delarna.",
        ]
      : []),
  ]);
}

export function renderInvoiceBasis(input: InvoiceBasisInput): Promise<Buffer> {
  return renderPdf({ title: INVOICE_BASIS_TITLE, print: input }, (layout) => drawInvoiceBasis(layout, input));
}
