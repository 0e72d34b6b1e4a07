import { describe, expect, it } from "vitest";
import { ClaimError, normaliseClaims, parseRights, parseSystemRole } from "./claims";
import { AVD12, AVD14, KOMMUN, REGION, commissionClaim } from "./test-fixtures";
import { LOA2, LOA3 } from "./types";

const CURRENT = "http://sambi.se/attributes/1/";
const LEGACY = "urn:sambi:names:attribute:";
const READ_SJF = { activity: "Läsa", informationClass: "alla", scope: "SJF" };

function claimError(fn: () => unknown): ClaimError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClaimError) return e;
    throw e;
  }
  throw new Error("expected a ClaimError");
}

describe("normaliseClaims: short OIDC names", () => {
  it("reads the Inera IdP's id_token example", () => {
    const p = normaliseClaims({
      iss: "https://idp.example-inera/oidc",
      sub: "9c01e3aa-0000",
      acr: LOA3,
      amr: ["siths"],
      given_name: "Anna",
      family_name: "Testsson",
      employeeHsaId: "TSTNMT2321000156-1001",
      personalIdentityNumber: "191212121212",
      title: "Specialistsjuksköterska",
      systemRole: ["RJH;LINK"],
      paTitleCode: ["203090"],
      healthcareProfessionalLicense: ["Sjuksköterska"],
      allCommissions: [commissionClaim({ id: "TSTNMT2321000156-C001", unit: AVD12, provider: REGION, name: "Vård avd 12" })],
    });
    expect(p).toMatchObject({
      employeeHsaId: "TSTNMT2321000156-1001",
      givenName: "Anna",
      familyName: "Testsson",
      displayName: "Anna Testsson",
      personalIdentityNumber: "191212121212",
      title: "Specialistsjuksköterska",
      titles: ["Specialistsjuksköterska"],
      systemRoles: [{ systemId: "RJH", role: "LINK", raw: "RJH;LINK" }],
      paTitleCodes: ["203090"],
      licences: ["Sjuksköterska"],
      loa: LOA3,
      authMethod: "siths",
    });
    expect(p.commissions).toEqual([
      {
        hsaId: "TSTNMT2321000156-C001",
        name: "Vård avd 12",
        purpose: "Vård och behandling",
        rights: [READ_SJF],
        unitHsaId: AVD12,
        unitName: "Avd 12 Medicin",
        providerHsaId: REGION,
        providerName: "Region Sörmland",
        providerOrgNo: "",
      },
    ]);
  });

  it("builds a commission from the single-commission claims (IdP uppdragsval)", () => {
    const p = normaliseClaims({
      employeeHsaId: "SE2321000032-1001",
      commissionHsaId: "SE2321000032-C001",
      commissionName: "Avd 12",
      commissionPurpose: "Vård och behandling",
      commissionRight: "Läsa;alla;SJF",
      healthCareUnitHsaId: AVD12,
      healthCareUnitName: "Avd 12 Medicin",
      healthCareProviderHsaId: REGION,
      healthCareProviderName: "Region Sörmland",
      healthCareProviderOrgNo: "232100-0032",
    });
    expect(p.commissions).toHaveLength(1);
    expect(p.commissions[0]).toMatchObject({ hsaId: "SE2321000032-C001", rights: [READ_SJF], providerOrgNo: "2321000032" });
  });
});

describe("normaliseClaims: SAML URI names", () => {
  it("reads current http://sambi.se/attributes/1/ names, string or array", () => {
    const p = normaliseClaims({
      [`${CURRENT}employeeHsaId`]: ["SE2321000032-1002"],
      [`${CURRENT}givenName`]: "Bo",
      [`${CURRENT}surname`]: "von Testsson",
      [`${CURRENT}personalIdentityNumber`]: "19500907-2553",
      [`${CURRENT}healthcareProfessionalLicense`]: ["Läkare"],
      [`${CURRENT}commissionHsaId`]: "SE2321000032-C002",
      [`${CURRENT}commissionPurpose`]: ["Vård och behandling"],
      [`${CURRENT}commissionRight`]: ["Läsa;alla;SJF", "Skriva;alla;VE"],
      [`${CURRENT}healthCareUnitHsaId`]: AVD14,
      [`${CURRENT}healthCareProviderHsaId`]: REGION,
    });
    expect(p.employeeHsaId).toBe("SE2321000032-1002");
    expect(p.displayName).toBe("Bo von Testsson");
    expect(p.personalIdentityNumber).toBe("195009072553");
    expect(p.licences).toEqual(["Läkare"]);
    expect(p.commissions[0]?.rights).toEqual([READ_SJF, { activity: "Skriva", informationClass: "alla", scope: "VE" }]);
    expect(p.commissions[0]?.unitHsaId).toBe(AVD14);
  });

  it("reads legacy urn:sambi:names:attribute: names incl. middleAndSurname, titleCode, levelOfAssurance, authnMethod", () => {
    const p = normaliseClaims({
      [`${LEGACY}employeeHsaId`]: "SE2120000308-2001",
      [`${LEGACY}givenName`]: "Cilla",
      [`${LEGACY}middleAndSurname`]: "Mellan Efternamn",
      [`${LEGACY}systemRole`]: ["VK-ESK;BISTAND", "RJH;LINK"],
      [`${LEGACY}titleCode`]: "204010",
      [`${LEGACY}title`]: "Biståndshandläggare",
      [`${LEGACY}levelOfAssurance`]: LOA2,
      [`${LEGACY}authnMethod`]: "urn:sambi:names:SITHS",
    });
    expect(p).toMatchObject({
      employeeHsaId: "SE2120000308-2001",
      familyName: "Mellan Efternamn",
      systemRoles: [
        { systemId: "VK-ESK", role: "BISTAND" },
        { systemId: "RJH", role: "LINK" },
      ],
      paTitleCodes: ["204010"],
      title: "Biståndshandläggare",
      loa: LOA2,
      authMethod: "urn:sambi:names:SITHS",
      commissions: [],
    });
  });

  it("reads the legacy surname attribute and normalises a bare LoA", () => {
    const p = normaliseClaims({ [`${LEGACY}employeeHsaId`]: "SE2120000308-2002", [`${LEGACY}surname`]: "Svensson", acr: "loa3" });
    expect(p.familyName).toBe("Svensson");
    expect(p.loa).toBe(LOA3);
  });

  it("prefers the short name over URI forms for a single-valued attribute, unions multi-valued ones", () => {
    const p = normaliseClaims({
      [`${LEGACY}employeeHsaId`]: "SE2321000032-OLD1",
      employeeHsaId: "SE2321000032-NEW1",
      [`${CURRENT}employeeHsaId`]: "SE2321000032-MID1",
      systemRole: "VK-SRM;VK_ADMIN",
      [`${LEGACY}systemRole`]: ["VK-SRM;UTSKRIVNINGSLEDARE", "VK-SRM;VK_ADMIN"],
    });
    expect(p.employeeHsaId).toBe("SE2321000032-NEW1");
    expect(p.systemRoles.map((r) => r.raw)).toEqual(["VK-SRM;VK_ADMIN", "VK-SRM;UTSKRIVNINGSLEDARE"]);
  });
});

describe("normaliseClaims: allCommissions and allEmployeeHsaIds", () => {
  const entries = [
    commissionClaim({ id: "SE2321000032-C010", unit: AVD12, provider: REGION }),
    commissionClaim({ id: "SE2321000032-C011", unit: AVD14, provider: REGION, rights: ["Skriva;alla;VE"] }),
  ];

  it("accepts urn:allCommissions as a JSON string", () => {
    const p = normaliseClaims({ employeeHsaId: "SE2321000032-1003", "urn:allCommissions": JSON.stringify(entries) });
    expect(p.commissions.map((c) => c.hsaId)).toEqual(["SE2321000032-C010", "SE2321000032-C011"]);
    expect(p.commissions[1]?.rights).toEqual([{ activity: "Skriva", informationClass: "alla", scope: "VE" }]);
  });

  it("accepts allCommissions as an array of JSON strings (one SAML attribute value each)", () => {
    const p = normaliseClaims({ employeeHsaId: "SE2321000032-1003", allCommissions: entries.map((e) => JSON.stringify(e)) });
    expect(p.commissions).toHaveLength(2);
  });

  it("rejects an allCommissions value that is not JSON, in Swedish", () => {
    const e = claimError(() => normaliseClaims({ employeeHsaId: "SE2321000032-1003", allCommissions: "inte json" }));
    expect(e.code).toBe("invalid_claim_format");
    expect(e.message).toMatch(/allCommissions har ett okänt format/);
  });

  it("reads urn:allEmployeeHsaIds and drops invalid ids", () => {
    const p = normaliseClaims({
      employeeHsaId: "SE2321000032-1003",
      "urn:allEmployeeHsaIds": ["SE2120000308-9001", "inte-ett-id"],
    });
    expect(p.allEmployeeHsaIds).toEqual(["SE2321000032-1003", "SE2120000308-9001"]);
  });

  it("merges a commission given both in allCommissions and as single claims (rights unioned)", () => {
    const p = normaliseClaims({
      employeeHsaId: "SE2321000032-1003",
      allCommissions: [entries[0]],
      commissionHsaId: "SE2321000032-C010",
      commissionRight: "Skriva;alla;VE",
      healthCareUnitHsaId: AVD12,
    });
    expect(p.commissions).toHaveLength(1);
    expect(p.commissions[0]?.rights).toHaveLength(2);
  });

  it("reads status flags and end dates", () => {
    const p = normaliseClaims({
      employeeHsaId: "SE2321000032-1003",
      allCommissions: [
        commissionClaim({ id: "SE2321000032-C020", unit: AVD12, provider: REGION, feignedCommission: "true" }),
        commissionClaim({ id: "SE2321000032-C021", unit: AVD12, provider: REGION, archivedHealthCareUnit: true }),
        commissionClaim({ id: "SE2321000032-C022", unit: AVD12, provider: REGION, commissionEndDate: "20260131", healthCareUnitEndDate: "2026-06-30" }),
      ],
    });
    expect(p.commissions[0]?.feigned).toBe(true);
    expect(p.commissions[1]?.archived).toBe(true);
    expect(p.commissions[2]?.validTo).toBe("2026-01-31");
    expect(p.commissions[2]?.feigned).toBeUndefined();
  });
});

describe("parseRights and parseSystemRole", () => {
  it("treats a right string and a right object alike, and removes duplicates", () => {
    expect(parseRights("Läsa;alla;SJF")).toEqual([READ_SJF]);
    expect(parseRights({ activity: "Läsa", informationClass: "alla", scope: "SJF" })).toEqual([READ_SJF]);
    expect(parseRights(["Läsa;alla;SJF", READ_SJF, '{"activity":"Läsa","informationClass":"alla","scope":"SJF"}'])).toEqual([READ_SJF]);
  });

  it("splits a system role on the FIRST ';' only", () => {
    expect(parseSystemRole("INTYG;Rehab-TSTNMT2321000156-105N")).toEqual({
      systemId: "INTYG",
      role: "Rehab-TSTNMT2321000156-105N",
      raw: "INTYG;Rehab-TSTNMT2321000156-105N",
    });
    expect(parseSystemRole("VK-ESK;Hemtjanst-X;extra")).toMatchObject({ systemId: "VK-ESK", role: "Hemtjanst-X;extra" });
    expect(parseSystemRole("UTAN_SEMIKOLON")).toMatchObject({ systemId: "", role: "UTAN_SEMIKOLON" });
  });

  it("gives the same principal for a string and a one-element array", () => {
    const base = { employeeHsaId: "SE2321000032-1004" };
    const a = normaliseClaims({ ...base, systemRole: "VK-SRM;VK_ADMIN", paTitleCode: "204010", healthcareProfessionalLicense: "Läkare" });
    const b = normaliseClaims({ ...base, systemRole: ["VK-SRM;VK_ADMIN"], paTitleCode: ["204010"], healthcareProfessionalLicense: ["Läkare"] });
    expect(a).toEqual(b);
  });
});

describe("normaliseClaims: errors", () => {
  it("throws a typed ClaimError in Swedish when employeeHsaId is missing", () => {
    const e = claimError(() => normaliseClaims({ given_name: "Anna", [`${CURRENT}givenName`]: "Anna" }));
    expect(e.code).toBe("missing_employee_hsa_id");
    expect(e.message).toMatch(/saknar ditt HSA-id/);
  });

  it.each([
    ["lowercase prefix", "se2321000032-abc1"],
    ["å in the suffix", "SE2321000032-åäö1"],
    ["no suffix", "SE2321000032"],
    ["unknown prefix", "XX2321000032-abc1"],
    ["longer than 31", "SE2321000032-ABCDEFGHIJKLMNOPQRSTUVWXYZ"],
  ])("rejects an invalid employee HSA-id (%s)", (_why, id) => {
    const e = claimError(() => normaliseClaims({ employeeHsaId: id }));
    expect(e.code).toBe("invalid_hsa_id");
    expect(e.message).toBe(`Ogiltigt HSA-id för användaren: "${id}".`);
  });

  it("falls back to the name claim, then the HSA-id, for the display name", () => {
    expect(normaliseClaims({ employeeHsaId: "SE2321000032-1007", name: "Dora Dahl" }).displayName).toBe("Dora Dahl");
    expect(normaliseClaims({ employeeHsaId: "SE2321000032-1007" }).displayName).toBe("SE2321000032-1007");
  });

  it("accepts Inera test-catalogue ids (TSTNMT…)", () => {
    expect(normaliseClaims({ employeeHsaId: "TSTNMT2321000156-105S" }).employeeHsaId).toBe("TSTNMT2321000156-105S");
  });

  it("rejects a commission with an invalid unit HSA-id or no unit", () => {
    const bad = claimError(() =>
      normaliseClaims({ employeeHsaId: "SE2321000032-1005", allCommissions: [commissionClaim({ id: "SE2321000032-C030", unit: "avd 12", provider: REGION })] }),
    );
    expect(bad.code).toBe("invalid_hsa_id");
    expect(bad.message).toMatch(/vårdenhet/);
    const missing = claimError(() => normaliseClaims({ employeeHsaId: "SE2321000032-1005", allCommissions: [{ commissionHsaId: "SE2321000032-C031" }] }));
    expect(missing.code).toBe("invalid_commission");
  });

  it("takes a commission's provider from the claims when present, else leaves it for the org tree", () => {
    const p = normaliseClaims({
      employeeHsaId: "SE2120000308-1006",
      allCommissions: [{ commissionHsaId: "SE2120000308-C001", healthCareUnitHsaId: `${KOMMUN}-HSV1` }],
    });
    expect(p.commissions[0]?.providerHsaId).toBe("");
  });
});
