import { describe, expect, it } from "vitest";
import { normaliseClaims } from "@vardkedjan/domain/identity/claims";
import { hsaCatalogue, ROLE_UNIT_KINDS } from "@vardkedjan/domain/identity/employer";
import { evaluateRules } from "@vardkedjan/domain/identity/evaluate";
import { createOrgTree, type OrgTree } from "@vardkedjan/domain/identity/org-tree";
import { LOA2, LOA3, type OrgNode, type Principal, type RoleContext } from "@vardkedjan/domain/identity/types";
import { demoCast } from "./cast";
import { REGIONS } from "./data/index";
import { demoRoleMappingRules, SYSTEM_ID } from "./rules";
import { seededRandom } from "@vardkedjan/domain/random";

/**
 * A property test over every seeded role-mapping rule: whatever claims a person arrives with,
 * no rule grants a scope outside the organisation that employs the person (person-level
 * grants) or owns the commission's unit (commission grants), or at a kind of unit the role
 * does not work at. Claim sets come from a seeded generator over the demo org tree, so a
 * failure is reproducible from its seed.
 */

/** The org tree as the API loads it (organisations are roots, units below), from the seed data. */
function demoTree(): OrgTree {
  const nodes: OrgNode[] = [];
  for (const region of REGIONS) {
    for (const org of [region.organisation, ...region.kommuner.map((k) => k.organisation)]) {
      nodes.push({ hsaId: org.hsaId, parentHsaId: null, kind: org.kind, name: org.name });
    }
    for (const [org, units] of [[region.organisation, region.units] as const, ...region.kommuner.map((k) => [k.organisation, k.units] as const)]) {
      for (const u of units) nodes.push({ hsaId: u.hsaId, parentHsaId: u.parentHsaId ?? org.hsaId, kind: u.kind, name: u.name });
    }
  }
  return createOrgTree(nodes);
}

const tree = demoTree();
const rules = demoRoleMappingRules();
const nodes = tree.nodes();
const roots = nodes.filter((n) => n.parentHsaId === null);
// Catalogues with no organisation in the tree: a private provider and Inera's test catalogue.
const catalogues = [...roots.map((r) => hsaCatalogue(r.hsaId)), "SE5560000001", "TSTNMT2321000156"];

function claimSet(rnd: () => number, n: number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => rnd() < p);
  const systemRoles = some(["UTSKRIVNINGSLEDARE", "BISTAND", "MAS", "VK_ADMIN"], 0.3).map((r) => `${SYSTEM_ID};${r}`);
  // Hemtjänst roles naming any node, most often another organisation's hemtjänstgrupp.
  for (let i = Math.floor(rnd() * 3); i > 0; i--) {
    const target = rnd() < 0.6 ? pick(nodes.filter((x) => x.kind === "hemtjanstgrupp")) : pick(nodes);
    systemRoles.push(`${rnd() < 0.9 ? SYSTEM_ID : "RJH"};Hemtjanst-${target.hsaId}`);
  }
  if (rnd() < 0.2) systemRoles.push("RJH;LINK");
  const commissions = Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => {
    const unit = pick(nodes);
    const owner = tree.rootOf(unit.hsaId)!;
    const provider = rnd() < 0.8 ? owner : pick(roots);
    return {
      commissionHsaId: `${hsaCatalogue(provider.hsaId)}-GEN${n}C${i}`,
      commissionName: `Uppdrag ${i}`,
      commissionPurpose: rnd() < 0.85 ? "Vård och behandling" : "Administration",
      commissionRights: [{ activity: "Läsa", informationClass: "alla", scope: "VG" }],
      healthCareUnitHsaId: unit.hsaId,
      healthCareUnitName: unit.name,
      healthCareProviderHsaId: rnd() < 0.05 ? "" : provider.hsaId,
      healthCareProviderName: provider.name,
    };
  });
  return {
    employeeHsaId: `${pick(catalogues)}-GEN${n}`,
    given_name: "Test",
    family_name: "Testsson",
    acr: rnd() < 0.9 ? LOA3 : LOA2,
    systemRole: systemRoles,
    healthcareProfessionalLicense: some(["Sjuksköterska", "Läkare", "Fysioterapeut", "Arbetsterapeut"], 0.3),
    paTitleCode: some(["204010", "203090"], 0.1),
    allCommissions: commissions,
  };
}

/** Why a context breaks the property, or null. */
function violation(ctx: RoleContext, principal: Principal): string | null {
  const scope = ctx.scopeHsaId;
  if (scope === null) return "global scope";
  const node = tree.get(scope);
  if (!node) return `unknown scope ${scope}`;
  if (!ROLE_UNIT_KINDS[ctx.role].includes(node.kind)) return `${ctx.role} at a ${node.kind}`;
  for (const ruleId of ctx.ruleIds) {
    const owner = rules.find((r) => r.id === ruleId)!.ownerOrgHsaId;
    if (!tree.isUnder(scope, owner)) return `rule ${ruleId} reaches outside its owner ${owner}`;
  }
  if (ctx.commissionHsaIds.length > 0) {
    for (const id of ctx.commissionHsaIds) {
      const c = principal.commissions.find((x) => x.hsaId === id)!;
      if (!tree.isUnder(scope, tree.rootOf(c.unitHsaId)!.hsaId)) return `commission ${id} at ${c.unitHsaId} reaches ${scope}`;
    }
  } else if (hsaCatalogue(tree.rootOf(scope)!.hsaId) !== hsaCatalogue(principal.employeeHsaId)) {
    return `employee ${principal.employeeHsaId} reaches ${scope}`;
  }
  return null;
}

describe("seeded role-mapping rules", () => {
  it("every demo identity gets exactly its intended contexts", () => {
    const key = (c: { portal: string; role: string; scopeHsaId: string | null }) => `${c.portal} ${c.role} ${c.scopeHsaId}`;
    for (const member of demoCast) {
      const { contexts } = evaluateRules(normaliseClaims({ ...member.claims, acr: LOA3 }), rules, tree, new Date());
      expect(contexts.map(key).sort(), member.key).toEqual(member.intended.map(key).sort());
    }
  });

  it("never grant a scope outside the person's employer or commission organisation, nor at a unit kind the role does not work at", () => {
    const now = new Date("2026-11-16T09:00:00+01:00");
    const rnd = seededRandom(20261116);
    const granted = new Map<string, number>();
    const failures: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const principal = normaliseClaims(claimSet(rnd, n));
      for (const ctx of evaluateRules(principal, rules, tree, now).contexts) {
        granted.set(ctx.role, (granted.get(ctx.role) ?? 0) + 1);
        const why = violation(ctx, principal);
        if (why) failures.push(`#${n}: ${why}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The generator must actually reach the rules, or the property says nothing.
    for (const role of ["hemtjanst", "bistandshandlaggare", "mas", "kommunadmin", "sysadmin", "avd_ssk", "vc_personal", "kommun_ssk"] as const) {
      expect(granted.get(role) ?? 0, role).toBeGreaterThan(5);
    }
  });
});
