import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Fonts, read from node_modules at run time (never fetched). Noto Sans from @fontsource comes in
 * unicode subsets: "latin" covers Swedish (å ä ö é ü), – · • “ ” €; "latin-ext" covers the
 * rest of the Latin letters in names (Ł Č Ș Đ Ő …) but not basic Latin. Every text is split into
 * runs by which face has the character, so a name like "Łukasz Öberg" uses both.
 *
 * WOFF, not WOFF2: fontkit reads both, but pdfkit 0.20.2's subsetter fails on the WOFF2 files
 * ("Offset is outside the bounds of the DataView"); the WOFF files embed cleanly.
 *
 * If the font files cannot be resolved (an unusual bundle layout), we fall back to pdfkit's
 * built-in Helvetica (WinAnsi: Swedish letters, – · • included; other characters print as "?").
 */

export type FontRole = "regular" | "bold" | "italic";

export interface FontFace {
  /** The name the face is registered under in the PDF document. */
  readonly name: string;
  /** The embedded font data; absent for pdfkit's standard fonts. */
  readonly data?: Buffer;
  covers(codePoint: number): boolean;
}

export interface FontSet {
  readonly kind: "noto-sans" | "helvetica";
  /** For each role, the faces to try in order. */
  readonly faces: Readonly<Record<FontRole, readonly FontFace[]>>;
}

type Range = readonly [number, number];

const inRanges = (ranges: readonly Range[]) => (cp: number) => ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

// The unicode-range of each subset, from @fontsource/noto-sans 5.3.0 index.css.
const LATIN: readonly Range[] = [
  [0x0000, 0x00ff],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0304, 0x0304],
  [0x0308, 0x0308],
  [0x0329, 0x0329],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
];
const LATIN_EXT: readonly Range[] = [
  [0x0100, 0x02ba],
  [0x02bd, 0x02c5],
  [0x02c7, 0x02cc],
  [0x02ce, 0x02d7],
  [0x02dd, 0x02ff],
  [0x0304, 0x0304],
  [0x0308, 0x0308],
  [0x0329, 0x0329],
  [0x1d00, 0x1dbf],
  [0x1e00, 0x1e9f],
  [0x1ef2, 0x1eff],
  [0x2020, 0x2020],
  [0x20a0, 0x20ab],
  [0x20ad, 0x20c0],
  [0x2113, 0x2113],
  [0x2c60, 0x2c7f],
  [0xa720, 0xa7ff],
];
// WinAnsiEncoding: what pdfkit's standard fonts can show.
const WIN_ANSI: readonly Range[] = [
  [0x0020, 0x007e],
  [0x00a0, 0x00ff],
  [0x0152, 0x0153],
  [0x0160, 0x0161],
  [0x0178, 0x0178],
  [0x017d, 0x017e],
  [0x0192, 0x0192],
  [0x02c6, 0x02c6],
  [0x02dc, 0x02dc],
  [0x2013, 0x2014],
  [0x2018, 0x201a],
  [0x201c, 0x201e],
  [0x2020, 0x2022],
  [0x2026, 0x2026],
  [0x2030, 0x2030],
  [0x2039, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
];

const NOTO_FILES: Record<FontRole, { latin: string; latinExt: string }> = {
  regular: { latin: "noto-sans-latin-400-normal.woff", latinExt: "noto-sans-latin-ext-400-normal.woff" },
  bold: { latin: "noto-sans-latin-700-normal.woff", latinExt: "noto-sans-latin-ext-700-normal.woff" },
  italic: { latin: "noto-sans-latin-400-italic.woff", latinExt: "noto-sans-latin-ext-400-italic.woff" },
};

const HELVETICA: Record<FontRole, string> = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
};

/**
 * Where to look for "@fontsource/noto-sans/files/…": from this module first, then from the
 * working directory (for bundles where this module's URL no longer points into the workspace).
 */
function resolutionBases(): string[] {
  const bases: string[] = [];
  try {
    bases.push(import.meta.url);
  } catch {
    // import.meta is unavailable in some CommonJS transpilations; the cwd base still works.
  }
  bases.push(pathToFileURL(join(process.cwd(), "package.json")).href);
  return bases;
}

/** Walk up from `dir` looking in each node_modules, like Node does (npm layout). */
function findUpwards(dir: string, relative: string): string | undefined {
  for (let current = dir; ;) {
    const candidate = join(current, "node_modules", relative);
    if (existsSync(/* turbopackIgnore: true */ candidate)) return candidate;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * The font file's path. Node's resolver first (plain Node, tsx, vitest, Turbopack). webpack
 * replaces `createRequire` with its own, which cannot resolve at run time, so we then walk up the
 * directories ourselves.
 */
export function resolveFontFile(file: string): string | undefined {
  const spec = `@fontsource/noto-sans/files/${file}`;
  const bases = resolutionBases();
  for (const base of bases) {
    try {
      const resolved: unknown = createRequire(base).resolve(spec);
      if (typeof resolved === "string" && existsSync(/* turbopackIgnore: true */ resolved)) return resolved;
    } catch {
      // try the next way
    }
  }
  for (const base of bases) {
    if (!base.startsWith("file:")) continue;
    const found = findUpwards(dirname(fileURLToPath(base)), spec);
    if (found) return found;
  }
  return undefined;
}

function loadNoto(): FontSet | { error: string } {
  const faces = {} as Record<FontRole, FontFace[]>;
  for (const role of ["regular", "bold", "italic"] as const) {
    const files = NOTO_FILES[role];
    const list: FontFace[] = [];
    for (const [subset, file, ranges] of [
      ["latin", files.latin, LATIN],
      ["latin-ext", files.latinExt, LATIN_EXT],
    ] as const) {
      const path = resolveFontFile(file);
      if (!path) return { error: `Typsnittsfilen ${file} hittades inte` };
      let data: Buffer;
      try {
        data = readFileSync(/* turbopackIgnore: true */ path);
      } catch {
        return { error: `Typsnittsfilen ${file} kunde inte läsas` };
      }
      list.push({ name: `noto-${role}-${subset}`, data, covers: inRanges(ranges) });
    }
    faces[role] = list;
  }
  return { kind: "noto-sans", faces };
}

export const HELVETICA_FONTS: FontSet = {
  kind: "helvetica",
  faces: {
    regular: [{ name: HELVETICA.regular, covers: inRanges(WIN_ANSI) }],
    bold: [{ name: HELVETICA.bold, covers: inRanges(WIN_ANSI) }],
    italic: [{ name: HELVETICA.italic, covers: inRanges(WIN_ANSI) }],
  },
};

let cached: { set: FontSet; fallbackReason?: string } | undefined;

/** The fonts to use, loaded once per process. */
export function defaultFonts(): FontSet {
  if (!cached) {
    const noto = loadNoto();
    cached = "error" in noto ? { set: HELVETICA_FONTS, fallbackReason: noto.error } : { set: noto };
  }
  return cached.set;
}

/**
 * Which fonts the documents use, and why not Noto Sans if not; for a health check or a startup
 * log line (contains no patient data).
 */
export function fontStatus(): { kind: FontSet["kind"]; fallbackReason?: string } {
  const set = defaultFonts();
  return cached?.fallbackReason ? { kind: set.kind, fallbackReason: cached.fallbackReason } : { kind: set.kind };
}
