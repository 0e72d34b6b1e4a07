import { describe, expect, it } from "vitest";
import { extractPdf, flat, looksLikePdf } from "../testing/pdf-text";
import { PRINT, sipDocument } from "../testing/fixtures";
import { renderSipDocument, SIP_TITLE } from "./sip";

describe("renderSipDocument", () => {
  it("has the content rule N17 requires", async () => {
    const pdf = await renderSipDocument({ ...PRINT, ...sipDocument });
    expect(looksLikePdf(pdf)).toBe(true);
    const all = flat((await extractPdf(pdf)).text);
    for (const heading of [SIP_TITLE, "Insatser", "Åtgärder av andra aktörer", "Mål", "Deltagare", "Samtycke och kopia till patienten"]) {
      expect(all).toContain(heading);
    }
    expect(all).toContain("Insats Ansvarig huvudman Utförs av");
    expect(all).toContain("Såromläggning höger underben två gånger i veckan");
    expect(all).toContain("Eskilstuna kommun");
    expect(all).toContain("Hemtjänst Öst");
    expect(all).toContain("Huvudman med övergripande ansvar för planen");
    expect(all).toContain("Region Sörmland (Vårdcentralen Ekbacken)");
    expect(all).toContain("Dottern Märta");
    expect(all).toContain("Såret ska vara läkt inom åtta veckor.");
    expect(all).toContain("2026-08-15");
    expect(all).toContain("Berit Holm");
    expect(all).toContain("Biståndshandläggare");
    expect(all).toContain("Vill helst ha besök på förmiddagen.");
  });

  it("ticks the consent given and 'Erbjuden patienten'", async () => {
    const ticked = flat((await extractPdf(await renderSipDocument({ ...PRINT, ...sipDocument }))).text);
    expect(ticked).toContain("X Samtycke lämnat");
    expect(ticked).not.toContain("X Samtycke ej lämnat");
    expect(ticked).toContain("X Erbjuden patienten");

    const open = flat((await extractPdf(await renderSipDocument({ ...PRINT, ...sipDocument, consent: "refused", offeredToPatient: false }))).text);
    expect(open).toContain("X Samtycke ej lämnat");
    expect(open).not.toContain("X Erbjuden patienten");
    expect(open).toContain("Erbjuden patienten");
  });
});
