import { describe, expect, it } from "vitest";

import { opaqueSubject } from "./accounts.js";
import { CLAIMS_CONFIG, LOA2, LOA3, essentialAcrValues, parsePastedClaims } from "./claims.js";

describe("parsePastedClaims", () => {
  it("accepts employeeHsaId in short, sambi URI and legacy urn form", () => {
    for (const name of ["employeeHsaId", "http://sambi.se/attributes/1/employeeHsaId", "urn:sambi:names:attribute:employeeHsaId"]) {
      const parsed = parsePastedClaims(JSON.stringify({ [name]: "TSTNMT2321000156-1" }));
      expect(parsed).toMatchObject({ ok: true, employeeHsaId: "TSTNMT2321000156-1" });
    }
  });

  it("drops protocol claims the IdP sets itself", () => {
    const parsed = parsePastedClaims(JSON.stringify({ employeeHsaId: "A", sub: "x", iss: "y", acr: "z", nonce: "n", systemRole: ["R;S"] }));
    expect(parsed.ok && parsed.claims).toEqual({ employeeHsaId: "A", systemRole: ["R;S"] });
  });

  it.each([
    ["", "Klistra in"],
    ["{", "inte giltig JSON"],
    ["[1,2]", "JSON-objekt"],
    ["null", "JSON-objekt"],
    ['{"employeeHsaId": ""}', "saknar employeeHsaId"],
    ['{"employeeHsaId": 42}', "saknar employeeHsaId"],
  ])("rejects %j with a Swedish message", (text, message) => {
    const parsed = parsePastedClaims(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(message);
  });
});

describe("essentialAcrValues", () => {
  it("reads values or value when essential", () => {
    expect(essentialAcrValues(JSON.stringify({ id_token: { acr: { essential: true, values: [LOA3, LOA2] } } }))).toEqual([LOA3, LOA2]);
    expect(essentialAcrValues(JSON.stringify({ id_token: { acr: { essential: true, value: LOA3 } } }))).toEqual([LOA3]);
    expect(essentialAcrValues(JSON.stringify({ id_token: { acr: { values: [LOA3] } } }))).toBeUndefined();
    expect(essentialAcrValues(undefined)).toBeUndefined();
    expect(essentialAcrValues("{")).toBeUndefined();
  });
});

describe("claims catalogue", () => {
  it("releases the HSA claims in every form with scope profile", () => {
    expect(CLAIMS_CONFIG.profile).toEqual(
      expect.arrayContaining([
        "employeeHsaId",
        "allCommissions",
        "systemRole",
        "http://sambi.se/attributes/1/employeeHsaId",
        "urn:sambi:names:attribute:systemRole",
        "urn:allCommissions",
        "given_name",
        "family_name",
      ]),
    );
    expect(CLAIMS_CONFIG.openid).toEqual(expect.arrayContaining(["sub", "acr", "amr"]));
  });
});

describe("opaqueSubject", () => {
  it("is a stable UUID that does not reveal the HSA-id", () => {
    const sub = opaqueSubject("TSTNMT2321000156-1001");
    expect(sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(opaqueSubject("TSTNMT2321000156-1001")).toBe(sub);
    expect(opaqueSubject("TSTNMT2321000156-1002")).not.toBe(sub);
  });
});
