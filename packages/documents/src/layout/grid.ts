import type { FontRole } from "./fonts";
import type { PdfLayout } from "./page";
import type { Align, TextStyle } from "./text";

/**
 * Bordered grids: the building block of tables and of forms. A row is a set of cells side by
 * side; a cell is a stack of items (a small label, a value, ruled lines to write on, a group of
 * checkboxes). Rows are kept on one page when they fit on one; a row taller than a page
 * continues on the next, between lines. Header rows repeat after a page break.
 */

export interface CheckItem {
  label: string;
  checked?: boolean;
}

export type CellItem =
  | { kind: "label"; text: string }
  | { kind: "text"; text: string; role?: FontRole; size?: number; color?: string; align?: Align }
  | { kind: "lines"; count: number }
  | { kind: "checks"; items: readonly CheckItem[]; columns?: number }
  | { kind: "gap"; height: number };

export interface GridCell {
  items: CellItem[];
  /** Share of the row's width; the cells of a row without widths share it equally. */
  width?: number;
  fill?: string;
}

export interface GridRow {
  cells: GridCell[];
  /** Keep the row on one page if it fits on one (default true). */
  keepTogether?: boolean;
}

export interface GridOptions {
  /** Rows drawn first and again at the top of every page the grid continues on. */
  header?: GridRow[];
  /** Move the whole grid to the next page if it does not fit here but fits on a page. */
  keepTogether?: boolean;
  /** Space after the grid (default 10). */
  gapAfter?: number;
}

const PAD_X = 5;
const PAD_Y = 4;
const LABEL: TextStyle = { size: 7.5, color: "#333333" };
const VALUE_SIZE = 10;
const WRITE_LINE = 19;
const BOX = 9;
/** Below this much room we do not start splitting a row; we go to the next page. */
const MIN_SPLIT = 36;

interface Atom {
  height: number;
  draw(x: number, y: number, width: number): void;
}

/** Draw a checkbox with its top-left corner at (x, y); a ticked box gets a bold "X". */
export function drawCheckbox(layout: PdfLayout, x: number, y: number, checked: boolean, size = BOX): void {
  layout.doc.save().lineWidth(0.8).strokeColor("#000000").rect(x, y, size, size).stroke().restore();
  if (checked) {
    const style: TextStyle = { size: size - 1, role: "bold" };
    layout.text.drawLine("X", x, y - 0.5, style, { width: size, align: "center" });
  }
}

function textAtoms(layout: PdfLayout, text: string, style: TextStyle, width: number, align: Align = "left"): Atom[] {
  const lh = layout.text.lineHeight(style);
  return layout.text.wrap(text, style, width).map((line) => ({
    height: lh,
    draw: (x, y, w) => layout.text.drawLine(line, x, y, style, { width: w, align }),
  }));
}

/**
 * Column widths for a checkbox group: sized to the labels when they all fit on one line each
 * (extra room shared out evenly), otherwise equal columns with wrapped labels.
 */
function checkColumns(layout: PdfLayout, items: readonly CheckItem[], cols: number, width: number, style: TextStyle): number[] {
  const natural = Array.from({ length: cols }, (_, c) =>
    Math.max(0, ...items.filter((_, i) => i % cols === c).map((it) => layout.text.width(it.label, style))) + BOX + 10,
  );
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum > width) return Array.from({ length: cols }, () => width / cols);
  return natural.map((w) => w + (width - sum) / cols);
}

function checkAtoms(layout: PdfLayout, items: readonly CheckItem[], columns: number, width: number, size = 9): Atom[] {
  const cols = Math.max(1, Math.min(columns, items.length || 1));
  const style: TextStyle = { size };
  const colWidths = checkColumns(layout, items, cols, width, style);
  const colX = colWidths.map((_, c) => colWidths.slice(0, c).reduce((a, b) => a + b, 0));
  const lh = layout.text.lineHeight(style);
  const atoms: Atom[] = [];
  for (let i = 0; i < items.length; i += cols) {
    const rowItems = items.slice(i, i + cols).map((item, c) => ({
      item,
      lines: layout.text.wrap(item.label, style, (colWidths[c] ?? 0) - BOX - 8),
    }));
    const height = Math.max(...rowItems.map((r) => r.lines.length * lh), BOX) + 4;
    atoms.push({
      height,
      draw: (x, y) => {
        rowItems.forEach((r, c) => {
          const cx = x + (colX[c] ?? 0);
          drawCheckbox(layout, cx, y + 1.5, r.item.checked === true);
          r.lines.forEach((line, li) => layout.text.drawLine(line, cx + BOX + 4, y + li * lh, style));
        });
      },
    });
  }
  return atoms;
}

function cellAtoms(layout: PdfLayout, cell: GridCell, innerWidth: number): Atom[] {
  const atoms: Atom[] = [];
  for (const item of cell.items) {
    switch (item.kind) {
      case "label":
        atoms.push(...textAtoms(layout, item.text, LABEL, innerWidth));
        break;
      case "text":
        atoms.push(
          ...textAtoms(
            layout,
            item.text,
            { size: item.size ?? VALUE_SIZE, role: item.role, color: item.color },
            innerWidth,
            item.align,
          ),
        );
        break;
      case "lines":
        for (let i = 0; i < item.count; i++) {
          atoms.push({
            height: WRITE_LINE,
            draw: (x, y, w) => {
              const ly = y + WRITE_LINE - 3;
              layout.doc.save().lineWidth(0.5).strokeColor("#808080").moveTo(x, ly).lineTo(x + w, ly).stroke().restore();
            },
          });
        }
        break;
      case "checks":
        atoms.push(...checkAtoms(layout, item.items, item.columns ?? 1, innerWidth));
        break;
      case "gap":
        atoms.push({ height: item.height, draw: () => undefined });
        break;
    }
  }
  return atoms;
}

interface PreparedRow {
  widths: number[];
  atoms: Atom[][];
  fills: (string | undefined)[];
  keepTogether: boolean;
}

function prepare(layout: PdfLayout, row: GridRow): PreparedRow {
  const explicit = row.cells.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const unsized = row.cells.filter((c) => c.width === undefined).length;
  const rest = unsized > 0 ? Math.max(0, 1 - explicit) / unsized : 0;
  const scale = unsized > 0 ? 1 : 1 / (explicit || 1);
  const widths = row.cells.map((c) => (c.width !== undefined ? c.width * scale : rest) * layout.width);
  return {
    widths,
    atoms: row.cells.map((c, i) => cellAtoms(layout, c, (widths[i] ?? 0) - 2 * PAD_X)),
    fills: row.cells.map((c) => c.fill),
    keepTogether: row.keepTogether ?? true,
  };
}

const stackHeight = (atoms: readonly Atom[]): number => atoms.reduce((s, a) => s + a.height, 0);
const rowHeight = (atoms: readonly (readonly Atom[])[]): number =>
  Math.max(0, ...atoms.map(stackHeight)) + 2 * PAD_Y;

function paint(layout: PdfLayout, row: PreparedRow, atoms: readonly (readonly Atom[])[], height: number): void {
  const { doc } = layout;
  let x = layout.left;
  row.widths.forEach((w, i) => {
    const fill = row.fills[i];
    if (fill) doc.save().rect(x, layout.y, w, height).fill(fill).restore();
    let y = layout.y + PAD_Y;
    for (const atom of atoms[i] ?? []) {
      atom.draw(x + PAD_X, y, w - 2 * PAD_X);
      y += atom.height;
    }
    doc.save().lineWidth(0.6).strokeColor("#000000").rect(x, layout.y, w, height).stroke().restore();
    x += w;
  });
  layout.y += height;
}

function drawRow(layout: PdfLayout, row: PreparedRow): void {
  let pending = row.atoms.map((a) => [...a]);
  // True right after a break we made: a repeated header may sit above us, but breaking again
  // would not give more room.
  let fresh = layout.atPageTop;
  const nextPage = (): void => {
    layout.addPage();
    fresh = true;
  };
  for (;;) {
    const needed = rowHeight(pending);
    const room = layout.remaining();
    if (needed <= room) {
      paint(layout, row, pending, needed);
      return;
    }
    const fitsOnAPage = needed <= layout.pageContentHeight - 60;
    if (!fresh && ((row.keepTogether && fitsOnAPage) || room < MIN_SPLIT)) {
      nextPage();
      continue;
    }
    // Split: as many atoms of each cell as fit here, the rest on the next page.
    const limit = room - 2 * PAD_Y;
    let taken: number[] = pending.map((atoms) => {
      let h = 0;
      let n = 0;
      while (n < atoms.length && h + (atoms[n]?.height ?? 0) <= limit) h += atoms[n++]?.height ?? 0;
      return n;
    });
    if (!taken.some((n) => n > 0)) {
      // Nothing fits: a single item taller than the room. Draw it anyway on a fresh page.
      if (!fresh) {
        nextPage();
        continue;
      }
      taken = pending.map((atoms) => Math.min(1, atoms.length));
    }
    const now = pending.map((atoms, i) => atoms.slice(0, taken[i]));
    pending = pending.map((atoms, i) => atoms.slice(taken[i]));
    // The part on this page runs to the bottom margin, so the cell borders continue visibly.
    paint(layout, row, now, Math.max(rowHeight(now), room));
    if (pending.every((a) => a.length === 0)) return;
    nextPage();
  }
}

/** Total height of rows, as drawn without page breaks. */
function measure(rows: readonly PreparedRow[]): number {
  return rows.reduce((s, r) => s + rowHeight(r.atoms), 0);
}

export function drawGrid(layout: PdfLayout, rows: GridRow[], options: GridOptions = {}): void {
  const header = (options.header ?? []).map((r) => prepare(layout, { ...r, keepTogether: true }));
  const body = rows.map((r) => prepare(layout, r));
  const headerHeight = measure(header);
  const firstRow = body[0] ? rowHeight(body[0].atoms) : 0;

  const whole = headerHeight + measure(body);
  if (options.keepTogether && whole > layout.remaining() && whole <= layout.pageContentHeight) layout.addPage();
  // Never leave a header alone at the bottom of a page.
  else layout.ensure(headerHeight + Math.min(firstRow, 80));

  const drawHeader = (): void => header.forEach((r) => paint(layout, r, r.atoms, rowHeight(r.atoms)));
  drawHeader();
  layout.withPageBreakHook(drawHeader, () => body.forEach((r) => drawRow(layout, r)));
  layout.moveDown(options.gapAfter ?? 10);
}

// ---- Cell helpers -------------------------------------------------------------------------

const hasText = (v: string | null | undefined): v is string => typeof v === "string" && v.trim() !== "";

/**
 * A form field: a small label and either the value or, when there is none, `lines` ruled lines
 * to write on (default 1).
 */
export function field(label: string, value?: string | null, opts: { width?: number; lines?: number } = {}): GridCell {
  const items: CellItem[] = [{ kind: "label", text: label }];
  if (hasText(value)) items.push({ kind: "text", text: value });
  else items.push({ kind: "lines", count: opts.lines ?? 1 });
  return { items, width: opts.width };
}

/** A labelled group of checkboxes. */
export function checkField(
  label: string,
  items: readonly CheckItem[],
  opts: { width?: number; columns?: number; extra?: CellItem[] } = {},
): GridCell {
  return {
    items: [{ kind: "label", text: label }, { kind: "gap", height: 2 }, { kind: "checks", items, columns: opts.columns }, ...(opts.extra ?? [])],
    width: opts.width,
  };
}

/** A plain text cell (tables). */
export function textCell(text: string, opts: { width?: number; role?: FontRole; size?: number; fill?: string } = {}): GridCell {
  return { items: [{ kind: "text", text, role: opts.role, size: opts.size }], width: opts.width, fill: opts.fill };
}

export interface TableColumn {
  header: string;
  /** Share of the table's width. */
  width: number;
}

export const HEADER_FILL = "#e4e4e4";

/** A data table with a shaded header row that repeats on every page. */
export function drawTable(
  layout: PdfLayout,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: Omit<GridOptions, "header"> & { size?: number } = {},
): void {
  const size = options.size ?? 9.5;
  const header: GridRow = {
    cells: columns.map((c) => textCell(c.header, { width: c.width, role: "bold", size: size - 0.5, fill: HEADER_FILL })),
  };
  const body: GridRow[] = rows.map((r) => ({
    cells: columns.map((c, i) => textCell(r[i] ?? "", { width: c.width, size })),
    keepTogether: true,
  }));
  drawGrid(layout, body, { ...options, header: [header] });
}
