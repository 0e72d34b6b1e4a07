import { describe, expect, it } from "vitest";
import { normaliseClaims } from "./claims";
import { evaluateRules, explainEvaluation } from "./evaluate";
import { buildExampleRules } from "./example-rules";
import { validateMappingRule } from "./rule-schema";
import {
  allRules,
  AVD12,
  AVD14,
  BISTAND,
  commissionClaim,
  HEMSJUKVARD,
  HEMTJANST_FROSLUNDA,
  KOMMUN,
  kommunRules,
  MSJ,
  NOW,
  personClaims,
  PRIVATE,
  PRIVATE_VC,
  PSYK_OPPEN,
  REGION,
  regionRules,
  tree,
  VC_FROSLUNDA,
} from "./test-fixtures";
import { LOA2, type MappingRule, type RoleContext } from "./types";

function run(claims: Record<string, unknown>, rules: MappingRule[] = allRules) {
  return evaluateRules(normaliseClaims(claims), rules, tree, NOW);
}

/** The parts of a context a user would notice, for exact comparisons. */
const brief = (c: RoleContext) => ({
  portal: c.portal,
  role: c.role,
  scope: c.scopeHsaId,
  descendants: c.includeDescendants,
  provider: c.providerHsaId,
  commissions: c.commissionHsaIds,
  rules: c.ruleIds,
});

describe("buildExampleRules", () => {
  it("prefixes ids so they are unique across organisations", () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(regionRules.map((r) => r.id)).toEqual([
      "srm-D1",
      "srm-R1",
      "srm-R1-lakare",
      "srm-R1-terapeut",
      "srm-R2",
      "srm-R7",
      "srm-R7-psykiatri",
      "srm-R8",
      "srm-R10",
    ]);
    expect(kommunRules.map((r) => r.id)).toEqual(["esk-D1", "esk-R3", "esk-R4", "esk-R5", "esk-R6", "esk-R6-logg", "esk-R9", "esk-R10"]);
    expect(regionRules.every((r) => r.ownerOrgHsaId === REGION)).toBe(true);
    expect(kommunRules.every((r) => r.ownerOrgHsaId === KOMMUN)).toBe(true);
  });

  it("produces rules that pass the save-time validation, with the org tree", () => {
    for (const rule of allRules) expect(validateMappingRule(rule, { tree })).toEqual({ ok: true, rule });
  });
});

describe("R1: ward staff (slutenvård)", () => {
  it("R1 gives a licensed nurse at Avd 12 exactly the ward-nurse context", () => {
    const res = run(
      personClaims({
        employeeHsaId: "SE2321000032-S001",
        healthcareProfessionalLicense: ["Sjuksköterska"],
        allCommissions: [commissionClaim({ id: "SE2321000032-C001", unit: AVD12, provider: REGION })],
      }),
    );
    expect(res.contexts.map(brief)).toEqual([
      { portal: "slutenvard", role: "avd_ssk", scope: AVD12, descendants: true, provider: REGION, commissions: ["SE2321000032-C001"], rules: ["srm-R1"] },
    ]);
    expect(res.contexts[0]?.rights).toEqual([{ activity: "Läsa", informationClass: "alla", scope: "SJF" }]);
  });

  it("R1-lakare matches on befattningskod 203090 without a licence claim; 204090 (ej legitimerad) gets nothing", () => {
    const doctor = (code: string) =>
      run(
        personClaims({
          employeeHsaId: "SE2321000032-L001",
          paTitleCode: code,
          allCommissions: [commissionClaim({ id: "SE2321000032-C002", unit: AVD14, provider: REGION })],
        }),
      );
    expect(doctor("203090").contexts.map(brief)).toEqual([
      { portal: "slutenvard", role: "lakare", scope: AVD14, descendants: true, provider: REGION, commissions: ["SE2321000032-C002"], rules: ["srm-R1-lakare"] },
    ]);
    expect(doctor("204010").contexts.map((c) => c.role)).toEqual(["lakare"]);
    expect(doctor("204090").contexts).toEqual([]);
  });

  it("R1-terapeut gives an arbetsterapeut the therapist role", () => {
    const res = run(
      personClaims({
        employeeHsaId: "SE2321000032-T001",
        healthcareProfessionalLicense: "Arbetsterapeut",
        allCommissions: [commissionClaim({ id: "SE2321000032-C003", unit: AVD12, provider: REGION })],
      }),
    );
    expect(res.contexts.map((c) => [c.portal, c.role, c.scopeHsaId])).toEqual([["slutenvard", "terapeut", AVD12]]);
  });

  it("R1 needs a ward: a nurse commission at the hospital itself gives no ward role", () => {
    const res = run(
      personClaims({
        employeeHsaId: "SE2321000032-S002",
        healthcareProfessionalLicense: "Sjuksköterska",
        allCommissions: [commissionClaim({ id: "SE2321000032-C004", unit: MSJ, provider: REGION })],
      }),
    );
    expect(res.contexts).toEqual([]);
  });
});

describe("R2: utskrivningsledare", () => {
  it("gives the whole hospital of the commission unit, and merges commissions at two wards", () => {
    const res = run(
      personClaims({
        employeeHsaId: "SE2321000032-U001",
        systemRole: ["VK-SRM;UTSKRIVNINGSLEDARE"],
        allCommissions: [
          commissionClaim({ id: "SE2321000032-C010", unit: AVD12, provider: REGION }),
          commissionClaim({ id: "SE2321000032-C011", unit: AVD14, provider: REGION }),
        ],
      }),
    );
    expect(res.contexts.map(brief)).toEqual([
      {
        portal: "slutenvard",
        role: "utskrivningsledare",
        scope: MSJ,
        descendants: true,
        provider: REGION,
        commissions: ["SE2321000032-C010", "SE2321000032-C011"],
        rules: ["srm-R2"],
      },
    ]);
  });

  it("a nurse who is also utskrivningsledare gets both contexts, ward first (sorted by unit name)", () => {
    const res = run(
      personClaims({
        employeeHsaId: "SE2321000032-U002",
        systemRole: "VK-SRM;UTSKRIVNINGSLEDARE",
        healthcareProfessionalLicense: "Sjuksköterska",
        allCommissions: [commissionClaim({ id: "SE2321000032-C012", unit: AVD12, provider: REGION })],
      }),
    );
    expect(res.contexts.map((c) => [c.role, c.scopeHsaId])).toEqual([
      ["avd_ssk", AVD12],
      ["utskrivningsledare", MSJ],
    ]);
  });

  it("ignores the same role name under another system identity", () => {
    const res = run(
      personClaims({
        employeeHsaId: "SE2321000032-U003",
        systemRole: "VK-XYZ;UTSKRIVNINGSLEDARE",
        allCommissions: [commissionClaim({ id: "SE2321000032-C013", unit: AVD12, provider: REGION })],
      }),
    );
    expect(res.contexts).toEqual([]);
  });
});

describe("R3–R6, R9: kommun", () => {
  it("R3 gives a biståndshandläggare with no commission the biståndsenhet (person level)", () => {
    const res = run(personClaims({ employeeHsaId: "SE2120000308-B001", systemRole: "VK-ESK;BISTAND" }));
    expect(res.contexts.map(brief)).toEqual([
      { portal: "kommun", role: "bistandshandlaggare", scope: BISTAND, descendants: true, provider: KOMMUN, commissions: [], rules: ["esk-R3"] },
    ]);
  });

  it("R3 accepts the legacy RJH;LINK role, but only for the kommun's own catalogue", () => {
    expect(run(personClaims({ employeeHsaId: "SE2120000308-B002", systemRole: "RJH;LINK" })).contexts.map((c) => c.role)).toEqual(["bistandshandlaggare"]);
    // Same county-wide role, issued by another kommun's catalogue: not Eskilstuna's staff.
    expect(run(personClaims({ employeeHsaId: "SE2120002411-B003", systemRole: "RJH;LINK" })).contexts).toEqual([]);
  });

  it("R4 gives a nurse at the kommun's hemsjukvård the kommunsjuksköterska context", () => {
    const res = run(
      personClaims({
        employeeHsaId: "SE2120000308-K001",
        healthcareProfessionalLicense: "Sjuksköterska",
        allCommissions: [commissionClaim({ id: "SE2120000308-C001", unit: HEMSJUKVARD, provider: KOMMUN })],
      }),
    );
    expect(res.contexts.map(brief)).toEqual([
      { portal: "kommun", role: "kommun_ssk", scope: HEMSJUKVARD, descendants: true, provider: KOMMUN, commissions: ["SE2120000308-C001"], rules: ["esk-R4"] },
    ]);
  });

  it("R5 takes the hemtjänst unit from the system role for the kommun's own staff", () => {
    const res = run(personClaims({ employeeHsaId: "SE2120000308-H001", systemRole: `VK-ESK;Hemtjanst-${HEMTJANST_FROSLUNDA}` }));
    expect(res.contexts.map(brief)).toEqual([
      { portal: "kommun", role: "hemtjanst", scope: HEMTJANST_FROSLUNDA, descendants: false, provider: KOMMUN, commissions: [], rules: ["esk-R5"] },
    ]);
  });

  it("R5 gives nothing to someone employed elsewhere, whatever unit the role names", () => {
    // An employee of the region (or of a private provider) given the kommun's hemtjänst role:
    // the system role alone says nothing about who employs the person. The rule's own
    // employeeHsaId condition stops it; without that condition the evaluator's employer check does.
    const unconditioned = buildExampleRules({
      kind: "kommun",
      prefix: "esk",
      kommunHsaId: KOMMUN,
      systemId: "VK-ESK",
      bistandsenhetHsaId: BISTAND,
      hemsjukvardHsaIds: [HEMSJUKVARD],
      employeeHsaIdPrefixes: [],
    });
    for (const employeeHsaId of ["SE2321000032-H010", "SE5560000001-H011"]) {
      for (const unit of [HEMTJANST_FROSLUNDA, BISTAND]) {
        const claims = personClaims({ employeeHsaId, systemRole: `VK-ESK;Hemtjanst-${unit}` });
        expect(run(claims).contexts, `${employeeHsaId} ${unit}`).toEqual([]);
        const res = run(claims, unconditioned);
        expect(res.contexts, `${employeeHsaId} ${unit}`).toEqual([]);
        expect(res.reasons).toContainEqual(expect.objectContaining({ code: "outside_employer_org", ruleId: "esk-R5" }));
      }
    }
  });

  it("R5 gives nothing at a unit hemtjänst does not work at (the biståndsenhet, the whole kommun)", () => {
    for (const unit of [BISTAND, HEMSJUKVARD, KOMMUN]) {
      const res = run(personClaims({ employeeHsaId: "SE2120000308-H012", systemRole: `VK-ESK;Hemtjanst-${unit}` }));
      expect(res.contexts, unit).toEqual([]);
      expect(res.reasons).toContainEqual({
        code: "role_not_at_unit_kind",
        message: `Rollen Hemtjänst kan inte ges för ${tree.get(unit)?.name ?? unit}`,
        ruleId: "esk-R5",
      });
    }
  });

  it("R5 cannot reach a region ward through the role suffix", () => {
    const res = run(personClaims({ employeeHsaId: "SE2120000308-H002", systemRole: `VK-ESK;Hemtjanst-${AVD12}` }));
    expect(res.contexts).toEqual([]);
    expect(res.reasons).toContainEqual(expect.objectContaining({ code: "outside_owner_org", ruleId: "esk-R5" }));
  });

  it("R6 gives MAS the whole kommun, and R6-logg the kommun's log review in Förvaltning as a separate context", () => {
    const res = run(personClaims({ employeeHsaId: "SE2120000308-M001", systemRole: "VK-ESK;MAS" }));
    expect(res.contexts.map(brief)).toEqual([
      { portal: "kommun", role: "mas", scope: KOMMUN, descendants: true, provider: KOMMUN, commissions: [], rules: ["esk-R6"] },
      { portal: "forvaltning", role: "loggranskare", scope: KOMMUN, descendants: true, provider: KOMMUN, commissions: [], rules: ["esk-R6-logg"] },
    ]);
  });

  it("R9 gives a delegated kommun admin the kommun in Förvaltning (LoA 3)", () => {
    const res = run(personClaims({ employeeHsaId: "SE2120000308-A001", systemRole: "VK-ESK;VK_ADMIN" }));
    expect(res.contexts.map(brief)).toEqual([
      { portal: "forvaltning", role: "kommunadmin", scope: KOMMUN, descendants: true, provider: KOMMUN, commissions: [], rules: ["esk-R9"] },
    ]);
  });
});

describe("R7, R8: primärvård and region admin", () => {
  it("R7 gives vårdcentral staff their vårdcentral, and psychiatric outpatient staff theirs", () => {
    const res = run(
      personClaims({
        employeeHsaId: "SE2321000032-V001",
        healthcareProfessionalLicense: "Sjuksköterska",
        allCommissions: [
          commissionClaim({ id: "SE2321000032-C020", unit: VC_FROSLUNDA, provider: REGION }),
          commissionClaim({ id: "SE2321000032-C021", unit: PSYK_OPPEN, provider: REGION }),
        ],
      }),
    );
    expect(res.contexts.map(brief)).toEqual([
      {
        portal: "primarvard",
        role: "psykiatri_oppenvard",
        scope: PSYK_OPPEN,
        descendants: true,
        provider: REGION,
        commissions: ["SE2321000032-C021"],
        rules: ["srm-R7-psykiatri"],
      },
      {
        portal: "primarvard",
        role: "vc_personal",
        scope: VC_FROSLUNDA,
        descendants: true,
        provider: REGION,
        commissions: ["SE2321000032-C020"],
        rules: ["srm-R7"],
      },
    ]);
  });

  it("R7 of the region does not cover a private vårdcentral outside the region's tree", () => {
    const res = run(
      personClaims({ employeeHsaId: "SE5560000001-V002", allCommissions: [commissionClaim({ id: "SE5560000001-C001", unit: PRIVATE_VC, provider: PRIVATE })] }),
    );
    expect(res.contexts).toEqual([]);
    // R7's own condition (a unit under the region) stops it now; the evaluator's owner check stays behind it.
    expect(res.reasons).toContainEqual(expect.objectContaining({ code: "no_matching_rule", commissionHsaId: "SE5560000001-C001" }));
  });

  it("R8 gives a region system administrator Förvaltning for the region with LoA 3, nothing with LoA 2", () => {
    const admin = { employeeHsaId: "SE2321000032-A001", systemRole: "VK-SRM;VK_ADMIN" };
    expect(run(personClaims(admin)).contexts.map(brief)).toEqual([
      { portal: "forvaltning", role: "sysadmin", scope: REGION, descendants: true, provider: REGION, commissions: [], rules: ["srm-R8"] },
    ]);
    const low = run(personClaims({ ...admin, acr: LOA2 }));
    expect(low.contexts).toEqual([]);
  });

  it("R10 gives the economy role on each side its own organisation in Förvaltning, and a kommun's economist nothing in the region", () => {
    expect(run(personClaims({ employeeHsaId: "SE2321000032-E001", systemRole: "VK-SRM;EKONOMI" })).contexts.map(brief)).toEqual([
      { portal: "forvaltning", role: "region_ekonom", scope: REGION, descendants: true, provider: REGION, commissions: [], rules: ["srm-R10"] },
    ]);
    expect(run(personClaims({ employeeHsaId: "SE2120000308-E001", systemRole: "VK-ESK;EKONOMI" })).contexts.map(brief)).toEqual([
      { portal: "forvaltning", role: "kommun_ekonom", scope: KOMMUN, descendants: true, provider: KOMMUN, commissions: [], rules: ["esk-R10"] },
    ]);
  });

  it("R8 with LoA 2 gives nothing, with the reason", () => {
    const admin = { employeeHsaId: "SE2321000032-A001", systemRole: "VK-SRM;VK_ADMIN" };
    const low = run(personClaims({ ...admin, acr: LOA2 }));
    expect(low.contexts).toEqual([]);
    expect(low.reasons).toContainEqual({
      code: "loa_too_low",
      message: "Rollen Systemförvaltare kräver tillitsnivå 3, men inloggningen har tillitsnivå 2",
      ruleId: "srm-R8",
    });
  });
});

describe("D1: deny commissions without the care purpose", () => {
  const administration = commissionClaim({ id: "SE2321000032-C030", unit: AVD12, provider: REGION, purpose: "Administration" });
  const care = commissionClaim({ id: "SE2321000032-C031", unit: AVD14, provider: REGION });

  it("matches a non-care commission (trace) and leaves the care commission's context alone", () => {
    const principal = normaliseClaims(
      personClaims({ employeeHsaId: "SE2321000032-S010", healthcareProfessionalLicense: "Sjuksköterska", allCommissions: [administration, care] }),
    );
    const res = explainEvaluation(principal, allRules, tree, NOW);
    expect(res.contexts.map((c) => [c.role, c.scopeHsaId])).toEqual([["avd_ssk", AVD14]]);
    expect(res.trace).toContainEqual(expect.objectContaining({ ruleId: "srm-D1", commissionHsaId: "SE2321000032-C030", outcome: "deny_matched" }));
    expect(res.trace.filter((t) => t.ruleId === "srm-D1" && t.outcome === "deny_matched")).toHaveLength(1);
  });

  it("beats a looser allow rule that forgot the purpose", () => {
    const loose: MappingRule = {
      ...regionRules.find((r) => r.id === "srm-R1")!,
      id: "srm-R1-lost",
      when: { all: [{ op: "unitKind", attr: "commission.unitHsaId", kinds: ["vardavdelning"] }] },
    };
    const res = run(personClaims({ employeeHsaId: "SE2321000032-S011", allCommissions: [administration] }), [...allRules, loose]);
    expect(res.contexts).toEqual([]);
    expect(res.reasons).toContainEqual(expect.objectContaining({ code: "denied_by_rule", ruleId: "srm-D1", commissionHsaId: "SE2321000032-C030" }));
  });

  it("the kommun's D1 does not touch region grants (a deny stays inside its owner org)", () => {
    const loose: MappingRule = {
      ...regionRules.find((r) => r.id === "srm-R1")!,
      id: "srm-R1-lost",
      when: { all: [{ op: "unitKind", attr: "commission.unitHsaId", kinds: ["vardavdelning"] }] },
    };
    const res = run(personClaims({ employeeHsaId: "SE2321000032-S012", allCommissions: [administration] }), [...kommunRules, loose]);
    expect(res.contexts.map((c) => c.ruleIds)).toEqual([["srm-R1-lost"]]);
  });
});

describe("buildExampleRules options", () => {
  it("adds nurse befattningskoder and a named utskrivningsledare allow-list when given", () => {
    const rules = buildExampleRules({
      kind: "region",
      prefix: "x",
      regionHsaId: REGION,
      systemId: "VK-SRM",
      hospitalHsaIds: [MSJ],
      nurseTitleCodes: ["999001"],
      utskrivningsledareAllowList: ["SE2321000032-U100"],
    });
    const res = run(
      personClaims({
        employeeHsaId: "SE2321000032-U100",
        paTitleCode: "999001",
        allCommissions: [commissionClaim({ id: "SE2321000032-C040", unit: AVD12, provider: REGION })],
      }),
      rules,
    );
    expect(res.contexts.map((c) => c.ruleIds[0])).toEqual(["x-R1", "x-R2"]);
  });
});
