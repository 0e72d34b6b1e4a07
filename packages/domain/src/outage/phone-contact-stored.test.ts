import { describe, expect, it } from "vitest";
import { parseStoredPhoneContact, storedPhoneDetails } from "./phone-contact-stored";

describe("a logged phone contact as stored (phone_contacts.steps, .details)", () => {
  it("keeps who was on the other end beside the details and gives them back apart", () => {
    const stored = storedPhoneDetails({ estimatedDischargeDate: "2026-03-04", consents: [{ kind: "npo", given: true }] }, "patient");
    expect(stored).toEqual({ estimatedDischargeDate: "2026-03-04", consents: [{ kind: "npo", given: true }], counterpartKind: "patient" });
    expect(parseStoredPhoneContact({ steps: ["beraknat_utskrivningsdatum", "samtycke"], details: JSON.parse(JSON.stringify(stored)) })).toEqual({
      steps: ["beraknat_utskrivningsdatum", "samtycke"],
      details: { estimatedDischargeDate: "2026-03-04", consents: [{ kind: "npo", given: true }] },
      counterpartKind: "patient",
    });
  });

  it("reads a row without a counterpart kind (logged before it was kept) and empty details", () => {
    expect(parseStoredPhoneContact({ steps: [], details: {} })).toEqual({ steps: [], details: {} });
  });

  it("refuses a step or a consent kind the domain does not know", () => {
    expect(() => parseStoredPhoneContact({ steps: ["fika"], details: {} })).toThrow();
    expect(() => parseStoredPhoneContact({ steps: [], details: { consents: [{ kind: "allt", given: true }] } })).toThrow();
  });
});
