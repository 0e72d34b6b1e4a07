import { describe, expect, it } from "vitest";
import { checkNewUnitHsaId, normaliseUnitAttributes, parseUnitKind, validateUnitAttributes, type UnitAttributes } from "./unit-fields";

const ok: UnitAttributes = {
  name: "Biståndsenheten",
  phone: "016-10 10 00",
  switchboard: "+46 16 710 10 00",
  openingHours: "vardagar 08.00–16.30",
  functionMailbox: "bistand@eskilstuna.se",
  streetAddress: "Alhems gata 1",
  postalCode: "631 86",
  city: "Eskilstuna",
};

describe("a unit's attributes", () => {
  it("accepts well-formed attributes and empty optional ones", () => {
    expect(validateUnitAttributes(ok)).toEqual([]);
    expect(
      validateUnitAttributes({
        name: "X",
        phone: " ",
        switchboard: null,
        openingHours: "",
        functionMailbox: null,
        streetAddress: null,
        postalCode: "",
        city: null,
      }),
    ).toEqual([]);
  });

  it("says in Swedish, field by field, what is wrong", () => {
    const errors = validateUnitAttributes({
      name: "  ",
      phone: "ring växeln",
      switchboard: "0",
      openingHours: "x".repeat(201),
      functionMailbox: "bistand",
      streetAddress: "x".repeat(201),
      postalCode: "6318",
      city: "x".repeat(101),
    });
    expect(Object.fromEntries(errors.map((e) => [e.path, e.message]))).toEqual({
      name: "Ange enhetens namn",
      phone: "Telefonnummer får bara innehålla siffror, mellanslag, bindestreck och +",
      switchboard: "Växelnumret: telefonnummer får bara innehålla siffror, mellanslag, bindestreck och +",
      openingHours: "Öppettiderna får vara högst 200 tecken",
      functionMailbox: "Funktionsbrevlådan ska vara en e-postadress, t.ex. enheten@kommun.se",
      streetAddress: "Gatuadressen får vara högst 200 tecken",
      postalCode: "Ange postnumret med fem siffror, t.ex. 631 86",
      city: "Orten får vara högst 100 tecken",
    });
  });

  it("trims and turns empty optional attributes into null", () => {
    expect(normaliseUnitAttributes({ ...ok, name: " A ", phone: "  " })).toMatchObject({ name: "A", phone: null });
  });

  it("reads a kind by code or Swedish name", () => {
    expect(parseUnitKind("Vårdavdelning")).toBe("vardavdelning");
    expect(parseUnitKind("hemtjanstgrupp")).toBe("hemtjanstgrupp");
    expect(parseUnitKind("Bageri")).toBeNull();
  });

  it("a new unit's HSA-id must be well formed and from the organisation's catalogue", () => {
    expect(checkNewUnitHsaId("SE2120000357-HSV2", "SE2120000357-VG")).toBeNull();
    expect(checkNewUnitHsaId("", "SE2120000357-VG")).toBe("Ange enhetens HSA-id");
    expect(checkNewUnitHsaId("SE2120000357-Å", "SE2120000357-VG")).toContain("har fel form");
    expect(checkNewUnitHsaId("SE2321000032-X", "SE2120000357-VG")).toContain("hör inte till organisationens HSA-katalog");
  });
});
