import { describe, expect, it } from "vitest";
import { describePhoneEntry, draftPhoneNote, draftSummaryText } from "./summary-text";
import { at, BIST, call, UNITS } from "./test-fixtures";

const names = (id: string) => UNITS.find((u) => u.id === id)?.name;

describe("describePhoneEntry", () => {
  it("time, direction, counterpart and unit, steps with their content, confirmation, comment", () => {
    const e = call({
      occurredAt: at("2026-03-02", "09:15"),
      steps: ["beraknat_utskrivningsdatum", "samtycke", "sip_datum"],
      receiverConfirmed: true,
      comment: "Ring Eva om hemtjänst",
      details: {
        estimatedDischargeDate: "2026-03-06",
        consents: [{ kind: "npo", given: true }],
        sipAt: at("2026-03-09", "13:00").toISOString(),
      },
    });
    expect(describePhoneEntry(e, names)).toBe(
      "2026-03-02 09:15, lämnat till Anna Berg (Biståndsenheten Eskilstuna): Beräknat utskrivningsdatum 2026-03-06, Samtycke överlämnat (läsning i NPÖ (sammanhållen journalföring): ja), SIP-möte 2026-03-09 13:00. Mottagaren bekräftade. Kommentar: Ring Eva om hemtjänst",
    );
  });

  it("received, a unit given as text, a call with the patient", () => {
    const received = call({
      occurredAt: at("2026-03-02", "10:00"),
      direction: "mottaget",
      counterpartUnitId: null,
      counterpartUnitText: "Hemtjänst Söder",
      steps: ["inskrivning"],
    });
    expect(describePhoneEntry(received, names)).toBe("2026-03-02 10:00, mottaget från Anna Berg (Hemtjänst Söder): Inskrivning.");
    const patient = call({
      occurredAt: at("2026-03-03", "10:00"),
      counterpartKind: "patient",
      counterpartName: "Patienten",
      counterpartUnitId: null,
      steps: ["utskrivningsmeddelande"],
      receiverConfirmed: true,
    });
    expect(describePhoneEntry(patient, names)).toBe("2026-03-03 10:00, lämnat till patienten (Patienten): Utskrivningsmeddelande.");
  });

  it("drafts the summary and the phone note", () => {
    const e = call({ occurredAt: at("2026-03-02", "09:15"), steps: ["planeringsunderlag"], counterpartUnitId: BIST });
    expect(draftSummaryText({ from: at("2026-03-02", "08:00"), to: at("2026-03-02", "16:00"), loggingUnitName: "Avd 12", entries: [e], unitName: names })).toBe(
      "Sammanfattning av samordningen under driftstörningen 2026-03-02 08:00–2026-03-02 16:00.\nSamtal loggade av Avd 12:\n– 2026-03-02 09:15, lämnat till Anna Berg (Biståndsenheten Eskilstuna): Planeringsunderlag.",
    );
    expect(draftPhoneNote([], names)).toBeUndefined();
    expect(draftPhoneNote([e], names)?.split("\n")[0]).toBe("Meddelat per telefon under driftstörningen:");
  });
});
