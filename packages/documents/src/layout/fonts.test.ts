import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { drawPatientSummary } from "../documents/patient-summary";
import { extractPdf, flat } from "../testing/pdf-text";
import { patientSummary, PRINT } from "../testing/fixtures";
import { defaultFonts, fontStatus, HELVETICA_FONTS, resolveFontFile } from "./fonts";
import { renderPdf } from "./render";
import { TextEngine } from "./text";

// fontkit comes with pdfkit; the test uses it only to check our unicode ranges against the fonts.
const fontkit = createRequire(createRequire(import.meta.url).resolve("pdfkit"))("fontkit") as {
  create(data: Buffer): { hasGlyphForCodePoint(cp: number): boolean };
};

const SWEDISH = "åäöÅÄÖéüÉÜ–—·•“”’€§½";
const EXTENDED = "ŁłČčŠšŽžĐđŐőȘșĘęŃń";

describe("font files", () => {
  it("resolves Noto Sans from node_modules", () => {
    expect(fontStatus()).toEqual({ kind: "noto-sans" });
    expect(resolveFontFile("noto-sans-latin-400-normal.woff")).toMatch(/@fontsource\/noto-sans\/files\/noto-sans-latin-400-normal\.woff$/);
    expect(resolveFontFile("no-such-font.woff")).toBeUndefined();
  });

  it("claims a character for a face only if the font has the glyph", () => {
    const set = defaultFonts();
    for (const role of ["regular", "bold", "italic"] as const) {
      const [latin, ext] = set.faces[role];
      expect(latin?.data && ext?.data).toBeTruthy();
      const latinFont = fontkit.create(latin!.data!);
      const extFont = fontkit.create(ext!.data!);
      for (const ch of SWEDISH) {
        const cp = ch.codePointAt(0)!;
        expect(latin!.covers(cp), `${role} latin ${ch}`).toBe(true);
        expect(latinFont.hasGlyphForCodePoint(cp), `${role} latin glyph ${ch}`).toBe(true);
      }
      for (const ch of EXTENDED) {
        const cp = ch.codePointAt(0)!;
        expect(latin!.covers(cp), `${role} latin ${ch}`).toBe(false);
        expect(ext!.covers(cp), `${role} latin-ext ${ch}`).toBe(true);
        expect(extFont.hasGlyphForCodePoint(cp), `${role} latin-ext glyph ${ch}`).toBe(true);
      }
    }
  });

  it("finds the WOFF files on disk", () => {
    const path = resolveFontFile("noto-sans-latin-ext-700-normal.woff");
    expect(readFileSync(path!).subarray(0, 4).toString("latin1")).toBe("wOFF");
  });
});

describe("TextEngine", () => {
  const engine = (): TextEngine => new TextEngine(new PDFDocument({ font: null as unknown as string, autoFirstPage: false }), defaultFonts());

  it("splits text into runs by the face that has each character", () => {
    expect(engine().runs("Łukasz Öberg")).toEqual([
      { face: "noto-regular-latin-ext", text: "Ł" },
      { face: "noto-regular-latin", text: "ukasz Öberg" },
    ]);
  });

  it("prints characters no face has as ?", () => {
    expect(
      engine()
        .runs("☐ Ja")
        .map((r) => r.text)
        .join(""),
    ).toBe("? Ja");
  });

  it("keeps paragraphs, collapses spaces and wraps at the width", () => {
    const t = engine();
    const style = { size: 10 };
    expect(t.wrap("Första  raden\n\nTredje", style, 400)).toEqual(["Första raden", "", "Tredje"]);
    const lines = t.wrap("ord ".repeat(60), style, 200);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(t.width(line, style)).toBeLessThanOrEqual(200);
  });

  it("breaks a long e-mail address after @ or a dot", () => {
    const lines = engine().wrap("utskrivningsledareMSE@regionsormland.se", { size: 10 }, 130);
    expect(lines).toEqual(["utskrivningsledareMSE@", "regionsormland.se"]);
  });

  it("shortens to one line with an ellipsis", () => {
    const t = engine();
    const fitted = t.fit("Ett mycket långt dokumentnamn som inte får plats", { size: 10 }, 100);
    expect(fitted.endsWith("…")).toBe(true);
    expect(t.width(fitted, { size: 10 })).toBeLessThanOrEqual(100);
  });
});

describe("Helvetica fallback", () => {
  it("still prints Swedish letters correctly", async () => {
    const pdf = await renderPdf({ title: "Test", print: PRINT, fonts: HELVETICA_FONTS }, (layout) => drawPatientSummary(layout, patientSummary));
    const { text } = await extractPdf(pdf);
    expect(text).toContain("Åsa Öberg-Ärlig");
    expect(text).toContain("Din vård och behandling");
    expect(text).toContain("vardagar 08.00–16.00");
    // No Helvetica glyph for Ł: it prints as "?"; Č becomes its base letter.
    expect(flat(text)).toContain("?ukasz Colic");
  });
});
