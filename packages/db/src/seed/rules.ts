/**
 * The example role-mapping rules (`buildExampleRules` in the domain) for every
 * demo region and kommun, with one system-role convention for the whole installation:
 *
 *   system id "VK" (Vårdkedjan): VK;UTSKRIVNINGSLEDARE, VK;BISTAND, VK;MAS, VK;VK_ADMIN, VK;EKONOMI,
 *   VK;Hemtjanst-<hemtjänstgruppens HSA-id>.
 *
 * Because the system id is shared, person-level rules also require the employeeHsaId to come
 * from the owner's own HSA catalogue (`SE<orgnr>-…`), so a kommun admin never matches the region's
 * admin rule and a biståndshandläggare in Flen never matches Eskilstuna's. The evaluator adds the
 * same employer check to every grant (domain identity/employer.ts), so the hemtjänst rule, whose
 * unit comes from the role, cannot reach another organisation's units or a biståndsenhet either. Jämtland Härjedalen's
 * kommuner also accept the legacy attribute RJH;LINK for biståndshandläggare (Region Jämtland Härjedalen's project report on Cosmic Link (2019)).
 */
import { buildExampleRules } from "@vardkedjan/domain/identity/example-rules";
import type { MappingRule } from "@vardkedjan/domain/identity/types";
import type { DbOrTx } from "../client";
import { REGIONS } from "./data/index";
import type { KommunSeed, RegionSeed } from "./data/types";
import { upsertRoleMappingRule } from "./factories";

export const SYSTEM_ID = "VK";

/** Rule-id prefixes: the region's short code, and "k<kommunkod>" for a kommun. */
export function rulePrefix(org: { kind: "region" | "kommun"; shortCode?: string; municipalityCode?: string }): string {
  return org.kind === "region" ? (org.shortCode ?? "region").toLowerCase() : `k${org.municipalityCode}`;
}

/** "SE2321000032-VG" → "SE2321000032-": the prefix of every HSA-id in that organisation's catalogue. */
function cataloguePrefix(orgNo: string): string {
  return `SE${orgNo}-`;
}

export function regionRules(region: RegionSeed): MappingRule[] {
  const org = region.organisation;
  return buildExampleRules({
    kind: "region",
    prefix: rulePrefix(org),
    regionHsaId: org.hsaId,
    systemId: SYSTEM_ID,
    hospitalHsaIds: region.units.filter((u) => u.kind === "sjukhus").map((u) => u.hsaId),
    adminEmployeeHsaIdPrefixes: [cataloguePrefix(org.orgNo)],
  });
}

export function kommunRules(region: RegionSeed, k: KommunSeed): MappingRule[] {
  const org = k.organisation;
  const bistand = k.units.filter((u) => u.kind === "bistandsenhet");
  if (bistand.length !== 1 || !bistand[0]) throw new Error(`${org.name} ska ha exakt en biståndsenhet`);
  return buildExampleRules({
    kind: "kommun",
    prefix: rulePrefix(org),
    kommunHsaId: org.hsaId,
    systemId: SYSTEM_ID,
    bistandsenhetHsaId: bistand[0].hsaId,
    hemsjukvardHsaIds: k.units.filter((u) => u.kind === "hemsjukvard").map((u) => u.hsaId),
    employeeHsaIdPrefixes: [cataloguePrefix(org.orgNo)],
    ...(region.key === "jamtland" ? { legacyBistandRoles: [{ systemId: "RJH", role: "LINK" }] } : {}),
  });
}

/** Every demo rule: each region's, then each of its kommuner's. Pure. */
export function demoRoleMappingRules(): MappingRule[] {
  return REGIONS.flatMap((region) => [...regionRules(region), ...region.kommuner.flatMap((k) => kommunRules(region, k))]);
}

/** Upsert the demo rules by id; returns how many there are. */
export async function seedRoleMappingRules(db: DbOrTx): Promise<number> {
  const rules = demoRoleMappingRules();
  for (const rule of rules) await upsertRoleMappingRule(db, rule);
  return rules.length;
}
