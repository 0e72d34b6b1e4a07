import { describe, expect, it } from "vitest";
import { extractPdf, flat, looksLikePdf } from "../testing/pdf-text";
import { outageEntries, PRINT, TOLVAN } from "../testing/fixtures";
import { OUTAGE_FORM_TITLE, OUTAGE_STEP_LABELS, renderOutageForm } from "./outage-form";

const STEP_NAMES = Object.values(OUTAGE_STEP_LABELS);

describe("renderOutageForm, blank", () => {
  it("has the instructions, the fields and several contact rows per page", async () => {
    const pdf = await renderOutageForm({ ...PRINT, organisation: "Region Sörmland" });
    expect(looksLikePdf(pdf)).toBe(true);
    const { text, pages } = await extractPdf(pdf);
    const all = flat(text);
    expect(all).toContain(OUTAGE_FORM_TITLE);
    expect(all).toContain("stöd för korrekt efterregistrering i Vårdkedjan");
    expect(all).toContain("Blanketten kan skannas in i patientens journal");
    expect(all).toContain("Skriv ”Vårdkedjan” på kuvertet.");
    expect(all).toContain("internposten till systemförvaltningen för Vårdkedjan");
    expect(all).toContain("Utskrivning från sjukhus får inte ske förrän");
    for (const label of [
      "Datum",
      "Tid",
      "Kontaktperson (namn)",
      "Enhet / verksamhet",
      "Patient (namn)",
      "Personnummer",
      "Moment som meddelades",
      "lämnats",
      "tagits emot",
      "Kommentar",
      "Signatur",
    ]) {
      expect(all).toContain(label);
    }
    for (const step of STEP_NAMES) expect(all).toContain(step);
    expect(all).not.toMatch(/X (Inskrivning|lämnats|tagits emot)/);
    // Four blank contacts on two pages; the second page holds three.
    expect(pages).toHaveLength(2);
    expect(flat(pages[1]!).match(/Moment som meddelades/g)).toHaveLength(3);
    pages.forEach((page, i) => expect(flat(page)).toContain(`Sida ${i + 1} av 2`));
  });
});

describe("renderOutageForm, pre-filled for a case", () => {
  it("prints the patient, the logged contacts with their ticked steps, then blank rows", async () => {
    const pdf = await renderOutageForm({
      ...PRINT,
      organisation: "Region Sörmland",
      unit: "Avdelning 12 medicin, Mälarsjukhuset",
      patient: TOLVAN,
      entries: outageEntries,
      sendTo: "Förvaltning Vårdkedjan, IT-enheten, Mälarsjukhuset",
    });
    const { text, pages } = await extractPdf(pdf);
    const all = flat(text);
    expect(all).toContain("Tolvan Tolvansson");
    expect(all).toContain("19121212-1212");
    expect(all).toContain("Avdelning 12 medicin, Mälarsjukhuset");
    expect(all).toContain("Förvaltning Vårdkedjan, IT-enheten, Mälarsjukhuset");
    expect(all).toContain("2026-07-01");
    expect(all).toContain("09:40");
    expect(all).toContain("12:15");
    expect(all).toContain("Berit Holm");
    expect(all).toContain("Biståndsenheten, Eskilstuna kommun");
    expect(all).toContain("Samtycke till informationsöverföring och NPÖ överlämnat.");
    expect(all).toContain("X lämnats");
    expect(all).toContain("X tagits emot");
    expect(all).toContain("X Inskrivning");
    expect(all).toContain("X Beräknat utskrivningsdatum");
    expect(all).toContain("X Samtycke överlämnat");
    expect(all).toContain("X SIP-datum");
    expect(all).not.toContain("X Planeringsunderlag");
    expect(all).not.toContain("X Utskrivningsmeddelande");
    // Two logged + two blank contacts; the patient is printed once, not per contact.
    expect(all.match(/Moment som meddelades/g)).toHaveLength(4);
    expect(all).not.toContain("Patient (namn) Personnummer Moment");
    pages.forEach((page) => expect(flat(page)).toContain("Patient: Tolvan Tolvansson, 19121212-1212"));
  });
});
