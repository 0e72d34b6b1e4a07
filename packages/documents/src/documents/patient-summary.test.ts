import { afterEach, describe, expect, it, vi } from "vitest";
import { extractPdf, flat, looksLikePdf } from "../testing/pdf-text";
import { patientSummary, PRINT } from "../testing/fixtures";
import { PATIENT_SUMMARY_TITLE, renderPatientSummary } from "./patient-summary";

describe("renderPatientSummary", () => {
  afterEach(() => vi.restoreAllMocks());

  it("renders a valid PDF with the headings and values of rule N18", async () => {
    const pdf = await renderPatientSummary({ ...PRINT, ...patientSummary });
    expect(looksLikePdf(pdf)).toBe(true);
    const { text } = await extractPdf(pdf);
    const all = flat(text);
    for (const heading of [
      PATIENT_SUMMARY_TITLE,
      "Din vård och behandling",
      "Din fasta vårdkontakt",
      "Planerat SIP-möte",
      "Planer för din vård och omsorg",
      "Dina läkemedel",
      "Om du har frågor",
    ]) {
      expect(all).toContain(heading);
    }
    expect(all).toContain("Åsa Öberg-Ärlig");
    expect(all).toContain("19440813-9089");
    expect(all).toContain("Avdelning 12 medicin");
    expect(all).toContain("Mälarsjukhuset");
    expect(all).toContain("2026-06-24");
    expect(all).toContain("2026-07-01");
    expect(all).toContain("Du kom till sjukhuset på grund av andningsbesvär och feber.");
    expect(all).toContain("Fredrik Vall");
    expect(all).toContain("Vårdcentralen Ekbacken");
    expect(all).toContain("tisdag 7 juli 2026 kl. 10.00");
    expect(all).toContain("Hemma hos dig, Storgatan 1, Eskilstuna");
    expect(all).toContain("Hemtjänst hjälper dig med dusch två gånger i veckan och med inköp.");
    expect(all).toContain("Łukasz Čolić");
    expect(all).toContain("Insulin Novorapid 6 E till frukost");
    expect(all).toContain("vardagar 08.00–16.00");
  });

  it("prints what happens now, the help in everyday life and the medicines as rows, in plain Swedish", async () => {
    const all = flat(
      (
        await extractPdf(
          await renderPatientSummary({
            ...PRINT,
            ...patientSummary,
            nextSteps: ["Hemtjänsten kommer till dig morgon och kväll.", "Planen följs upp tisdag 4 augusti."],
            dailyLiving: ["Du behöver lite stöd med personlig hygien."],
            medicationHelp: "Hemtjänsten hjälper dig att ta dina läkemedel.",
            medications: [{ name: "Metformin 500 mg", dose: "1 tablett morgon och kväll", purpose: "Diabetes" }],
            medication: "",
          }),
        )
      ).text,
    );
    for (const expected of [
      "Vad händer nu",
      "Hemtjänsten kommer till dig morgon och kväll.",
      "Hjälp i vardagen",
      "Du behöver lite stöd med personlig hygien.",
      "Hemtjänsten hjälper dig att ta dina läkemedel.",
      "Hur du tar det",
      "Metformin 500 mg",
      "1 tablett morgon och kväll",
    ]) {
      expect(all).toContain(expected);
    }
    expect(all).not.toMatch(/\bADL\b/);
  });

  it("prints who printed it and when on every page, with page numbers", async () => {
    const { pages } = await extractPdf(await renderPatientSummary({ ...PRINT, ...patientSummary }));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    pages.forEach((page, i) => {
      const p = flat(page);
      expect(p).toContain("Utskriven 2026-07-01 14:05");
      expect(p).toContain("av Sanna Sjöberg");
      expect(p).toContain(`Sida ${i + 1} av ${pages.length}`);
      expect(p).toContain("Patient: Åsa Öberg-Ärlig, 19440813-9089");
    });
  });

  it("says when no fast vårdkontakt is appointed and leaves out an unplanned SIP", async () => {
    const { fixedCareContact: _f, sip: _s, ...rest } = patientSummary;
    const all = flat((await extractPdf(await renderPatientSummary({ ...PRINT, ...rest, carePlans: [] }))).text);
    expect(all).toContain("Ingen fast vårdkontakt var utsedd när sammanfattningen skrevs ut.");
    expect(all).not.toContain("Planerat SIP-möte");
    expect(all).toContain("Inga planer var registrerade");
  });

  it("keeps patient data out of the PDF metadata and out of the console", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    const { title, metadata } = await extractPdf(await renderPatientSummary({ ...PRINT, ...patientSummary }));
    expect(title).toBe(PATIENT_SUMMARY_TITLE);
    expect(metadata).not.toContain("Öberg");
    expect(metadata).not.toContain("19440813");
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it("continues a long care summary on the next pages", async () => {
    const careSummary = Array.from({ length: 120 }, (_, i) => `Dag ${i + 1}: provtagning och samtal med läkaren om behandlingen.`).join("\n");
    const { pages } = await extractPdf(await renderPatientSummary({ ...PRINT, ...patientSummary, careSummary }));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(flat(pages.join(" "))).toContain("Dag 120: provtagning");
    pages.forEach((page, i) => expect(flat(page)).toContain(`Sida ${i + 1} av ${pages.length}`));
  });
});
