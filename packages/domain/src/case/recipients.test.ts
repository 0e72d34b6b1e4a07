import { describe, expect, it } from "vitest";
import { defaultRecipients } from "./recipients";
import type { CaseParty } from "./types";

const parties: CaseParty[] = [
  { unitId: "avd", role: "avdelning" },
  { unitId: "bist", role: "kommun" },
  { unitId: "vc", role: "vardcentral" },
  { unitId: "hsl", role: "hemsjukvard" },
  { unitId: "old", role: "hemtjanst", removedAt: new Date("2026-01-01") },
];

describe("default recipients", () => {
  it("sends the ward's notices to every active receiving party", () => {
    expect(defaultRecipients("inskrivningsmeddelande", "avd", "avdelning", parties)).toEqual(["bist", "vc", "hsl"]);
    expect(defaultRecipients("utskrivningsklar", "avd", "avdelning", parties)).not.toContain("old");
  });
  it("routes home-care assignments to municipal health care and self-care assessments to the needs assessor", () => {
    expect(defaultRecipients("uppdrag_hemsjukvard", "avd", "avdelning", parties)).toEqual(["hsl"]);
    expect(
      defaultRecipients(
        "uppdrag_hemsjukvard",
        "avd",
        "avdelning",
        parties.filter((p) => p.role !== "hemsjukvard"),
      ),
    ).toEqual(["bist"]);
    expect(defaultRecipients("egenvardsbedomning", "avd", "avdelning", parties)).toEqual(["bist"]);
  });
  it("lets receiving parties answer the ward, and SIP and general messages reach everyone else", () => {
    expect(defaultRecipients("svar_pa_inskrivning", "bist", "kommun", parties)).toEqual(["avd"]);
    expect(defaultRecipients("kallelse_sip", "vc", "vardcentral", parties)).toEqual(["avd", "bist", "hsl"]);
    expect(defaultRecipients("samtycke", "avd", "avdelning", parties)).toEqual([]);
    expect(defaultRecipients("samtycke", "bist", "kommun", parties)).toEqual(["avd"]);
  });
});
