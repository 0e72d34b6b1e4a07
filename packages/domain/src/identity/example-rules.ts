import { CARE_PURPOSE } from "./evaluate";
import { LOA3, type Condition, type MappingRule, type OrgNodeKind, type Portal } from "./types";

/**
 * The example role-mapping rules (R1–R9, D1) as data for ONE organisation, for seeds,
 * the test IdP and as a starting point for each region's and kommun's admins. System-role
 * names (UTSKRIVNINGSLEDARE, BISTAND, MAS, VK_ADMIN, Hemtjanst-<enhet>) and nurse
 * befattningskoder are placeholders (⚠ in §4.3): agree them with each HSA administration.
 */

export interface RegionRuleParams {
  kind: "region";
  /** Rule-id prefix, unique per organisation: "srm" → "srm-R1". */
  prefix: string;
  /** Owner organisation of every rule, e.g. "SE2321000032" (Region Sörmland). */
  regionHsaId: string;
  /** Our system identity in the region's hsaSystemRole values, e.g. "VK-SRM". */
  systemId: string;
  hospitalHsaIds: string[];
  /** The region's vårdgivare HSA-ids, matched against the commission's provider. Default: [regionHsaId]. */
  providerHsaIds?: string[];
  /** KV Befattning codes for nurses (placeholder; none by default, licence text decides). */
  nurseTitleCodes?: string[];
  /** Default ["204010", "203090"] (läkare AT, läkare legitimerad annan). */
  physicianTitleCodes?: string[];
  /** Unit kinds for R7. Default ["vardcentral"]. */
  vardcentralKinds?: OrgNodeKind[];
  /** Unit kinds for the psychiatric variant of R7. Default ["psykiatrisk_oppenvard"]. */
  psychiatryKinds?: OrgNodeKind[];
  /** R2 alternative to the system role: named utskrivningsledare by employeeHsaId. */
  utskrivningsledareAllowList?: string[];
  /** R8: also require the admin's employeeHsaId to start with one of these. Default: none. */
  adminEmployeeHsaIdPrefixes?: string[];
  version?: number;
}

export interface KommunRuleParams {
  kind: "kommun";
  prefix: string;
  /** Owner organisation, e.g. "SE2120000308" (Eskilstuna kommun). */
  kommunHsaId: string;
  /** Our system identity in the kommun's hsaSystemRole values, e.g. "VK-ESK". */
  systemId: string;
  bistandsenhetHsaId: string;
  /** The kommun's hälso- och sjukvård units (HSL): R4 commissions must be under one of them. */
  hemsjukvardHsaIds: string[];
  /** The kommun as vårdgivare (HSL) in commissions. Default: [kommunHsaId]. */
  hslProviderHsaIds?: string[];
  /** Legacy roles that also make a biståndshandläggare, e.g. [{ systemId: "RJH", role: "LINK" }]. */
  legacyBistandRoles?: { systemId: string; role: string }[];
  /**
   * R3, R6, R9 also require the employeeHsaId to come from the kommun's own catalogue, so a
   * role shared by every kommun in a county (RJH;LINK) only reaches this kommun's staff.
   * Default: [`${kommunHsaId}-`]; [] turns the check off.
   */
  employeeHsaIdPrefixes?: string[];
  nurseTitleCodes?: string[];
  version?: number;
}

export type ExampleRuleParams = RegionRuleParams | KommunRuleParams;

const PATIENT_DATA_PORTALS: Portal[] = ["slutenvard", "primarvard", "kommun"];

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function buildExampleRules(params: ExampleRuleParams): MappingRule[] {
  return params.kind === "region" ? regionRules(params) : kommunRules(params);
}

type RuleBody = Omit<MappingRule, "id" | "version" | "enabled" | "ownerOrgHsaId">;

function finish(prefix: string, owner: string, version: number, rules: [string, RuleBody][]): MappingRule[] {
  return rules.map(([suffix, body]) => ({
    id: `${prefix}-${suffix}`,
    version,
    enabled: true,
    ownerOrgHsaId: owner,
    ...body,
  }));
}

const carePurpose: Condition = { attr: "commission.purpose", op: "eq", value: CARE_PURPOSE };

function licenceOrCode(licences: string[], codes: string[]): Condition[] {
  const any: Condition[] = [{ attr: "person.licences", op: "in", values: licences }];
  if (codes.length > 0) any.push({ attr: "person.paTitleCodes", op: "in", values: codes });
  return any;
}

function deny(description: string): RuleBody {
  return {
    description,
    level: "commission",
    priority: 0,
    effect: "deny",
    when: { all: [{ attr: "commission.purpose", op: "neq", value: CARE_PURPOSE }] },
    denyPortals: PATIENT_DATA_PORTALS,
  };
}

function regionRules(p: RegionRuleParams): MappingRule[] {
  const providers = p.providerHsaIds ?? [p.regionHsaId];
  const atHospitalWard: Condition[] = [
    carePurpose,
    { attr: "commission.providerHsaId", op: "in", values: providers },
    { op: "unitUnderAny", attr: "commission.unitHsaId", ancestorHsaIds: p.hospitalHsaIds },
    { op: "unitKind", attr: "commission.unitHsaId", kinds: ["vardavdelning"] },
  ];
  const wardRole = (description: string, any: Condition[], role: "avd_ssk" | "lakare" | "terapeut"): RuleBody => ({
    description,
    level: "commission",
    priority: 100,
    effect: "allow",
    when: { all: atHospitalWard, any },
    grant: { portal: "slutenvard", role, scope: { type: "commissionUnit", includeDescendants: true } },
  });
  const vc = (description: string, kinds: OrgNodeKind[], role: "vc_personal" | "psykiatri_oppenvard"): RuleBody => ({
    description,
    level: "commission",
    priority: 100,
    effect: "allow",
    // Tied to the region's own tree: a private vårdval provider's vårdcentral needs its own rule.
    when: {
      all: [
        carePurpose,
        { op: "unitUnder", attr: "commission.unitHsaId", ancestorHsaId: p.regionHsaId },
        { op: "unitKind", attr: "commission.unitHsaId", kinds },
      ],
    },
    grant: { portal: "primarvard", role, scope: { type: "commissionUnit", includeDescendants: true } },
  });
  const utskrivningsledareAny: Condition[] = [{ op: "hasSystemRole", systemId: p.systemId, role: "UTSKRIVNINGSLEDARE" }];
  if (p.utskrivningsledareAllowList?.length) {
    utskrivningsledareAny.push({ attr: "person.employeeHsaId", op: "in", values: p.utskrivningsledareAllowList });
  }
  const adminAll: Condition[] = [{ op: "hasSystemRole", systemId: p.systemId, role: "VK_ADMIN" }];
  if (p.adminEmployeeHsaIdPrefixes?.length) {
    adminAll.push({ attr: "person.employeeHsaId", op: "matches", regex: prefixRegex(p.adminEmployeeHsaIdPrefixes) });
  }

  return finish(p.prefix, p.regionHsaId, p.version ?? 1, [
    ["D1", deny(`Nekar patientdata för uppdrag med annat syfte än ${CARE_PURPOSE}`)],
    ["R1", wardRole("Sjuksköterska på vårdavdelning", licenceOrCode(["Sjuksköterska"], p.nurseTitleCodes ?? []), "avd_ssk")],
    ["R1-lakare", wardRole("Läkare på vårdavdelning", licenceOrCode(["Läkare"], p.physicianTitleCodes ?? ["204010", "203090"]), "lakare")],
    [
      "R1-terapeut",
      // "Sjukgymnast" is the licence title before 2014; older HSA records still carry it.
      wardRole("Fysioterapeut/arbetsterapeut på vårdavdelning", licenceOrCode(["Fysioterapeut", "Sjukgymnast", "Arbetsterapeut"], []), "terapeut"),
    ],
    [
      "R2",
      {
        description: "Utskrivningsledare för hela sjukhuset",
        level: "commission",
        priority: 90,
        effect: "allow",
        when: {
          all: [
            carePurpose,
            { attr: "commission.providerHsaId", op: "in", values: providers },
            { op: "unitUnderAny", attr: "commission.unitHsaId", ancestorHsaIds: p.hospitalHsaIds },
          ],
          any: utskrivningsledareAny,
        },
        grant: {
          portal: "slutenvard",
          role: "utskrivningsledare",
          scope: { type: "commissionAncestor", kind: "sjukhus", includeDescendants: true },
        },
      },
    ],
    ["R7", vc("Vårdcentral", p.vardcentralKinds ?? ["vardcentral"], "vc_personal")],
    ["R7-psykiatri", vc("Psykiatrisk öppenvård", p.psychiatryKinds ?? ["psykiatrisk_oppenvard"], "psykiatri_oppenvard")],
    [
      "R8",
      {
        description: "Systemförvaltare i regionen",
        level: "person",
        priority: 50,
        effect: "allow",
        when: { all: adminAll },
        grant: { portal: "forvaltning", role: "sysadmin", scope: { type: "org", orgHsaId: p.regionHsaId, includeDescendants: true } },
        requireLoa: [LOA3],
      },
    ],
    [
      "R10",
      {
        description: "Ekonomi i regionen (faktureringsunderlag för betalningsansvar)",
        level: "person",
        priority: 50,
        effect: "allow",
        when: { all: [{ op: "hasSystemRole", systemId: p.systemId, role: "EKONOMI" }] },
        grant: { portal: "forvaltning", role: "region_ekonom", scope: { type: "org", orgHsaId: p.regionHsaId, includeDescendants: true } },
        requireLoa: [LOA3],
      },
    ],
  ]);
}

function prefixRegex(prefixes: string[]): string {
  return `^(${prefixes.map(escapeRegex).join("|")}).*$`;
}

function kommunRules(p: KommunRuleParams): MappingRule[] {
  const prefixes = p.employeeHsaIdPrefixes ?? [`${p.kommunHsaId}-`];
  const ownCatalogue: Condition[] = prefixes.length > 0 ? [{ attr: "person.employeeHsaId", op: "matches", regex: prefixRegex(prefixes) }] : [];
  const kommunOrg = { type: "org", orgHsaId: p.kommunHsaId, includeDescendants: true } as const;
  const personRule = (description: string, role: string, grant: NonNullable<MappingRule["grant"]>, extra: Partial<RuleBody> = {}): RuleBody => ({
    description,
    level: "person",
    priority: 100,
    effect: "allow",
    when: { all: [{ op: "hasSystemRole", systemId: p.systemId, role }, ...ownCatalogue] },
    grant,
    ...extra,
  });
  const bistandAny: Condition[] = [
    { op: "hasSystemRole", systemId: p.systemId, role: "BISTAND" },
    ...(p.legacyBistandRoles ?? []).map((r): Condition => ({ op: "hasSystemRole", systemId: r.systemId, role: r.role })),
  ];

  return finish(p.prefix, p.kommunHsaId, p.version ?? 1, [
    ["D1", deny(`Nekar patientdata för uppdrag med annat syfte än ${CARE_PURPOSE}`)],
    [
      "R3",
      {
        description: "Biståndshandläggare",
        level: "person",
        priority: 100,
        effect: "allow",
        when: { all: ownCatalogue, any: bistandAny },
        grant: {
          portal: "kommun",
          role: "bistandshandlaggare",
          scope: { type: "org", orgHsaId: p.bistandsenhetHsaId, includeDescendants: true },
        },
      },
    ],
    [
      "R4",
      {
        description: "Kommunsjuksköterska (HSL)",
        level: "commission",
        priority: 100,
        effect: "allow",
        when: {
          all: [
            carePurpose,
            { attr: "commission.providerHsaId", op: "in", values: p.hslProviderHsaIds ?? [p.kommunHsaId] },
            { op: "unitUnderAny", attr: "commission.unitHsaId", ancestorHsaIds: p.hemsjukvardHsaIds },
          ],
          any: licenceOrCode(["Sjuksköterska"], p.nurseTitleCodes ?? []),
        },
        grant: { portal: "kommun", role: "kommun_ssk", scope: { type: "commissionUnit", includeDescendants: true } },
      },
    ],
    [
      "R5",
      {
        // The unit comes from the role, so the evaluator's checks carry this rule: the unit must
        // lie inside the kommun (owner), the person must be employed by the kommun (employer),
        // and the unit must be a hemtjänstgrupp (unit kind). A private LOV provider's staff
        // need the provider in the org tree with its own hemtjänst units and rule.
        description: "Hemtjänst (enhet från systemrollen)",
        level: "person",
        priority: 100,
        effect: "allow",
        // The employeeHsaId condition ties the person to the kommun (rule-guarantees.ts refuses a
        // systemRoleUnit rule without it).
        when: { all: [{ op: "hasSystemRole", systemId: p.systemId, role: { regex: "^Hemtjanst-(.+)$" } }, ...ownCatalogue] },
        grant: {
          portal: "kommun",
          role: "hemtjanst",
          scope: { type: "systemRoleUnit", regex: `^${escapeRegex(p.systemId)};Hemtjanst-(.+)$` },
        },
      },
    ],
    ["R6", personRule("Medicinskt ansvarig sjuksköterska (MAS)", "MAS", { portal: "kommun", role: "mas", scope: kommunOrg })],
    // The MAS holds the kommun's log review (HSLF-FS 2016:40 4 kap. 9 §): the same system role
    // gives a second, separate context in Förvaltning, so reading cases and reviewing who read
    // them are never one context.
    ["R6-logg", personRule("Loggranskare (MAS)", "MAS", { portal: "forvaltning", role: "loggranskare", scope: kommunOrg })],
    [
      "R9",
      personRule("Kommunadministratör", "VK_ADMIN", { portal: "forvaltning", role: "kommunadmin", scope: kommunOrg }, { priority: 50, requireLoa: [LOA3] }),
    ],
    [
      "R10",
      personRule(
        "Ekonomi i kommunen (faktureringsunderlag för betalningsansvar)",
        "EKONOMI",
        { portal: "forvaltning", role: "kommun_ekonom", scope: kommunOrg },
        { priority: 50, requireLoa: [LOA3] },
      ),
    ],
  ]);
}
