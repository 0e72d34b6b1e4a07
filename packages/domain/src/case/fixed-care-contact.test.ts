import { describe, expect, it } from "vitest";
import { mayBeFixedCareContact } from "./fixed-care-contact";

describe("who may be named fast vårdkontakt", () => {
  const UNIT = "SE2321000032-vc1";
  it("a person with a care commission at the answering unit", () => {
    expect(mayBeFixedCareContact([{ unitHsaId: UNIT, purpose: "Vård och behandling" }], UNIT)).toBe(true);
  });
  it("not with a commission elsewhere, nor with only an administrative commission at the unit", () => {
    expect(mayBeFixedCareContact([{ unitHsaId: "SE2321000032-vc2", purpose: "Vård och behandling" }], UNIT)).toBe(false);
    expect(mayBeFixedCareContact([{ unitHsaId: UNIT, purpose: "Administration" }], UNIT)).toBe(false);
    expect(mayBeFixedCareContact([], UNIT)).toBe(false);
  });
});
