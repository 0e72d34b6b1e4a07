/**
 * A small org tree and claim builders for tests (not used at run time). HSA-ids follow the
 * real pattern; the names are real places but every id below the organisation is invented.
 */
import { buildExampleRules } from "./example-rules";
import { createOrgTree } from "./org-tree";
import type { MappingRule, OrgNode } from "./types";

export const NOW = new Date("2026-11-16T09:00:00+01:00");

export const REGION = "SE2321000032"; // Region Sörmland
export const MSJ = "SE2321000032-MSJ1"; // Mälarsjukhuset
export const AVD12 = "SE2321000032-A012"; // Avd 12 Medicin
export const AVD14 = "SE2321000032-A014"; // Avd 14 Kirurgi
export const VC_FROSLUNDA = "SE2321000032-VCF1";
export const PSYK_OPPEN = "SE2321000032-POE1";
export const KOMMUN = "SE2120000308"; // Eskilstuna kommun
export const BISTAND = "SE2120000308-BIS1";
export const HEMSJUKVARD = "SE2120000308-HSV1";
export const HEMTJANST_FROSLUNDA = "SE2120000308-HTF1";
export const PRIVATE = "SE5560000001"; // a private vårdgivare (fictitious)
export const PRIVATE_VC = "SE5560000001-VC01";

export const NODES: OrgNode[] = [
  { hsaId: REGION, parentHsaId: null, kind: "region", name: "Region Sörmland" },
  { hsaId: MSJ, parentHsaId: REGION, kind: "sjukhus", name: "Mälarsjukhuset" },
  { hsaId: AVD12, parentHsaId: MSJ, kind: "vardavdelning", name: "Avd 12 Medicin" },
  { hsaId: AVD14, parentHsaId: MSJ, kind: "vardavdelning", name: "Avd 14 Kirurgi" },
  { hsaId: VC_FROSLUNDA, parentHsaId: REGION, kind: "vardcentral", name: "Vårdcentralen Fröslunda" },
  { hsaId: PSYK_OPPEN, parentHsaId: REGION, kind: "psykiatrisk_oppenvard", name: "Psykiatriska öppenvården Eskilstuna" },
  { hsaId: KOMMUN, parentHsaId: null, kind: "kommun", name: "Eskilstuna kommun" },
  { hsaId: BISTAND, parentHsaId: KOMMUN, kind: "bistandsenhet", name: "Biståndsenheten" },
  { hsaId: HEMSJUKVARD, parentHsaId: KOMMUN, kind: "hemsjukvard", name: "Kommunal hälso- och sjukvård" },
  { hsaId: HEMTJANST_FROSLUNDA, parentHsaId: KOMMUN, kind: "hemtjanstgrupp", name: "Hemtjänst Fröslunda" },
  { hsaId: PRIVATE, parentHsaId: null, kind: "privat_vardgivare", name: "Curanda Vård AB" },
  { hsaId: PRIVATE_VC, parentHsaId: PRIVATE, kind: "vardcentral", name: "Curanda Vårdcentral Stenby" },
];

export const tree = createOrgTree(NODES);

export const regionRules: MappingRule[] = buildExampleRules({
  kind: "region",
  prefix: "srm",
  regionHsaId: REGION,
  systemId: "VK-SRM",
  hospitalHsaIds: [MSJ],
});

export const kommunRules: MappingRule[] = buildExampleRules({
  kind: "kommun",
  prefix: "esk",
  kommunHsaId: KOMMUN,
  systemId: "VK-ESK",
  bistandsenhetHsaId: BISTAND,
  hemsjukvardHsaIds: [HEMSJUKVARD],
  legacyBistandRoles: [{ systemId: "RJH", role: "LINK" }],
});

export const allRules: MappingRule[] = [...regionRules, ...kommunRules];

/** One allCommissions entry in the Inera OIDC shape. */
export function commissionClaim(o: {
  id: string;
  unit: string;
  unitName?: string;
  provider: string;
  purpose?: string;
  rights?: unknown[];
  name?: string;
  [extra: string]: unknown;
}): Record<string, unknown> {
  const { id, unit, unitName, provider, purpose, rights, name, ...extra } = o;
  return {
    commissionHsaId: id,
    commissionName: name ?? `Uppdrag ${id}`,
    commissionPurpose: purpose ?? "Vård och behandling",
    commissionRights: rights ?? [{ activity: "Läsa", informationClass: "alla", scope: "SJF" }],
    healthCareUnitHsaId: unit,
    healthCareUnitName: unitName ?? NODES.find((n) => n.hsaId === unit)?.name ?? unit,
    healthCareProviderHsaId: provider,
    healthCareProviderName: NODES.find((n) => n.hsaId === provider)?.name ?? provider,
    ...extra,
  };
}

/** Person claims in the short OIDC form, LoA 3 unless overridden. */
export function personClaims(o: Record<string, unknown> & { employeeHsaId: string }): Record<string, unknown> {
  return { acr: "http://id.sambi.se/loa/loa3", given_name: "Anna", family_name: "Testsson", ...o };
}
