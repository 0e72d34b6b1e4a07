import { describe, expect, it } from "vitest";
import { buildExampleRules } from "@vardkedjan/domain/identity/example-rules";
import type { MappingRule } from "@vardkedjan/domain/identity/types";
import { emptyCondition, fromRule, toCondition, toDraft, EMPTY_FORM, type ConditionRow } from "./rule-form-model";

const rules: MappingRule[] = [
  ...buildExampleRules({
    kind: "region",
    prefix: "r",
    regionHsaId: "SE2321000032-VG",
    systemId: "VK",
    hospitalHsaIds: ["SE2321000032-MSE"],
    adminEmployeeHsaIdPrefixes: ["SE2321000032-"],
  }),
  ...buildExampleRules({
    kind: "kommun",
    prefix: "k",
    kommunHsaId: "SE2120000357-VG",
    systemId: "VK",
    bistandsenhetHsaId: "SE2120000357-BIST",
    hemsjukvardHsaIds: ["SE2120000357-HSV"],
    legacyBistandRoles: [{ systemId: "RJH", role: "LINK" }],
  }),
];

describe("rule form model", () => {
  it.each(rules.map((r) => [r.id, r] as const))("%s survives the form unchanged (an unedited save changes nothing)", (_id, rule) => {
    const { id: _i, version: _v, ownerOrgHsaId: _o, ...body } = rule;
    expect(toDraft(fromRule(rule))).toEqual(body);
  });

  it("reads list values one per line and keeps commas inside a value", () => {
    const row: ConditionRow = { ...emptyCondition("in"), attr: "person.titles", valuesText: "Sjuksköterska, specialist\n\n Läkare \n" };
    expect(toCondition(row)).toEqual({ op: "in", attr: "person.titles", values: ["Sjuksköterska, specialist", "Läkare"] });
  });

  it("derives the portal from the role and sends a deny rule without a grant", () => {
    expect(toDraft({ ...EMPTY_FORM, role: "mas", scopeType: "org", orgHsaId: "SE2120000357-VG" }).grant).toEqual({
      portal: "kommun",
      role: "mas",
      scope: { type: "org", orgHsaId: "SE2120000357-VG", includeDescendants: true },
    });
    const deny = toDraft({ ...EMPTY_FORM, effect: "deny", role: "mas", denyPortals: ["kommun"] });
    expect(deny.grant).toBeUndefined();
    expect(deny.denyPortals).toEqual(["kommun"]);
  });

  it("sends a priority that is not a number as text, for the server's Swedish refusal", () => {
    expect(toDraft({ ...EMPTY_FORM, priority: "hög" }).priority).toBe("hög");
    expect(toDraft({ ...EMPTY_FORM, priority: "20" }).priority).toBe(20);
  });
});
