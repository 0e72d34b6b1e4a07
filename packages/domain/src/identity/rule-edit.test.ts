import { describe, expect, it } from "vitest";
import { validateRuleForSave } from "./rule-edit";
import { literalPrefixes } from "./rule-guarantees";
import { allRules, AVD12, BISTAND, HEMSJUKVARD, HEMTJANST_FROSLUNDA, KOMMUN, MSJ, PRIVATE, REGION, tree } from "./test-fixtures";
import { LOA3, type MappingRule } from "./types";

const wardRule: MappingRule = {
  id: "srm-x",
  version: 1,
  enabled: true,
  description: "Sjuksköterska på Mälarsjukhuset",
  ownerOrgHsaId: REGION,
  level: "commission",
  priority: 100,
  effect: "allow",
  when: { all: [{ op: "unitUnder", attr: "commission.unitHsaId", ancestorHsaId: MSJ }] },
  grant: { portal: "slutenvard", role: "avd_ssk", scope: { type: "commissionUnit", includeDescendants: true } },
};

const masRule: MappingRule = {
  id: "esk-x",
  version: 1,
  enabled: true,
  description: "MAS",
  ownerOrgHsaId: KOMMUN,
  level: "person",
  priority: 100,
  effect: "allow",
  when: { all: [{ op: "hasSystemRole", systemId: "VK-ESK", role: "MAS" }] },
  grant: { portal: "kommun", role: "mas", scope: { type: "org", orgHsaId: KOMMUN, includeDescendants: true } },
};

function errs(rule: unknown): Record<string, string> {
  const res = validateRuleForSave(rule, tree);
  return res.ok ? {} : Object.fromEntries(res.errors.map((e) => [e.path, e.message]));
}

describe("validateRuleForSave: every field", () => {
  it("accepts the example rules of both organisations unchanged", () => {
    for (const rule of allRules) expect(errs(rule), rule.id).toEqual({});
  });

  it.each<[string, Partial<MappingRule> | Record<string, unknown>, string, RegExp]>([
    ["empty description", { description: "  " }, "description", /Beskrivningen får inte vara tom/],
    ["too long description", { description: "x".repeat(201) }, "description", /högst 200 tecken/],
    ["unknown level", { level: "team" }, "level", /Nivån/],
    ["unknown effect", { effect: "maybe" }, "effect", /Effekten/],
    ["non-integer priority", { priority: 2.5 }, "priority", /heltal/],
    ["negative priority", { priority: -1 }, "priority", /mellan 0 och 10000/],
    ["no conditions", { when: {} }, "when", /minst ett villkor/],
    ["unknown LoA", { requireLoa: ["loa9"] }, "requireLoa.0", /Okänd tillitsnivå/],
    ["empty LoA", { requireLoa: [""] }, "requireLoa.0", /får inte vara tom/],
    ["validFrom not a date", { validFrom: "snart" }, "validFrom", /ÅÅÅÅ-MM-DD/],
    ["validTo not a real day", { validTo: "2026-02-30" }, "validTo", /ÅÅÅÅ-MM-DD/],
    ["validTo before validFrom", { validFrom: "2026-03-01", validTo: "2026-02-01" }, "validTo", /före startdatumet/],
  ])("refuses %s", (_why, patch, path, message) => {
    expect(errs({ ...wardRule, ...patch })[path]).toMatch(message);
  });

  it.each<[string, unknown, string, RegExp]>([
    ["unknown condition type", { op: "guess" }, "when.all.0.op", /Okänd villkorstyp/],
    ["unknown attribute", { op: "eq", attr: "person.shoeSize", value: "42" }, "when.all.0.attr", /Okänt attribut/],
    ["empty eq value", { op: "eq", attr: "person.licences", value: " " }, "when.all.0.value", /Ange ett värde/],
    ["empty value list", { op: "in", attr: "person.licences", values: [] }, "when.all.0.values", /minst ett värde/],
    ["empty value in a list", { op: "in", attr: "person.licences", values: ["Läkare", ""] }, "when.all.0.values", /Tomma värden/],
    ["empty startsWith", { op: "startsWith", attr: "person.employeeHsaId", value: "" }, "when.all.0.value", /får inte vara tomt/],
    ["unanchored regex", { op: "matches", attr: "person.titles", regex: "Sjuk.*" }, "when.all.0.regex", /förankrat/],
    ["broken regex", { op: "matches", attr: "person.titles", regex: "^(Sjuk$" }, "when.all.0.regex", /går inte att tolka/],
    ["empty system id", { op: "hasSystemRole", systemId: "", role: "MAS" }, "when.all.0.systemId", /Systemidentiteten/],
    ["unanchored role regex", { op: "hasSystemRole", systemId: "VK", role: { regex: "MAS" } }, "when.all.0.role.regex", /förankrat/],
    ["empty right activity", { op: "hasRight", activity: "" }, "when.all.0.activity", /Aktiviteten/],
    ["bad unit HSA-id", { op: "unitUnder", attr: "commission.unitHsaId", ancestorHsaId: "Mälarsjukhuset" }, "when.all.0.ancestorHsaId", /Ogiltigt HSA-id/],
    ["unknown unit", { op: "unitUnder", attr: "commission.unitHsaId", ancestorHsaId: "SE2321000032-NOPE" }, "when.all.0.ancestorHsaId", /finns inte/],
    ["no unit kinds", { op: "unitKind", attr: "commission.unitHsaId", kinds: [] }, "when.all.0.kinds", /minst en enhetstyp/],
  ])("refuses a condition with %s", (_why, condition, path, message) => {
    expect(errs({ ...wardRule, when: { all: [condition] } })[path]).toMatch(message);
  });

  it("refuses commission conditions in a person-level rule", () => {
    const rule = { ...masRule, when: { all: [...masRule.when.all!, { attr: "commission.purpose", op: "eq", value: "Vård och behandling" }] } };
    expect(errs(rule)["when.all.1"]).toMatch(/personnivå/);
  });

  it.each<[string, unknown, string, RegExp]>([
    ["unknown portal", { portal: "webben", role: "avd_ssk", scope: { type: "commissionUnit", includeDescendants: true } }, "grant.portal", /Okänd portal/],
    ["unknown role", { portal: "slutenvard", role: "chef", scope: { type: "commissionUnit", includeDescendants: true } }, "grant.role", /Okänd roll/],
    [
      "role of another portal",
      { portal: "kommun", role: "avd_ssk", scope: { type: "commissionUnit", includeDescendants: true } },
      "grant.role",
      /hör till portalen Slutenvård/,
    ],
    ["unknown scope type", { portal: "slutenvard", role: "avd_ssk", scope: { type: "allt" } }, "grant.scope.type", /Okänd typ av omfång/],
    [
      "systemRoleUnit without a capture group",
      { portal: "slutenvard", role: "avd_ssk", scope: { type: "systemRoleUnit", regex: "^VK;X$" } },
      "grant.scope.regex",
      /fångande grupp/,
    ],
  ])("refuses a grant with %s", (_why, grant, path, message) => {
    expect(errs({ ...wardRule, grant })[path]).toMatch(message);
  });

  it("requires a grant on an allow rule", () => {
    expect(errs({ ...wardRule, grant: undefined })["grant"]).toMatch(/portal, roll och omfång/);
  });
});

describe("validateRuleForSave: a rule can never grant beyond its owner", () => {
  const kommunGrant = (scope: unknown, role = "hemtjanst", portal = "kommun") => ({ portal, role, scope });

  it("org: refuses a node outside the owner and a kind the role does not work at", () => {
    expect(errs({ ...masRule, grant: { ...masRule.grant, scope: { type: "org", orgHsaId: REGION, includeDescendants: true } } })["grant.scope.orgHsaId"]).toBe(
      "Region Sörmland ligger utanför Eskilstuna kommun, som äger regeln",
    );
    expect(
      errs({ ...masRule, grant: { ...masRule.grant, scope: { type: "org", orgHsaId: BISTAND, includeDescendants: true } } })["grant.scope.orgHsaId"],
    ).toMatch(/Rollen MAS kan inte ges för Biståndsenheten \(biståndsenhet\)/);
  });

  it("global: refused whatever the owner", () => {
    expect(errs({ ...masRule, grant: { ...masRule.grant, scope: { type: "global" } } })["grant.scope.type"]).toMatch(/alla organisationer.*Eskilstuna kommun/);
  });

  it("commissionUnit: refused without a condition tying the commission to the owner", () => {
    const untied = { ...wardRule, when: { all: [{ op: "unitKind", attr: "commission.unitHsaId", kinds: ["vardavdelning"] }] } };
    expect(errs(untied)["when"]).toMatch(/bara gäller uppdrag inom Region Sörmland/);
    // Tied through another organisation's unit: still refused (and the evaluator would refuse too).
    expect(errs({ ...wardRule, ownerOrgHsaId: KOMMUN })["when"]).toMatch(/inom Eskilstuna kommun/);
    // A `none` excludes, it does not restrict: not a tie.
    expect(errs({ ...untied, when: { ...untied.when, none: [{ op: "unitUnder", attr: "commission.unitHsaId", ancestorHsaId: MSJ }] } })["when"]).toBeDefined();
    // An `any` ties only when every alternative does.
    const anyOf = (ids: string[]) => ({ ...wardRule, when: { any: ids.map((id) => ({ op: "unitUnder", attr: "commission.unitHsaId", ancestorHsaId: id })) } });
    expect(errs(anyOf([MSJ, AVD12]))).toEqual({});
    expect(errs(anyOf([MSJ, PRIVATE]))["when"]).toBeDefined();
  });

  it("commissionUnit: accepts the provider or the unit itself as the tie", () => {
    const by = (c: unknown) => errs({ ...wardRule, when: { all: [c] } });
    expect(by({ attr: "commission.providerHsaId", op: "in", values: [REGION] })).toEqual({});
    expect(by({ attr: "commission.providerHsaId", op: "in", values: [REGION, PRIVATE] })["when"]).toBeDefined();
    expect(by({ attr: "commission.unitHsaId", op: "eq", value: AVD12 })).toEqual({});
    expect(by({ attr: "commission.unitHsaId", op: "startsWith", value: "SE2321000032-" })["when"]).toBeDefined();
  });

  it("commissionAncestor and commissionProvider: tied, and a kind the role works at", () => {
    const ancestor = {
      ...wardRule,
      grant: { portal: "slutenvard", role: "utskrivningsledare", scope: { type: "commissionAncestor", kind: "vardcentral", includeDescendants: true } },
    };
    expect(errs(ancestor)["grant.scope.kind"]).toMatch(/Utskrivningsledare kan inte ges för en vårdcentral/);
    expect(errs({ ...ancestor, when: { all: [{ op: "unitKind", attr: "commission.unitHsaId", kinds: ["vardavdelning"] }] } })["when"]).toBeDefined();
    const provider = { ...wardRule, grant: { portal: "slutenvard", role: "avd_ssk", scope: { type: "commissionProvider" } } };
    expect(errs(provider)["grant.scope.type"]).toMatch(/hel organisation/);
    const kommunProvider = {
      ...masRule,
      level: "commission",
      when: { all: [{ op: "unitUnder", attr: "commission.unitHsaId", ancestorHsaId: HEMSJUKVARD }] },
      grant: { portal: "kommun", role: "mas", scope: { type: "commissionProvider" } },
    };
    expect(errs(kommunProvider)).toEqual({});
  });

  it("systemRoleUnit: refused unless the person is tied to the owner's HSA catalogue", () => {
    const hemtjanst = {
      ...masRule,
      when: { all: [{ op: "hasSystemRole", systemId: "VK-ESK", role: { regex: "^Hemtjanst-(.+)$" } }] },
      grant: kommunGrant({ type: "systemRoleUnit", regex: "^VK-ESK;Hemtjanst-(.+)$" }),
    };
    expect(errs(hemtjanst)["when"]).toMatch(/anställd i Eskilstuna kommun.*"SE2120000308-"/);
    const tie = (c: unknown) => errs({ ...hemtjanst, when: { all: [...hemtjanst.when.all, c] } });
    expect(tie({ attr: "person.employeeHsaId", op: "startsWith", value: "SE2120000308-" })).toEqual({});
    expect(tie({ attr: "person.employeeHsaId", op: "matches", regex: "^(SE2120000308-).*$" })).toEqual({});
    expect(tie({ attr: "person.employeeHsaId", op: "in", values: ["SE2120000308-H1", "SE2120000308-H2"] })).toEqual({});
    expect(tie({ attr: "person.employeeHsaId", op: "startsWith", value: "SE21" })["when"]).toBeDefined();
    expect(tie({ attr: "person.employeeHsaId", op: "matches", regex: "^(SE2120000308-|SE2321000032-).*$" })["when"]).toBeDefined();
    expect(tie({ attr: "person.employeeHsaId", op: "matches", regex: "^.*$" })["when"]).toBeDefined();
  });

  it("refuses a role that does not belong to the owner's kind of organisation", () => {
    expect(
      errs({ ...masRule, grant: { portal: "forvaltning", role: "sysadmin", scope: { type: "org", orgHsaId: KOMMUN, includeDescendants: true } } })[
        "grant.role"
      ],
    ).toBe("Rollen Systemförvaltare kan inte ges av en kommun (Eskilstuna kommun)");
    const regionMas = {
      ...masRule,
      ownerOrgHsaId: REGION,
      grant: { portal: "kommun", role: "mas", scope: { type: "org", orgHsaId: REGION, includeDescendants: true } },
    };
    expect(errs(regionMas)["grant.role"]).toMatch(/MAS kan inte ges av en region/);
  });

  it("refuses an owner that is a unit or unknown; deny rules only need a valid owner", () => {
    expect(errs({ ...wardRule, ownerOrgHsaId: MSJ })["ownerOrgHsaId"]).toMatch(/Mälarsjukhuset är en enhet/);
    const deny = { ...wardRule, effect: "deny", grant: undefined, when: { all: [{ attr: "commission.purpose", op: "neq", value: "Vård och behandling" }] } };
    expect(errs(deny)).toEqual({});
    expect(errs({ ...deny, denyPortals: [] })["denyPortals"]).toMatch(/minst en portal/);
  });

  it("keeps the hemtjänst unit kind and LoA fields valid together", () => {
    const rule = {
      ...masRule,
      requireLoa: [LOA3],
      grant: { portal: "kommun", role: "hemtjanst", scope: { type: "org", orgHsaId: HEMTJANST_FROSLUNDA, includeDescendants: false } },
    };
    expect(errs(rule)).toEqual({});
  });
});

describe("literalPrefixes", () => {
  it("reads the two shapes rules use and gives up on the rest", () => {
    expect(literalPrefixes("^SE2120000308-.*$")).toEqual(["SE2120000308-"]);
    expect(literalPrefixes("^(SE1-|SE2\\-)x$")).toEqual(["SE1-", "SE2-"]);
    expect(literalPrefixes("^SE1-?$")).toEqual(["SE1"]);
    expect(literalPrefixes("^(SE1-(a|b))$")).toBeNull();
    expect(literalPrefixes("SE1-.*$")).toBeNull();
  });
});
