/**
 * A small, self-contained world for tests that do not want the whole demo seed: one region with a
 * hospital, a ward and a vårdcentral, and one kommun with a biståndsenhet, hemsjukvård and a
 * hemtjänstgrupp. Numbers are made up and cannot collide with the demo data (county code 99 does
 * not exist); pass a different `n` (1–99) for each world in the same database.
 */
import type { DbOrTx } from "../client";
import type { CommissionClaimInput } from "./claims";
import { upsertOrganisation, upsertUnit, type Organisation, type Unit } from "./factories";

export interface World {
  n: number;
  region: Organisation;
  hospital: Unit;
  ward: Unit;
  vardcentral: Unit;
  kommun: Organisation;
  bistandsenhet: Unit;
  hemsjukvard: Unit;
  hemtjanst: Unit;
}

export async function makeWorld(db: DbOrTx, opts: { n?: number } = {}): Promise<World> {
  const n = opts.n ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new Error("makeWorld: n ska vara 1–99");
  const nn = String(n).padStart(2, "0");
  const regionOrgNo = `23210099${nn}`;
  const kommunOrgNo = `21200099${nn}`;
  const R = `SE${regionOrgNo}`;
  const K = `SE${kommunOrgNo}`;
  const municipalityCode = `99${nn}`;

  const region = await upsertOrganisation(db, { hsaId: `${R}-VG`, kind: "region", name: `Testregion ${n}`, orgNo: regionOrgNo, shortCode: `T${nn}` });
  const kommun = await upsertOrganisation(db, {
    hsaId: `${K}-VG`,
    kind: "kommun",
    name: `Testkommun ${n}`,
    orgNo: kommunOrgNo,
    municipalityCode,
    regionHsaId: region.hsaId,
  });
  const inRegion = { organisationHsaId: region.hsaId, city: `Testby ${n}` };
  const inKommun = { organisationHsaId: kommun.hsaId, city: `Testby ${n}` };
  const hospital = await upsertUnit(db, { ...inRegion, hsaId: `${R}-SJH`, kind: "sjukhus", name: `Testsjukhuset ${n}` });
  const ward = await upsertUnit(db, {
    ...inRegion,
    hsaId: `${R}-AVD1`,
    kind: "vardavdelning",
    name: "Avd 1 Medicin",
    parentHsaId: hospital.hsaId,
    careType: "somatisk",
  });
  const vardcentral = await upsertUnit(db, { ...inRegion, hsaId: `${R}-VC1`, kind: "vardcentral", name: `Vårdcentralen Test ${n}`, municipalityCode });
  const bistandsenhet = await upsertUnit(db, { ...inKommun, hsaId: `${K}-BIST`, kind: "bistandsenhet", name: `Biståndsenheten Testkommun ${n}` });
  const hemsjukvard = await upsertUnit(db, { ...inKommun, hsaId: `${K}-HSV`, kind: "hemsjukvard", name: `Hemsjukvården Testkommun ${n}` });
  const hemtjanst = await upsertUnit(db, { ...inKommun, hsaId: `${K}-HTJ1`, kind: "hemtjanstgrupp", name: `Hemtjänst Test ${n}` });
  return { n, region, hospital, ward, vardcentral, kommun, bistandsenhet, hemsjukvard, hemtjanst };
}

/** A commission claim at a unit of a world (or the demo data), for `buildHsaClaims`. */
export function commissionAt(
  unit: Pick<Unit, "hsaId" | "name">,
  provider: Pick<Organisation, "hsaId" | "name" | "orgNo">,
  hsaId: string,
): CommissionClaimInput {
  return {
    hsaId,
    unit: { hsaId: unit.hsaId, name: unit.name },
    provider: { hsaId: provider.hsaId, name: provider.name, orgNo: provider.orgNo },
  };
}
