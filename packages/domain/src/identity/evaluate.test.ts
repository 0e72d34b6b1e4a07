import { describe, expect, it } from "vitest";
import { normaliseClaims } from "./claims";
import { evaluateRules, explainEvaluation, roleContextId } from "./evaluate";
import { allRules, AVD12, AVD14, commissionClaim, KOMMUN, NOW, personClaims, PRIVATE, PRIVATE_VC, REGION, tree, VC_FROSLUNDA } from "./test-fixtures";
import { LOA2, LOA3, type Condition, type MappingRule, type Principal } from "./types";

const atWard: Condition = { op: "unitKind", attr: "commission.unitHsaId", kinds: ["vardavdelning"] };

function rule(o: Partial<MappingRule> & Pick<MappingRule, "id">): MappingRule {
  return {
    version: 1,
    enabled: true,
    description: `Testregel ${o.id}`,
    ownerOrgHsaId: REGION,
    level: "commission",
    priority: 100,
    effect: "allow",
    when: { all: [atWard] },
    grant: { portal: "slutenvard", role: "avd_ssk", scope: { type: "commissionUnit", includeDescendants: true } },
    ...o,
  };
}

const nurse = (commissions: Record<string, unknown>[], extra: Record<string, unknown> = {}): Principal =>
  normaliseClaims(personClaims({ employeeHsaId: "SE2321000032-S100", healthcareProfessionalLicense: "Sjuksköterska", allCommissions: commissions, ...extra }));

const c1 = commissionClaim({ id: "SE2321000032-C101", unit: AVD12, provider: REGION });

describe("deny beats allow", () => {
  const deny = rule({ id: "deny-admin", effect: "deny", grant: undefined, when: { all: [{ attr: "commission.purpose", op: "eq", value: "Administration" }] } });

  it("for the same commission, whatever the priority order", () => {
    const admin = commissionClaim({ id: "SE2321000032-C102", unit: AVD14, provider: REGION, purpose: "Administration" });
    const res = evaluateRules(nurse([c1, admin]), [rule({ id: "allow", priority: 1 }), { ...deny, priority: 999 }], tree, NOW);
    expect(res.contexts.map((c) => c.commissionHsaIds)).toEqual([["SE2321000032-C101"]]);
    expect(res.reasons).toContainEqual(expect.objectContaining({ code: "denied_by_rule", ruleId: "deny-admin", commissionHsaId: "SE2321000032-C102" }));
    expect(res.reasons.find((r) => r.code === "denied_by_rule")?.message).toMatch(/nekar rollen Sjuksköterska/);
  });

  it("a deny with denyPortals denies only grants to those portals", () => {
    const both = [
      rule({ id: "ward", when: { all: [atWard] } }),
      rule({
        id: "admin",
        when: { all: [atWard] },
        grant: { portal: "forvaltning", role: "sysadmin", scope: { type: "org", orgHsaId: REGION, includeDescendants: true } },
      }),
      rule({ id: "deny-ward", effect: "deny", grant: undefined, denyPortals: ["slutenvard"], when: { all: [atWard] } }),
    ];
    expect(evaluateRules(nurse([c1]), both, tree, NOW).contexts.map((c) => c.role)).toEqual(["sysadmin"]);
  });

  it("a person-level deny applies to the person's commission grants too", () => {
    const personDeny = rule({
      id: "deny-person",
      level: "person",
      effect: "deny",
      grant: undefined,
      when: { all: [{ attr: "person.employeeHsaId", op: "eq", value: "SE2321000032-S100" }] },
    });
    expect(evaluateRules(nurse([c1]), [rule({ id: "allow" }), personDeny], tree, NOW).contexts).toEqual([]);
  });
});

describe("never widen beyond the owner organisation", () => {
  it("a kommun admin's rule cannot grant a region ward (org scope)", () => {
    const sneaky = rule({
      id: "esk-sneaky",
      ownerOrgHsaId: KOMMUN,
      level: "person",
      when: { all: [{ op: "hasSystemRole", systemId: "VK-ESK", role: "MAS" }] },
      grant: { portal: "slutenvard", role: "avd_ssk", scope: { type: "org", orgHsaId: AVD12, includeDescendants: true } },
    });
    const p = normaliseClaims(personClaims({ employeeHsaId: "SE2120000308-M100", systemRole: "VK-ESK;MAS" }));
    const res = evaluateRules(p, [sneaky], tree, NOW);
    expect(res.contexts).toEqual([]);
    expect(res.reasons).toContainEqual({
      code: "outside_owner_org",
      message: 'Regeln "Testregel esk-sneaky" tillhör Eskilstuna kommun och kan inte ge behörighet till Avd 12 Medicin',
      ruleId: "esk-sneaky",
    });
  });

  it("a kommun-owned commission rule cannot grant the region ward of the commission", () => {
    const res = evaluateRules(nurse([c1]), [rule({ id: "esk-ward", ownerOrgHsaId: KOMMUN })], tree, NOW);
    expect(res.contexts).toEqual([]);
    expect(res.reasons.map((r) => r.code)).toContain("outside_owner_org");
  });

  it("clamps the global scope to the owner organisation", () => {
    const global = rule({ id: "global", grant: { portal: "forvaltning", role: "sysadmin", scope: { type: "global" } } });
    expect(evaluateRules(nurse([c1]), [global], tree, NOW).contexts.map((c) => [c.scopeHsaId, c.includeDescendants])).toEqual([[REGION, true]]);
  });

  it("drops a grant to a unit missing from the org tree", () => {
    const unknown = commissionClaim({ id: "SE2321000032-C103", unit: "SE2321000032-X999", provider: REGION });
    const res = evaluateRules(nurse([unknown]), [rule({ id: "any", when: { all: [{ attr: "commission.purpose", op: "exists" }] } })], tree, NOW);
    expect(res.contexts).toEqual([]);
    expect(res.reasons).toContainEqual(expect.objectContaining({ code: "unknown_unit", commissionHsaId: "SE2321000032-C103" }));
  });
});

describe("merging contexts", () => {
  it("merges several commissions at one unit and provider: rights and commission ids unioned", () => {
    const a = commissionClaim({ id: "SE2321000032-C110", unit: AVD12, provider: REGION, rights: ["Läsa;alla;SJF"] });
    const b = commissionClaim({ id: "SE2321000032-C111", unit: AVD12, provider: REGION, rights: ["Skriva;alla;VE", "Läsa;alla;SJF"] });
    const res = evaluateRules(nurse([a, b]), [rule({ id: "r-a" }), rule({ id: "r-b", priority: 5 })], tree, NOW);
    expect(res.contexts).toHaveLength(1);
    expect(res.contexts[0]).toMatchObject({
      commissionHsaIds: ["SE2321000032-C110", "SE2321000032-C111"],
      ruleIds: ["r-a", "r-b"],
      rights: [
        { activity: "Läsa", informationClass: "alla", scope: "SJF" },
        { activity: "Skriva", informationClass: "alla", scope: "VE" },
      ],
    });
  });

  it("never grants a commission a scope outside the organisation that owns its unit", () => {
    // A region rule naming one of the region's vårdcentraler: a commission at a private vårdval
    // provider matches its conditions but works for another organisation, so gets nothing.
    const vc = rule({
      id: "vc-froslunda",
      when: { all: [{ op: "unitKind", attr: "commission.unitHsaId", kinds: ["vardcentral"] }] },
      grant: { portal: "primarvard", role: "vc_personal", scope: { type: "org", orgHsaId: VC_FROSLUNDA, includeDescendants: true } },
    });
    const region = commissionClaim({ id: "SE2321000032-C120", unit: VC_FROSLUNDA, provider: REGION });
    const priv = commissionClaim({ id: "SE5560000001-C121", unit: PRIVATE_VC, provider: PRIVATE });
    const res = evaluateRules(nurse([region, priv]), [vc], tree, NOW);
    expect(res.contexts.map((c) => [c.providerHsaId, c.commissionHsaIds])).toEqual([[REGION, ["SE2321000032-C120"]]]);
    expect(res.reasons).toContainEqual({
      code: "outside_employer_org",
      message: "Medarbetaruppdraget hör inte till den organisation som äger Vårdcentralen Fröslunda",
      ruleId: "vc-froslunda",
      commissionHsaId: "SE5560000001-C121",
    });
  });

  it("refuses a commission whose named vårdgivare is another organisation than its unit's owner", () => {
    const forged = commissionClaim({ id: "SE2321000032-C122", unit: AVD12, provider: KOMMUN });
    const res = evaluateRules(nurse([forged]), [rule({ id: "allow" })], tree, NOW);
    expect(res.contexts).toEqual([]);
    expect(res.reasons.map((r) => r.code)).toContain("outside_employer_org");
  });

  it("grants a role only at the kinds of unit it works at", () => {
    const wide = rule({
      id: "ssk-hospital",
      grant: { portal: "slutenvard", role: "avd_ssk", scope: { type: "org", orgHsaId: REGION, includeDescendants: true } },
    });
    const res = evaluateRules(nurse([c1]), [wide], tree, NOW);
    expect(res.contexts).toEqual([]);
    expect(res.reasons).toContainEqual(expect.objectContaining({ code: "role_not_at_unit_kind", ruleId: "ssk-hospital" }));
  });

  it("sorts by portal order, then unit name", () => {
    const res = evaluateRules(
      nurse([
        commissionClaim({ id: "SE2321000032-C130", unit: AVD14, provider: REGION }),
        commissionClaim({ id: "SE2321000032-C131", unit: VC_FROSLUNDA, provider: REGION }),
        commissionClaim({ id: "SE2321000032-C132", unit: AVD12, provider: REGION }),
      ]),
      allRules,
      tree,
      NOW,
    );
    expect(res.contexts.map((c) => c.scopeHsaId)).toEqual([AVD12, AVD14, VC_FROSLUNDA]);
  });
});

describe("context ids", () => {
  it("are deterministic, URL-safe and carry only portal, role, scope and provider", () => {
    const parts = { portal: "slutenvard", role: "avd_ssk", scopeHsaId: AVD12, includeDescendants: true, providerHsaId: REGION } as const;
    const id = roleContextId(parts);
    expect(id).toBe(`slutenvard~avd_ssk~${AVD12}~d~${REGION}`);
    expect(encodeURIComponent(id)).toBe(id);
    expect(roleContextId({ ...parts, includeDescendants: false })).not.toBe(id);
    const res = evaluateRules(nurse([c1]), [rule({ id: "allow" })], tree, NOW);
    expect(res.contexts[0]?.id).toBe(id);
  });
});

describe("inactive commissions and rules", () => {
  it.each([
    ["expired", { commissionEndDate: "2026-11-15" }, /har upphört att gälla \(2026-11-15\)/],
    ["not yet valid", { commissionStartDate: "2026-11-17" }, /börjar gälla först 2026-11-17/],
    ["feigned", { feignedCommission: true }, /är fingerat/],
    ["archived unit", { archivedHealthCareUnit: true }, /arkiverad vårdenhet/],
  ])("drops a commission that is %s, with a reason", (_why, extra, message) => {
    const c = commissionClaim({ id: "SE2321000032-C140", unit: AVD12, provider: REGION, ...extra });
    const res = evaluateRules(nurse([c]), allRules, tree, NOW);
    expect(res.contexts).toEqual([]);
    const reason = res.reasons.find((r) => r.code === "commission_inactive");
    expect(reason?.commissionHsaId).toBe("SE2321000032-C140");
    expect(reason?.message).toMatch(message);
  });

  it("keeps a commission on its last day (end date inclusive, Stockholm time)", () => {
    const c = commissionClaim({ id: "SE2321000032-C141", unit: AVD12, provider: REGION, commissionEndDate: "2026-11-16" });
    expect(evaluateRules(nurse([c]), allRules, tree, NOW).contexts).toHaveLength(1);
  });

  it("ignores disabled rules and rules outside their validity period", () => {
    const rules = [rule({ id: "off", enabled: false }), rule({ id: "old", validTo: "2026-11-15" }), rule({ id: "later", validFrom: "2027-01-01" })];
    const res = explainEvaluation(nurse([c1]), rules, tree, NOW);
    expect(res.contexts).toEqual([]);
    expect(res.trace.map((t) => [t.ruleId, t.outcome])).toEqual([
      ["later", "not_valid_now"],
      ["off", "disabled"],
      ["old", "not_valid_now"],
    ]);
  });
});

describe("level of assurance", () => {
  const loaRule = rule({ id: "loa", requireLoa: [LOA3] });

  it("gives no grant when the login's LoA is not in requireLoa", () => {
    const res = evaluateRules(nurse([c1], { acr: LOA2 }), [loaRule], tree, NOW);
    expect(res.contexts).toEqual([]);
    expect(res.reasons).toContainEqual(expect.objectContaining({ code: "loa_too_low", ruleId: "loa", commissionHsaId: "SE2321000032-C101" }));
  });

  it("treats a missing LoA as too low, and grants with the right one", () => {
    const noAcr = normaliseClaims({ employeeHsaId: "SE2321000032-S101", allCommissions: [c1] });
    expect(evaluateRules(noAcr, [loaRule], tree, NOW).reasons[0]?.message).toMatch(/okänd tillitsnivå/);
    expect(evaluateRules(nurse([c1], { acr: LOA3 }), [loaRule], tree, NOW).contexts).toHaveLength(1);
  });
});

describe("explaining why there is no context", () => {
  it("names the missing care commission and the missing system role, in Swedish", () => {
    const p = normaliseClaims(personClaims({ employeeHsaId: "SE2321000032-N001" }));
    const res = evaluateRules(p, allRules, tree, NOW);
    expect(res.contexts).toEqual([]);
    expect(res.reasons).toEqual([
      { code: "no_commission_with_care_purpose", message: 'Inget medarbetaruppdrag med syfte "Vård och behandling"' },
      { code: "missing_system_role", message: "Saknar systemroll för Vårdkedjan" },
    ]);
  });

  it("traces commission-level rules as untried when there is no active commission", () => {
    const res = explainEvaluation(normaliseClaims(personClaims({ employeeHsaId: "SE2321000032-N002" })), allRules, tree, NOW);
    expect(res.trace).toContainEqual(
      expect.objectContaining({ ruleId: "srm-R1", outcome: "conditions_not_met", message: "Inget aktivt medarbetaruppdrag att pröva regeln mot" }),
    );
  });

  it("says which commission gave no role", () => {
    const p = nurse([commissionClaim({ id: "SE2321000032-C150", unit: AVD12, provider: REGION, name: "Statistikuppdrag", purpose: "Statistik" })]);
    const res = evaluateRules(p, allRules, tree, NOW);
    expect(res.reasons.map((r) => r.message)).toEqual([
      'Inget medarbetaruppdrag med syfte "Vård och behandling"',
      "Saknar systemroll för Vårdkedjan",
      'Medarbetaruppdraget "Statistikuppdrag" (Avd 12 Medicin) ger ingen roll i Vårdkedjan',
    ]);
  });

  it("does not add the summary reasons when there is a context", () => {
    const res = evaluateRules(nurse([c1]), allRules, tree, NOW);
    expect(res.contexts).toHaveLength(1);
    expect(res.reasons).toEqual([]);
  });

  it("explains for the simulator which condition failed, per rule and commission", () => {
    const p = nurse([commissionClaim({ id: "SE2321000032-C151", unit: VC_FROSLUNDA, provider: REGION })]);
    const res = explainEvaluation(p, allRules, tree, NOW);
    expect(res.activeCommissionHsaIds).toEqual(["SE2321000032-C151"]);
    expect(res.trace).toContainEqual(
      expect.objectContaining({
        ruleId: "srm-R1",
        commissionHsaId: "SE2321000032-C151",
        outcome: "conditions_not_met",
        message: "Villkoret vårdenhet inom någon av Mälarsjukhuset är inte uppfyllt",
      }),
    );
    expect(res.trace).toContainEqual(expect.objectContaining({ ruleId: "srm-R7", outcome: "granted", message: "Ger Vårdcentral · Vårdcentralen Fröslunda" }));
    expect(res.trace).toContainEqual(
      expect.objectContaining({ ruleId: "esk-R6", outcome: "conditions_not_met", message: 'Villkoret systemroll "VK-ESK;MAS" är inte uppfyllt' }),
    );
  });
});

describe("conditions", () => {
  const person = (roles: string[]) => normaliseClaims(personClaims({ employeeHsaId: "SE2321000032-P001", systemRole: roles, allCommissions: [c1] }));
  const grantIf = (when: MappingRule["when"]) => rule({ id: "c", when });

  it("supports any/none and role regexes", () => {
    const when = {
      all: [atWard],
      any: [{ op: "hasSystemRole", systemId: "VK-SRM", role: { regex: "^Avd-(.+)$" } }],
      none: [{ attr: "person.systemRoles", op: "eq", value: "VK-SRM;SPÄRRAD" }],
    } as MappingRule["when"];
    expect(evaluateRules(person(["VK-SRM;Avd-12"]), [grantIf(when)], tree, NOW).contexts).toHaveLength(1);
    expect(evaluateRules(person(["VK-SRM;Avd-12", "VK-SRM;SPÄRRAD"]), [grantIf(when)], tree, NOW).contexts).toHaveLength(0);
    expect(evaluateRules(person(["VK-SRM;Avdelning"]), [grantIf(when)], tree, NOW).contexts).toHaveLength(0);
  });

  it("hasRight compares activity case-insensitively and optional parts only when given", () => {
    const when = (scope?: string) => ({ all: [{ op: "hasRight", activity: "läsa", ...(scope ? { scope } : {}) } as Condition] });
    expect(evaluateRules(person([]), [grantIf(when())], tree, NOW).contexts).toHaveLength(1);
    expect(evaluateRules(person([]), [grantIf(when("SJF"))], tree, NOW).contexts).toHaveLength(1);
    expect(evaluateRules(person([]), [grantIf(when("VE"))], tree, NOW).contexts).toHaveLength(0);
  });

  it("an invalid stored regex fails closed", () => {
    const bad = grantIf({ all: [{ attr: "person.employeeHsaId", op: "matches", regex: "^(SE$" }] });
    expect(evaluateRules(person([]), [bad], tree, NOW).contexts).toEqual([]);
  });
});
