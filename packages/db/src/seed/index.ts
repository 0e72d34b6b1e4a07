/**
 * The demo data ("the seed"): three real regions with their hospitals and kommuner, a
 * fictitious cast for every role, demo patients with test personnummer only, and the example
 * role-mapping rules per organisation. One transaction; idempotent (a second run changes
 * nothing: same ids, same rows). Built from the factories the tests reuse.
 */
import type { Db, DbOrTx } from "../client";
import { demoCast } from "./cast";
import { REGIONS } from "./data/index";
import { demoPatients } from "./data/patients";
import { trainingPopulation } from "./data/training-population";
import type { UnitKind, UnitSeed } from "./data/types";
import { insertRegisterPersons, upsertOrganisation, upsertRegisterPerson, upsertStaff, upsertUnit } from "./factories";
import { seedRoleMappingRules } from "./rules";
import { setStaffCommissions } from "../staff";
import { seedContactList } from "./contacts";
import { seedPaymentData } from "./payment";

export {
  REGION_KEYS,
  type RegionKey,
  type RegionSeed,
  type KommunSeed,
  type UnitSeed,
  type OrganisationSeed,
  type PatientSeed,
  type UnitKind,
} from "./data/types";
export { REGIONS, regionByKey, demoUnit, demoOrganisation, allDemoUnits, allDemoOrganisations, VASTERNORRLAND_KOMMUN_SWITCHBOARDS } from "./data/index";
export { demoPatients, TOLVAN_IDENTIFIER } from "./data/patients";
export { trainingPopulation, TRAINING_PREFIX, TRAINING_POPULATION_SIZE } from "./data/training-population";
export { cast, castByKey, demoCast, demoIdentities, type DemoIdentity, type DemoCastMember, type DemoKey, type IntendedContext } from "./cast";
export { buildHsaClaims, DEFAULT_COMMISSION_RIGHTS, type HsaClaimsInput, type CommissionClaimInput } from "./claims";
export * from "./factories";
export { makeWorld, commissionAt, type World } from "./world";
export { seedPaymentData, DEMO_AGREEMENT_VALID_FROM, DEMO_AGREEMENT_AMOUNT_KR } from "./payment";
export { demoRoleMappingRules, seedRoleMappingRules, regionRules, kommunRules, rulePrefix, SYSTEM_ID } from "./rules";

/** HSA-ids tests reach for most often. */
export const DEMO_HSA = {
  regionSormland: "SE2321000032-VG",
  malarsjukhuset: "SE2321000032-MSE",
  mseAvd12Medicin: "SE2321000032-MSEAVD12",
  mseAvd14Kirurgi: "SE2321000032-MSEAVD14",
  mseAvd31Geriatrik: "SE2321000032-MSEAVD31",
  mseAvd41Psykiatri: "SE2321000032-MSEAVD41",
  nykopingsLasarett: "SE2321000032-NLN",
  kullbergska: "SE2321000032-KSK",
  vcFroslunda: "SE2321000032-VCFROS",
  eskilstunaKommun: "SE2120000357-VG",
  eskilstunaBistand: "SE2120000357-BIST",
  eskilstunaHemsjukvard: "SE2120000357-HSV",
  eskilstunaHemtjanstFroslunda: "SE2120000357-HTJ1",
  regionVasternorrland: "SE2321000206-VG",
  sundsvallsSjukhus: "SE2321000206-SUS",
  sundsvallsKommun: "SE2120002411-VG",
  regionJamtland: "SE2321000214-VG",
  ostersundsSjukhus: "SE2321000214-OSD",
  ostersundsKommun: "SE2120002528-VG",
} as const;

export interface SeedSummary {
  regions: number;
  kommuner: number;
  organisations: number;
  units: number;
  unitsByKind: Record<UnitKind, number>;
  staff: number;
  registerPersons: number;
  roleMappingRules: number;
  contactEntries: number;
  contactRepresentatives: number;
  /** Socialstyrelsen's yearly amounts per vårddygn, and one payment agreement per region. */
  paymentDayAmounts: number;
  paymentAgreements: number;
}

/** Parents before children, so each parent exists when its child is upserted. */
function parentsFirst(list: UnitSeed[]): UnitSeed[] {
  const out: UnitSeed[] = [];
  const placed = new Set<string>();
  let rest = list;
  while (rest.length > 0) {
    const ready = rest.filter((u) => !u.parentHsaId || placed.has(u.parentHsaId) || !rest.some((r) => r.hsaId === u.parentHsaId));
    if (ready.length === 0) throw new Error("Cykel bland demoenheternas föräldrar");
    for (const u of ready) {
      out.push(u);
      placed.add(u.hsaId);
    }
    rest = rest.filter((u) => !placed.has(u.hsaId));
  }
  return out;
}

async function seedInto(tx: DbOrTx): Promise<SeedSummary> {
  const unitsByKind: Record<UnitKind, number> = {
    sjukhus: 0,
    vardavdelning: 0,
    vardcentral: 0,
    psykiatrisk_oppenvard: 0,
    bistandsenhet: 0,
    hemsjukvard: 0,
    hemtjanstgrupp: 0,
    forvaltning: 0,
  };
  let kommuner = 0;
  let unitCount = 0;
  const seedUnits = async (organisationHsaId: string, list: UnitSeed[]): Promise<void> => {
    for (const unit of parentsFirst(list)) {
      await upsertUnit(tx, { ...unit, organisationHsaId });
      unitsByKind[unit.kind] += 1;
      unitCount += 1;
    }
  };

  for (const region of REGIONS) {
    await upsertOrganisation(tx, region.organisation);
    await seedUnits(region.organisation.hsaId, region.units);
    for (const k of region.kommuner) {
      await upsertOrganisation(tx, k.organisation);
      await seedUnits(k.organisation.hsaId, k.units);
      kommuner += 1;
    }
  }

  for (const member of demoCast) {
    const title = typeof member.claims.title === "string" ? member.claims.title : undefined;
    const person = await upsertStaff(tx, {
      hsaId: member.employeeHsaId,
      givenName: member.givenName,
      familyName: member.familyName,
      organisationHsaId: member.organisationHsaId,
      ...(title !== undefined ? { title } : {}),
    });
    const commissions =
      (member.claims.allCommissions as { commissionHsaId: string; healthCareUnitHsaId: string; commissionPurpose: string }[] | undefined) ?? [];
    await setStaffCommissions(
      tx,
      person.id,
      commissions.map((c) => ({ commissionHsaId: c.commissionHsaId, unitHsaId: c.healthCareUnitHsaId, purpose: c.commissionPurpose })),
    );
  }

  // The demo population register behind the patient directory; patients come with their cases.
  for (const person of demoPatients) await upsertRegisterPerson(tx, person);
  // The training population, for courses: thousands of rows, so written in a few multi-row inserts.
  const training = trainingPopulation();
  await insertRegisterPersons(tx, training);

  const roleMappingRules = await seedRoleMappingRules(tx);
  const contactList = await seedContactList(tx);
  const payment = await seedPaymentData(tx);

  return {
    regions: REGIONS.length,
    kommuner,
    organisations: REGIONS.length + kommuner,
    units: unitCount,
    unitsByKind,
    staff: demoCast.length,
    registerPersons: demoPatients.length + training.length,
    roleMappingRules,
    contactEntries: contactList.entries,
    contactRepresentatives: contactList.representatives,
    paymentDayAmounts: payment.amounts,
    paymentAgreements: payment.agreements,
  };
}

/** Seed (or re-seed) the demo data in one transaction and say how much there is. */
export async function seedDemoData(db: Db): Promise<SeedSummary> {
  return db.transaction((tx) => seedInto(tx));
}
