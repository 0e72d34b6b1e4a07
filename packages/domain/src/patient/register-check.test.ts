import { describe, expect, it } from "vitest";
import { describeDifferences, manualRegistrationSchema, parseRegisterDifferences, registerDifferences } from "./register-check";

const typed = { givenName: "Ines", familyName: "Testberg", streetAddress: "Provgatan 1", postalCode: "632 20", city: "eskilstuna" };

describe("hand registration and reconciliation with the register", () => {
  it("lists what the register says differently, ignoring case and spacing", () => {
    const register = { ...typed, familyName: "Testberg-Ek", city: "Eskilstuna", streetAddress: "Provgatan  1", postalCode: null };
    const diffs = registerDifferences(typed, register);
    expect(diffs).toEqual([
      { field: "familyName", manual: "Testberg", register: "Testberg-Ek" },
      { field: "postalCode", manual: "632 20", register: null },
    ]);
    expect(describeDifferences(diffs)).toEqual(["Efternamn: Testberg → Testberg-Ek", "Postnummer: 632 20 → (tomt)"]);
    expect(registerDifferences(typed, typed)).toEqual([]);
  });

  it("requires the name, takes the address when given, and refuses a malformed postal code in Swedish", () => {
    expect(manualRegistrationSchema.parse({ givenName: " Ines ", familyName: "Testberg", postalCode: "63220" })).toEqual({
      givenName: "Ines",
      familyName: "Testberg",
      streetAddress: null,
      postalCode: "632 20",
      city: null,
    });
    const missing = manualRegistrationSchema.safeParse({ givenName: "", familyName: "Testberg" });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues[0]!.message).toBe("Ange förnamn");
    expect(manualRegistrationSchema.safeParse({ givenName: "Ines", familyName: "T", postalCode: "12" }).error!.issues[0]!.message).toMatch(/fem siffror/);
  });

  it("reads stored differences defensively", () => {
    expect(parseRegisterDifferences(null)).toEqual([]);
    expect(parseRegisterDifferences([{ field: "city", manual: "A", register: "B" }])).toHaveLength(1);
    expect(parseRegisterDifferences([{ field: "nonsense" }])).toEqual([]);
  });
});
