import { describe, expect, it } from "vitest";
import { extractPdf, flat } from "../testing/pdf-text";
import { PRINT } from "../testing/fixtures";
import { drawHeading, drawParagraph } from "./blocks";
import { drawGrid, drawTable, field } from "./grid";
import { renderPdf } from "./render";

describe("tables and forms across pages", () => {
  it("repeats the header row and continues a row taller than a page", async () => {
    const tall = Array.from({ length: 90 }, (_, i) => `Rad ${i + 1} i en lång cell`).join("\n");
    const pdf = await renderPdf({ title: "Test", print: PRINT }, (layout) => {
      layout.startSection({ documentName: "Tabelltest", footerNote: "Fot" });
      drawTable(
        layout,
        [
          { header: "Kolumn Å", width: 0.5 },
          { header: "Kolumn Ö", width: 0.5 },
        ],
        [
          ["första", "kort"],
          [tall, "bredvid"],
          ["sista", "kort"],
        ],
      );
    });
    const { pages } = await extractPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(flat(page)).toContain("Kolumn Å Kolumn Ö");
    const all = flat(pages.join(" "));
    for (const n of [1, 45, 90]) expect(all).toContain(`Rad ${n} i en lång cell`);
    expect(all.indexOf("Rad 90 i en lång cell")).toBeLessThan(all.lastIndexOf("sista"));
    pages.forEach((page, i) => expect(flat(page)).toContain(`Sida ${i + 1} av ${pages.length}`));
  });

  it("moves a form row that does not fit to the next page instead of splitting it", async () => {
    const pdf = await renderPdf({ title: "Test", print: PRINT }, (layout) => {
      layout.startSection({ documentName: "Formtest" });
      drawParagraph(layout, Array.from({ length: 47 }, (_, i) => `Fyllnadsrad ${i + 1}`).join("\n"));
      drawGrid(layout, [{ cells: [field("Kommentar", undefined, { lines: 6 })] }, { cells: [field("Signatur", "Åsa Berg")] }], {
        keepTogether: true,
      });
    });
    const { pages } = await extractPdf(pdf);
    expect(pages).toHaveLength(2);
    expect(flat(pages[1]!)).toContain("Kommentar");
    expect(flat(pages[1]!)).toContain("Signatur Åsa Berg");
  });

  it("starts each section on a new page with its own page numbering", async () => {
    const pdf = await renderPdf({ title: "Test", print: PRINT, binderLabel: "Pärm" }, (layout) => {
      layout.startSection({ documentName: "Del ett" });
      drawHeading(layout, "Första delen");
      layout.startSection({ documentName: "Del två", headerLines: ["Version 3"] });
      drawHeading(layout, "Andra delen");
      drawParagraph(layout, Array.from({ length: 80 }, (_, i) => `Rad ${i + 1}`).join("\n"));
    });
    const pages = (await extractPdf(pdf)).pages.map(flat);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain("Del ett");
    expect(pages[0]).toContain("Sida 1 av 1");
    expect(pages[1]).toContain("Sida 1 av 2");
    expect(pages[2]).toContain("Sida 2 av 2");
    expect(pages[2]).toContain("Del två Version 3");
    pages.forEach((p, i) => expect(p).toContain(`Pärm – blad ${i + 1} av 3`));
  });
});
