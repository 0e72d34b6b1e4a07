import { sql, type DbOrTx } from "@vardkedjan/db/client";
import type { CareType } from "@vardkedjan/domain/case/types";
import { demoActor } from "../actors";
import { HISTORY_REGIONS, resolveRegion } from "../history/regions";

/** A unit that takes part in the national cases and the person who acts for it there. */
export interface ActingUnit {
  unitId: string;
  staffId: string;
}

export interface NationalRegion {
  regionId: string;
  shortCode: string;
  /** Share of the country's patients. */
  weight: number;
  hospitals: (ActingUnit & { wards: { unitId: string; careType: CareType }[] })[];
  /** The kommuner's biståndsenheter, with the kommun's code (the patients' folkbokföringskommun). */
  kommuner: (ActingUnit & { municipalityCode: string })[];
  vcs: ActingUnit[];
}

export interface NationalUnits {
  regions: NationalRegion[];
  /** The demo's Avd 12 Medicin (Sanna Sjöberg's ward) and Eskilstuna's biståndsenhet (Berit Holm's). */
  avd12: string;
  eskilstuna: string;
}

/**
 * Shares of the patients: Region Sörmland carries the demo's large units (Eskilstuna's patients are
 * about 11.5 % of the country's, half of their stays at Avd 12), the other two demo regions a
 * little, the synthetic regions the rest evenly.
 */
const DEMO_WEIGHTS: Record<string, number> = { srm: 0.15, vnl: 0.025, rjh: 0.015 };
export const ESKILSTUNA_SHARE_OF_SORMLAND = 0.77;
export const AVD12_SHARE_OF_ESKILSTUNA = 0.5;

/** The units of the national data, in a fixed order (so the same plan lands on the same units). */
export async function resolveNationalUnits(db: DbOrTx, now: Date): Promise<NationalUnits> {
  const regions: NationalRegion[] = [];
  for (const demo of HISTORY_REGIONS) {
    const r = await resolveRegion(db, demo, now);
    const [org] = (
      await db.execute<{ id: string; short_code: string }>(
        sql`select o.id, o.short_code from units u join organisations o on o.id = u.organisation_id where u.id = ${r.hospitals[0]!.hospitalUnitId}`,
      )
    ).rows;
    regions.push({
      regionId: org!.id,
      shortCode: org!.short_code,
      weight: DEMO_WEIGHTS[demo.code] ?? 0,
      hospitals: r.hospitals.map((h) => ({ unitId: h.hospitalUnitId, staffId: h.actor.staffId, wards: h.wards })),
      kommuner: r.kommuner.map((k) => ({ unitId: k.unitId, staffId: k.actor.staffId, municipalityCode: k.municipalityCode })),
      vcs: r.vcs.map((v) => ({ unitId: v.unitId, staffId: v.actor.staffId })),
    });
  }
  const rows = (
    await db.execute<{
      region_id: string;
      short_code: string;
      unit_id: string;
      hsa_id: string;
      kind: string;
      parent_id: string | null;
      code: string | null;
      staff_id: string | null;
    }>(sql`
      select o.id as region_id, o.short_code, u.id as unit_id, u.hsa_id, u.kind, u.parent_id, k.municipality_code as code, s.id as staff_id
      from units u
      join organisations uo on uo.id = u.organisation_id
      join organisations o on o.id = coalesce(uo.region_id, uo.id)
      left join organisations k on k.id = u.organisation_id and k.kind = 'kommun'
      left join staff s on s.hsa_id = u.hsa_id || 'P'
      where u.hsa_id like 'SE000000%' and u.kind in ('sjukhus', 'vardavdelning', 'vardcentral', 'bistandsenhet')
      order by o.hsa_id, u.hsa_id`)
  ).rows;
  const synthetic = new Map<string, NationalRegion>();
  for (const row of rows) {
    let region = synthetic.get(row.region_id);
    if (!region)
      synthetic.set(row.region_id, (region = { regionId: row.region_id, shortCode: row.short_code, weight: 0, hospitals: [], kommuner: [], vcs: [] }));
    if (row.kind === "sjukhus") region.hospitals.push({ unitId: row.unit_id, staffId: row.staff_id!, wards: [] });
    else if (row.kind === "bistandsenhet") region.kommuner.push({ unitId: row.unit_id, staffId: row.staff_id!, municipalityCode: row.code! });
    else if (row.kind === "vardcentral") region.vcs.push({ unitId: row.unit_id, staffId: row.staff_id! });
  }
  for (const row of rows) {
    if (row.kind !== "vardavdelning") continue;
    const hospital = synthetic.get(row.region_id)!.hospitals.find((h) => h.unitId === row.parent_id)!;
    hospital.wards.push({ unitId: row.unit_id, careType: "somatisk" });
  }
  const rest = 1 - Object.values(DEMO_WEIGHTS).reduce((a, b) => a + b, 0);
  for (const region of synthetic.values()) regions.push({ ...region, weight: rest / synthetic.size });

  const sanna = await demoActor(db, "sanna.sjoberg", "slutenvard", now);
  const berit = await demoActor(db, "berit.holm", "kommun", now);
  const ids = (
    await db.execute<{ hsa_id: string; id: string }>(
      sql`select hsa_id, id from units where hsa_id in (${sanna.context.scopeHsaId}, ${berit.context.scopeHsaId})`,
    )
  ).rows;
  const idOf = (hsa: string | null | undefined) => ids.find((r) => r.hsa_id === hsa)!.id;
  return { regions, avd12: idOf(sanna.context.scopeHsaId), eskilstuna: idOf(berit.context.scopeHsaId) };
}
