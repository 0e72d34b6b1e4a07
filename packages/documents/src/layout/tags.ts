/// <reference types="pdfkit" />

/**
 * Tagged PDF (in the spirit of PDF/UA): every mark on a page is either content of a structure
 * element (heading, paragraph, list, table cell …) or an artifact (page headers and footers, rules,
 * borders, shading). Screen readers read the structure tree, in the order the elements were added:
 * the layout engine adds them in visual order, also when it draws onto an earlier page later.
 *
 * Content is marked lazily: consecutive drawing for the same element on the same page shares one
 * marked-content sequence (so a line set in several font runs, or the lines of a paragraph, stay
 * together). A sequence never crosses a page: `pause()` closes it before every page change.
 */

export type StructType = "Document" | "Sect" | "Div" | "H1" | "H2" | "H3" | "P" | "L" | "LI" | "Lbl" | "LBody" | "Table" | "TR" | "TH" | "TD";

export interface TagOptions {
  /** Replacement text, e.g. for a checkbox drawn as a square ("Ikryssad:"). */
  actual?: string;
  /** For a header cell (TH): the cells it is the header of. */
  scope?: "Column" | "Row";
  /** For a list (L): how its items are labelled. */
  numbering?: "None" | "Disc" | "Decimal";
}

/** A structure element of the document. */
export class Tag {
  constructor(
    readonly type: StructType,
    readonly element: PDFKit.PDFStructureElement,
  ) {}
}

export interface ArtifactOptions {
  /** "Pagination" for page headers, footers and repeated table headers; "Layout" for rules, borders and fills. */
  type?: "Pagination" | "Layout";
  /** Where a pagination artifact sits on the page. */
  attached?: ("Top" | "Bottom")[];
}

/** What a screen reader hears for a field left blank to fill in by hand (ruled lines). */
export const BLANK_FIELD_TEXT = "Ej ifyllt";
/** What a screen reader hears for a checkbox, before its label. */
export const CHECKBOX_TEXT = { checked: "Ikryssad:", unchecked: "Ej ikryssad:" } as const;

export class Tagger {
  private readonly root: Tag;
  /** The element new elements and unlabelled content go into: the last entered, else the section. */
  private stack: Tag[] = [];
  /** The marked-content sequence being written, if any. */
  private open: { tag: Tag; page: PDFKit.PDFPage } | undefined;
  private artifactDepth = 0;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.root = new Tag("Document", doc.struct("Document"));
    doc.addStructure(this.root.element);
  }

  /** The element content goes into now. */
  get current(): Tag {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  /** Start a new part of the document (one per section of the layout). */
  section(): Tag {
    const sect = this.add("Sect", {}, this.root);
    this.stack = [sect];
    return sect;
  }

  /** Add an element as the last child of `parent` (default: the current element). */
  add(type: StructType, options: TagOptions = {}, parent: Tag = this.current): Tag {
    const element = this.doc.struct(type, {
      ...(options.actual !== undefined ? { actual: options.actual } : {}),
      ...(options.scope ? { scope: options.scope } : {}),
    } as PDFKit.Mixins.StructureElementOptions);
    if (options.numbering) {
      // pdfkit has no option for the list attribute; set it on the element's dictionary.
      (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
        O: "List",
        ListNumbering: options.numbering,
      };
    }
    parent.element.add(element);
    return new Tag(type, element);
  }

  /** Run `body` with `tag` as the current element. */
  within<T>(tag: Tag, body: () => T): T {
    this.stack.push(tag);
    try {
      return body();
    } finally {
      this.stack.pop();
    }
  }

  /** Add an element and run `body` inside it. */
  block(type: StructType, body: () => void, options: TagOptions = {}): Tag {
    const tag = this.add(type, options);
    this.within(tag, body);
    return tag;
  }

  /**
   * Mark what `body` draws as content of `tag` (default: the current element). With `actual`, it
   * is a sequence of its own that a screen reader reads as that text (a blank line to write on).
   */
  content(body: () => void, tag: Tag = this.current, options: { actual?: string } = {}): void {
    if (this.artifactDepth > 0) {
      body();
      return;
    }
    const page = this.doc.page;
    if (options.actual !== undefined || !this.open || this.open.tag !== tag || this.open.page !== page) {
      this.pause();
      const marked = options.actual !== undefined ? this.doc.markStructureContent("Span", { actual: options.actual }) : this.doc.markStructureContent(tag.type);
      tag.element.add(marked);
      this.open = { tag, page };
    }
    this.within(tag, body);
    if (options.actual !== undefined) this.pause();
  }

  /** Draw something that is not content: a header or footer, a rule, a border, a fill. */
  artifact(body: () => void, options: ArtifactOptions = {}): void {
    if (this.artifactDepth > 0) {
      body();
      return;
    }
    this.pause();
    this.doc.markContent("Artifact", { type: options.type ?? "Layout", ...(options.attached ? { attached: options.attached } : {}) });
    this.artifactDepth += 1;
    try {
      body();
    } finally {
      this.artifactDepth -= 1;
      this.doc.endMarkedContent();
    }
  }

  /** Close the marked-content sequence being written. Call before changing pages and at the end. */
  pause(): void {
    if (!this.open) return;
    if (this.open.page === this.doc.page) {
      this.doc.endMarkedContent();
    } else {
      // Left open on a page we have switched away from: close it there.
      const page = this.open.page as unknown as { markings: unknown[]; write(chunk: string): void };
      page.markings.pop();
      page.write("EMC");
    }
    this.open = undefined;
  }
}
