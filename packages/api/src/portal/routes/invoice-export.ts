import { invoiceBasisCsv, invoiceBasisPdf } from "../../services/payment/invoice-export";
import type { PortalContext } from "../context";
import { withActor } from "../with-actor";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const INVOICE_FILES = ["faktureringsunderlag.csv", "faktureringsunderlag.pdf"] as const;

/**
 * GET /betalningsansvar/faktureringsunderlag/<kommun>/<månad>/<fil>: the invoice basis as CSV or
 * PDF. The URL carries the kommun's id and the month only, never a patient; the rows are the
 * page's (the patient only for a reader with invoice.readPatients) and the export is audited.
 */
export function invoiceExportRoute(ctx: PortalContext, _req: Request, municipalityId: string, month: string, file: string): Promise<Response> {
  return withActor(ctx, "invoice.read", { route: "faktureringsunderlag", signedOut: "login", ids: { municipalityId, month } }, async (actor) => {
    if (!UUID.test(municipalityId) || !MONTH.test(month) || !(INVOICE_FILES as readonly string[]).includes(file)) {
      return new Response("Underlaget finns inte.", { status: 404 });
    }
    const input = { municipalityId, month };
    if (file.endsWith(".csv")) {
      return new Response(await invoiceBasisCsv(ctx.db(), actor, input), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="faktureringsunderlag-${month}.csv"`,
          "cache-control": "no-store",
        },
      });
    }
    const pdf = await invoiceBasisPdf(ctx.db(), actor, input);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="faktureringsunderlag-${month}.pdf"`,
        "cache-control": "no-store",
      },
    });
  });
}
