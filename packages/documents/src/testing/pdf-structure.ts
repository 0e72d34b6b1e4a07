import { inflateSync } from "node:zlib";

/**
 * Reads the tagging of a PDF we render (test helper; not exported by the package): the catalog
 * entries a tagged PDF needs, the structure tree with the text of each element, and whether every
 * mark on every page is tagged content or an artifact.
 *
 * It parses the raw objects itself. pdfkit writes a classic cross-reference table and plain
 * objects (no object streams), so a small parser is enough; pdf-parse's pdf.js (which has
 * `getStructTree()`) is not a dependency of this package, and parsing ourselves also lets us check
 * the page content streams operator by operator.
 */

class Name {
  constructor(readonly name: string) {}
}

class Ref {
  constructor(readonly num: number) {}
}

/** A string's bytes, one char per byte. */
class Str {
  constructor(readonly bytes: string) {}

  /** As text: UTF-16BE with a byte order mark, else PDFDocEncoding (for us, Latin-1). */
  text(): string {
    if (this.bytes.startsWith("\xfe\xff")) return Buffer.from(this.bytes.slice(2), "latin1").swap16().toString("utf16le");
    return this.bytes;
  }
}

class Op {
  constructor(readonly op: string) {}
}

type Dict = Map<string, Value>;
type Value = number | boolean | null | Name | Ref | Str | Op | Value[] | Dict;

const WHITE = "\0\t\n\f\r ";
const DELIMITERS = "()<>[]{}/%";
const isRegular = (ch: string | undefined): boolean => ch !== undefined && !WHITE.includes(ch) && !DELIMITERS.includes(ch);

/** A lexer/parser for PDF objects and content streams over a Latin-1 string. */
class Parser {
  constructor(
    private readonly src: string,
    public pos = 0,
  ) {}

  skip(): void {
    for (;;) {
      const ch = this.src[this.pos];
      if (ch === undefined) return;
      if (WHITE.includes(ch)) this.pos++;
      else if (ch === "%") while (this.pos < this.src.length && this.src[this.pos] !== "\n" && this.src[this.pos] !== "\r") this.pos++;
      else return;
    }
  }

  atEnd(): boolean {
    this.skip();
    return this.pos >= this.src.length;
  }

  peek(text: string): boolean {
    this.skip();
    return this.src.startsWith(text, this.pos);
  }

  value(): Value {
    this.skip();
    const src = this.src;
    const ch = src[this.pos];
    if (src.startsWith("<<", this.pos)) {
      this.pos += 2;
      const dict: Dict = new Map();
      while (!this.peek(">>")) {
        if (this.atEnd()) throw new Error("Oavslutad dictionary");
        const key = this.value();
        if (!(key instanceof Name)) throw new Error(`Nyckel förväntades vid ${this.pos}`);
        dict.set(key.name, this.value());
      }
      this.pos += 2;
      return dict;
    }
    if (ch === "<") {
      const end = src.indexOf(">", this.pos);
      const hex = src.slice(this.pos + 1, end).replace(/\s+/g, "");
      this.pos = end + 1;
      return new Str(Buffer.from(hex.length % 2 ? `${hex}0` : hex, "hex").toString("latin1"));
    }
    if (ch === "[") {
      this.pos++;
      const items: Value[] = [];
      while (!this.peek("]")) {
        if (this.atEnd()) throw new Error("Oavslutad array");
        items.push(this.value());
      }
      this.pos++;
      return items;
    }
    if (ch === "(") return this.literal();
    if (ch === "/") {
      let end = this.pos + 1;
      while (isRegular(src[end])) end++;
      const name = src.slice(this.pos + 1, end).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      this.pos = end;
      return new Name(name);
    }
    let end = this.pos;
    while (isRegular(src[end])) end++;
    if (end === this.pos) throw new Error(`Oväntat tecken ${JSON.stringify(ch)} vid ${this.pos}`);
    const word = src.slice(this.pos, end);
    this.pos = end;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      const ref = /\s+(\d+)\s+R(?=[\s()<>[\]{}/%]|$)/y;
      ref.lastIndex = this.pos;
      if (/^\d+$/.test(word) && ref.exec(src)) {
        this.pos = ref.lastIndex;
        return new Ref(Number(word));
      }
      return Number(word);
    }
    if (word === "true" || word === "false") return word === "true";
    if (word === "null") return null;
    return new Op(word);
  }

  private literal(): Str {
    const src = this.src;
    let depth = 0;
    let out = "";
    this.pos++;
    for (;;) {
      const ch = src[this.pos++];
      if (ch === undefined) throw new Error("Oavslutad sträng");
      if (ch === "(") depth++;
      else if (ch === ")" && depth-- === 0) return new Str(out);
      if (ch !== "\\") {
        out += ch;
        continue;
      }
      const next = src[this.pos++] ?? "";
      const escapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
      if (next in escapes) out += escapes[next];
      else if (/[0-7]/.test(next)) {
        let octal = next;
        while (octal.length < 3 && /[0-7]/.test(src[this.pos] ?? "")) octal += src[this.pos++];
        out += String.fromCharCode(parseInt(octal, 8) & 0xff);
      } else if (next === "\r" || next === "\n") {
        if (next === "\r" && src[this.pos] === "\n") this.pos++;
      } else out += next;
    }
  }
}

class PdfFile {
  private readonly src: string;
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, { value: Value; stream?: number }>();
  readonly trailer: Dict;
  readonly version: string;

  constructor(buffer: Buffer) {
    this.src = buffer.toString("latin1");
    this.version = /^%PDF-(\d\.\d)/.exec(this.src)?.[1] ?? "";
    const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.src)?.[1]);
    if (!Number.isFinite(start) || !this.src.startsWith("xref", start)) throw new Error("Ingen klassisk xref-tabell");
    const p = new Parser(this.src, start + 4);
    for (;;) {
      p.skip();
      const header = /(\d+) (\d+)/y;
      header.lastIndex = p.pos;
      const m = header.exec(this.src);
      if (!m) break;
      const first = Number(m[1]);
      const count = Number(m[2]);
      p.pos = header.lastIndex;
      p.skip();
      for (let i = 0; i < count; i++) {
        const entry = this.src.slice(p.pos, p.pos + 20);
        if (entry[17] === "n") this.offsets.set(first + i, Number(entry.slice(0, 10)));
        p.pos += 20;
      }
    }
    if (!p.peek("trailer")) throw new Error("Ingen trailer");
    p.pos += "trailer".length;
    this.trailer = p.value() as Dict;
  }

  private load(num: number): { value: Value; stream?: number } {
    const cached = this.cache.get(num);
    if (cached) return cached;
    const offset = this.offsets.get(num);
    if (offset === undefined) throw new Error(`Objekt ${num} saknas`);
    const p = new Parser(this.src, offset);
    const head = /\d+ \d+ obj/y;
    head.lastIndex = offset;
    if (!head.exec(this.src)) throw new Error(`Objekt ${num} börjar inte med "obj"`);
    p.pos = head.lastIndex;
    const value = p.value();
    let stream: number | undefined;
    if (p.peek("stream")) {
      p.pos += "stream".length;
      if (this.src[p.pos] === "\r") p.pos++;
      if (this.src[p.pos] === "\n") p.pos++;
      stream = p.pos;
    }
    const loaded = { value, stream };
    this.cache.set(num, loaded);
    return loaded;
  }

  /** Follow a reference; other values as they are. */
  get(value: Value | undefined): Value | undefined {
    return value instanceof Ref ? this.load(value.num).value : value;
  }

  dict(value: Value | undefined): Dict | undefined {
    const v = this.get(value);
    return v instanceof Map ? v : undefined;
  }

  /** The decoded data of a stream object. */
  stream(ref: Value | undefined): Buffer {
    if (!(ref instanceof Ref)) throw new Error("Strömmen är inte en referens");
    const { value, stream } = this.load(ref.num);
    if (!(value instanceof Map) || stream === undefined) throw new Error(`Objekt ${ref.num} är ingen ström`);
    const length = this.get(value.get("Length"));
    if (typeof length !== "number") throw new Error("Strömmen saknar längd");
    const raw = Buffer.from(this.src.slice(stream, stream + length), "latin1");
    const filter = this.get(value.get("Filter"));
    const filters = Array.isArray(filter) ? filter : filter ? [filter] : [];
    return filters.reduce<Buffer>((data, f) => {
      if (f instanceof Name && f.name === "FlateDecode") return inflateSync(data);
      throw new Error(`Okänt filter ${String(f)}`);
    }, raw);
  }
}

const nameOf = (v: Value | undefined): string | undefined => (v instanceof Name ? v.name : undefined);

/** Glyph codes to text, from a font's ToUnicode CMap. */
function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  // A destination may hold several code units ("fi" for the ligature): "<0066 0069>".
  const hex = (h: string): string => Buffer.from(h.replace(/\s+/g, ""), "hex").swap16().toString("utf16le");
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (section[1] ?? "").matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const lo = parseInt(m[1] ?? "", 16);
      const hi = parseInt(m[2] ?? "", 16);
      const dst = m[3] ?? "";
      if (dst.startsWith("[")) {
        [...dst.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((d, i) => map.set(lo + i, hex(d[1] ?? "")));
      } else {
        const base = Buffer.from(dst.slice(1, -1).replace(/\s+/g, ""), "hex");
        for (let code = lo; code <= hi; code++) {
          const out = Buffer.from(base);
          out.writeUInt16BE(out.readUInt16BE(out.length - 2) + (code - lo), out.length - 2);
          map.set(code, out.swap16().toString("utf16le"));
        }
      }
    }
  }
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (section[1] ?? "").matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(m[1] ?? "", 16), hex(m[2] ?? ""));
  }
  return map;
}

interface Font {
  bytesPerCode: 1 | 2;
  toUnicode?: Map<number, string>;
}

function decode(str: Str, font: Font | undefined): string {
  if (!font || font.bytesPerCode === 1 || !font.toUnicode) return str.bytes;
  let out = "";
  for (let i = 0; i + 1 < str.bytes.length; i += 2) {
    const code = (str.bytes.charCodeAt(i) << 8) | str.bytes.charCodeAt(i + 1);
    out += font.toUnicode.get(code) ?? "\ufffd";
  }
  return out;
}

/** What a page's content stream says: the text of each MCID, and what is wrong. */
interface PageContent {
  mcids: Map<number, string>;
  artifacts: number;
  problems: string[];
}

const PAINTING = new Set(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI"]);
const SHOWING = new Set(["Tj", "TJ", "'", '"']);

function readPage(file: PdfFile, page: Dict, pageNumber: number): PageContent {
  const fonts = new Map<string, Font>();
  const fontDicts = file.dict(file.dict(page.get("Resources"))?.get("Font"));
  for (const [key, ref] of fontDicts ?? []) {
    const font = file.dict(ref);
    const toUnicode = font?.get("ToUnicode");
    fonts.set(key, {
      bytesPerCode: nameOf(font?.get("Subtype")) === "Type0" ? 2 : 1,
      toUnicode: toUnicode ? readToUnicode(file.stream(toUnicode).toString("latin1")) : undefined,
    });
  }
  const contents = page.get("Contents");
  const refs = Array.isArray(contents) ? contents : [contents];
  const data = refs.map((r) => file.stream(r ?? null).toString("latin1")).join("\n");

  const result: PageContent = { mcids: new Map(), artifacts: 0, problems: [] };
  const where = `sidan ${pageNumber}`;
  interface Mark {
    tag: string;
    mcid?: number;
    text: string;
    /** Replaces the text drawn inside (a blank line read as "Ej ifyllt"). */
    actual?: string;
    lastY?: number;
  }
  const marks: Mark[] = [];
  let font: Font | undefined;
  let y: number | undefined;
  let operands: Value[] = [];
  const p = new Parser(data);
  while (!p.atEnd()) {
    const v = p.value();
    if (!(v instanceof Op)) {
      operands.push(v);
      continue;
    }
    const args = operands;
    operands = [];
    const innermost = marks[marks.length - 1];
    const tagged = innermost && (innermost.mcid !== undefined || innermost.tag === "Artifact");
    switch (v.op) {
      case "BDC":
      case "BMC": {
        const tag = nameOf(args[0]) ?? "?";
        const props = v.op === "BDC" ? file.dict(args[1] ?? null) : undefined;
        const mcid = props?.get("MCID");
        if (marks.length > 0) result.problems.push(`${where}: ${tag} inuti ${innermost?.tag ?? "?"} (nästlad märkning)`);
        if (tag === "Artifact") result.artifacts++;
        else if (typeof mcid !== "number") result.problems.push(`${where}: ${tag} utan MCID och inte Artifact`);
        const actual = file.get(props?.get("ActualText"));
        marks.push({ tag, mcid: typeof mcid === "number" ? mcid : undefined, text: "", actual: actual instanceof Str ? actual.text() : undefined });
        break;
      }
      case "EMC": {
        const mark = marks.pop();
        if (!mark) result.problems.push(`${where}: EMC utan BDC`);
        else if (mark.mcid !== undefined) {
          if (result.mcids.has(mark.mcid)) result.problems.push(`${where}: MCID ${mark.mcid} två gånger`);
          result.mcids.set(mark.mcid, mark.actual ?? mark.text);
        }
        break;
      }
      case "Tf":
        font = fonts.get(nameOf(args[0]) ?? "");
        break;
      case "Tm":
        y = typeof args[5] === "number" ? args[5] : undefined;
        break;
      default:
        if (SHOWING.has(v.op)) {
          const strings = (v.op === "TJ" ? ((args[0] as Value[] | undefined) ?? []) : [args[args.length - 1]]).filter((s): s is Str => s instanceof Str);
          const text = strings.map((s) => decode(s, font)).join("");
          if (!tagged || !innermost) {
            result.problems.push(`${where}: text utanför märkt innehåll: ${JSON.stringify(text)}`);
          } else {
            // A new line (another baseline) is a word break; runs on one line join up.
            if (innermost.lastY !== undefined && innermost.lastY !== y) innermost.text += " ";
            innermost.text += text;
            innermost.lastY = y;
          }
        } else if (PAINTING.has(v.op) && !tagged) {
          result.problems.push(`${where}: grafik (${v.op}) utanför märkt innehåll`);
        }
    }
  }
  if (marks.length > 0) result.problems.push(`${where}: ${marks.length} märkning(ar) inte avslutade`);
  return result;
}

/** A structure element, with its text in reading order. */
export interface StructNode {
  type: string;
  actualText?: string;
  /** The element's attributes (/A), e.g. Scope or ListNumbering. */
  attributes: Record<string, string>;
  children: StructNode[];
  /** Its content and its children's text in order; an element with ActualText reads as that. */
  text: string;
  /** The pages (from 1) its own content is on. */
  pages: number[];
}

export interface TaggedPdf {
  /** From the header, e.g. "1.7". */
  version: string;
  /** /MarkInfo << /Marked true >> */
  marked: boolean;
  /** The catalog's /Lang. */
  lang: string | undefined;
  /** /ViewerPreferences << /DisplayDocTitle true >> */
  displayDocTitle: boolean;
  hasStructTreeRoot: boolean;
  /** The elements under the StructTreeRoot. */
  tree: StructNode[];
  /** Per page: how many tagged marked-content sequences and artifacts. */
  pages: { tagged: number; artifacts: number }[];
  /**
   * What is wrong: text or graphics outside marked content, nested or unclosed marked content,
   * MCIDs the structure does not reference (or references twice, or that do not exist), and a
   * parent tree that disagrees with the structure. Empty for a well-tagged PDF.
   */
  problems: string[];
}

/** Read the tagging of a PDF rendered by pdfkit. */
export function readTaggedPdf(buffer: Buffer): TaggedPdf {
  const file = new PdfFile(buffer);
  const catalog = file.dict(file.trailer.get("Root"));
  if (!catalog) throw new Error("Ingen katalog");
  const problems: string[] = [];

  // Pages in order.
  const pages: { ref: number; dict: Dict }[] = [];
  const walkPages = (ref: Value | undefined): void => {
    const node = file.dict(ref);
    if (!node) return;
    if (nameOf(node.get("Type")) === "Page" && ref instanceof Ref) pages.push({ ref: ref.num, dict: node });
    else for (const kid of (file.get(node.get("Kids")) as Value[] | undefined) ?? []) walkPages(kid);
  };
  walkPages(catalog.get("Pages"));
  const contents = pages.map((page, i) => readPage(file, page.dict, i + 1));
  contents.forEach((c) => problems.push(...c.problems));
  const pageIndex = new Map(pages.map((p, i) => [p.ref, i]));

  // The structure tree.
  const root = file.dict(catalog.get("StructTreeRoot"));
  const owner = new Map<string, number>();
  const used = new Set<string>();
  const toText = (v: Value | undefined): string | undefined => {
    const s = file.get(v);
    return s instanceof Str ? s.text() : undefined;
  };
  const walk = (ref: Value, inheritedPage: number | undefined): StructNode | undefined => {
    const elem = file.dict(ref);
    if (!elem || !elem.has("S")) return undefined;
    const type = nameOf(elem.get("S")) ?? "?";
    const pg = elem.get("Pg");
    const page = pg instanceof Ref ? pageIndex.get(pg.num) : inheritedPage;
    const attributes: Record<string, string> = {};
    const a = file.get(elem.get("A"));
    for (const attrs of Array.isArray(a) ? a : [a]) {
      const dict = file.dict(attrs ?? null);
      for (const [k, val] of dict ?? []) {
        const v = file.get(val);
        attributes[k] = v instanceof Name ? v.name : String(v);
      }
    }
    const node: StructNode = { type, actualText: toText(elem.get("ActualText")), attributes, children: [], text: "", pages: [] };
    const parts: string[] = [];
    const addContent = (pageNo: number | undefined, mcid: number): void => {
      if (pageNo === undefined) {
        problems.push(`${type}: MCID ${mcid} utan sida`);
        return;
      }
      const key = `${pageNo}:${mcid}`;
      if (used.has(key)) problems.push(`${type}: MCID ${mcid} på sidan ${pageNo + 1} används två gånger`);
      used.add(key);
      if (ref instanceof Ref) owner.set(key, ref.num);
      const text = contents[pageNo]?.mcids.get(mcid);
      if (text === undefined) problems.push(`${type}: MCID ${mcid} finns inte på sidan ${pageNo + 1}`);
      else parts.push(text);
      if (!node.pages.includes(pageNo + 1)) node.pages.push(pageNo + 1);
    };
    const kids = file.get(elem.get("K"));
    for (const kid of Array.isArray(kids) ? kids : kids === undefined || kids === null ? [] : [kids]) {
      if (typeof kid === "number") {
        addContent(page, kid);
        continue;
      }
      const d = file.dict(kid);
      if (d && nameOf(d.get("Type")) === "MCR") {
        const mpg = d.get("Pg");
        addContent(mpg instanceof Ref ? pageIndex.get(mpg.num) : page, Number(file.get(d.get("MCID"))));
        continue;
      }
      const child = walk(kid, page);
      if (child) {
        node.children.push(child);
        parts.push(child.text);
      }
    }
    node.text = node.actualText ?? parts.join(" ").replace(/\s+/g, " ").trim();
    return node;
  };
  const tree: StructNode[] = [];
  if (root) {
    const k = file.get(root.get("K"));
    for (const kid of Array.isArray(k) ? k : k ? [k] : []) {
      const node = walk(kid, undefined);
      if (node) tree.push(node);
    }
    // Every MCID on a page belongs to the structure.
    contents.forEach((c, i) => {
      for (const mcid of c.mcids.keys()) if (!used.has(`${i}:${mcid}`)) problems.push(`sidan ${i + 1}: MCID ${mcid} finns inte i strukturträdet`);
    });
    // The parent tree maps each page's MCIDs back to their elements.
    const numbers = new Map<number, Value>();
    const walkNumbers = (node: Dict | undefined): void => {
      const nums = file.get(node?.get("Nums"));
      if (Array.isArray(nums)) for (let i = 0; i + 1 < nums.length; i += 2) numbers.set(Number(nums[i]), nums[i + 1] ?? null);
      const kidsOf = file.get(node?.get("Kids"));
      for (const kid of Array.isArray(kidsOf) ? kidsOf : []) walkNumbers(file.dict(kid));
    };
    walkNumbers(file.dict(root.get("ParentTree")));
    pages.forEach((page, i) => {
      const key = file.get(page.dict.get("StructParents"));
      const mcids = contents[i]?.mcids ?? new Map<number, string>();
      if (mcids.size === 0) return;
      if (typeof key !== "number") {
        problems.push(`sidan ${i + 1}: StructParents saknas`);
        return;
      }
      const parents = file.get(numbers.get(key));
      for (const mcid of mcids.keys()) {
        const parent = Array.isArray(parents) ? parents[mcid] : undefined;
        const expected = owner.get(`${i}:${mcid}`);
        if (!(parent instanceof Ref) || parent.num !== expected) problems.push(`sidan ${i + 1}: föräldraträdet pekar fel för MCID ${mcid}`);
      }
    });
  }

  const markInfo = file.dict(catalog.get("MarkInfo"));
  const viewer = file.dict(catalog.get("ViewerPreferences"));
  const lang = file.get(catalog.get("Lang"));
  return {
    version: file.version,
    marked: file.get(markInfo?.get("Marked")) === true,
    lang: lang instanceof Str ? lang.text() : undefined,
    displayDocTitle: file.get(viewer?.get("DisplayDocTitle")) === true,
    hasStructTreeRoot: root !== undefined && nameOf(root.get("Type")) === "StructTreeRoot",
    tree,
    pages: contents.map((c) => ({ tagged: c.mcids.size, artifacts: c.artifacts })),
    problems,
  };
}

/** Every element of `type` (all elements if omitted), depth first: in reading order. */
export function findAll(nodes: readonly StructNode[], type?: string): StructNode[] {
  const out: StructNode[] = [];
  const visit = (node: StructNode): void => {
    if (type === undefined || node.type === type) out.push(node);
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return out;
}

/** The texts of every element of `type`, in reading order. */
export const textsOf = (nodes: readonly StructNode[], type: string): string[] => findAll(nodes, type).map((n) => n.text);
