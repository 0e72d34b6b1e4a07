import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, and, eq } from "@vardkedjan/db/client";
import type { DemoKey } from "@vardkedjan/db/seed";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { extractPdf, flat } from "@vardkedjan/documents/testing/pdf-text";
import { castCallers, openWardCase, signInCast, type Caller } from "../../testing/callers";
import { testRouteContext } from "../../testing/route-context";
import type { SessionView } from "../../services/identity/session";
import { caseDocumentRoute } from "./case-documents";

/**
 * "Skriv ut hela ärendet (PDF)": the whole case as the reader's unit may see it, through the same
 * route, access check and visibility as the case page. Tolvan has said no to information transfer
 * to the kommun and yes to the vårdcentral: the kommun's print has the admission notice (the law
 * lets it carry the estimated discharge date without consent) but not the planning basis; the
 * vårdcentral's print has the planning basis.
 */
describe("the case record PDF", () => {
  let t: TestDatabase;
  const as = castCallers(() => ({ db: t.db }));
  let caseId = "";
  let reference = "";
  let n = 0;
  const PLAN = "Behöver hjälp med dusch och påklädning morgon och kväll";

  async function send(caller: Caller, kind: string, payload: Record<string, unknown>) {
    const view = await caller.case.get({ caseId });
    return caller.case.sendMessage({
      caseId,
      kind: kind as never,
      payload,
      recipientUnitIds: view.viewer.defaultRecipients[kind as never] ?? [],
      idempotencyKey: `case-record-${++n}`,
    });
  }

  const routeContext = (session: SessionView) => testRouteContext(t.db, session.activeContext!.portal, session, "http://localhost:3901");

  async function print(who: DemoKey, portal: Portal): Promise<{ status: number; text: string; disposition: string | null }> {
    const { session } = await signInCast(t.db, who, portal);
    const res = await caseDocumentRoute(routeContext(session), new Request(`http://localhost/arenden/${caseId}/dokument/arende.pdf`), caseId, "arende.pdf");
    if (res.status !== 200) return { status: res.status, text: await res.text(), disposition: null };
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toBe("no-store");
    return { status: 200, text: flat((await extractPdf(Buffer.from(await res.arrayBuffer()))).text), disposition: res.headers.get("content-disposition") };
  }

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    const sanna = await as("sanna.sjoberg", "slutenvard");
    ({ caseId } = await openWardCase(sanna, "191212121212", "case-record:open"));
    reference = (await sanna.case.get({ caseId })).reference;
    await send(sanna, "samtycke", {
      consents: [
        { kind: "informationsoverforing_kommun", given: false },
        { kind: "informationsoverforing_vardcentral", given: true },
      ],
      source: "patient",
    });
    await send(sanna, "inskrivningsmeddelande", { estimatedDischargeDate: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10) });
    await send(sanna, "planeringsunderlag", { version: 1, needs: PLAN, adlStatus: "Går med rollator", homeSituation: "Bor ensam", track: "gul" });
  }, 120_000);
  afterAll(() => t.close());

  it("a kommun without the patient's consent gets the case without the planning basis, and is told why", async () => {
    const kommun = await print("berit.holm", "kommun");
    expect(kommun.status).toBe(200);
    expect(kommun.text).toContain("Samordningsärende – utskrift för enhetens dokumentation");
    expect(kommun.text).toContain("Tolvan Tolvansson");
    expect(kommun.text).toContain("Inskrivningsmeddelande");
    expect(kommun.text).toContain("Beräknat utskrivningsdatum");
    expect(kommun.text).toContain("Din enhet ser inte hela ärendet");
    expect(kommun.text).not.toContain(PLAN);
    expect(kommun.text).not.toContain("Går med rollator");
    expect(kommun.text).toContain("Utskrivet av Berit Holm");
    // The file name carries the case reference only.
    expect(kommun.disposition).toBe(`inline; filename="arende-${reference}.pdf"`);
  });

  it("the vårdcentral, with consent, and the ward get the planning basis", async () => {
    const vc = await print("fredrik.vall", "primarvard");
    expect(vc.text).toContain(PLAN);
    expect(vc.text).not.toContain("Din enhet ser inte hela ärendet");
    expect((await print("sanna.sjoberg", "slutenvard")).text).toContain(PLAN);
  });

  it("each print is audited as a print of the patient's case", async () => {
    const prints = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "case.print"), eq(schema.auditEvents.entityId, "arende.pdf")));
    expect(prints).toHaveLength(3);
    expect(prints.every((p) => p.caseId === caseId && p.patientId !== null)).toBe(true);
  });

  it("a unit that is not a party gets no print", async () => {
    const other = await print("jenny.astrom", "kommun");
    expect(other.status).toBe(404);
  });
});
