/// <reference types="pdfkit" />
import { cleanText } from "./format";
import type { FontFace, FontRole, FontSet } from "./fonts";
import type { Tagger } from "./tags";

/**
 * Our own line breaking on top of pdfkit's glyph drawing. pdfkit wraps text in one font only;
 * we need runs in two faces (see fonts.ts) and exact heights for table cells that may continue on
 * the next page, so we measure, wrap and place every line ourselves.
 */

export interface TextStyle {
  size: number;
  role?: FontRole;
  color?: string;
}

export interface Run {
  face: string;
  text: string;
}

export type Align = "left" | "right" | "center";

/** Line height as a multiple of the font size (Noto Sans' own is ≈1.36). */
const LINE_FACTOR = 1.3;
/** What we print for a character no face has. */
const MISSING = "?";

export class TextEngine {
  private readonly registered = new Set<string>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: FontSet,
    /** In a tagged PDF: every line drawn is content of the current structure element. */
    private readonly tags?: Tagger,
  ) {}

  lineHeight(style: TextStyle): number {
    return style.size * LINE_FACTOR;
  }

  /** Split into runs, each in the first face of the role that has all its characters. */
  runs(text: string, role: FontRole = "regular"): Run[] {
    const faces = this.fonts.faces[role];
    const out: Run[] = [];
    for (const original of text) {
      let ch = original;
      let face = faces.find((f) => f.covers(ch.codePointAt(0) ?? 0));
      if (!face) {
        // No face has it: try the base letter ("Č" → "C" with Helvetica), else print "?".
        const base = [...original.normalize("NFD")][0] ?? "";
        face = base !== original ? faces.find((f) => f.covers(base.codePointAt(0) ?? 0)) : undefined;
        ch = face ? base : MISSING;
      }
      const faceName = (face ?? faces[0])?.name ?? "";
      const last = out[out.length - 1];
      if (last && last.face === faceName) last.text += ch;
      else out.push({ face: faceName, text: ch });
    }
    return out;
  }

  private use(faceName: string, size: number): void {
    if (!this.registered.has(faceName)) {
      const face = this.findFace(faceName);
      if (face?.data) this.doc.registerFont(faceName, face.data);
      this.registered.add(faceName);
    }
    this.doc.font(faceName).fontSize(size);
  }

  private findFace(name: string): FontFace | undefined {
    for (const list of Object.values(this.fonts.faces)) {
      const face = list.find((f) => f.name === name);
      if (face) return face;
    }
    return undefined;
  }

  width(text: string, style: TextStyle): number {
    let w = 0;
    for (const run of this.runs(text, style.role)) {
      this.use(run.face, style.size);
      w += this.doc.widthOfString(run.text);
    }
    return w;
  }

  /**
   * Wrap to lines no wider than `maxWidth`. Newlines start new lines (an empty line stays
   * empty); runs of spaces collapse; a word longer than a line is broken between characters.
   */
  wrap(text: string, style: TextStyle, maxWidth: number): string[] {
    const lines: string[] = [];
    const space = this.width(" ", style);
    for (const paragraph of cleanText(text).split("\n")) {
      const words = paragraph.split(/\s+/).filter((w) => w !== "");
      if (words.length === 0) {
        lines.push("");
        continue;
      }
      let line = "";
      let lineWidth = 0;
      for (const word of words) {
        const w = this.width(word, style);
        if (line !== "" && lineWidth + space + w <= maxWidth) {
          line += ` ${word}`;
          lineWidth += space + w;
          continue;
        }
        if (line !== "") lines.push(line);
        if (w <= maxWidth) {
          line = word;
          lineWidth = w;
          continue;
        }
        // A word wider than the line (an e-mail address, a long compound): break after
        // @ . / - _ where possible, else between any two characters.
        line = "";
        lineWidth = 0;
        for (const piece of word.split(/(?<=[@./\-_])/)) {
          const pw = this.width(piece, style);
          if (line !== "" && lineWidth + pw <= maxWidth) {
            line += piece;
            lineWidth += pw;
            continue;
          }
          if (pw <= maxWidth) {
            if (line !== "") lines.push(line);
            line = piece;
            lineWidth = pw;
            continue;
          }
          for (const ch of piece) {
            const cw = this.width(ch, style);
            if (line !== "" && lineWidth + cw > maxWidth) {
              lines.push(line);
              line = "";
              lineWidth = 0;
            }
            line += ch;
            lineWidth += cw;
          }
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** Height of `text` wrapped to `maxWidth`. */
  height(text: string, style: TextStyle, maxWidth: number): number {
    return this.wrap(text, style, maxWidth).length * this.lineHeight(style);
  }

  /**
   * Draw one line (no wrapping) with its top at `y`. In a tagged PDF the whole line, all its font
   * runs, is content of the current structure element (or part of the current artifact).
   */
  drawLine(text: string, x: number, y: number, style: TextStyle, opts: { width?: number; align?: Align } = {}): void {
    const clean = cleanText(text).replace(/\n/g, " ");
    if (clean === "") return;
    let cx = x;
    if (opts.width !== undefined && opts.align && opts.align !== "left") {
      const w = this.width(clean, style);
      cx = opts.align === "right" ? x + opts.width - w : x + (opts.width - w) / 2;
    }
    const draw = (): void => {
      this.doc.fillColor(style.color ?? "#000000");
      for (const run of this.runs(clean, style.role)) {
        this.use(run.face, style.size);
        this.doc.text(run.text, cx, y, { lineBreak: false });
        cx += this.doc.widthOfString(run.text);
      }
    };
    if (this.tags) this.tags.content(draw);
    else draw();
  }

  /** Shorten to fit one line, ending in "…". */
  fit(text: string, style: TextStyle, maxWidth: number): string {
    const clean = cleanText(text).replace(/\n/g, " ");
    if (this.width(clean, style) <= maxWidth) return clean;
    const chars = [...clean];
    while (chars.length > 0 && this.width(`${chars.join("").trimEnd()}…`, style) > maxWidth) chars.pop();
    return `${chars.join("").trimEnd()}…`;
  }
}
