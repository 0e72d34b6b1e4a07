import { describe, expect, it } from "vitest";
import { extractPdf, flat, looksLikePdf } from "../testing/pdf-text";
import { PRINT, TOLVAN } from "../testing/fixtures";
import { CASE_RECORD_TITLE, REDACTED_MESSAGE_NOTE, renderCaseRecord, type CaseRecordInput } from "./case-record";

const record: CaseRecordInput = {
  ...PRINT,
  reference: "VK-2026-0042",
  patient: TOLVAN,
  facts: [
    { label: "Skede", value: "Utskrivningsklar" },
    { label: "Avdelning", value: "Avdelning 12 medicin, Mälarsjukhuset" },
  ],
  parties: [{ unit: "Biståndsenheten Eskilstuna", organisation: "Eskilstuna kommun", role: "Kommun", notes: ["Kommunklar 2026-06-30 10:00"] }],
  messages: [
    {
      kind: "Inskrivningsmeddelande",
      occurredAt: new Date("2026-06-24T09:00:00Z"),
      sender: "Sanna Sjöberg, Avdelning 12 medicin",
      fields: [{ label: "Beräknat utskrivningsdatum", value: "2026-06-30" }],
      redacted: false,
      recipients: [{ unit: "Biståndsenheten Eskilstuna", acknowledgement: "Kvitterat 2026-06-24 11:15 av Berit Holm" }],
    },
    {
      kind: "Utskrivningsmeddelande",
      occurredAt: new Date("2026-07-01T08:00:00Z"),
      sender: "Sanna Sjöberg, Avdelning 12 medicin",
      afterRegistration: "Efterregistrerat 2026-07-02 09:00 efter driftstörning",
      fields: [{ label: "Utskriven", value: "2026-07-01 10:00" }],
      redacted: true,
      recipients: [{ unit: "Biståndsenheten Eskilstuna", acknowledgement: "Inte kvitterat" }],
    },
  ],
  visibilityNote: "Samtycke till informationsöverföring till kommunen saknas.",
  printedFor: "Biståndsenheten Eskilstuna",
};

describe("renderCaseRecord", () => {
  it("prints the header, the parties, every message with its fields and acknowledgements, and who printed it when", async () => {
    const pdf = await renderCaseRecord(record);
    expect(looksLikePdf(pdf)).toBe(true);
    const all = flat((await extractPdf(pdf)).text);
    for (const text of [
      CASE_RECORD_TITLE,
      "VK-2026-0042",
      "Tolvan Tolvansson",
      "19121212-1212",
      "Utskrivningsklar",
      "Parter",
      "Eskilstuna kommun",
      "Kommunklar 2026-06-30 10:00",
      "1. Inskrivningsmeddelande",
      "Beräknat utskrivningsdatum",
      "Kvitterat 2026-06-24 11:15 av Berit Holm",
      "2. Utskrivningsmeddelande",
      "Efterregistrerat 2026-07-02 09:00 efter driftstörning",
      "Inte kvitterat",
      REDACTED_MESSAGE_NOTE,
      "Din enhet ser inte hela ärendet",
      "Utskrivet av Sanna Sjöberg, 2026-07-01 14:05, för Biståndsenheten Eskilstuna.",
    ]) {
      expect(all).toContain(text);
    }
    expect(all.indexOf("1. Inskrivningsmeddelande")).toBeLessThan(all.indexOf("2. Utskrivningsmeddelande"));
  });

  it("says so when the reader's unit can see no message, and gives no visibility note when it sees everything", async () => {
    const all = flat((await extractPdf(await renderCaseRecord({ ...record, messages: [], visibilityNote: undefined }))).text);
    expect(all).toContain("Inga meddelanden som din enhet kan se.");
    expect(all).not.toContain("Din enhet ser inte hela ärendet");
  });
});
