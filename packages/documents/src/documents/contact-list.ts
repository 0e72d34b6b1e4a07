import { drawHeading, drawNote, drawParagraph, drawTitle } from "../layout/blocks";
import { formatDate, joinParts, type DateInput } from "../layout/format";
import { drawTable } from "../layout/grid";
import type { PdfLayout, PrintInfo } from "../layout/page";
import { renderPdf } from "../layout/render";

/**
 * "Kontaktlista driftstörning": the phone list every unit keeps printed (Region Sörmland, Reservrutin Link), grouped by
 * organisation and unit, with the version and its validity date on every page so an old printout
 * is easy to spot.
 */

export const CONTACT_LIST_TITLE = "Kontaktlista driftstörning";

export interface ContactEntry {
  /** e.g. "Utskrivningsledare", "Biståndshandläggare (via växeln)", "Waranteamet". */
  function: string;
  phones: string[];
  /** e.g. "07.30–16.15", "dygnet runt". */
  hours?: string;
  /** Function mailbox; never for patient data. */
  mailbox?: string;
  postalAddress?: string;
  note?: string;
}

export interface ContactUnit {
  name: string;
  entries: ContactEntry[];
}

export interface ContactOrganisation {
  /** e.g. "Region Sörmland", "Eskilstuna kommun". */
  name: string;
  units: ContactUnit[];
}

export interface ContactListContent {
  /** e.g. "Region Sörmland": printed in the title. */
  region?: string;
  version: string | number;
  validFrom: DateInput;
  organisations: ContactOrganisation[];
}

export type ContactListInput = ContactListContent & PrintInfo;

export function contactListVersionLine(list: Pick<ContactListContent, "version" | "validFrom">): string {
  return `Version ${list.version} · gäller från ${formatDate(list.validFrom)}`;
}

export function drawContactList(layout: PdfLayout, input: ContactListContent): void {
  const versionLine = contactListVersionLine(input);
  const title = joinParts([CONTACT_LIST_TITLE, input.region], " – ");
  layout.startSection({
    documentName: title,
    headerLines: [versionLine],
    footerNote: `${CONTACT_LIST_TITLE}, ${versionLine.charAt(0).toLowerCase()}${versionLine.slice(1)}. Kontrollera att du har den senaste versionen.`,
  });
  drawTitle(layout, title, versionLine);
  drawNote(layout, [
    "Vid driftstörning sker all kommunikation mellan region, vårdcentral och kommun per telefon. Använd numren i den här listan.",
    "Skicka aldrig patientuppgifter eller namn via e-post. Funktionsbrevlådorna är bara till för att be om att bli uppringd.",
  ]);

  if (input.organisations.length === 0) {
    drawParagraph(layout, "Kontaktlistan är tom.");
    return;
  }
  for (const org of input.organisations) {
    drawHeading(layout, org.name, 1);
    for (const unit of org.units) {
      drawHeading(layout, unit.name, 2);
      drawTable(
        layout,
        [
          { header: "Funktion", width: 0.24 },
          { header: "Telefon", width: 0.17 },
          { header: "Öppettider", width: 0.15 },
          { header: "Funktionsbrevlåda", width: 0.24 },
          { header: "Postadress", width: 0.2 },
        ],
        unit.entries.map((e) => [e.note ? `${e.function}\n${e.note}` : e.function, e.phones.join("\n"), e.hours ?? "", e.mailbox ?? "", e.postalAddress ?? ""]),
        { size: 8.5 },
      );
    }
  }
}

export function renderContactList(input: ContactListInput): Promise<Buffer> {
  return renderPdf({ title: CONTACT_LIST_TITLE, print: input }, (layout) => drawContactList(layout, input));
}
