import { describe, expect, it } from "vitest";
import { normaliseClaims } from "./claims";
import { evaluateRules } from "./evaluate";
import { buildExampleRules } from "./example-rules";
import { diffSimulations, redactSimulation, simulateLogin, type Simulation } from "./simulate";
import { allRules, AVD12, BISTAND, commissionClaim, HEMSJUKVARD, HEMTJANST_FROSLUNDA, KOMMUN, MSJ, NOW, personClaims, REGION, tree } from "./test-fixtures";
import { LOA2, type MappingRule } from "./types";

const nurseClaims = (commissions: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  personClaims({ employeeHsaId: "SE2321000032-S001", healthcareProfessionalLicense: "Sjuksköterska", allCommissions: commissions, ...extra });
const ward = commissionClaim({ id: "SE2321000032-C001", unit: AVD12, provider: REGION, name: "Avdelningsuppdrag" });

function sim(claims: Record<string, unknown>, rules: MappingRule[] = allRules): Simulation {
  return simulateLogin(normaliseClaims(claims), rules, tree, NOW);
}
const portal = (s: Simulation, p: string) => s.portals.find((x) => x.portal === p)!;

describe("simulateLogin: grants and why", () => {
  it("gives the same contexts as the login's evaluator (one function for both)", () => {
    const claims = nurseClaims([ward]);
    const s = sim(claims);
    const login = evaluateRules(normaliseClaims(claims), allRules, tree, NOW);
    expect(s.portals.flatMap((p) => p.contexts.map((c) => c.contextId))).toEqual(login.contexts.map((c) => c.id));
  });

  it("a commission grant names the rule and the commission", () => {
    const s = sim(nurseClaims([ward]));
    expect(portal(s, "slutenvard").contexts).toEqual([
      expect.objectContaining({
        label: "Sjuksköterska · Avd 12 Medicin · Mälarsjukhuset",
        grantedBy: [
          expect.objectContaining({ ruleId: "srm-R1", ruleDescription: "Sjuksköterska på vårdavdelning", commission: "Avdelningsuppdrag (Avd 12 Medicin)" }),
        ],
      }),
    ]);
    expect(s.commissions).toEqual([
      expect.objectContaining({ outcome: "granted", lines: [expect.objectContaining({ text: expect.stringMatching(/^Ger Sjuksköterska/) })] }),
    ]);
  });

  it("an ancestor grant (utskrivningsledare for the hospital)", () => {
    const s = sim(nurseClaims([ward], { systemRole: ["VK-SRM;UTSKRIVNINGSLEDARE"] }));
    expect(portal(s, "slutenvard").contexts.map((c) => [c.label, c.grantedBy.map((g) => g.ruleId)])).toContainEqual([
      "Utskrivningsledare · Mälarsjukhuset · Region Sörmland",
      ["srm-R2"],
    ]);
  });

  it("person-level grants (org scope and a unit from the system role)", () => {
    const s = sim(personClaims({ employeeHsaId: "SE2120000308-P1", systemRole: ["VK-ESK;MAS", `VK-ESK;Hemtjanst-${HEMTJANST_FROSLUNDA}`] }));
    expect(
      portal(s, "kommun")
        .contexts.map((c) => c.grantedBy[0]!.ruleId)
        .sort(),
    ).toEqual(["esk-R5", "esk-R6"]);
    expect(s.personLevel).toContainEqual(expect.objectContaining({ ruleId: "esk-R6", text: "Ger MAS · Eskilstuna kommun" }));
    expect(s.commissions).toEqual([]);
  });
});

describe("simulateLogin: denials and why a commission gave nothing", () => {
  it("shows which deny rule removed which grant (deny beats allow)", () => {
    const deny: MappingRule = {
      id: "srm-block",
      version: 1,
      enabled: true,
      description: "Spärr för inhyrd personal",
      ownerOrgHsaId: REGION,
      level: "person",
      priority: 1,
      effect: "deny",
      when: { all: [{ attr: "person.titles", op: "eq", value: "Inhyrd" }] },
      denyPortals: ["slutenvard"],
    };
    const s = sim(nurseClaims([ward], { title: "Inhyrd" }), [...allRules, deny]);
    expect(portal(s, "slutenvard").contexts).toEqual([]);
    expect(portal(s, "slutenvard").denied).toEqual([
      expect.objectContaining({
        label: "Sjuksköterska · Avd 12 Medicin · Mälarsjukhuset",
        deniedByRuleId: "srm-block",
        deniedByDescription: "Spärr för inhyrd personal",
        grantedBy: expect.objectContaining({ ruleId: "srm-R1" }),
      }),
    ]);
    expect(s.commissions[0]).toMatchObject({ outcome: "denied" });
    expect(s.commissions[0]!.lines[0]!.text).toMatch(/^Nekad: rollen Sjuksköterska.*\(av regeln "Spärr för inhyrd personal"\)$/);
  });

  it("no rule matched: each rule's failing condition", () => {
    const s = sim(nurseClaims([commissionClaim({ id: "SE2321000032-C002", unit: AVD12, provider: REGION, purpose: "Statistik" })]));
    const c = s.commissions[0]!;
    expect(c.outcome).toBe("no_rule_matched");
    expect(c.lines).toContainEqual(expect.objectContaining({ ruleId: "srm-R1", text: 'Villkoret uppdragets syfte = "Vård och behandling" är inte uppfyllt' }));
    expect(c.lines).toContainEqual(expect.objectContaining({ ruleId: "srm-D1", text: "Nekande regel gäller: Nekar Slutenvård, Primärvård, Kommun" }));
  });

  it("the employer check", () => {
    // A rule whose conditions match a commission at the kommun's HSL unit that names the region as
    // its vårdgivare: a contradictory commission, which the employer check stops.
    const r4 = buildExampleRules({
      kind: "kommun",
      prefix: "x",
      kommunHsaId: KOMMUN,
      systemId: "X",
      bistandsenhetHsaId: BISTAND,
      hemsjukvardHsaIds: [HEMSJUKVARD],
    }).find((r) => r.id === "x-R4")!;
    const loose = { ...r4, when: { all: [{ op: "unitUnderAny", attr: "commission.unitHsaId", ancestorHsaIds: [HEMSJUKVARD] }] } } as MappingRule;
    const s = sim(nurseClaims([commissionClaim({ id: "SE2321000032-C003", unit: HEMSJUKVARD, provider: REGION })]), [loose]);
    expect(s.commissions[0]!.outcome).toBe("refused");
    expect(s.commissions[0]!.lines[0]!.text).toMatch(/^Anställningskontrollen stoppade: Medarbetaruppdraget hör inte till den organisation som äger/);
    // The same person with the commission the kommun issued gets the role.
    expect(sim(nurseClaims([commissionClaim({ id: "SE2321000032-C003", unit: HEMSJUKVARD, provider: KOMMUN })]), [loose]).commissions[0]!.outcome).toBe(
      "granted",
    );
  });

  it("a role at a kind of unit it does not work at", () => {
    const rule: MappingRule = {
      id: "r",
      version: 1,
      enabled: true,
      description: "Felriktad",
      ownerOrgHsaId: REGION,
      level: "commission",
      priority: 1,
      effect: "allow",
      when: { all: [{ op: "unitUnder", attr: "commission.unitHsaId", ancestorHsaId: MSJ }] },
      grant: { portal: "kommun", role: "kommun_ssk", scope: { type: "commissionUnit", includeDescendants: true } },
    };
    const s = sim(nurseClaims([ward]), [rule]);
    expect(s.commissions[0]!.outcome).toBe("refused");
    expect(s.commissions[0]!.lines[0]!.text).toMatch(/Kommunsjuksköterska kan inte ges för Avd 12 Medicin/);
  });

  it("the level of assurance", () => {
    const s = sim(personClaims({ employeeHsaId: "SE2321000032-A1", systemRole: ["VK-SRM;VK_ADMIN"], acr: LOA2 }));
    expect(s.personLevel).toContainEqual(
      expect.objectContaining({ ruleId: "srm-R8", text: expect.stringMatching(/^Tillitsnivån räcker inte: .*tillitsnivå 3.*tillitsnivå 2/) }),
    );
    expect(s.summary.join(" ")).toMatch(/tillitsnivå 3/);
  });

  it("an expired commission and a rule outside its validity", () => {
    const expired = commissionClaim({ id: "SE2321000032-C005", unit: AVD12, provider: REGION, commissionEndDate: "2026-01-31" });
    const s = sim(
      nurseClaims([expired]),
      allRules.map((r) => (r.id === "srm-R7" ? { ...r, validTo: "2026-01-01" } : r)),
    );
    expect(s.commissions[0]).toMatchObject({ outcome: "inactive", inactiveReason: expect.stringMatching(/har upphört att gälla/) });
    expect(s.notApplied).toContainEqual(expect.objectContaining({ ruleId: "srm-R7", text: "Regeln gäller inte i dag" }));
  });
});

describe("diffSimulations and redaction", () => {
  it("before / after: added, removed and re-granted contexts per portal", () => {
    const claims = nurseClaims([ward], { systemRole: ["VK-SRM;UTSKRIVNINGSLEDARE"] });
    const before = sim(claims);
    const after = sim(
      claims,
      allRules.filter((r) => r.id !== "srm-R2"),
    );
    expect(diffSimulations(before, before)).toEqual({ changed: false, portals: [] });
    expect(diffSimulations(before, after)).toEqual({
      changed: true,
      portals: [
        { portal: "slutenvard", portalLabel: "Slutenvård", added: [], removed: ["Utskrivningsledare · Mälarsjukhuset · Region Sörmland"], changed: [] },
      ],
    });
    const other = allRules.map((r) => (r.id === "srm-R1" ? { ...r, id: "srm-R1b" } : r));
    expect(diffSimulations(before, sim(claims, other)).portals[0]!.changed).toEqual(["Sjuksköterska · Avd 12 Medicin · Mälarsjukhuset"]);
  });

  it("hides the rules of organisations the administrator may not read, keeps the contexts", () => {
    const s = sim(nurseClaims([ward, commissionClaim({ id: "SE2321000032-C006", unit: HEMSJUKVARD, provider: KOMMUN })]));
    const red = redactSimulation(
      s,
      (id) => id.startsWith("esk-"),
      () => "Region Sörmland",
    );
    expect(portal(red, "slutenvard").contexts[0]!.grantedBy[0]).toMatchObject({ ruleId: "", ruleDescription: "En regel som tillhör Region Sörmland" });
    const text = JSON.stringify(red);
    expect(text).not.toMatch(/srm-|Sjuksköterska på vårdavdelning|Mälarsjukhuset"\]/);
    expect(text).toMatch(/esk-R4/);
  });
});
