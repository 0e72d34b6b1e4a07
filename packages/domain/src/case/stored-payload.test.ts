import { describe, expect, it } from "vitest";
import { parseMessagePayload } from "./payloads";
import { readStoredPayload } from "./stored-payload";
import { ADMITTED, samplePayload } from "./test-fixtures";
import { MESSAGE_KINDS } from "./types";

describe("readStoredPayload", () => {
  it("reads back every kind's payload as sending stored it", () => {
    for (const kind of MESSAGE_KINDS) {
      const sent = parseMessagePayload(kind, samplePayload(kind), { admittedAt: ADMITTED });
      if (!sent.ok) throw new Error(`sample for ${kind} does not parse`);
      const stored: unknown = JSON.parse(JSON.stringify(sent.payload));
      expect(readStoredPayload(kind, stored), kind).toEqual(stored);
    }
  });

  it("keeps a historic payload that no longer parses as it was stored", () => {
    const historic = { estimatedDischargeDate: "16 november", note: "från en äldre version" };
    expect(readStoredPayload("inskrivningsmeddelande", historic)).toEqual(historic);
  });

  it("reads a planning basis, an answer and a discharge notice stored before the forms had structure, unchanged", () => {
    const old = [
      [
        "planeringsunderlag",
        { version: 2, needs: "Hjälp med dusch", adlStatus: "Går med rollator", homeSituation: "Bor ensam, två trappor", aids: "Rollator" },
      ],
      ["svar_pa_inskrivning", { currentServices: "Hemtjänst 2 ggr/dag", knownToUnit: true }],
      ["kallelse_sip", { meetingAt: "2026-02-10T09:00:00.000Z", video: true, participants: ["Patienten", "Dottern"], consentStatus: "given" }],
      ["utskrivningsmeddelande", { dischargedAt: "2026-02-09T09:00:00.000Z", dischargePlan: "Se plan", medicationList: "Alvedon 1 g x 3" }],
    ] as const;
    for (const [kind, payload] of old) expect(readStoredPayload(kind, payload), kind).toEqual(payload);
  });

  it("reads a stored value that is not an object as an empty payload, without throwing", () => {
    expect(readStoredPayload("generellt", null)).toEqual({});
    expect(readStoredPayload("generellt", ["text"])).toEqual({});
    expect(readStoredPayload("generellt", "text")).toEqual({});
  });
});
