import { describe, expect, it } from "vitest";
import { accessExtractCsv } from "./extract";
import type { AuditLogRow } from "./search";

const row = (over: Partial<AuditLogRow> = {}): AuditLogRow => ({
  id: 1,
  at: new Date("2026-07-01T12:00:00Z"),
  actorName: "Sanna Sjöberg",
  actorHsaId: "SE2321000032-P0001",
  roleLabel: "Sjuksköterska",
  unitHsaId: "SE2321000032-MSEAVD12",
  unitName: "Avd 12 Medicin",
  activity: "Läsa",
  outcome: "success",
  caseReference: "SRM-2026-00042",
  patient: { identifier: "19121212-1212", name: "Tolvan Tolvansson", protectedIdentity: false },
  ...over,
});

describe("the patient's access extract as CSV", () => {
  it("has a BOM, a Swedish header and one line per access in Stockholm time, without the patient's identity", () => {
    const csv = accessExtractCsv([row()]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Tidpunkt;Enhet;Enhetens HSA-id;Åtgärd;Personal;Personalens HSA-id;Roll;Ärende;Utfall",
      "2026-07-01 14:00;Avd 12 Medicin;SE2321000032-MSEAVD12;Läsa;Sanna Sjöberg;SE2321000032-P0001;Sjuksköterska;SRM-2026-00042;Genomförd",
      "",
    ]);
    expect(csv).not.toContain("1212");
  });

  it("quotes separators and quotes, and keeps a spreadsheet from reading a cell as a formula", () => {
    const csv = accessExtractCsv([row({ unitName: 'Avd "12"; Medicin', actorName: "=HYPERLINK(1)", outcome: "denied" })]);
    const line = csv.split("\r\n")[1]!;
    expect(line).toContain('"Avd ""12""; Medicin"');
    expect(line).toContain(";'=HYPERLINK(1);");
    expect(line.endsWith(";Nekad")).toBe(true);
  });
});
