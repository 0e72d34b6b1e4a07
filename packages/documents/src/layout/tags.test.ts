import { describe, expect, it } from "vitest";
import { drawPatientSummary } from "../documents/patient-summary";
import { patientSummary, PRINT } from "../testing/fixtures";
import { findAll, readTaggedPdf, textsOf } from "../testing/pdf-structure";
import { extractPdf, flat } from "../testing/pdf-text";
import { drawHeading, drawList, drawParagraph, drawTitle, drawWritingLines } from "./blocks";
import { HELVETICA_FONTS } from "./fonts";
import { drawTable } from "./grid";
import { renderPdf } from "./render";
import { BLANK_FIELD_TEXT } from "./tags";

describe("tagging in the layout engine", () => {
  it("tags titles, headings by level, paragraphs split at empty lines, and lists", async () => {
    const pdf = await renderPdf({ title: "Test", print: PRINT }, (layout) => {
      layout.startSection({ documentName: "Blocktest" });
      drawTitle(layout, "Rubrik", "Underrubrik");
      drawHeading(layout, "Avsnitt", 1);
      drawParagraph(layout, "Första stycket, rad ett.\nRad två.\n\nAndra stycket.");
      drawHeading(layout, "Underavsnitt", 2);
      drawList(layout, ["Ett", "Två"], { numbered: true });
      drawWritingLines(layout, 3, { label: "Anteckningar" });
    });
    const { tree, problems } = readTaggedPdf(pdf);
    expect(problems).toEqual([]);
    const sect = tree[0]?.children[0];
    expect(sect?.children.map((n) => n.type)).toEqual(["H1", "P", "H2", "P", "P", "H3", "L", "P"]);
    expect(sect?.children.map((n) => n.text)).toEqual([
      "Rubrik",
      "Underrubrik",
      "Avsnitt",
      "Första stycket, rad ett. Rad två.",
      "Andra stycket.",
      "Underavsnitt",
      "1. Ett 2. Två",
      // Three lines to write on, read once.
      `Anteckningar ${BLANK_FIELD_TEXT}`,
    ]);
    const list = findAll(tree, "L")[0];
    expect(list?.attributes.ListNumbering).toBe("Decimal");
    expect(list?.children.map((li) => li.children.map((n) => `${n.type}:${n.text}`))).toEqual([
      ["Lbl:1.", "LBody:Ett"],
      ["Lbl:2.", "LBody:Två"],
    ]);
  });

  it("keeps a table row continued on the next page in one TD and reads the repeated header once", async () => {
    const tall = Array.from({ length: 90 }, (_, i) => `Rad ${i + 1}`).join("\n");
    const pdf = await renderPdf({ title: "Test", print: PRINT }, (layout) => {
      layout.startSection({ documentName: "Tabelltest" });
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
    // The header row is still printed on every page.
    const { pages } = await extractPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(flat(page)).toContain("Kolumn Å Kolumn Ö");

    const tagged = readTaggedPdf(pdf);
    expect(tagged.problems).toEqual([]);
    expect(textsOf(tagged.tree, "TH")).toEqual(["Kolumn Å", "Kolumn Ö"]);
    const cells = findAll(tagged.tree, "TD");
    expect(cells.map((c) => c.text)).toEqual(["första", "kort", tall.replace(/\n/g, " "), "bredvid", "sista", "kort"]);
    expect(cells[2]?.pages).toEqual(pages.map((_, i) => i + 1));
  });

  it("tags the Helvetica fallback the same way", async () => {
    const pdf = readTaggedPdf(await renderPdf({ title: "Test", print: PRINT, fonts: HELVETICA_FONTS }, (layout) => drawPatientSummary(layout, patientSummary)));
    expect(pdf.marked).toBe(true);
    expect(pdf.problems).toEqual([]);
    expect(textsOf(pdf.tree, "H1")).toEqual(["Sammanfattning vid utskrivning"]);
    expect(textsOf(pdf.tree, "TH")).toEqual(["Vem", "Telefon", "När"]);
  });

  it("puts content drawn later onto an earlier page where it was reserved in the reading order", async () => {
    const pdf = await renderPdf({ title: "Test", print: PRINT }, (layout) => {
      layout.startSection({ documentName: "Del ett" });
      drawParagraph(layout, "Före");
      const page = layout.pageNumber - 1;
      const y = layout.y;
      const place = layout.reserve();
      layout.moveDown(40);
      drawParagraph(layout, "Efter");
      layout.startSection({ documentName: "Del två" });
      drawParagraph(layout, "Nästa del");
      layout.drawOnPage(page, y, () => drawParagraph(layout, "Infogat senare"), place);
    });
    const { tree, problems } = readTaggedPdf(pdf);
    expect(problems).toEqual([]);
    expect(textsOf(tree, "P")).toEqual(["Före", "Infogat senare", "Efter", "Nästa del"]);
    expect(findAll(tree, "P")[1]?.pages).toEqual([1]);
  });

  it("escapes the title in the XMP metadata, so a unit named with & or < keeps it valid XML", async () => {
    const pdf = await renderPdf({ title: "Reservpärm – Hemtjänst Öst & Väst <A>", print: PRINT }, (layout) => {
      layout.startSection({ documentName: "Titeltest" });
      drawParagraph(layout, "Text.");
    });
    const raw = pdf.toString("utf8");
    const xmp = raw.slice(raw.indexOf("<x:xmpmeta"), raw.indexOf("</x:xmpmeta>"));
    expect(xmp).toContain("Hemtjänst Öst &amp; Väst &lt;A&gt;");
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });
});
