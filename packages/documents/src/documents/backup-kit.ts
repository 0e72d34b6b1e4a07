import { drawHeading, drawList, drawNote, drawParagraph, drawTitle } from "../layout/blocks";
import { formatDate, joinParts, type DateInput } from "../layout/format";
import { drawGrid, drawTable, field } from "../layout/grid";
import type { PdfLayout, PrintInfo } from "../layout/page";
import { renderPdf } from "../layout/render";
import type { Tag } from "../layout/tags";
import { ACCOMPANYING_FORM_TITLE, drawAccompanyingForm } from "./accompanying-form";
import { CONTACT_LIST_TITLE, contactListVersionLine, drawContactList, type ContactListContent } from "./contact-list";
import { drawOutageForm, OUTAGE_FORM_TITLE } from "./outage-form";

/**
 * "Reservpärm": the print-out the routines ask every unit to keep (Region Sörmland, Reservrutin Link: "utskrift av aktuell
 * version av rutinen och kontaktlistan, samt tillhörande blanketter"). One PDF: a cover page with
 * the contents, the region's routine, the current contact list, and the blank forms. Each part
 * keeps its own header and "Sida N av M"; the footer also counts the sheets of the whole kit.
 */

export const BACKUP_KIT_TITLE = "Reservpärm";

/** A paragraph of the routine: running text, or a list. */
export type RoutineBlock = string | { bullets: string[] } | { numbered: string[] };

export interface RoutineSection {
  heading: string;
  paragraphs: RoutineBlock[];
}

export interface RoutineText {
  /** e.g. "Reservrutin vid driftstörning i Vårdkedjan". */
  title: string;
  version?: string;
  /** e.g. "Beslutad 2026-06-26 av hälso- och sjukvårdsdirektören". */
  decided?: string;
  sections: RoutineSection[];
}

export interface BackupKitContent {
  unit: { name: string; organisation?: string };
  region: string;
  /** The kit's date (default: the print date). */
  date?: DateInput;
  /** The kit's version, e.g. the routine's and the list's versions together. */
  version: string;
  routine: RoutineText;
  contactList: ContactListContent;
  /** Options for the blank outage form. */
  outageForm?: { blankEntries?: number; sendTo?: string };
}

export type BackupKitInput = BackupKitContent & PrintInfo;

function drawRoutine(layout: PdfLayout, routine: RoutineText): void {
  layout.startSection({
    documentName: routine.title,
    headerLines: [joinParts([routine.version ? `Version ${routine.version}` : undefined, routine.decided])],
    footerNote: "Rutinen gäller tills en ny version ersätter den. Kontrollera att pärmen är aktuell.",
  });
  drawTitle(layout, routine.title, joinParts([routine.version ? `Version ${routine.version}` : undefined, routine.decided]) || undefined);
  for (const section of routine.sections) {
    drawHeading(layout, section.heading, 1);
    for (const block of section.paragraphs) {
      if (typeof block === "string") drawParagraph(layout, block);
      else if ("bullets" in block) drawList(layout, block.bullets);
      else drawList(layout, block.numbered, { numbered: true });
    }
  }
}

interface Part {
  title: string;
  page: number;
}

function drawCover(layout: PdfLayout, input: BackupKitContent, date: DateInput): void {
  layout.startSection({
    documentName: `${BACKUP_KIT_TITLE} – ${input.unit.name}`,
    headerLines: [input.region],
    footerNote: "Förvara pärmen på en känd plats på enheten. Byt ut delar när nya versioner publiceras.",
  });
  layout.moveDown(40);
  drawTitle(layout, BACKUP_KIT_TITLE, "Rutin, kontaktlista och blanketter för driftstörning i Vårdkedjan");
  drawGrid(layout, [
    { cells: [field("Enhet", input.unit.name, { width: 0.6 }), field("Organisation", input.unit.organisation, { width: 0.4 })] },
    {
      cells: [field("Region", input.region, { width: 0.4 }), field("Datum", formatDate(date), { width: 0.3 }), field("Version", input.version, { width: 0.3 })],
    },
  ]);
  drawNote(layout, [
    "Den här pärmen används när Vårdkedjan eller journalsystemet inte fungerar. Då sker all kommunikation mellan region, vårdcentral och kommun per telefon och på papper i förslutna kuvert.",
    "Skicka aldrig patientuppgifter via e-post. Skriv in det som hänt i Vårdkedjan när systemet fungerar igen (efterregistrering).",
    "Skriv ut en ny pärm när rutinen eller kontaktlistan får en ny version.",
  ]);
}

/**
 * The contents table on the cover, drawn at the end when the sheet numbers are known, into its
 * place in the reading order (after the cover's note, before the routine).
 */
function drawContents(layout: PdfLayout, parts: readonly Part[], coverPageIndex: number, contentsY: number, place: Tag): void {
  layout.drawOnPage(
    coverPageIndex,
    contentsY,
    () => {
      drawHeading(layout, "Innehåll");
      drawTable(
        layout,
        [
          { header: "Del", width: 0.8 },
          { header: "Blad", width: 0.2 },
        ],
        parts.map((p) => [p.title, String(p.page)]),
        { size: 10.5 },
      );
    },
    place,
  );
}

export function drawBackupKit(layout: PdfLayout, input: BackupKitContent, date: DateInput): void {
  drawCover(layout, input, date);
  // The rest of the cover page stays free for the contents.
  const coverPageIndex = layout.pageNumber - 1;
  const contentsY = layout.y;
  const contentsPlace = layout.reserve();

  const parts: Part[] = [];
  const part = (title: string, draw: () => void): void => {
    // Each part starts a section, and so a new page: the next sheet.
    const page = layout.pageNumber + 1;
    draw();
    parts.push({ title, page });
  };
  part(input.routine.title, () => drawRoutine(layout, input.routine));
  part(`${CONTACT_LIST_TITLE}, ${contactListVersionLine(input.contactList).toLowerCase()}`, () => drawContactList(layout, input.contactList));
  part(`${OUTAGE_FORM_TITLE} (blankett att fylla i)`, () => drawOutageForm(layout, { organisation: input.region, unit: input.unit.name, ...input.outageForm }));
  part(`${ACCOMPANYING_FORM_TITLE} (blankett att fylla i)`, () => drawAccompanyingForm(layout, { organisation: input.unit.organisation }));
  drawContents(layout, parts, coverPageIndex, contentsY, contentsPlace);
}

export function renderBackupKit(input: BackupKitInput): Promise<Buffer> {
  const date = input.date ?? input.printedAt ?? new Date();
  return renderPdf({ title: `${BACKUP_KIT_TITLE} – ${input.unit.name}`, print: input, binderLabel: `${BACKUP_KIT_TITLE} ${input.unit.name}` }, (layout) =>
    drawBackupKit(layout, input, date),
  );
}
