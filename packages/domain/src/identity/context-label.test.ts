import { describe, expect, it } from "vitest";
import { createOrgTree } from "./org-tree";
import { describeContext, PORTAL_LABELS, portalForRole, ROLE_LABELS } from "./context-label";
import { AVD12, HEMTJANST_FROSLUNDA, KOMMUN, MSJ, REGION, VC_FROSLUNDA, tree } from "./test-fixtures";
import { PORTALS, ROLES } from "./types";

describe("describeContext", () => {
  it("labels a ward nurse with the hospital as parent", () => {
    expect(describeContext({ portal: "slutenvard", role: "avd_ssk", scopeHsaId: AVD12 }, tree)).toEqual({
      roleLabel: "Sjuksköterska",
      portalLabel: "Slutenvård",
      unitName: "Avd 12 Medicin",
      parentName: "Mälarsjukhuset",
      label: "Sjuksköterska · Avd 12 Medicin · Mälarsjukhuset",
    });
  });

  it("uses the organisation when there is no hospital above the unit", () => {
    expect(describeContext({ portal: "primarvard", role: "vc_personal", scopeHsaId: VC_FROSLUNDA }, tree).label).toBe(
      "Vårdcentral · Vårdcentralen Fröslunda · Region Sörmland",
    );
    expect(describeContext({ portal: "kommun", role: "hemtjanst", scopeHsaId: HEMTJANST_FROSLUNDA }, tree).label).toBe(
      "Hemtjänst · Hemtjänst Fröslunda · Eskilstuna kommun",
    );
  });

  it("does not repeat the hospital for a hospital-wide context", () => {
    expect(describeContext({ portal: "slutenvard", role: "utskrivningsledare", scopeHsaId: MSJ }, tree).label).toBe(
      "Utskrivningsledare · Mälarsjukhuset · Region Sörmland",
    );
  });

  it("omits the parent for an organisation-wide context", () => {
    const d = describeContext({ portal: "kommun", role: "mas", scopeHsaId: KOMMUN }, tree);
    expect(d.label).toBe("MAS · Eskilstuna kommun");
    expect(d.parentName).toBeUndefined();
    expect(describeContext({ portal: "forvaltning", role: "sysadmin", scopeHsaId: REGION }, tree).label).toBe("Systemförvaltare · Region Sörmland");
  });

  it("does not repeat a name when a small provider and its only unit share it", () => {
    const t = createOrgTree([
      { hsaId: "SE5560000002", parentHsaId: null, kind: "privat_vardgivare", name: "Läkarhuset Stenby" },
      { hsaId: "SE5560000002-VC01", parentHsaId: "SE5560000002", kind: "vardcentral", name: "Läkarhuset Stenby" },
    ]);
    const d = describeContext({ portal: "primarvard", role: "vc_personal", scopeHsaId: "SE5560000002-VC01" }, t);
    expect(d.label).toBe("Vårdcentral · Läkarhuset Stenby");
    expect(d.parentName).toBeUndefined();
  });

  it("falls back to the HSA-id for a unit missing from the tree", () => {
    expect(describeContext({ portal: "slutenvard", role: "lakare", scopeHsaId: "SE2321000032-X999" }, tree).label).toBe("Läkare · SE2321000032-X999");
  });
});

describe("labels", () => {
  it("has a Swedish label for every role and portal", () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
    expect(ROLE_LABELS).toMatchObject({
      terapeut: "Fysioterapeut/arbetsterapeut",
      bistandshandlaggare: "Biståndshandläggare",
      kommunadmin: "Kommunadministratör",
    });
    expect(PORTALS.map((p) => PORTAL_LABELS[p])).toEqual(["Slutenvård", "Primärvård", "Kommun", "Förvaltning"]);
  });

  it("maps each role to its portal", () => {
    expect(portalForRole("avd_ssk")).toBe("slutenvard");
    expect(portalForRole("psykiatri_oppenvard")).toBe("primarvard");
    expect(portalForRole("hemtjanst")).toBe("kommun");
    expect(portalForRole("kommunadmin")).toBe("forvaltning");
  });
});
