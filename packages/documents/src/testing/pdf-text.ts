import { PDFParse } from "pdf-parse";

/** What a test needs to know about a rendered PDF (test helper; not exported by the package). */
export interface ExtractedPdf {
  /** All text, pages in order. */
  text: string;
  /** The text of each page. */
  pages: string[];
  title: string | undefined;
  /** Every metadata value, for checking that no patient data leaks into it. */
  metadata: string;
}

export async function extractPdf(buffer: Buffer): Promise<ExtractedPdf> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    const result = await parser.getText();
    const info = await parser.getInfo();
    const raw = (info.info ?? {}) as Record<string, unknown>;
    return {
      text: result.pages.map((p) => p.text).join("\n"),
      pages: result.pages.map((p) => p.text),
      title: typeof raw.Title === "string" ? raw.Title : undefined,
      metadata: JSON.stringify(raw),
    };
  } finally {
    await parser.destroy();
  }
}

/** The PDF structure is complete: header, trailer, end marker. */
export function looksLikePdf(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 8).toString("latin1");
  const tail = buffer.subarray(Math.max(0, buffer.length - 32)).toString("latin1");
  return head.startsWith("%PDF-1.") && tail.includes("%%EOF") && buffer.includes("trailer", 0, "latin1");
}

/** Collapse whitespace so tests can look for phrases regardless of line breaks. */
export const flat = (text: string): string => text.replace(/\s+/g, " ");
