/** Small pieces of Swedish prose the rules write (summaries, guidance, routine texts). */

/** A Swedish list: "a", "a och b", "a, b och c". */
export function swedishList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

/**
 * "Läsning i NPÖ" → "läsning i NPÖ": only the first letter, so abbreviations keep their case; a
 * text that begins with one ("SIP-plan") is left as it is.
 */
export function lowerFirst(text: string): string {
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
