import { describe, expect, it } from "vitest";
import { CHECKBOX_TEXT, BLANK_FIELD_TEXT } from "../layout/tags";
import {
  accompanyingData,
  backupKit,
  contactList,
  dischargePlan,
  longContactList,
  outageEntries,
  patientSummary,
  PRINT,
  sipDocument,
  TOLVAN,
} from "../testing/fixtures";
import { findAll, readTaggedPdf, textsOf, type StructNode, type TaggedPdf } from "../testing/pdf-structure";
import { ACCOMPANYING_FORM_TITLE, renderAccompanyingForm } from "./accompanying-form";
import { BACKUP_KIT_TITLE, renderBackupKit } from "./backup-kit";
import { CONTACT_LIST_TITLE, renderContactList } from "./contact-list";
import { DISCHARGE_PLAN_TITLE, renderDischargePlan } from "./discharge-plan";
import { OUTAGE_FORM_TITLE, OUTAGE_STEP_LABELS, renderOutageForm } from "./outage-form";
import { PATIENT_SUMMARY_TITLE, renderPatientSummary } from "./patient-summary";
import { renderSipDocument, SIP_TITLE } from "./sip";

/**
 * Every document is a tagged PDF (in the spirit of PDF/UA): the catalog says so, the structure
 * tree holds headings, paragraphs, lists and tables in reading order, and everything on the pages
 * is either tagged content or an artifact (headers, footers, rules, borders).
 */

interface Case {
  name: string;
  render: () => Promise<Buffer>;
  /** The H1 of each part, in order. */
  titles: string[];
  /** Structure types that must be present besides Document, Sect, H1 and P. */
  types: string[];
}

const CASES: Case[] = [
  {
    name: "patient summary",
    render: () => renderPatientSummary({ ...PRINT, ...patientSummary }),
    titles: [PATIENT_SUMMARY_TITLE],
    types: ["H2", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Div"],
  },
  {
    name: "discharge plan",
    render: () => renderDischargePlan({ ...PRINT, ...dischargePlan }),
    titles: [DISCHARGE_PLAN_TITLE],
    types: ["H2", "Table", "TR", "TH", "TD", "L", "LI", "Lbl", "LBody"],
  },
  {
    name: "SIP",
    render: () => renderSipDocument({ ...PRINT, ...sipDocument }),
    titles: [SIP_TITLE],
    types: ["H2", "Table", "TR", "TH", "TD", "L", "LI", "Lbl", "LBody"],
  },
  {
    name: "outage form, blank",
    render: () => renderOutageForm({ ...PRINT, organisation: "Region Sörmland" }),
    titles: [OUTAGE_FORM_TITLE],
    types: ["L", "LI", "Lbl", "LBody", "Div"],
  },
  {
    name: "outage form, pre-filled",
    render: () => renderOutageForm({ ...PRINT, organisation: "Region Sörmland", unit: "Avdelning 12 medicin", patient: TOLVAN, entries: outageEntries }),
    titles: [OUTAGE_FORM_TITLE],
    types: ["L", "LI", "Lbl", "LBody", "Div"],
  },
  {
    name: "accompanying form, blank",
    render: () => renderAccompanyingForm({ ...PRINT }),
    titles: [ACCOMPANYING_FORM_TITLE],
    types: ["H2", "L", "LI", "Lbl", "LBody", "Div"],
  },
  {
    name: "accompanying form, pre-filled",
    render: () => renderAccompanyingForm({ ...PRINT, organisation: "Nyköpings kommun", unit: "Ängsbacka särskilt boende", data: accompanyingData }),
    titles: [ACCOMPANYING_FORM_TITLE],
    types: ["H2", "L", "LI", "Lbl", "LBody", "Div"],
  },
  {
    name: "contact list",
    render: () => renderContactList({ ...PRINT, ...contactList }),
    titles: [`${CONTACT_LIST_TITLE} – Region Sörmland`],
    types: ["H2", "H3", "Table", "TR", "TH", "TD"],
  },
  {
    name: "backup kit",
    render: () => renderBackupKit({ ...PRINT, ...backupKit }),
    titles: [BACKUP_KIT_TITLE, backupKit.routine.title, `${CONTACT_LIST_TITLE} – Region Sörmland`, OUTAGE_FORM_TITLE, ACCOMPANYING_FORM_TITLE],
    types: ["H2", "H3", "Table", "TR", "TH", "TD", "L", "LI", "Lbl", "LBody", "Div"],
  },
];

const cache = new Map<string, Promise<TaggedPdf>>();
const tagged = (c: Case): Promise<TaggedPdf> => {
  let result = cache.get(c.name);
  if (!result) {
    result = c.render().then(readTaggedPdf);
    cache.set(c.name, result);
  }
  return result;
};

/** The texts a screen reader gets, all elements. */
const allTexts = (tree: readonly StructNode[]): string[] => findAll(tree).map((n) => n.text);

describe.each(CASES)("tagged PDF: $name", (c) => {
  it("declares itself tagged, in Swedish, with its title shown", async () => {
    const pdf = await tagged(c);
    expect(pdf.version).toBe("1.7");
    expect(pdf.marked).toBe(true);
    expect(pdf.hasStructTreeRoot).toBe(true);
    expect(pdf.lang).toBe("sv-SE");
    expect(pdf.displayDocTitle).toBe(true);
  });

  it("has nothing on its pages outside the structure except artifacts", async () => {
    const pdf = await tagged(c);
    expect(pdf.problems).toEqual([]);
    for (const page of pdf.pages) {
      expect(page.tagged).toBeGreaterThan(0);
      // At least the header and the footer.
      expect(page.artifacts).toBeGreaterThanOrEqual(2);
    }
  });

  it("holds a Document with one Sect per part, each starting with its H1", async () => {
    const { tree } = await tagged(c);
    expect(tree.map((n) => n.type)).toEqual(["Document"]);
    const sections = tree[0]?.children ?? [];
    expect(sections.map((n) => n.type)).toEqual(c.titles.map(() => "Sect"));
    expect(sections.map((s) => s.children[0]?.type)).toEqual(c.titles.map(() => "H1"));
    expect(textsOf(tree, "H1")).toEqual(c.titles);
    const types = new Set(findAll(tree).map((n) => n.type));
    for (const type of ["P", ...c.types]) expect(types, type).toContain(type);
  });

  it("keeps page headers and footers out of the structure", async () => {
    const texts = allTexts((await tagged(c)).tree);
    // "Utskriven 2026-07-01 14:05" and "av Sanna Sjöberg" in the header, "Sida 1 av 2" in the footer.
    expect(texts.filter((t) => /Utskriven \d{4}-\d\d-\d\d \d\d:\d\d|av Sanna Sjöberg|Sida \d+ av \d+|blad \d+ av \d+/.test(t))).toEqual([]);
  });

  it("builds tables from TR rows of TH (scope Column) or TD cells", async () => {
    for (const table of findAll((await tagged(c)).tree, "Table")) {
      expect(table.children.every((r) => r.type === "TR")).toBe(true);
      const [header, ...rows] = table.children;
      expect(header?.children.every((cell) => cell.type === "TH" && cell.attributes.Scope === "Column")).toBe(true);
      for (const row of rows) {
        expect(row.children.map((cell) => cell.type)).toEqual(header?.children.map(() => "TD"));
      }
    }
  });

  it("builds lists from LI items with Lbl and LBody", async () => {
    for (const list of findAll((await tagged(c)).tree, "L")) {
      expect(list.children.length).toBeGreaterThan(0);
      for (const item of list.children) {
        expect(item.type).toBe("LI");
        expect(item.children.map((n) => n.type)).toEqual(["Lbl", "LBody"]);
      }
    }
  });
});

describe("tagged PDF: reading order and content", () => {
  const get = (name: string): Promise<TaggedPdf> => tagged(CASES.find((c) => c.name === name)!);

  it("patient summary: headings in order, fields as one paragraph, font runs in one element", async () => {
    const { tree } = await get("patient summary");
    expect(textsOf(tree, "H2")).toEqual([
      "Vad händer nu",
      "Din vård och behandling",
      "Din fasta vårdkontakt",
      "Planerat SIP-möte",
      "Planer för din vård och omsorg",
      "Dina läkemedel",
      "Om du har frågor",
    ]);
    const paragraphs = textsOf(tree, "P");
    expect(paragraphs).toContain("Namn Åsa Öberg-Ärlig");
    expect(paragraphs).toContain("Personnummer 19440813-9089");
    // The care summary's two paragraphs (an empty line between them) are two P.
    expect(paragraphs.filter((p) => p.startsWith("Du kom till sjukhuset") || p.startsWith("Du mår nu bättre"))).toHaveLength(2);
    // "Ł" and "Č" come from the latin-ext face, the rest from latin: still one list item body.
    expect(textsOf(tree, "LBody")).toContain("Trygghetslarm är beställt. Łukasz Čolić från kommunen ringer dig.");
    expect(textsOf(tree, "Lbl")).toEqual(["•", "•", "•"]);
    expect(textsOf(tree, "TH")).toEqual(["Vem", "Telefon", "När"]);
    expect(findAll(tree, "TR").map((r) => r.text)).toEqual([
      "Vem Telefon När",
      "Avdelning 12, Mälarsjukhuset 016-10 57 11 dygnet runt",
      "Vårdcentralen Ekbacken 016-10 22 33 vardagar 08.00–16.00",
    ]);
    expect(findAll(tree, "L")[0]?.attributes.ListNumbering).toBe("Disc");
  });

  it("blank form: empty fields read as 'Ej ifyllt' and empty boxes as unticked", async () => {
    const { tree } = await get("outage form, blank");
    const paragraphs = textsOf(tree, "P");
    expect(paragraphs).toContain(`Datum ${BLANK_FIELD_TEXT}`);
    expect(paragraphs).toContain(`Kommentar ${BLANK_FIELD_TEXT}`);
    expect(paragraphs).toContain("Kontakt 1");
    const boxes = findAll(tree, "Lbl").filter((n) => n.actualText !== undefined);
    expect(boxes.length).toBe(4 * (2 + 8));
    expect(boxes.every((n) => n.text === CHECKBOX_TEXT.unchecked)).toBe(true);
    // The send-to list is numbered; the address line after it is a blank field.
    const numbered = findAll(tree, "L").find((l) => l.attributes.ListNumbering === "Decimal");
    expect(numbered?.children.map((li) => li.children[0]?.text)).toEqual(["1.", "2.", "3."]);
    expect(paragraphs).toContain(BLANK_FIELD_TEXT);
  });

  it("pre-filled form: ticked boxes read as ticked, values after their labels", async () => {
    const { tree } = await get("outage form, pre-filled");
    const items = findAll(tree, "LI").map((li) => li.text);
    expect(items).toContain(`${CHECKBOX_TEXT.checked} ${OUTAGE_STEP_LABELS.admission}`);
    expect(items).toContain(`${CHECKBOX_TEXT.checked} ${OUTAGE_STEP_LABELS.sipDate}`);
    expect(items).toContain(`${CHECKBOX_TEXT.checked} lämnats`);
    expect(items).toContain(`${CHECKBOX_TEXT.unchecked} ${OUTAGE_STEP_LABELS.planningBasis}`);
    const paragraphs = textsOf(tree, "P");
    expect(paragraphs).toContain("Kontaktperson (namn) Berit Holm");
    expect(paragraphs).toContain("Signatur Sanna Sjöberg");
    expect(paragraphs).toContain("Patient (namn) Tolvan Tolvansson");
    // Each contact is a group of its own.
    const contacts = findAll(tree, "Div").filter((d) => d.children[0]?.text.startsWith("Kontakt "));
    expect(contacts.map((d) => d.children[0]?.text)).toEqual(["Kontakt 1", "Kontakt 2", "Kontakt 3", "Kontakt 4"]);
  });

  it("signature lines read label first, then the value or 'Ej ifyllt'", async () => {
    const discharge = textsOf((await get("discharge plan")).tree, "P");
    expect(discharge).toContain("Datum 2026-07-01");
    expect(discharge).toContain("Utskrivningsplanen upprättad av (namn, titel) Sanna Sjöberg, sjuksköterska");
    expect(discharge).toContain(`Signatur ${BLANK_FIELD_TEXT}`);
    const sip = textsOf((await get("SIP")).tree, "P");
    expect(sip.slice(-3)).toEqual([`Datum ${BLANK_FIELD_TEXT}`, `Planen upprättad av (namn, verksamhet) ${BLANK_FIELD_TEXT}`, `Signatur ${BLANK_FIELD_TEXT}`]);
  });

  it("backup kit: the contents, drawn last, are read on the cover before the routine", async () => {
    const { tree } = await get("backup kit");
    const cover = tree[0]?.children[0];
    const order = findAll(tree).filter((n) => n.type === "H1" || n.type === "H2" || n.type === "Table");
    const contents = order.findIndex((n) => n.text === "Innehåll");
    expect(contents).toBeGreaterThan(0);
    expect(order[contents - 1]?.text).toBe(BACKUP_KIT_TITLE);
    expect(order[contents + 1]?.type).toBe("Table");
    expect(order[contents + 2]?.text).toBe(backupKit.routine.title);
    expect(findAll(cover ? [cover] : [], "H2").map((n) => n.text)).toEqual(["Innehåll"]);
    const rows = findAll(cover ? [cover] : [], "TR").map((r) => r.children.map((cell) => cell.text));
    expect(rows[0]).toEqual(["Del", "Blad"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      backupKit.routine.title,
      `${CONTACT_LIST_TITLE}, version 7 · gäller från 2026-07-01`,
      `${OUTAGE_FORM_TITLE} (blankett att fylla i)`,
      `${ACCOMPANYING_FORM_TITLE} (blankett att fylla i)`,
    ]);
  });

  it("a table's header row repeated on the next pages is read once", async () => {
    const pdf = readTaggedPdf(await renderContactList({ ...PRINT, ...longContactList(12) }));
    expect(pdf.problems).toEqual([]);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    const tables = findAll(pdf.tree, "Table");
    expect(findAll(pdf.tree, "TH")).toHaveLength(tables.length * 5);
    expect(textsOf(pdf.tree, "TH").filter((t) => t === "Funktion")).toHaveLength(tables.length);
    // The headings keep their levels: organisation H2, unit H3.
    expect(textsOf(pdf.tree, "H2")).toContain("Flen kommun");
    expect(textsOf(pdf.tree, "H3")).toContain("Biståndsenheten");
  });
});
