import type { Action } from "@vardkedjan/domain/access/actions";
import { outageReportCsv } from "../../services/outage/overview";
import { renderPortalDocument, DOCUMENT_NAMES } from "../../services/documents/outage-documents";
import type { PortalContext } from "../context";
import { withActor } from "../with-actor";

type DocumentName = (typeof DOCUMENT_NAMES)[number];

/** What each printable document requires: the contact list is the contact list; the rest is the backup kit. */
const DOCUMENT_ACTIONS: Record<DocumentName, Action> = {
  "kontaktlista.pdf": "contactList.read",
  "reservparm.pdf": "outage.printKit",
  "blankett-driftstorning.pdf": "outage.printKit",
  "medfoljande-blankett.pdf": "outage.printKit",
};

const REPORT = "driftstorningsrapport.csv";
const isDocumentName = (name: string): name is DocumentName => (DOCUMENT_NAMES as readonly string[]).includes(name);
const notFound = () => new Response("Dokumentet finns inte.", { status: 404 });

/**
 * GET /dokument/<name>: printable PDFs without patient data (contact list, blank forms, backup
 * kit), and the outage report (`?driftstorning=<id>`). Never cached.
 */
export function documentRoute(ctx: PortalContext, req: Request, name: string): Promise<Response> {
  if (name === REPORT) return outageReport(ctx, req);
  // An unknown name still asks for a login first, as every route behind it.
  const action: Action = isDocumentName(name) ? DOCUMENT_ACTIONS[name] : "contactList.read";
  return withActor(ctx, action, { route: "dokument", signedOut: "login" }, async (actor) => {
    if (!isDocumentName(name)) return notFound();
    const pdf = await renderPortalDocument(ctx.db(), actor, name);
    return new Response(new Uint8Array(pdf), {
      headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${name}"`, "cache-control": "no-store" },
    });
  });
}

/** The outage report as CSV: counts and ids, for the region's administrators. */
function outageReport(ctx: PortalContext, req: Request): Promise<Response> {
  return withActor(ctx, "outage.report", { route: "dokument", signedOut: "login" }, async (actor) => {
    const outageId = new URL(req.url).searchParams.get("driftstorning") ?? "";
    if (!/^[0-9a-f-]{36}$/i.test(outageId)) return new Response("Ange driftstörningen.", { status: 400 });
    const csv = await outageReportCsv(ctx.db(), actor, outageId);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="driftstorning-${outageId.slice(0, 8)}.csv"`,
        "cache-control": "no-store",
      },
    });
  });
}
