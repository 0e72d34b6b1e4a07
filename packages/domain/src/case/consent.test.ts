import { describe, expect, it } from "vitest";
import { consentGiven, consentRecordsFromMessage, consentRefused, currentConsent, infoTransferConsentFor, municipalityHeldConsentRefusal } from "./consent";
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

  it("keeps the patient's refusal when the kommun later says it already holds the consent", () => {
    const refused = consent("informationsoverforing_kommun", false, at("2026-02-02", "09:00"), WARD);
    const held = consent("informationsoverforing_kommun", true, at("2026-02-03", "09:00"), KOMMUN);
    expect(currentConsent([refused, held], "informationsoverforing_kommun")).toBe(refused);
    expect(consentRefused([refused, held], "informationsoverforing_kommun")).toBe(true);
    // A new decision from the patient replaces the refusal.
    const givenLater = consent("informationsoverforing_kommun", true, at("2026-02-04", "09:00"), WARD);
    expect(consentGiven([refused, held, givenLater], "informationsoverforing_kommun")).toBe(true);
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

describe("municipalityHeldConsentRefusal", () => {
  const refusedKommun = consent("informationsoverforing_kommun", false, at("2026-02-02", "09:00"), WARD);

  it("lets the kommun state the consents it holds itself", () => {
    expect(municipalityHeldConsentRefusal([], true, ["informationsoverforing_kommun", "sip"])).toBeNull();
    expect(municipalityHeldConsentRefusal([refusedKommun], true, [])).toBeNull();
  });

  it("refuses consents that are not the kommun's to hold", () => {
    expect(municipalityHeldConsentRefusal([], true, ["npo"])).toMatch(/^Kommunen kan bara ange samtycken som kommunen själv har .*läsning i npö/);
    expect(municipalityHeldConsentRefusal([], true, ["informationsoverforing_vardcentral", "sip"])).toMatch(
      /vårdcentralen\/öppenvården dokumenteras av avdelningen/,
    );
  });

  it("refuses to replace the patient's recorded refusal", () => {
    expect(municipalityHeldConsentRefusal([refusedKommun], true, ["informationsoverforing_kommun"])).toMatch(
      /^Patienten har sagt nej till informationsöverföring till kommunen\. .*Inget har sparats\.$/,
    );
  });

  it("lets only the kommun side state held consents", () => {
    expect(municipalityHeldConsentRefusal([], false, ["sip"])).toBe("Bara kommunen kan ange samtycken som redan finns hos kommunen.");
  });
});
