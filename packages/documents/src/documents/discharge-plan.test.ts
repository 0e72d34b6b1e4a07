import { describe, expect, it } from "vitest";
import { extractPdf, flat, looksLikePdf } from "../testing/pdf-text";
import { dischargePlan, PRINT } from "../testing/fixtures";
import { DISCHARGE_PLAN_TITLE, renderDischargePlan } from "./discharge-plan";

describe("renderDischargePlan", () => {
  it("renders the discharge notice content", async () => {
    const pdf = await renderDischargePlan({ ...PRINT, ...dischargePlan });
    expect(looksLikePdf(pdf)).toBe(true);
    const { text, pages } = await extractPdf(pdf);
    const all = flat(text);
    for (const heading of [
      DISCHARGE_PLAN_TITLE,
      "Patient och vårdtillfälle",
      "Planering efter utskrivning",
      "Mottagande enheter",
      "Fast vårdkontakt och SIP",
      "Aktuell läkemedelslista",
      "Läkemedel och hjälpmedel som följer med patienten hem",
    ]) {
      expect(all).toContain(heading);
    }
    expect(all).toContain("Tolvan Tolvansson");
    expect(all).toContain("19121212-1212");
    expect(all).toContain("Utskrivningsklar");
    expect(all).toContain("2026-06-30 11:15");
    expect(all).toContain("2026-07-01 13:30");
    expect(all).toContain("Hemsjukvården tar över såromläggning av höger underben");
    expect(all).toContain("Hemsjukvården Årby");
    expect(all).toContain("Hemtjänst Öst");
    expect(all).toContain("Metformin 500 mg 1 × 2");
    expect(all).toContain("Ögondroppar Xalatan");
    expect(all).toContain("Fredrik Vall, Vårdcentralen Ekbacken, 016-10 22 33");
    expect(all).toContain("2026-07-07 10:00, Patientens hem");
    expect(all).toContain("Sanna Sjöberg, sjuksköterska");
    pages.forEach((page, i) => expect(flat(page)).toContain(`Sida ${i + 1} av ${pages.length}`));
  });

  it("says so when nothing is known about the fixed care contact and SIP", async () => {
    const { fixedCareContact: _f, sip: _s, ...rest } = dischargePlan;
    const all = flat((await extractPdf(await renderDischargePlan({ ...PRINT, ...rest, receivingUnits: [], aidsReturned: [] }))).text);
    expect(all).toContain("Inte utsedd vid utskrivningen");
    expect(all).toContain("Inget SIP-möte planerat");
    expect(all).toContain("Inga mottagande enheter angivna.");
    expect(all).toContain("Inga läkemedel eller hjälpmedel att skicka med.");
  });
});
