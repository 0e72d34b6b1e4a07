import { drawGrid } from "./grid";
import type { PdfLayout } from "./page";
import { BLANK_FIELD_TEXT, type Tag } from "./tags";
import type { TextStyle } from "./text";

/**
 * Flowing blocks: titles, headings, paragraphs, lists, boxes, lines to write on. Each adds its
 * structure elements (tags.ts) where it is drawn: the title is H1 and its subtitle P, headings
 * H2/H3, paragraphs P, lists L/LI/Lbl/LBody; rules are artifacts; a blank line to write on is
 * read as "Ej ifyllt".
 */

const BODY: TextStyle = { size: 10.5 };

/** The document title on its first page, with an optional subtitle. */
export function drawTitle(layout: PdfLayout, title: string, subtitle?: string): void {
  const t = layout.text;
  const style: TextStyle = { size: 19, role: "bold" };
  const lines = t.wrap(title, style, layout.width);
  layout.ensure(lines.length * t.lineHeight(style) + 30);
  layout.tags.block("H1", () => {
    for (const line of lines) {
      t.drawLine(line, layout.left, layout.y, style);
      layout.y += t.lineHeight(style);
    }
  });
  if (subtitle) {
    const sub: TextStyle = { size: 11, color: "#222222" };
    layout.tags.block("P", () => {
      for (const line of t.wrap(subtitle, sub, layout.width)) {
        t.drawLine(line, layout.left, layout.y, sub);
        layout.y += t.lineHeight(sub);
      }
    });
  }
  layout.moveDown(10);
}

/**
 * A section heading. Level 1 has a rule under it; level 2 is smaller. Kept with the first lines
 * of what follows. Tagged H2 and H3: the document title (drawTitle) is the H1.
 */
export function drawHeading(layout: PdfLayout, text: string, level: 1 | 2 = 1): void {
  const t = layout.text;
  const style: TextStyle = level === 1 ? { size: 13, role: "bold" } : { size: 11, role: "bold" };
  const lines = t.wrap(text, style, layout.width);
  const height = lines.length * t.lineHeight(style) + (level === 1 ? 8 : 4);
  layout.moveDown(level === 1 ? 6 : 3);
  layout.ensure(height + 60);
  layout.tags.block(level === 1 ? "H2" : "H3", () => {
    for (const line of lines) {
      t.drawLine(line, layout.left, layout.y, style);
      layout.y += t.lineHeight(style);
    }
  });
  if (level === 1) {
    layout.y += 2;
    const ruleY = layout.y;
    layout.tags.artifact(() =>
      layout.doc.save().lineWidth(0.8).strokeColor("#000000").moveTo(layout.left, ruleY).lineTo(layout.right, ruleY).stroke().restore(),
    );
    layout.y += 6;
  } else {
    layout.y += 3;
  }
}

/** Wrapped text, breaking the page between lines. An empty line starts a new paragraph (P). */
export function drawParagraph(layout: PdfLayout, text: string, opts: { style?: Partial<TextStyle>; indent?: number; gapAfter?: number } = {}): void {
  const t = layout.text;
  const style: TextStyle = { ...BODY, ...opts.style };
  const indent = opts.indent ?? 0;
  const lh = t.lineHeight(style);
  let paragraph: Tag | undefined;
  for (const line of t.wrap(text, style, layout.width - indent)) {
    layout.ensure(lh);
    if (line === "") {
      paragraph = undefined;
    } else {
      paragraph ??= layout.tags.add("P");
      layout.tags.within(paragraph, () => t.drawLine(line, layout.left + indent, layout.y, style));
    }
    layout.y += lh;
  }
  layout.moveDown(opts.gapAfter ?? 6);
}

/** A bulleted (or numbered) list with hanging indent: L, and per item LI with Lbl and LBody. */
export function drawList(layout: PdfLayout, items: readonly string[], opts: { numbered?: boolean; style?: Partial<TextStyle>; gapAfter?: number } = {}): void {
  const t = layout.text;
  const style: TextStyle = { ...BODY, ...opts.style };
  const lh = t.lineHeight(style);
  const indent = opts.numbered ? 18 : 14;
  const { tags } = layout;
  const list = items.length > 0 ? tags.add("L", { numbering: opts.numbered ? "Decimal" : "Disc" }) : undefined;
  items.forEach((item, i) => {
    const lines = t.wrap(item, style, layout.width - indent);
    layout.ensure(Math.min(lines.length, 2) * lh);
    const entry = tags.add("LI", {}, list);
    tags.within(entry, () => {
      tags.block("Lbl", () => t.drawLine(opts.numbered ? `${i + 1}.` : "•", layout.left + 2, layout.y, style));
      tags.block("LBody", () => {
        lines.forEach((line, li) => {
          if (li > 0) layout.ensure(lh);
          t.drawLine(line, layout.left + indent, layout.y, style);
          layout.y += lh;
        });
      });
    });
    layout.y += 2;
  });
  layout.moveDown(opts.gapAfter ?? 4);
}

/** A shaded, bordered box of text (instructions, important notes). */
export function drawNote(layout: PdfLayout, paragraphs: readonly string[], opts: { title?: string } = {}): void {
  drawGrid(
    layout,
    [
      {
        keepTogether: true,
        cells: [
          {
            fill: "#f0f0f0",
            items: [
              ...(opts.title ? [{ kind: "text" as const, text: opts.title, role: "bold" as const, size: 10 }] : []),
              ...paragraphs.flatMap((p, i) => [...(i > 0 ? [{ kind: "gap" as const, height: 3 }] : []), { kind: "text" as const, text: p, size: 9.5 }]),
            ],
          },
        ],
      },
    ],
    { gapAfter: 10 },
  );
}

/**
 * `count` ruled lines to write on, with an optional label above: one P with the label, the first
 * line read as "Ej ifyllt"; further lines are artifacts.
 */
export function drawWritingLines(layout: PdfLayout, count: number, opts: { label?: string; indent?: number } = {}): void {
  const t = layout.text;
  const { tags } = layout;
  const x = layout.left + (opts.indent ?? 0);
  const field = opts.label || count > 0 ? tags.add("P") : undefined;
  if (opts.label && field) {
    const style: TextStyle = { size: 9, role: "bold" };
    layout.ensure(t.lineHeight(style) + 20);
    tags.within(field, () => t.drawLine(opts.label ?? "", x, layout.y, style));
    layout.y += t.lineHeight(style);
  }
  for (let i = 0; i < count; i++) {
    layout.ensure(20);
    layout.y += 20;
    const ly = layout.y - 3;
    const line = (): void => {
      layout.doc.save().lineWidth(0.5).strokeColor("#808080").moveTo(x, ly).lineTo(layout.right, ly).stroke().restore();
    };
    if (i === 0 && field) tags.content(line, field, { actual: BLANK_FIELD_TEXT });
    else tags.artifact(line);
  }
  layout.moveDown(6);
}

/**
 * Signature lines side by side, each with its label under the line; a value given for a label
 * is printed on the line. Each field is one P read label first, then the value or, for an empty
 * line, "Ej ifyllt" (as a form field is read; drawn in that order too). The line under a value is
 * an artifact.
 */
export function drawSignatureRow(layout: PdfLayout, fields: readonly { label: string; value?: string; width?: number }[]): void {
  const t = layout.text;
  const { tags } = layout;
  const gap = 14;
  const totalShare = fields.reduce((s, f) => s + (f.width ?? 1), 0);
  const usable = layout.width - gap * (fields.length - 1);
  layout.ensure(44);
  let x = layout.left;
  const lineY = layout.y + 24;
  for (const f of fields) {
    const w = (usable * (f.width ?? 1)) / totalShare;
    const fieldX = x;
    const field = tags.add("P");
    tags.within(field, () => {
      t.drawLine(f.label, fieldX, lineY + 3, { size: 7.5, color: "#333333" });
      if (f.value) t.drawLine(t.fit(f.value, { size: 10 }, w), fieldX + 2, lineY - 14, { size: 10 });
    });
    const line = (): void => {
      layout.doc
        .save()
        .lineWidth(0.6)
        .strokeColor("#000000")
        .moveTo(fieldX, lineY)
        .lineTo(fieldX + w, lineY)
        .stroke()
        .restore();
    };
    if (f.value) tags.artifact(line);
    else tags.content(line, field, { actual: BLANK_FIELD_TEXT });
    x += w + gap;
  }
  layout.y = lineY + 18;
}
