import { describe, expect, it } from "vitest";
import { consentGiven, consentRecordsFromMessage, consentRefused, currentConsent, infoTransferConsentFor } from "./consent";
import { at, consent, event, KOMMUN, WARD } from "./test-fixtures";
import { PARTY_ROLES } from "./types";

describe("currentConsent", () => {
  it("is the latest record of the kind across units", () => {
    const held = consent("npo", true, at("2026-02-02", "09:00"), KOMMUN);
    const refused = consent("npo", false, at("2026-02-03", "09:00"), WARD);
    expect(currentConsent([refused, held], "npo")).toBe(refused);
    expect(consentGiven([refused, held], "npo")).toBe(false);
    expect(consentRefused([refused, held], "npo")).toBe(true);
  });

  it("takes the later in the list when two records have the same time", () => {
    const a = consent("sip", false, at("2026-02-02", "09:00"));
    const b = consent("sip", true, at("2026-02-02", "09:00"));
    expect(currentConsent([a, b], "sip")).toBe(b);
  });

  it("tells 'never documented' from 'refused'", () => {
    expect(currentConsent([], "sip")).toBeNull();
    expect(consentGiven([], "sip")).toBe(false);
    expect(consentRefused([], "sip")).toBe(false);
  });
});

describe("infoTransferConsentFor", () => {
  it("maps every party role to the consent it needs", () => {
    expect(Object.fromEntries(PARTY_ROLES.map((r) => [r, infoTransferConsentFor(r)]))).toEqual({
      avdelning: null,
      kommun: "informationsoverforing_kommun",
      hemsjukvard: "informationsoverforing_kommun",
      hemtjanst: "informationsoverforing_kommun",
      vardcentral: "informationsoverforing_vardcentral",
      psykiatrisk_oppenvard: "informationsoverforing_vardcentral",
    });
  });
});

describe("consentRecordsFromMessage", () => {
  it("records the ward's entries with their source, and nothing for other kinds", () => {
    const phone = event("samtycke", at("2026-02-02", "11:00"), WARD, [], {
      consents: [
        { kind: "npo", given: false },
        { kind: "sip", given: true },
      ],
      source: "telefon",
    });
    expect(consentRecordsFromMessage(phone).map((r) => [r.kind, r.given, r.source])).toEqual([
      ["npo", false, "telefon"],
      ["sip", true, "telefon"],
    ]);
    expect(consentRecordsFromMessage(event("generellt", at("2026-02-02"), WARD, [KOMMUN]))).toEqual([]);
  });
});
