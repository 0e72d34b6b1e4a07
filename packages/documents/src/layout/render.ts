import PDFDocument from "pdfkit";
import { defaultFonts, type FontSet } from "./fonts";
import { PdfLayout, type PrintInfo } from "./page";

export interface RenderSettings {
  /** The PDF's title metadata: the document's name, never patient data. */
  title: string;
  print: PrintInfo;
  /** Printed in every footer with the overall page number (the backup kit). */
  binderLabel?: string;
  /** For tests: force a font set. */
  fonts?: FontSet;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const escapeXml = (v: string) => v.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/**
 * pdfkit copies the title into the XMP metadata as it is, so a unit named "Öst & Väst" would make
 * the metadata invalid XML. The XMP gets escaped copies; the Info dictionary keeps the text itself.
 */
function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const internal = doc as unknown as { _addInfo: () => void; info: Record<string, unknown> };
  const addInfo = internal._addInfo.bind(doc);
  internal._addInfo = () => {
    const info = internal.info;
    internal.info = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, typeof v === "string" ? escapeXml(v) : v]));
    try {
      addInfo();
    } finally {
      internal.info = info;
    }
  };
}

/**
 * Lay out a document with `draw` and return the finished PDF. Everything happens in memory; no
 * file is written and nothing is logged.
 */
export function renderPdf(settings: RenderSettings, draw: (layout: PdfLayout) => void): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    try {
      const fonts = settings.fonts ?? defaultFonts();
      const doc = new PDFDocument({
        size: "A4",
        autoFirstPage: false,
        bufferPages: true,
        // No default font: with Noto Sans, pdfkit then never loads its built-in AFM fonts.
        font: (fonts.kind === "helvetica" ? "Helvetica" : null) as unknown as string,
        // Tagged PDF in the spirit of PDF/UA: structure tree and artifacts (layout/tags.ts),
        // language, and the title shown instead of the file name.
        tagged: true,
        lang: "sv-SE",
        displayTitle: true,
        pdfVersion: "1.7",
        info: { Title: settings.title, Creator: "Vårdkedjan", Producer: "Vårdkedjan" },
      });
      escapeXmpInfo(doc);
      const chunks: Buffer[] = [];
      doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      doc.on("end", () => resolve(Buffer.concat(chunks)));
      doc.on("error", reject);

      const layout = new PdfLayout(
        doc,
        fonts,
        { printedBy: settings.print.printedBy, printedAt: settings.print.printedAt ?? new Date() },
        { binderLabel: settings.binderLabel },
      );
      draw(layout);
      layout.finish();
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
