/**
 * A list table that becomes cards on a phone: at 640 px and wider an ordinary table; below, the
 * header row is hidden (still read by screen readers), each row is a card and each cell names its
 * column from its `data-label`, so nothing scrolls sideways. The worklist's own cells carry their
 * label as text; the other lists use these classes.
 */
export const CARD_TABLE = "w-full border-collapse text-left max-sm:block";
export const CARD_HEAD = "max-sm:sr-only";
export const CARD_BODY = "max-sm:block max-sm:space-y-3";
export const CARD_ROW = "border-t border-line align-top max-sm:block max-sm:rounded max-sm:border max-sm:bg-white max-sm:p-3";
/** The row's first cell (the row header): no label, it heads the card. */
export const CARD_HEADER_CELL = "px-3 py-2 max-sm:block max-sm:px-0 max-sm:py-1";
export const CARD_CELL =
  "px-3 py-2 max-sm:block max-sm:px-0 max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:text-muted max-sm:before:content-[attr(data-label)]";
