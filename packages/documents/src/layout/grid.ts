import type { FontRole } from "./fonts";
import type { PdfLayout } from "./page";
import { BLANK_FIELD_TEXT, CHECKBOX_TEXT, type Tag, type TagOptions } from "./tags";
import type { Align, TextStyle } from "./text";

/**
 * Bordered grids: the building block of tables and of forms. A row is a set of cells side by
 * side; a cell is a stack of items (a small label, a value, ruled lines to write on, a group of
 * checkboxes). Rows are kept on one page when they fit on one; a row taller than a page
 * continues on the next, between lines. Header rows repeat after a page break.
 *
 * Tagging (tags.ts): a grid with header rows is a data table (Table, TR, TH with scope Column,
 * TD), its repeated header rows pagination artifacts. A grid without header rows is a form or a
 * box of text, not a table (no layout tables), but a Div: a field, its label with the value or the
 * ruled lines (read as "Ej ifyllt"), is one P; other texts a P each; a checkbox group an L whose items
 * have the box as Lbl (read as "Ikryssad:"/"Ej ikryssad:") and the label as LBody. Borders and
 * fills are artifacts.
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

/** An element a cell's content goes into, added with the other elements of its row. */
interface PlannedElement {
  type: "P" | "L";
  options?: TagOptions;
}

/**
 * The structure elements of one cell: the cell (TD or TH; in a form, the element the grid is
 * drawn in) and its planned elements, all added when the row starts so that they stay in reading
 * order also when the row continues on the next page.
 */
interface CellTags {
  cell: Tag;
  items: Tag[];
}

/** Which element of a cell an atom's content belongs to. */
type Target = (cell: CellTags) => Tag;

interface Atom {
  height: number;
  /** `cell` is absent when the row is drawn as an artifact (a repeated header row). */
  draw(x: number, y: number, width: number, cell?: CellTags): void;
}

/** Draw a checkbox with its top-left corner at (x, y); a ticked box gets a bold "X". */
export function drawCheckbox(layout: PdfLayout, x: number, y: number, checked: boolean, size = BOX): void {
  layout.tags.content(() => {
    layout.doc.save().lineWidth(0.8).strokeColor("#000000").rect(x, y, size, size).stroke().restore();
    if (checked) {
      const style: TextStyle = { size: size - 1, role: "bold" };
      layout.text.drawLine("X", x, y - 0.5, style, { width: size, align: "center" });
    }
  });
}

function textAtoms(layout: PdfLayout, text: string, style: TextStyle, width: number, target: Target, align: Align = "left"): Atom[] {
  const lh = layout.text.lineHeight(style);
  return layout.text.wrap(text, style, width).map((line) => ({
    height: lh,
    draw: (x, y, w, cell) => {
      const draw = (): void => layout.text.drawLine(line, x, y, style, { width: w, align });
      if (cell) layout.tags.within(target(cell), draw);
      else draw();
    },
  }));
}

/**
 * Column widths for a checkbox group: sized to the labels when they all fit on one line each
 * (extra room shared out evenly), otherwise equal columns with wrapped labels.
 */
function checkColumns(layout: PdfLayout, items: readonly CheckItem[], cols: number, width: number, style: TextStyle): number[] {
  const natural = Array.from(
    { length: cols },
    (_, c) => Math.max(0, ...items.filter((_, i) => i % cols === c).map((it) => layout.text.width(it.label, style))) + BOX + 10,
  );
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum > width) return Array.from({ length: cols }, () => width / cols);
  return natural.map((w) => w + (width - sum) / cols);
}

function checkAtoms(layout: PdfLayout, items: readonly CheckItem[], columns: number, width: number, list: Target, size = 9): Atom[] {
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
      draw: (x, y, _w, cell) => {
        const { tags } = layout;
        rowItems.forEach((r, c) => {
          const cx = x + (colX[c] ?? 0);
          const checked = r.item.checked === true;
          const entry = cell ? tags.add("LI", {}, list(cell)) : undefined;
          const box = entry ? tags.add("Lbl", { actual: checked ? CHECKBOX_TEXT.checked : CHECKBOX_TEXT.unchecked }, entry) : undefined;
          const label = entry ? tags.add("LBody", {}, entry) : undefined;
          const inside = (tag: Tag | undefined, draw: () => void): void => (tag ? tags.within(tag, draw) : draw());
          inside(box, () => drawCheckbox(layout, cx, y + 1.5, checked));
          inside(label, () => r.lines.forEach((line, li) => layout.text.drawLine(line, cx + BOX + 4, y + li * lh, style)));
        });
      },
    });
  }
  return atoms;
}

/**
 * The atoms of a cell and the elements they go into. A label and the value or blank lines after it
 * are one P ("Datum 2026-07-01", "Datum Ej ifyllt"); other texts a P each; checkboxes an L. In a
 * table, a cell holding just one text puts it straight into the TD or TH.
 */
function cellContent(layout: PdfLayout, cell: GridCell, innerWidth: number, table: boolean): { atoms: Atom[]; elements: PlannedElement[] } {
  const atoms: Atom[] = [];
  const elements: PlannedElement[] = [];
  const plan = (type: PlannedElement["type"], options?: TagOptions): Target => {
    const k = elements.push({ type, options }) - 1;
    return (c) => c.items[k] ?? c.cell;
  };
  const content = cell.items.filter((item) => item.kind !== "gap");
  const direct = table && content.length === 1 && content[0]?.kind === "text";
  let field: Target | undefined;
  for (const item of cell.items) {
    switch (item.kind) {
      case "label":
        field = plan("P");
        atoms.push(...textAtoms(layout, item.text, LABEL, innerWidth, field));
        break;
      case "text":
        atoms.push(
          ...textAtoms(
            layout,
            item.text,
            { size: item.size ?? VALUE_SIZE, role: item.role, color: item.color },
            innerWidth,
            direct ? (c) => c.cell : (field ?? plan("P")),
            item.align,
          ),
        );
        break;
      case "lines": {
        const target = field ?? plan("P");
        for (let i = 0; i < item.count; i++) {
          atoms.push({
            height: WRITE_LINE,
            draw: (x, y, w, c) => {
              const ly = y + WRITE_LINE - 3;
              const line = (): void => {
                layout.doc
                  .save()
                  .lineWidth(0.5)
                  .strokeColor("#808080")
                  .moveTo(x, ly)
                  .lineTo(x + w, ly)
                  .stroke()
                  .restore();
              };
              // Read once, as "Ej ifyllt"; further lines are layout.
              if (c && i === 0) layout.tags.content(line, target(c), { actual: BLANK_FIELD_TEXT });
              else layout.tags.artifact(line);
            },
          });
        }
        break;
      }
      case "checks":
        field = undefined;
        atoms.push(...checkAtoms(layout, item.items, item.columns ?? 1, innerWidth, plan("L", { numbering: "None" })));
        break;
      case "gap":
        atoms.push({ height: item.height, draw: () => undefined });
        break;
    }
  }
  return { atoms, elements };
}

interface PreparedRow {
  widths: number[];
  atoms: Atom[][];
  elements: PlannedElement[][];
  fills: (string | undefined)[];
  keepTogether: boolean;
}

function prepare(layout: PdfLayout, row: GridRow, table: boolean): PreparedRow {
  const explicit = row.cells.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const unsized = row.cells.filter((c) => c.width === undefined).length;
  const rest = unsized > 0 ? Math.max(0, 1 - explicit) / unsized : 0;
  const scale = unsized > 0 ? 1 : 1 / (explicit || 1);
  const widths = row.cells.map((c) => (c.width !== undefined ? c.width * scale : rest) * layout.width);
  const cells = row.cells.map((c, i) => cellContent(layout, c, (widths[i] ?? 0) - 2 * PAD_X, table));
  return {
    widths,
    atoms: cells.map((c) => c.atoms),
    elements: cells.map((c) => c.elements),
    fills: row.cells.map((c) => c.fill),
    keepTogether: row.keepTogether ?? true,
  };
}

const stackHeight = (atoms: readonly Atom[]): number => atoms.reduce((s, a) => s + a.height, 0);
const rowHeight = (atoms: readonly (readonly Atom[])[]): number => Math.max(0, ...atoms.map(stackHeight)) + 2 * PAD_Y;

/**
 * The elements of a row's cells, added in reading order when the row starts: in a table a TR
 * with TH or TD cells, in a form just the cells' elements (in the grid's Div).
 */
function rowTags(layout: PdfLayout, row: PreparedRow, table: Tag | undefined, header: boolean): CellTags[] {
  const { tags } = layout;
  const tr = table ? tags.add("TR", {}, table) : undefined;
  return row.elements.map((elements) => {
    const cell = !tr ? tags.current : header ? tags.add("TH", { scope: "Column" }, tr) : tags.add("TD", {}, tr);
    return { cell, items: elements.map((e) => tags.add(e.type, e.options, cell)) };
  });
}

/** Draw (part of) a row at the cursor; without `cells` (a repeated header row) inside an artifact. */
function paint(layout: PdfLayout, row: PreparedRow, atoms: readonly (readonly Atom[])[], height: number, cells?: readonly CellTags[]): void {
  const { doc, tags } = layout;
  const top = layout.y;
  let x = layout.left;
  row.widths.forEach((w, i) => {
    const fill = row.fills[i];
    const left = x;
    if (fill) tags.artifact(() => doc.save().rect(left, top, w, height).fill(fill).restore());
    let y = top + PAD_Y;
    for (const atom of atoms[i] ?? []) {
      atom.draw(left + PAD_X, y, w - 2 * PAD_X, cells?.[i]);
      y += atom.height;
    }
    tags.artifact(() => doc.save().lineWidth(0.6).strokeColor("#000000").rect(left, top, w, height).stroke().restore());
    x += w;
  });
  layout.y += height;
}

function drawRow(layout: PdfLayout, row: PreparedRow, cells: readonly CellTags[]): void {
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
      paint(layout, row, pending, needed, cells);
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
    paint(layout, row, now, Math.max(rowHeight(now), room), cells);
    if (pending.every((a) => a.length === 0)) return;
    nextPage();
  }
}

/** Total height of rows, as drawn without page breaks. */
function measure(rows: readonly PreparedRow[]): number {
  return rows.reduce((s, r) => s + rowHeight(r.atoms), 0);
}

export function drawGrid(layout: PdfLayout, rows: GridRow[], options: GridOptions = {}): void {
  // Header rows make it a data table; without them it is a form or a box of text.
  const isTable = (options.header ?? []).length > 0;
  const header = (options.header ?? []).map((r) => prepare(layout, { ...r, keepTogether: true }, isTable));
  const body = rows.map((r) => prepare(layout, r, isTable));
  const headerHeight = measure(header);
  const firstRow = body[0] ? rowHeight(body[0].atoms) : 0;

  const whole = headerHeight + measure(body);
  if (options.keepTogether && whole > layout.remaining() && whole <= layout.pageContentHeight) layout.addPage();
  // Never leave a header alone at the bottom of a page.
  else layout.ensure(headerHeight + Math.min(firstRow, 80));

  const { tags } = layout;
  // A table, or a group for the form's (or box's) fields.
  const group = tags.add(isTable ? "Table" : "Div");
  const table = isTable ? group : undefined;
  let headerDrawn = false;
  const drawHeader = (): void => {
    if (headerDrawn) {
      // Repeated at the top of a continuation page: read once, so here an artifact.
      tags.artifact(() => header.forEach((r) => paint(layout, r, r.atoms, rowHeight(r.atoms))), { type: "Pagination" });
      return;
    }
    headerDrawn = true;
    header.forEach((r) => paint(layout, r, r.atoms, rowHeight(r.atoms), rowTags(layout, r, table, true)));
  };
  drawHeader();
  tags.within(group, () => layout.withPageBreakHook(drawHeader, () => body.forEach((r) => drawRow(layout, r, rowTags(layout, r, table, false)))));
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
export function checkField(label: string, items: readonly CheckItem[], opts: { width?: number; columns?: number; extra?: CellItem[] } = {}): GridCell {
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
