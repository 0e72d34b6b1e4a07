import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * No internal codes on screen: the Swedish texts of outage mode (the domain's labels, routine
 * profiles, guidance and after-registration texts, and the outage pages) name rules in plain
 * Swedish, with the law named in words where it helps, never by a rule code ("N5", "R3"), a
 * source file ("seed 002"), an issue number or a product as an example in a label. Comments may
 * cite sources; they are removed before the scan.
 */
const ROOTS = [path.resolve(__dirname), path.resolve(__dirname, "../../../domain/src/outage")];

const INTERNAL_CODES: [string, RegExp][] = [
  ["regelkod", /\b[NRD]\d{1,2}\b/],
  ["källfil", /\bseeds?\b|\bfrö\s*0\d\d\b/i],
  ["ärendenummer", /\b(?:issue|ärende|item|punkt)\s*#?\d+\b|#\d{1,4}\b/i],
  ["exempelprodukt i etikett", /\(t\.ex\. [A-ZÅÄÖ][\w ]*\)/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && name !== "test-fixtures.ts" ? [full] : [];
  });
}

/** The code without comments (block, JSX and line comments; a "//" inside a string or URL is kept). */
function withoutComments(code: string): string {
  return code
    .replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, "")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\w])\/\/.*$/gm, "$1");
}

function internalCodesIn(code: string): string[] {
  const found: string[] = [];
  withoutComments(code)
    .split("\n")
    .forEach((line, i) => {
      for (const [what, re] of INTERNAL_CODES) if (re.test(line)) found.push(`${what} på rad ${i + 1}: ${line.trim()}`);
    });
  return found;
}

describe("no internal codes in outage mode's Swedish texts", () => {
  it("finds the codes it looks for, and not in comments", () => {
    expect(internalCodesIn('const t = "Skicka inskrivningsmeddelande (N5)";')).toHaveLength(1);
    expect(internalCodesIn("<p>Enligt rutinen (seed 002)</p>")).toHaveLength(1);
    expect(internalCodesIn('label: "Journalsystemet (t.ex. Cosmic)",')).toHaveLength(1);
    expect(internalCodesIn("// N5: the admission notice within 24 h\nconst x = 1; /* seed 000 */")).toEqual([]);
  });

  for (const root of ROOTS) {
    it(`holds none in ${path.basename(path.dirname(path.dirname(root)))}/${path.basename(path.dirname(root))}/${path.basename(root)}`, () => {
      const files = sourceFiles(root);
      expect(files.length).toBeGreaterThan(5);
      const found = files.flatMap((f) => internalCodesIn(readFileSync(f, "utf8")).map((x) => `${path.relative(root, f)}: ${x}`));
      expect(found).toEqual([]);
    });
  }
});
