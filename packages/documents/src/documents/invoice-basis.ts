import { drawNote, drawParagraph, drawTitle } from "../layout/blocks";
import { drawTable } from "../layout/grid";
import type { PdfLayout, PrintInfo } from "../layout/page";
import { renderPdf } from "../layout/render";

/**
 * "Faktureringsunderlag, betalningsansvar": one kommun's month, the rows per case (with the
 * patient only when the reader may see them), the total, and whether the month is fixed
 * (fastställd). Plain data in, PDF out; the numbers are the same as the page and the CSV.
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

export interface InvoiceBasisContent {
  municipality: string;
  region: string;
  /** "november 2026". */
  month: string;
  /** "Fastställd 3 dec. 2026 av Maria Ekholm", or "Ej fastställd". */
  status: string;
  showsPatients: boolean;
  rows: InvoiceBasisRow[];
  totalDays: number;
  totalAmount: string;
}

export type InvoiceBasisInput = InvoiceBasisContent & PrintInfo;

export function drawInvoiceBasis(layout: PdfLayout, input: InvoiceBasisContent): void {
  const title = `${INVOICE_BASIS_TITLE} – ${input.municipality}, ${input.month}`;
  layout.startSection({ documentName: title, headerLines: [`${input.region} · ${input.status}`] });
  drawTitle(layout, title, `${input.region} · ${input.status}`);
  if (input.rows.length === 0) {
    drawParagraph(layout, "Inga betalningsdagar den här månaden.");
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
  drawNote(layout, [
    "Betalningsdagar enligt lagen (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård och överenskommelsen som gällde för varje vårdtillfälle.",
  ]);
}

export function renderInvoiceBasis(input: InvoiceBasisInput): Promise<Buffer> {
  return renderPdf({ title: INVOICE_BASIS_TITLE, print: input }, (layout) => drawInvoiceBasis(layout, input));
}
