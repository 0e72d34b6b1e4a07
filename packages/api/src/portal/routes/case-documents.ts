import { renderCaseDocument, CASE_DOCUMENT_NAMES } from "../../services/documents/outage-documents";
import type { PortalContext } from "../context";
import { withActor } from "../with-actor";
import { UUID_PATTERN as UUID } from "@vardkedjan/domain/ids";

type CaseDocumentName = (typeof CASE_DOCUMENT_NAMES)[number];
const isCaseDocumentName = (name: string): name is CaseDocumentName => (CASE_DOCUMENT_NAMES as readonly string[]).includes(name);

/**
 * GET /arenden/<id>/dokument/<name>: a case's printable documents. Patient data: read through the
 * case view's access and visibility (audited there), never cached; the file name carries the
 * case reference only.
 */
export function caseDocumentRoute(ctx: PortalContext, _req: Request, caseId: string, name: string): Promise<Response> {
  return withActor(ctx, "case.read", { route: "arendedokument", ids: { caseId }, signedOut: "login" }, async (actor) => {
    if (!UUID.test(caseId) || !isCaseDocumentName(name)) return new Response("Dokumentet finns inte.", { status: 404 });
    const { pdf, reference } = await renderCaseDocument(ctx.db(), actor, caseId, name);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="${name.replace(".pdf", "")}-${reference}.pdf"`,
        "cache-control": "no-store",
      },
    });
  });
}
