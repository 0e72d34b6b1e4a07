import { patientSummaryPdf } from "../../services/documents/patient-summary";
import type { PortalContext } from "../context";
import { withActor } from "../with-actor";
import { UUID_PATTERN as UUID } from "@vardkedjan/domain/ids";

/** GET /arenden/<id>/sammanfattning.pdf: the patient's written summary, printed by the ward; never cached. */
export function patientSummaryRoute(ctx: PortalContext, _req: Request, caseId: string): Promise<Response> {
  return withActor(ctx, "case.read", { route: "sammanfattning", ids: { caseId }, signedOut: "login" }, async (actor) => {
    if (!UUID.test(caseId)) return new Response("Ärendet finns inte.", { status: 404 });
    const { pdf, reference } = await patientSummaryPdf(ctx.db(), actor, caseId);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        // The file name carries the case reference only, never the patient's name or number.
        "content-disposition": `inline; filename="sammanfattning-${reference}.pdf"`,
        "cache-control": "no-store",
      },
    });
  });
}
