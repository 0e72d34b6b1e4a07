/** Swedish words for the explanations of the payment engine (no internal codes on screen). */

const NUMBER_WORDS = ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];

/** "en dag", "tre dagar", "14 dagar". */
export function daysText(n: number): string {
  const word = NUMBER_WORDS[n] ?? String(n);
  return `${word} ${n === 1 ? "dag" : "dagar"}`;
}

const MONTHS_SHORT = ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."];
const MONTHS_LONG = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** "2026-12-09" → "9 dec.", the way the case page and the worklist write a day. */
export function shortDateText(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  return `${day} ${MONTHS_SHORT[month - 1] ?? ""}`;
}

/** "2026-12" → "december 2026". */
export function monthText(month: string): string {
  return `${MONTHS_LONG[Number(month.slice(5, 7)) - 1] ?? ""} ${month.slice(0, 4)}`;
}

/** "Betalningsansvar från 9 dec. 00:00": payment responsibility always starts at a day's midnight. */
export function liabilityFromText(isoDate: string): string {
  return `Betalningsansvar från ${shortDateText(isoDate)} 00:00`;
}

/** "12.00", the Swedish way of writing a time in running text. */
export function hourText(hour: number): string {
  return `${String(hour).padStart(2, "0")}.00`;
}
