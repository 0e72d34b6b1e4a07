/// <reference types="pdfkit" />
import { formatDateTime } from "./format";
import type { FontSet } from "./fonts";
import { Tagger, type Tag } from "./tags";
import { TextEngine } from "./text";

/** Who printed the document and when: "Utskriven 2026-07-01 14:05 av Sanna Sjöberg". */
export interface PrintInfo {
  /** The logged-in person's name. */
  printedBy: string;
  /** Defaults to now. */
  printedAt?: Date;
}

/** What the header and footer of each page of one document (section) show. */
export interface SectionMeta {
  /** The document's name, bold in the header of every page. */
  documentName: string;
  /** Up to two short lines under the name (the patient; the version and validity date). */
  headerLines?: string[];
  /** The left side of the footer (e.g. "Skickas med patienten i förslutet kuvert"). */
  footerNote?: string;
}

/** A4 in PostScript points, and our print margins. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginX: 50,
  contentTop: 92,
  contentBottom: 841.89 - 64,
} as const;

interface SectionRecord {
  meta: SectionMeta;
  pages: number[];
}

/**
 * A document being laid out: a cursor that flows down the page and starts a new page when
 * content does not fit, grouped in sections (one per document; the backup kit has several).
 * Headers and footers are drawn at the end, when the page count of each section is known.
 *
 * The PDF is tagged (see tags.ts): each section is a "Sect" in the structure tree, the blocks and
 * grids add their elements to it, and headers and footers are pagination artifacts.
 */
export class PdfLayout {
  readonly text: TextEngine;
  /** The structure tree: what a screen reader reads, in order. */
  readonly tags: Tagger;
  readonly left = PAGE.marginX;
  readonly right = PAGE.width - PAGE.marginX;
  readonly width = PAGE.width - 2 * PAGE.marginX;
  y: number = PAGE.contentTop;

  private readonly sections: SectionRecord[] = [];
  private pageCount = 0;
  /** Called after each page break inside a grid, to repeat its header rows. */
  private pageBreakHooks: (() => void)[] = [];
  private fixedPage = false;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    fonts: FontSet,
    private readonly print: { printedBy: string; printedAt: Date },
    private readonly options: { binderLabel?: string } = {},
  ) {
    this.tags = new Tagger(doc);
    this.text = new TextEngine(doc, fonts, this.tags);
  }

  /** Start a new document part on a fresh page. */
  startSection(meta: SectionMeta): void {
    this.sections.push({ meta, pages: [] });
    this.tags.section();
    this.addPage();
  }

  /** The number of the current page in the whole PDF, from 1. */
  get pageNumber(): number {
    return this.pageCount;
  }

  addPage(): void {
    if (this.fixedPage) throw new Error("Sidbrytning är inte tillåten när en tidigare sida fylls i");
    const section = this.sections[this.sections.length - 1];
    if (!section) throw new Error("startSection måste anropas före första sidan");
    this.tags.pause();
    this.doc.addPage({ size: "A4", margin: 0 });
    section.pages.push(this.pageCount);
    this.pageCount += 1;
    this.y = PAGE.contentTop;
    for (const hook of this.pageBreakHooks) hook();
  }

  /** Space left on this page. */
  remaining(): number {
    // While drawing onto an earlier page everything "fits": that page cannot grow.
    return this.fixedPage ? Number.POSITIVE_INFINITY : PAGE.contentBottom - this.y;
  }

  /**
   * A place in the reading order for content drawn later with `drawOnPage` (a table of contents):
   * an empty group at the current point of the structure tree.
   */
  reserve(): Tag {
    return this.tags.add("Div");
  }

  /**
   * Draw onto an earlier page (a table of contents once the page numbers are known), without
   * page breaks. The caller must leave enough room on that page. What `body` draws goes into
   * `place` (from `reserve()`, at the point where it belongs in the reading order), else at the
   * current point.
   */
  drawOnPage(pageIndex: number, y: number, body: () => void, place?: Tag): void {
    const savedY = this.y;
    this.tags.pause();
    this.doc.switchToPage(pageIndex);
    this.y = y;
    this.fixedPage = true;
    try {
      if (place) this.tags.within(place, body);
      else body();
    } finally {
      this.tags.pause();
      this.fixedPage = false;
      this.y = savedY;
      this.doc.switchToPage(this.pageCount - 1);
    }
  }

  /** Space on an empty page. */
  get pageContentHeight(): number {
    return PAGE.contentBottom - PAGE.contentTop;
  }

  get atPageTop(): boolean {
    return this.y <= PAGE.contentTop + 0.5;
  }

  /** Break the page unless `height` fits (or we are already at the top of a page). */
  ensure(height: number): void {
    if (height > this.remaining() && !this.atPageTop) this.addPage();
  }

  moveDown(height: number): void {
    this.y = this.fixedPage ? this.y + height : Math.min(this.y + height, PAGE.contentBottom);
  }

  /** Run `body` with `hook` called after every page break it causes. */
  withPageBreakHook(hook: () => void, body: () => void): void {
    this.pageBreakHooks.push(hook);
    try {
      body();
    } finally {
      this.pageBreakHooks.pop();
    }
  }

  /** Draw every page's header and footer (pagination artifacts). Call once, after all content. */
  finish(): void {
    const total = this.pageCount;
    this.tags.pause();
    for (const section of this.sections) {
      section.pages.forEach((page, i) => {
        this.doc.switchToPage(page);
        this.tags.artifact(() => this.drawHeader(section.meta), { type: "Pagination", attached: ["Top"] });
        this.tags.artifact(() => this.drawFooter(section.meta, i + 1, section.pages.length, page + 1, total), {
          type: "Pagination",
          attached: ["Bottom"],
        });
      });
    }
    this.tags.pause();
  }

  private drawHeader(meta: SectionMeta): void {
    const t = this.text;
    const rightWidth = 190;
    const leftWidth = this.width - rightWidth - 12;
    const nameStyle = { size: 11, role: "bold" as const };
    t.drawLine(t.fit(meta.documentName, nameStyle, leftWidth), this.left, 32, nameStyle);
    const small = { size: 8, color: "#333333" };
    (meta.headerLines ?? []).slice(0, 2).forEach((line, i) => {
      t.drawLine(t.fit(line, { size: 8.5 }, leftWidth), this.left, 48 + i * 11, { size: 8.5 });
    });
    const x = this.right - rightWidth;
    t.drawLine(`Utskriven ${formatDateTime(this.print.printedAt)}`, x, 33, small, { width: rightWidth, align: "right" });
    t.drawLine(t.fit(`av ${this.print.printedBy}`, small, rightWidth), x, 44, small, { width: rightWidth, align: "right" });
    this.doc.save().lineWidth(0.6).strokeColor("#000000").moveTo(this.left, 76).lineTo(this.right, 76).stroke().restore();
  }

  private drawFooter(meta: SectionMeta, page: number, pages: number, overall: number, total: number): void {
    const t = this.text;
    const y = PAGE.height - 46;
    this.doc
      .save()
      .lineWidth(0.4)
      .strokeColor("#000000")
      .moveTo(this.left, y - 6)
      .lineTo(this.right, y - 6)
      .stroke()
      .restore();
    const style = { size: 8, color: "#333333" };
    if (meta.footerNote) t.drawLine(t.fit(meta.footerNote, style, this.width - 90), this.left, y, style);
    t.drawLine(`Sida ${page} av ${pages}`, this.right - 90, y, { size: 8.5 }, { width: 90, align: "right" });
    if (this.options.binderLabel) {
      const label = `${this.options.binderLabel} – blad ${overall} av ${total}`;
      t.drawLine(t.fit(label, style, this.width), this.left, y + 11, style);
    }
  }
}
