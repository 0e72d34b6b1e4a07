import { describe, expect, it } from "vitest";
import { extractPdf, flat, looksLikePdf } from "../testing/pdf-text";
import { PRINT } from "../testing/fixtures";
import { ACCESS_EXTRACT_TITLE, renderAccessExtract } from "./access-extract";

describe("renderAccessExtract", () => {
  it("lists every access with time, unit, activity, staff and case", async () => {
    const pdf = await renderAccessExtract({
      ...PRINT,
      patient: { name: "Tolvan Tolvansson", personnummer: "191212121212" },
      organisation: "Region Sörmland",
      rows: [
        { at: "2026-07-02T08:30:00Z", unit: "Avd 12 Medicin", activity: "Utskrift", staff: "Sanna Sjöberg (Sjuksköterska)", caseReference: "SRM-2026-00042" },
        { at: "2026-07-01T12:00:00Z", unit: "Avd 12 Medicin", activity: "Läsa", staff: "Johan Ekström (Läkare)" },
      ],
    });
    expect(looksLikePdf(pdf)).toBe(true);
    const all = flat((await extractPdf(pdf)).text);
    expect(all).toContain(ACCESS_EXTRACT_TITLE);
    expect(all).toContain("Tolvan Tolvansson, 19121212-1212");
    expect(all).toContain("2 åtkomster från 2026-07-01 till 2026-07-02.");
    for (const value of ["2026-07-02 10:30", "Utskrift", "Sanna Sjöberg (Sjuksköterska)", "SRM-2026-00042", "Johan Ekström (Läkare)"])
      expect(all).toContain(value);
  });

  it("says so when there is nothing to list", async () => {
    const pdf = await renderAccessExtract({
      ...PRINT,
      patient: { name: "Tolvan Tolvansson", personnummer: "191212121212" },
      organisation: "Eskilstuna kommun",
      rows: [],
    });
    expect(flat((await extractPdf(pdf)).text)).toContain("Inga åtkomster finns registrerade.");
  });
});
