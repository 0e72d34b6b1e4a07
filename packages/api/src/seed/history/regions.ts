import { schema, and, asc, eq, inArray, type DbOrTx } from "@vardkedjan/db/client";
import type { DemoKey } from "@vardkedjan/db/seed";
import type { CareType } from "@vardkedjan/domain/case/types";
import type { Actor } from "../../actor";
import { demoActor } from "../actors";
import type { PlanShape } from "./plan";

/**
 * Who made the history in each demo region: the hospitals' utskrivningsledare (who may act for
 * every ward of their hospital), the kommuner's biståndshandläggare and the vårdcentraler's staff
 * of the demo cast, so that every row is one the services would accept from that person.
 */
export interface HistoryRegion {
  code: string;
  hospitals: DemoKey[];
  kommuner: DemoKey[];
  vcs: DemoKey[];
  staysPerMonth: number;
}

export const HISTORY_REGIONS: HistoryRegion[] = [
  {
    code: "srm",
    hospitals: ["ulrika.lind", "petra.nyman", "kerstin.sundin"],
    kommuner: ["berit.holm", "sofia.lund"],
    vcs: ["fredrik.vall", "maria.lindqvist"],
    staysPerMonth: 24,
  },
  { code: "vnl", hospitals: ["annika.forslund", "maja.naslund", "per.olofsson"], kommuner: ["eva.sandberg"], vcs: ["lena.vestin"], staysPerMonth: 16 },
  { code: "rjh", hospitals: ["camilla.nilsson"], kommuner: ["jenny.astrom", "ylva.persson"], vcs: ["anna.westberg"], staysPerMonth: 12 },
];

export interface ResolvedParty {
  actor: Actor;
  unitId: string;
}

export interface ResolvedRegion {
  region: HistoryRegion;
  hospitals: { actor: Actor; hospitalUnitId: string; wards: { unitId: string; careType: CareType }[] }[];
  kommuner: (ResolvedParty & { municipalityCode: string })[];
  vcs: ResolvedParty[];
  shape: PlanShape;
}

async function unitOfScope(db: DbOrTx, actor: Actor): Promise<{ id: string; organisationId: string }> {
  const [u] = await db
    .select({ id: schema.units.id, organisationId: schema.units.organisationId })
    .from(schema.units)
    .where(eq(schema.units.hsaId, actor.context.scopeHsaId!));
  if (!u) throw new Error(`Enheten ${actor.context.scopeHsaId} saknas`);
  return u;
}

export async function resolveRegion(db: DbOrTx, region: HistoryRegion, now: Date): Promise<ResolvedRegion> {
  const hospitals = [];
  for (const key of region.hospitals) {
    const actor = await demoActor(db, key, "slutenvard", now);
    const hospital = await unitOfScope(db, actor);
    const wards = await db
      .select({ unitId: schema.units.id, careType: schema.units.careType })
      .from(schema.units)
      .where(and(eq(schema.units.parentId, hospital.id), eq(schema.units.kind, "vardavdelning"), eq(schema.units.active, true)))
      .orderBy(asc(schema.units.hsaId));
    // Somatic wards only: psychiatric stays follow their own day counts and are left to real data.
    const somatic = wards.filter((w) => (w.careType ?? "somatisk") === "somatisk").map((w) => ({ unitId: w.unitId, careType: "somatisk" as CareType }));
    hospitals.push({ actor, hospitalUnitId: hospital.id, wards: somatic });
  }
  const kommuner = [];
  for (const key of region.kommuner) {
    const actor = await demoActor(db, key, "kommun", now);
    const unit = await unitOfScope(db, actor);
    const [org] = await db
      .select({ code: schema.organisations.municipalityCode })
      .from(schema.organisations)
      .where(inArray(schema.organisations.id, [unit.organisationId]));
    kommuner.push({ actor, unitId: unit.id, municipalityCode: org!.code! });
  }
  const vcs = [];
  for (const key of region.vcs) {
    const actor = await demoActor(db, key, "primarvard", now);
    vcs.push({ actor, unitId: (await unitOfScope(db, actor)).id });
  }
  return {
    region,
    hospitals,
    kommuner,
    vcs,
    shape: {
      code: region.code,
      patients: Math.round(region.staysPerMonth * 12 * 0.7),
      wardsPerHospital: hospitals.map((h) => h.wards.length),
      kommuner: kommuner.length,
      vcs: vcs.length,
      staysPerMonth: region.staysPerMonth,
    },
  };
}

const GIVEN = ["Astrid", "Bertil", "Dagny", "Einar", "Gunnel", "Holger", "Inga", "Karl", "Maj", "Nils", "Rut", "Sture", "Vera", "Yngve"];
const FAMILY = ["Almqvist", "Björk", "Dahlin", "Ek", "Fors", "Hägg", "Lind", "Mård", "Nyberg", "Rask", "Sjölin", "Törn", "Wiklund", "Öst"];

/**
 * The history's patients: reservnummer only (never a generated personnummer, which could belong to
 * a real person), in the form the domain accepts (RESERVE_NUMBER_PATTERN: letters and digits),
 * "HIST" + the region's code + a serial number, with fictitious names. They are in the demo
 * population register with the kommun of their stays, so the payment basis finds their kommun.
 */
export function historyPatient(resolved: ResolvedRegion, index: number) {
  const kommun = resolved.kommuner[index % resolved.kommuner.length]!;
  return {
    identifier: `HIST${resolved.region.code.toUpperCase()}${String(index + 1).padStart(4, "0")}`,
    givenName: GIVEN[index % GIVEN.length]!,
    familyName: FAMILY[Math.floor(index / GIVEN.length) % FAMILY.length]!,
    municipalityCode: kommun.municipalityCode,
  };
}
