import { describe, expect, it } from "vitest";
import { extractPdf, flat, looksLikePdf } from "../testing/pdf-text";
import { PRINT } from "../testing/fixtures";
import { INVOICE_BASIS_TITLE, renderInvoiceBasis, type InvoiceBasisInput } from "./invoice-basis";

const basis: InvoiceBasisInput = {
  ...PRINT,
  municipality: "Exempelkommun",
  region: "Exempelregionen",
  month: "september 2026",
  status: "Ej fastställd",
  showsPatients: false,
  rows: [{ reference: "VK-2026-0042", patient: null, kind: "Ordinarie", serviceMonth: "september 2026", days: 7, amount: "7 000 kr", dispute: "" }],
  averageRows: [
    {
      title: "Månadsgenomsnitt september 2026",
      kind: "Ordinarie",
      serviceMonth: "september 2026",
      stays: 4,
      averageDays: "3,5",
      days: "2",
      amount: "2 000 kr",
    },
  ],
  totalDays: 9,
  totalAmount: "9 000 kr",
};

describe("renderInvoiceBasis", () => {
  it("prints a monthly-average month row before the individually counted stays, and one total for both", async () => {
    const pdf = await renderInvoiceBasis(basis);
    expect(looksLikePdf(pdf)).toBe(true);
    const all = flat((await extractPdf(pdf)).text);
    expect(all).toContain(INVOICE_BASIS_TITLE);
    expect(all).toContain("Månadsgenomsnitt september 2026");
    expect(all).toContain("Vårdtillfällen som räknas individuellt");
    expect(all.indexOf("Månadsgenomsnitt september 2026")).toBeLessThan(all.indexOf("VK-2026-0042"));
    expect(all).toContain("3,5");
    expect(all).toContain("9 000 kr");
    expect(all).toContain("Kommunen betalar för dagarna över överenskommelsens genomsnitt");
  });

  it("with only the month row, says that no stay is counted individually and still gives the total", async () => {
    const all = flat((await extractPdf(await renderInvoiceBasis({ ...basis, rows: [], totalDays: "0,5", totalAmount: "500 kr" }))).text);
    expect(all).toContain("Inga vårdtillfällen räknas individuellt den här månaden.");
    expect(all).toContain("Summa: 0,5 betalningsdagar, 500 kr.");
  });

  it("without a monthly-average agreement, prints as before: no month section", async () => {
    const all = flat((await extractPdf(await renderInvoiceBasis({ ...basis, averageRows: [] }))).text);
    expect(all).not.toContain("Månadsgenomsnitt");
    expect(all).toContain("Summa");
  });
});
