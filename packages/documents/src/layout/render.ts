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
        lang: "sv-SE",
        displayTitle: true,
        pdfVersion: "1.7",
        info: { Title: settings.title, Creator: "Vårdkedjan", Producer: "Vårdkedjan" },
      });
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
