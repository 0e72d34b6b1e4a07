import { describe, expect, it } from "vitest";
import { extractPdf, flat, looksLikePdf } from "../testing/pdf-text";
import { accompanyingData, PRINT } from "../testing/fixtures";
import { ACCOMPANYING_FORM_TITLE, renderAccompanyingForm } from "./accompanying-form";

const HEADINGS = [
  ACCOMPANYING_FORM_TITLE,
  "Personuppgifter",
  "Kontaktuppgifter",
  "Samtycke",
  "Hjälpbehov före aktuell händelse",
  "SBAR",
  "Läkemedel",
  "Hjälpmedel",
  "Ifylld av",
];

describe("renderAccompanyingForm", () => {
  it("renders the blank form with every part of the Sörmland routine's table", async () => {
    const pdf = await renderAccompanyingForm({ ...PRINT });
    expect(looksLikePdf(pdf)).toBe(true);
    const { text, pages } = await extractPdf(pdf);
    const all = flat(text);
    for (const heading of HEADINGS) expect(all).toContain(heading);
    for (const label of [
      "S – Situation",
      "B – Bakgrund",
      "A – Aktuellt tillstånd",
      "R – Rekommendation",
      "Insulinpennor",
      "Inhalatorer",
      "Ögondroppar",
      "Specialläkemedel (t.ex. licensläkemedel)",
      "Dosdispenserade läkemedel: hela dosrullen medskickad",
      "Komfortrullstol",
      "Gånghjälpmedel / rollator",
      "Samtycke till läsning i NPÖ",
      "förslutet kuvert",
    ]) {
      expect(all).toContain(label);
    }
    expect(all).not.toMatch(/X (Ja|Nej|Insulinpennor|Hemtjänst)/);
    pages.forEach((page, i) => expect(flat(page)).toContain(`Sida ${i + 1} av ${pages.length}`));
  });

  it("pre-fills what is known and ticks the boxes", async () => {
    const pdf = await renderAccompanyingForm({ ...PRINT, organisation: "Nyköpings kommun", unit: "Ängsbacka särskilt boende", data: accompanyingData });
    const all = flat((await extractPdf(pdf)).text);
    for (const heading of HEADINGS) expect(all).toContain(heading);
    for (const value of [
      "Åsa Öberg-Ärlig",
      "19440813-9089",
      "Ängsvägen 3, 611 30 Nyköping",
      "Märta Öberg",
      "Jöns Åkesson",
      "Vårdcentralen Brandholmen",
      "Föll i badrummet i natt, smärta i höger höft.",
      "Röntgen av höften. Kontrollera PK.",
      "Samtycket finns i kommunens journal sedan 2025-11-02.",
      "Xalatan ögondroppar",
      "Ängsbacka särskilt boende",
    ]) {
      expect(all).toContain(value);
    }
    expect(all).toContain("X Särskilt boende");
    expect(all).toContain("X Hemtjänst");
    expect(all).toContain("X Trygghetslarm");
    expect(all).not.toContain("X Hemsjukvård");
    expect(all).toContain("X Aktuell läkemedelslista bifogad");
    expect(all).toContain("X Insulinpennor");
    expect(all).toContain("X Ögondroppar");
    expect(all).not.toContain("X Inhalatorer");
    expect(all).toContain("X Gånghjälpmedel / rollator");
    expect(all).toContain("Patient: Åsa Öberg-Ärlig, 19440813-9089");
  });
});
