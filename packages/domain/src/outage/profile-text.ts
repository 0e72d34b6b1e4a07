import type { RoutineParagraph } from "./profile-schema";

/**
 * A routine section's paragraphs as the plain text an administrator edits ("Reservrutin
 * för driftstörning"), and back. The format:
 * - paragraphs are separated by a blank line;
 * - lines starting with "- " are a bullet list ("* " and "• " are read as bullets too);
 * - lines starting with "1. " (any number, or "1) ") are a numbered list, numbered from 1 again;
 * - other lines that follow each other are one paragraph (joined with a space);
 * - an indented line after a list item continues that item.
 * Within one block, a change between text, bullets and numbers starts a new paragraph, so that
 * "Slutenvårdens ansvar:" followed by "- …" lines needs no blank line between them.
 */

const BULLET = /^[-*•](?:\s+|$)/;
const NUMBER = /^\d{1,3}[.)]\s+/;

type Kind = "text" | "bullets" | "numbered";

/** The paragraphs as editable text (the inverse of textToParagraphs). */
export function paragraphsToText(paragraphs: readonly RoutineParagraph[]): string {
  return paragraphs
    .map((p) => {
      if (typeof p === "string") return p;
      if ("bullets" in p) return p.bullets.map((b) => `- ${b}`).join("\n");
      return p.numbered.map((s, i) => `${i + 1}. ${s}`).join("\n");
    })
    .join("\n\n");
}

/** The edited text as paragraphs. Empty text gives no paragraphs; empty list items are dropped. */
export function textToParagraphs(text: string): RoutineParagraph[] {
  const out: RoutineParagraph[] = [];
  let kind: Kind | null = null;
  let items: string[] = [];
  const flush = () => {
    const kept = items.map((s) => s.trim()).filter(Boolean);
    if (kind === "text" && kept.length) out.push(kept.join(" "));
    else if (kind === "bullets" && kept.length) out.push({ bullets: kept });
    else if (kind === "numbered" && kept.length) out.push({ numbered: kept });
    kind = null;
    items = [];
  };
  for (const block of text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/)) {
    for (const raw of block.split("\n")) {
      const line = raw.trim();
      if (!line) continue;
      const bullet = BULLET.exec(line);
      const number = bullet ? null : NUMBER.exec(line);
      const lineKind: Kind = bullet ? "bullets" : number ? "numbered" : "text";
      const content = bullet ? line.slice(bullet[0].length) : number ? line.slice(number[0].length) : line;
      if (lineKind === "text" && kind !== null && kind !== "text" && /^\s/.test(raw) && items.length) {
        items[items.length - 1] = `${items[items.length - 1]} ${content}`;
      } else if (lineKind === kind) {
        if (kind === "text") items[0] = `${items[0]} ${content}`;
        else items.push(content);
      } else {
        flush();
        kind = lineKind;
        items = [content];
      }
    }
    flush();
  }
  return out;
}
