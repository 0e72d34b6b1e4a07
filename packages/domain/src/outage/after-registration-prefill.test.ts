import { describe, expect, it } from "vitest";
import { storedPrefill } from "./after-registration-prefill";

describe("an after-registration item's stored prefill", () => {
  it("gives back what was stored, typed", () => {
    const raw = {
      payload: { estimatedDischargeDate: "2026-03-04" },
      freeText: "Ringt kommunen",
      consents: [{ kind: "informationsoverforing_kommun", given: true }],
      notes: ["Registrera med ursprunglig tid"],
      possibleDuplicate: { messageId: "m1", kind: "inskrivningsmeddelande", sentAt: "2026-03-02T10:00:00.000Z", senderUnitId: "u1", senderUnitName: null },
    };
    expect(storedPrefill(raw)).toEqual(raw);
  });

  it("falls back to empty parts for a row that does not parse, so one odd row never hides the list", () => {
    expect(storedPrefill(null)).toEqual({ payload: {}, freeText: null, consents: [], notes: [] });
    expect(storedPrefill({ consents: [{ kind: "okänt", given: true }], possibleDuplicate: { kind: "okänt" } })).toEqual({
      payload: {},
      freeText: null,
      consents: [],
      notes: [],
    });
  });
});
