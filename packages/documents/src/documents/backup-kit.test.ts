import { describe, expect, it } from "vitest";
import { extractPdf, flat, looksLikePdf } from "../testing/pdf-text";
import { backupKit, longContactList, PRINT } from "../testing/fixtures";
import { ACCOMPANYING_FORM_TITLE } from "./accompanying-form";
import { BACKUP_KIT_TITLE, renderBackupKit } from "./backup-kit";
import { CONTACT_LIST_TITLE } from "./contact-list";
import { OUTAGE_FORM_TITLE } from "./outage-form";

/** The sheet number the cover's contents gives for a part: the last number on its row. */
function contentsPage(cover: string, part: string): number {
  const row = cover.split("\n").find((line) => line.startsWith(part) && /\s\d+\s*$/.test(line));
  return Number(/(\d+)\s*$/.exec(row ?? "")?.[1]);
}

describe("renderBackupKit", () => {
  it("combines the cover, the routine, the contact list and the blank forms", async () => {
    const pdf = await renderBackupKit({ ...PRINT, ...backupKit });
    expect(looksLikePdf(pdf)).toBe(true);
    const { pages } = await extractPdf(pdf);
    const flatPages = pages.map(flat);
    const cover = pages[0]!;
    expect(cover).toContain(BACKUP_KIT_TITLE);
    expect(cover).toContain("Avdelning 12 medicin");
    expect(cover).toContain("Region Sörmland");
    expect(cover).toContain("2026-07-01");
    expect(cover).toContain("Rutin 1.0, kontaktlista 7");
    expect(cover).toContain("Innehåll");

    const parts = [
      { title: "Reservrutin vid driftstörning i Vårdkedjan", marker: "Detta behöver skickas med patienten till sjukhuset" },
      { title: CONTACT_LIST_TITLE, marker: "Funktion Telefon Öppettider" },
      { title: OUTAGE_FORM_TITLE, marker: "Moment som meddelades" },
      { title: ACCOMPANYING_FORM_TITLE, marker: "S – Situation" },
    ];
    let previous = 1;
    for (const part of parts) {
      const sheet = contentsPage(cover, part.title);
      expect(sheet, part.title).toBeGreaterThan(previous);
      // The part starts on the sheet the contents says, with its own "Sida 1 av N".
      expect(flatPages[sheet - 1], part.title).toContain(part.title);
      expect(flatPages[sheet - 1], part.title).toContain("Sida 1 av");
      expect(flatPages.slice(sheet - 1).join(" "), part.title).toContain(part.marker);
      previous = sheet;
    }
    // Every sheet counts within the kit.
    flatPages.forEach((page, i) => expect(page).toContain(`Reservpärm Avdelning 12 medicin – blad ${i + 1} av ${pages.length}`));
    // The contact list keeps its version on its pages; the forms are blank.
    const listStart = contentsPage(cover, CONTACT_LIST_TITLE);
    expect(flatPages[listStart - 1]).toContain("Version 7 · gäller från 2026-07-01");
    expect(flatPages.join(" ")).not.toMatch(/X (Inskrivning|Ja|Hemtjänst)/);
    expect(flatPages.join(" ")).toContain("Förvaltning Vårdkedjan, IT-enheten, Mälarsjukhuset");
  });

  it("numbers a multi-page contact list inside the kit", async () => {
    const { pages } = await extractPdf(await renderBackupKit({ ...PRINT, ...backupKit, contactList: longContactList(12) }));
    const listPages = pages
      .map(flat)
      .filter((p) => p.includes("Version 7 · gäller från 2026-07-01") && p.includes("Kontaktlista driftstörning – Region Sörmland"));
    expect(listPages.length).toBeGreaterThanOrEqual(3);
    listPages.forEach((page, i) => expect(page).toContain(`Sida ${i + 1} av ${listPages.length}`));
  });
});
