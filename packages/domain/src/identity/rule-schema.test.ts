import { describe, expect, it } from "vitest";
import { regexProblem, validateMappingRule } from "./rule-schema";
import { AVD12, KOMMUN, REGION, tree } from "./test-fixtures";
import type { MappingRule } from "./types";

const base: MappingRule = {
  id: "esk-R5",
  version: 1,
  enabled: true,
  description: "Hemtjänst",
  ownerOrgHsaId: KOMMUN,
  level: "person",
  priority: 100,
  effect: "allow",
  when: { all: [{ op: "hasSystemRole", systemId: "VK-ESK", role: { regex: "^Hemtjanst-(.+)$" } }] },
  grant: { portal: "kommun", role: "hemtjanst", scope: { type: "systemRoleUnit", regex: "^VK-ESK;Hemtjanst-(.+)$" } },
};

function errors(input: unknown, withTree = false): Record<string, string> {
  const res = validateMappingRule(input, withTree ? { tree } : {});
  if (res.ok) return {};
  return Object.fromEntries(res.errors.map((e) => [e.path, e.message]));
}

describe("validateMappingRule", () => {
  it("accepts a well-formed rule and returns it", () => {
    expect(validateMappingRule(base, { tree })).toEqual({ ok: true, rule: base });
  });

  it.each([
    ["unanchored", "Hemtjanst-(.+)", /förankrat/],
    ["anchored only at the start", "^Hemtjanst-(.+)", /förankrat/],
    ["top-level alternation", "^Hemtjanst-(.+)|Admin$", /förankrat/],
    ["escaped final dollar", "^Hemtjanst-(.+)\\$", /förankrat/],
    ["does not compile", "^Hemtjanst-((.+)$", /går inte att tolka/],
  ])("rejects a condition regex that is %s", (_why, regex, message) => {
    const rule = { ...base, when: { all: [{ op: "hasSystemRole", systemId: "VK-ESK", role: { regex } }] } };
    expect(errors(rule)["when.all.0.role.regex"]).toMatch(message);
  });

  it("accepts alternatives inside a group", () => {
    expect(regexProblem("^(Hemtjanst|Hemtjänst)-(.+)$")).toBeNull();
    expect(regexProblem("^[|]$")).toBeNull();
  });

  it("requires a capture group in a systemRoleUnit regex", () => {
    const rule = { ...base, grant: { ...base.grant!, scope: { type: "systemRoleUnit", regex: "^VK-ESK;Hemtjanst-(?:.+)$" } } };
    expect(errors(rule)["grant.scope.regex"]).toMatch(/fångande grupp/);
  });

  it("requires a grant on an allow rule, a condition, and a role in its own portal", () => {
    expect(errors({ ...base, grant: undefined })["grant"]).toBe("En tillåtande regel måste ange portal, roll och omfång");
    expect(errors({ ...base, when: {} })["when"]).toBe("Regeln måste ha minst ett villkor");
    expect(errors({ ...base, grant: { ...base.grant!, portal: "slutenvard" } })["grant.role"]).toBe("Rollen Hemtjänst hör till portalen Kommun");
  });

  it("refuses a commission scope on a person-level rule and a validTo before validFrom", () => {
    const e = errors({
      ...base,
      grant: { ...base.grant!, scope: { type: "commissionUnit", includeDescendants: true } },
      validFrom: "2026-02-01",
      validTo: "2026-01-01",
    });
    expect(e["grant.scope"]).toMatch(/personnivå/);
    expect(e["validTo"]).toBe("Slutdatumet ligger före startdatumet");
  });

  it("gives Swedish messages for shape errors, also zod's own", () => {
    const e = errors({ ...base, id: "a b", enabled: "ja", ownerOrgHsaId: "Eskilstuna", priority: 1.5, when: { all: [{ op: "foo" }] } });
    expect(e).toMatchObject({
      id: "Regelns id får bara innehålla A–Z, a–z, 0–9, - och _",
      ownerOrgHsaId: 'Ogiltigt HSA-id för ägande organisation: "Eskilstuna"',
      priority: "Ange ett heltal",
      "when.all.0.op": "Okänd villkorstyp",
    });
    expect(e["enabled"]).toMatch(/^Ogiltig inmatning/);
  });

  it("with the org tree: refuses unknown units and an org scope outside the owner", () => {
    const outside = { ...base, grant: { portal: "kommun", role: "mas", scope: { type: "org", orgHsaId: AVD12, includeDescendants: true } } };
    expect(errors(outside, true)["grant.scope.orgHsaId"]).toBe("Avd 12 Medicin ligger utanför Eskilstuna kommun, som äger regeln");
    const unknown = { ...base, when: { all: [{ op: "unitUnder", attr: "commission.unitHsaId", ancestorHsaId: "SE2321000032-NOPE" }] } };
    expect(errors(unknown, true)["when.all.0.ancestorHsaId"]).toMatch(/finns inte i organisationsträdet/);
    // Without the tree only the syntax is checked.
    expect(validateMappingRule(outside).ok).toBe(true);
    expect(errors({ ...outside, ownerOrgHsaId: REGION }, true)).toEqual({});
  });
});
