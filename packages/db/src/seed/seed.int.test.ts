import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseClaims } from "@vardkedjan/domain/identity/claims";
import { evaluateRules } from "@vardkedjan/domain/identity/evaluate";
import { createOrgTree, type OrgTree } from "@vardkedjan/domain/identity/org-tree";
import { validateMappingRule } from "@vardkedjan/domain/identity/rule-schema";
import { LOA3, type MappingRule, type OrgNode } from "@vardkedjan/domain/identity/types";
import { parsePatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { agreementModelSchema, LAW_DEFAULT_MODEL } from "@vardkedjan/domain/payment/agreement";
import { eq, schema, sql, type Db } from "../client";
import { createTestDatabase, type TestDatabase } from "../testing/index";
import { DEMO_AGREEMENT_AMOUNT_KR } from "./payment";
import {
  DEMO_HSA,
  REGIONS,
  TOLVAN_IDENTIFIER,
  TRAINING_PREFIX,
  VASTERNORRLAND_KOMMUN_SWITCHBOARDS,
  buildHsaClaims,
  cast,
  commissionAt,
  demoCast,
  demoPatients,
  demoRoleMappingRules,
  makeWorld,
  seedDemoData,
  upsertPatient,
  upsertUnit,
  type SeedSummary,
} from "./index";

const SEEDED_TABLES = [
  "organisations",
  "units",
  "staff",
  "population_register",
  "role_mapping_rules",
  "contact_entries",
  "contact_representatives",
  "payment_day_amounts",
  "payment_agreements",
] as const;

async function dump(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of SEEDED_TABLES) {
    const key = table === "population_register" ? "identifier" : table === "payment_day_amounts" ? "year" : "id";
    const result = await db.execute(sql.raw(`select * from ${table} order by ${key}`));
    out[table] = result.rows;
  }
  return out;
}

async function countRows(db: Db, table: string): Promise<number> {
  const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return (result.rows[0] as { n: number }).n;
}

/** The org tree as the API builds it (organisations are roots, units below). */
async function treeOf(db: Db): Promise<OrgTree> {
  const orgs = await db.select().from(schema.organisations);
  const units = await db.select().from(schema.units);
  const orgHsa = new Map(orgs.map((o) => [o.id, o.hsaId]));
  const unitHsa = new Map(units.map((u) => [u.id, u.hsaId]));
  const nodes: OrgNode[] = [
    ...orgs.map((o) => ({ hsaId: o.hsaId, parentHsaId: null, kind: o.kind, name: o.name })),
    ...units.map((u) => ({
      hsaId: u.hsaId,
      parentHsaId: (u.parentId ? unitHsa.get(u.parentId) : orgHsa.get(u.organisationId)) ?? null,
      kind: u.kind,
      name: u.name,
    })),
  ];
  return createOrgTree(nodes);
}

async function unitByHsa(db: Db, hsaId: string) {
  const [unit] = await db.select().from(schema.units).where(eq(schema.units.hsaId, hsaId));
  if (!unit) throw new Error(`unit ${hsaId} missing`);
  return unit;
}

async function orgByHsa(db: Db, hsaId: string) {
  const [org] = await db.select().from(schema.organisations).where(eq(schema.organisations.hsaId, hsaId));
  if (!org) throw new Error(`organisation ${hsaId} missing`);
  return org;
}

function commissionsOf(claims: Record<string, unknown>): { healthCareUnitHsaId: string; healthCareProviderHsaId: string; healthCareProviderOrgNo: string }[] {
  return claims.allCommissions as never;
}

describe("seedDemoData into an empty database", () => {
  let t: TestDatabase;
  let first: SeedSummary;
  let second: SeedSummary;
  let before: Record<string, unknown[]>;
  let after: Record<string, unknown[]>;

  beforeAll(async () => {
    t = await createTestDatabase();
    first = await seedDemoData(t.db);
    before = await dump(t.db);
    second = await seedDemoData(t.db);
    after = await dump(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("gives identical data the second time (same ids, same values, same timestamps)", () => {
    expect(second).toEqual(first);
    for (const table of SEEDED_TABLES) {
      expect(after[table], table).toEqual(before[table]);
      expect(before[table]!.length, table).toBeGreaterThan(0);
    }
  });

  it("returns counts that match the database", async () => {
    expect(first.regions).toBe(3);
    expect(first.kommuner).toBe(9 + 7 + 8);
    expect(await countRows(t.db, "organisations")).toBe(first.organisations);
    expect(await countRows(t.db, "units")).toBe(first.units);
    expect(await countRows(t.db, "staff")).toBe(first.staff);
    expect(await countRows(t.db, "population_register")).toBe(first.registerPersons);
    expect(await countRows(t.db, "role_mapping_rules")).toBe(first.roleMappingRules);
    expect(first.unitsByKind.sjukhus).toBe(7);
    expect(first.unitsByKind.bistandsenhet).toBe(24);
    expect(first.unitsByKind.hemsjukvard).toBe(24);
    expect(first.unitsByKind.forvaltning).toBe(3);
  });

  it("has Socialstyrelsen's known yearly amounts and one agreement per region: the law's default with a demo amount of its own", async () => {
    const amounts = await t.db.select().from(schema.paymentDayAmounts).orderBy(schema.paymentDayAmounts.year);
    expect(amounts.map((a) => [a.year, a.amountKr, a.regulationId])).toEqual([
      [2019, 7_800, "HSLF-FS 2018:67"],
      [2020, 8_200, null],
      [2022, 9_300, null],
      [2023, 10_500, "HSLF-FS 2022:60"],
    ]);
    expect(first.paymentDayAmounts).toBe(4);
    const agreements = await t.db.select().from(schema.paymentAgreements);
    expect(agreements).toHaveLength(3);
    expect(first.paymentAgreements).toBe(3);
    const regions = await t.db.select().from(schema.organisations).where(eq(schema.organisations.kind, "region"));
    expect(agreements.map((a) => a.regionId).sort()).toEqual(regions.map((r) => r.id).sort());
    for (const a of agreements) {
      expect(a).toMatchObject({ municipalityId: null, version: 1, validFrom: "2018-01-01", validTo: null });
      // Stored as the domain's model, and read back through its schema.
      expect(agreementModelSchema.parse(a.model)).toEqual({ ...LAW_DEFAULT_MODEL, amountPerDayKr: DEMO_AGREEMENT_AMOUNT_KR });
      expect(a.name).toMatch(/^Lagens standardregel \(demo, demobelopp 10 500 kr per dygn\): Region /);
    }
  });

  it("creates no cases, messages or audit events", async () => {
    for (const table of ["coordination_cases", "audit_events", "login_sessions"]) {
      expect(await countRows(t.db, table), table).toBe(0);
    }
  });

  it("updates a changed row in place and bumps updated_at only then", async () => {
    const hsaId = DEMO_HSA.mseAvd12Medicin;
    const original = await unitByHsa(t.db, hsaId);
    const unit = REGIONS[0]!.units.find((u) => u.hsaId === hsaId)!;
    const changed = await upsertUnit(t.db, { ...unit, organisationHsaId: DEMO_HSA.regionSormland, phone: "016-000 99 99" });
    expect(changed.id).toBe(original.id);
    expect(changed.phone).toBe("016-000 99 99");
    expect(changed.updatedAt.getTime()).toBeGreaterThan(original.updatedAt.getTime());
    await seedDemoData(t.db);
    const restored = await unitByHsa(t.db, hsaId);
    expect(restored.id).toBe(original.id);
    expect(restored.phone).toBe(original.phone);
  });
});

describe("the demo data (seeded template)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("has the three regions with their real organisation numbers and hospitals", async () => {
    const expected = {
      "Region Sörmland": { orgNo: "2321000032", hospitals: ["Kullbergska sjukhuset", "Mälarsjukhuset", "Nyköpings lasarett"] },
      "Region Västernorrland": { orgNo: "2321000206", hospitals: ["Sollefteå sjukhus", "Sundsvalls sjukhus", "Örnsköldsviks sjukhus"] },
      "Region Jämtland Härjedalen": { orgNo: "2321000214", hospitals: ["Östersunds sjukhus"] },
    };
    for (const [name, want] of Object.entries(expected)) {
      const [region] = await t.db.select().from(schema.organisations).where(eq(schema.organisations.name, name));
      expect(region?.kind).toBe("region");
      expect(region?.orgNo).toBe(want.orgNo);
      const hospitals = await t.db.select().from(schema.units).where(eq(schema.units.organisationId, region!.id));
      expect(
        hospitals
          .filter((u) => u.kind === "sjukhus")
          .map((u) => u.name)
          .sort((a, b) => a.localeCompare(b, "sv")),
      ).toEqual(want.hospitals);
    }
  });

  it("gives every kommun a kommunkod, a region and its four kinds of unit", async () => {
    const kommuner = await t.db.select().from(schema.organisations).where(eq(schema.organisations.kind, "kommun"));
    expect(kommuner).toHaveLength(24);
    for (const k of kommuner) {
      expect(k.municipalityCode, k.name).toMatch(/^\d{4}$/);
      expect(k.orgNo, k.name).toMatch(/^212000\d{4}$/);
      expect(k.regionId, k.name).not.toBeNull();
      const kinds = new Set((await t.db.select().from(schema.units).where(eq(schema.units.organisationId, k.id))).map((u) => u.kind));
      expect([...kinds].sort(), k.name).toEqual(["bistandsenhet", "hemsjukvard", "hemtjanstgrupp"]);
    }
  });

  it("carries the Västernorrland kommuner's switchboard numbers from the Avbrottsrutin Lifecare SP", async () => {
    for (const [code, number] of Object.entries(VASTERNORRLAND_KOMMUN_SWITCHBOARDS)) {
      const [k] = await t.db.select().from(schema.organisations).where(eq(schema.organisations.municipalityCode, code));
      expect(k, code).toBeDefined();
      const units = await t.db.select().from(schema.units).where(eq(schema.units.organisationId, k!.id));
      expect(units.length).toBeGreaterThan(0);
      for (const u of units) expect(u.switchboard, u.name).toBe(number);
    }
    const sundsvall = await orgByHsa(t.db, DEMO_HSA.sundsvallsKommun);
    expect(sundsvall.municipalityCode).toBe("2281");
    const bistand = await unitByHsa(t.db, "SE2120002411-BIST");
    expect(bistand.switchboard).toBe("060-19 10 00");
  });

  it("has the fixed Sörmland cast with the right units", async () => {
    const mse = await unitByHsa(t.db, DEMO_HSA.malarsjukhuset);
    expect(mse.kind).toBe("sjukhus");

    const [sannaUnit] = cast.sanna.commissionUnitHsaIds;
    const avd12 = await unitByHsa(t.db, sannaUnit!);
    expect(avd12.name).toBe("Avd 12 Medicin");
    expect(avd12.kind).toBe("vardavdelning");
    expect(avd12.parentId).toBe(mse.id);

    expect(cast.mira.commissionUnitHsaIds).toHaveLength(2);
    for (const hsaId of cast.mira.commissionUnitHsaIds) {
      const ward = await unitByHsa(t.db, hsaId);
      expect(ward.kind).toBe("vardavdelning");
      expect(ward.parentId).toBe(mse.id);
    }

    expect(cast.ulrika.commissionUnitHsaIds).toEqual([mse.hsaId]);
    expect(cast.ulrika.systemRoles).toEqual(["VK;UTSKRIVNINGSLEDARE"]);

    const froslunda = await unitByHsa(t.db, cast.fredrik.commissionUnitHsaIds[0]!);
    expect(froslunda.name).toBe("Vårdcentralen Fröslunda");
    expect(froslunda.kind).toBe("vardcentral");
    expect(froslunda.municipalityCode).toBe("0484");

    const eskilstuna = await orgByHsa(t.db, DEMO_HSA.eskilstunaKommun);
    expect(eskilstuna.name).toBe("Eskilstuna kommun");
    expect(cast.berit.commissionUnitHsaIds).toEqual([]);
    expect(cast.berit.systemRoles).toEqual(["VK;BISTAND"]);
    expect(cast.berit.employeeHsaId.startsWith(`SE${eskilstuna.orgNo}-`)).toBe(true);

    const hsv = await unitByHsa(t.db, cast.karin.commissionUnitHsaIds[0]!);
    expect(hsv.kind).toBe("hemsjukvard");
    expect(hsv.organisationId).toBe(eskilstuna.id);

    const [hansRole] = cast.hans.systemRoles;
    const hemtjanstHsaId = /^VK;Hemtjanst-(.+)$/.exec(hansRole!)?.[1];
    const hemtjanst = await unitByHsa(t.db, hemtjanstHsaId!);
    expect(hemtjanst.kind).toBe("hemtjanstgrupp");
    expect(hemtjanst.organisationId).toBe(eskilstuna.id);

    expect(cast.asa.systemRoles).toEqual(["VK;VK_ADMIN"]);
    expect(cast.asa.employeeHsaId.startsWith("SE2321000032-")).toBe(true);
    expect(cast.nils.commissionUnitHsaIds).toEqual([]);
    expect(cast.nils.systemRoles).toEqual([]);

    for (const member of Object.values(cast)) {
      const [row] = await t.db.select().from(schema.staff).where(eq(schema.staff.hsaId, member.employeeHsaId));
      expect(row?.givenName, member.key).toBe(member.givenName);
      expect(row?.organisationId, member.key).toBe((await orgByHsa(t.db, member.organisationHsaId)).id);
    }
  });

  it("has Tolvan Tolvansson folkbokförd in Eskilstuna and listed at Vårdcentralen Fröslunda", async () => {
    const [tolvan] = await t.db.select().from(schema.populationRegister).where(eq(schema.populationRegister.identifier, TOLVAN_IDENTIFIER));
    expect(tolvan).toMatchObject({ givenName: "Tolvan", familyName: "Tolvansson", identifierKind: "personnummer", city: "Eskilstuna" });
    const eskilstuna = await orgByHsa(t.db, DEMO_HSA.eskilstunaKommun);
    expect(tolvan!.municipalityCode).toBe(eskilstuna.municipalityCode);
    const froslunda = await unitByHsa(t.db, DEMO_HSA.vcFroslunda);
    expect(tolvan!.listedUnitHsaId).toBe(froslunda.hsaId);
  });

  it("uses only test identifiers, one patient with protected identity and no address for them", async () => {
    const rows = (await t.db.select().from(schema.populationRegister)).filter((r) => !r.identifier.startsWith(TRAINING_PREFIX));
    expect(rows).toHaveLength(demoPatients.length);
    expect(rows.length).toBeGreaterThanOrEqual(13);
    const allowed = new Set([
      "191212121212",
      "195009072553",
      "196101182803",
      "199002222397",
      "200302022389",
      "189002029800",
      "200001252386",
      "189602029812",
      "196109732393",
      "194408139089",
      "199006022397",
      "190104132386",
      "98240301AA06",
    ]);
    for (const p of rows) {
      expect(allowed.has(p.identifier), p.identifier).toBe(true);
      const parsed = parsePatientIdentifier(p.identifier);
      expect(parsed.ok && parsed.value.kind).toBe(p.identifierKind);
    }
    expect(new Set(rows.map((p) => p.identifierKind))).toEqual(new Set(["personnummer", "samordningsnummer", "reservnummer"]));
    const protectedOnes = rows.filter((p) => p.protectedIdentity);
    expect(protectedOnes).toHaveLength(1);
    expect(protectedOnes[0]).toMatchObject({ streetAddress: null, postalCode: null, city: null });
  });

  it("holds a training population of at least 2 000 reserve numbers, never a personnummer, over every kommun of the three regions", async () => {
    const training = (await t.db.select().from(schema.populationRegister)).filter((r) => r.identifier.startsWith(TRAINING_PREFIX));
    expect(training.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(training.map((r) => r.identifier)).size).toBe(training.length);
    for (const p of training) {
      const parsed = parsePatientIdentifier(p.identifier);
      expect(parsed.ok && parsed.value.kind, p.identifier).toBe("reservnummer");
      expect(p.identifierKind).toBe("reservnummer");
      if (p.protectedIdentity) expect(p).toMatchObject({ streetAddress: null, postalCode: null, city: null });
    }
    const kommunCodes = (await t.db.select().from(schema.organisations)).filter((o) => o.kind === "kommun").map((o) => o.municipalityCode);
    for (const code of kommunCodes) expect(training.filter((p) => p.municipalityCode === code).length, code ?? "").toBeGreaterThanOrEqual(50);
    // Nobody in the training population has a case: a course starts from an empty ward.
    const patients = await t.db.select({ identifier: schema.patients.identifier }).from(schema.patients);
    expect(patients.filter((p) => p.identifier.startsWith(TRAINING_PREFIX))).toEqual([]);
  });

  it("has every demo identity's commission units, with the unit's organisation as provider", async () => {
    for (const member of demoCast) {
      for (const c of commissionsOf(member.claims)) {
        const unit = await unitByHsa(t.db, c.healthCareUnitHsaId);
        const [org] = await t.db.select().from(schema.organisations).where(eq(schema.organisations.id, unit.organisationId));
        expect(org?.hsaId, member.key).toBe(c.healthCareProviderHsaId);
        expect(org?.orgNo, member.key).toBe(c.healthCareProviderOrgNo);
      }
      const [row] = await t.db.select().from(schema.staff).where(eq(schema.staff.hsaId, member.employeeHsaId));
      expect(row, member.key).toBeDefined();
    }
  });

  it("has a cast for every role in every region", () => {
    for (const region of REGIONS) {
      const roles = new Set(demoCast.filter((m) => m.regionKey === region.key).flatMap((m) => m.intended.map((c) => c.role)));
      expect([...roles].sort(), region.key).toEqual(
        [
          "avd_ssk",
          "bistandshandlaggare",
          "hemtjanst",
          "kommun_ssk",
          "kommunadmin",
          "kommun_ekonom",
          "lakare",
          "loggranskare",
          "mas",
          "region_ekonom",
          "psykiatri_oppenvard",
          "sysadmin",
          "terapeut",
          "utskrivningsledare",
          "vc_personal",
        ].sort(),
      );
    }
  });

  it("stores valid role-mapping rules for every region and kommun", async () => {
    const rows = await t.db.select().from(schema.roleMappingRules);
    expect(rows).toHaveLength(demoRoleMappingRules().length);
    const owners = new Set(rows.map((r) => r.ownerOrgHsaId));
    const orgs = await t.db.select().from(schema.organisations);
    expect([...owners].sort()).toEqual(orgs.map((o) => o.hsaId).sort());
    const tree = await treeOf(t.db);
    for (const row of rows) {
      const checked = validateMappingRule(row.rule, { tree });
      expect(checked.ok ? [] : checked.errors, row.id).toEqual([]);
      expect(row.priority).toBe(row.rule.priority);
      expect(row.version).toBe(row.rule.version);
    }
  });

  it("maps every demo identity to its intended contexts with the stored rules", async () => {
    const tree = await treeOf(t.db);
    const rules: MappingRule[] = (await t.db.select().from(schema.roleMappingRules)).map((r) => r.rule);
    const key = (c: { portal: string; role: string; scopeHsaId: string | null }) => `${c.portal} ${c.role} ${c.scopeHsaId}`;
    for (const member of demoCast) {
      const principal = normaliseClaims({ ...member.claims, acr: LOA3 });
      const { contexts } = evaluateRules(principal, rules, tree, new Date());
      expect(contexts.map(key).sort(), member.key).toEqual(member.intended.map(key).sort());
    }
  });
});

describe("factories", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("build a small world idempotently, usable with claims of one's own", async () => {
    const w1 = await makeWorld(t.db, { n: 7 });
    const again = await makeWorld(t.db, { n: 7 });
    expect(again.ward.id).toBe(w1.ward.id);
    expect(again.ward.updatedAt).toEqual(w1.ward.updatedAt);
    expect(w1.ward.parentId).toBe(w1.hospital.id);
    expect(w1.kommun.regionId).toBe(w1.region.id);
    const claims = buildHsaClaims({
      employeeHsaId: `SE${w1.region.orgNo}-P1`,
      givenName: "Test",
      familyName: "Testsson",
      licences: ["Sjuksköterska"],
      commissions: [commissionAt(w1.ward, w1.region, `SE${w1.region.orgNo}-M1`)],
    });
    const principal = normaliseClaims(claims);
    expect(principal.commissions[0]).toMatchObject({ unitHsaId: w1.ward.hsaId, providerOrgNo: w1.region.orgNo });
  });

  it("reject invalid identifiers and HSA-ids", async () => {
    await expect(upsertPatient(t.db, { identifier: "191212121213", givenName: "Fel", familyName: "Kontrollsiffra" })).rejects.toThrow(/kontrollsiffran/);
    await expect(upsertUnit(t.db, { hsaId: "SE2321009907-ÅÄÖ", kind: "vardavdelning", name: "Fel", organisationHsaId: "SE2321009907-VG" })).rejects.toThrow(
      /Ogiltigt HSA-id/,
    );
  });
});
