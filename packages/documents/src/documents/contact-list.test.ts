import { describe, expect, it } from "vitest";
import { extractPdf, flat, looksLikePdf } from "../testing/pdf-text";
import { contactList, longContactList, PRINT } from "../testing/fixtures";
import { CONTACT_LIST_TITLE, renderContactList } from "./contact-list";

describe("renderContactList", () => {
  it("groups by organisation and unit with every column", async () => {
    const pdf = await renderContactList({ ...PRINT, ...contactList });
    expect(looksLikePdf(pdf)).toBe(true);
    const all = flat((await extractPdf(pdf)).text);
    expect(all).toContain(`${CONTACT_LIST_TITLE} – Region Sörmland`);
    expect(all).toContain("Funktion Telefon Öppettider Funktionsbrevlåda Postadress");
    expect(all.indexOf("Region Sörmland Mälarsjukhuset")).toBeGreaterThan(0);
    expect(all.indexOf("Eskilstuna kommun")).toBeGreaterThan(all.indexOf("Waranteamet"));
    for (const value of [
      "Utskrivningsledare",
      "016-10 57 11",
      "07.30–16.15",
      "utskrivningsledareMSE@",
      "regionsormland.se",
      "Kullbergska",
      "Biståndshandläggare (via växeln)",
      "016-710 20 01 (kväll)",
      "Box 1, 631 86",
      "Doseringsbesked skickas",
    ]) {
      expect(all).toContain(value);
    }
    expect(all).toContain("Skicka aldrig patientuppgifter eller namn via e-post.");
  });

  it("prints the version and validity date on every page of a long list", async () => {
    const { pages } = await extractPdf(await renderContactList({ ...PRINT, ...longContactList(12) }));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      const p = flat(page);
      expect(p).toContain("Version 7 · gäller från 2026-07-01");
      expect(p).toContain(`Sida ${i + 1} av ${pages.length}`);
      expect(p).toContain("Utskriven 2026-07-01 14:05");
    });
    const all = flat(pages.join(" "));
    expect(all).toContain("Örnsköldsvik kommun");
    expect(all).toContain("Härnösand kommun");
    expect(all).toContain("hsl@älmhult.se");
  });

  it("says when the list is empty", async () => {
    const all = flat((await extractPdf(await renderContactList({ ...PRINT, ...contactList, organisations: [] }))).text);
    expect(all).toContain("Kontaktlistan är tom.");
  });
});
