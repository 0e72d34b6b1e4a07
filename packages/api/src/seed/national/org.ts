import { sql, type DbOrTx } from "@vardkedjan/db/client";
import { CARE_PURPOSE } from "@vardkedjan/domain/identity/evaluate";

/**
 * The synthetic part of the national organisation tree: with the demo's three regions it makes 21
 * regions, 290 kommuner (each with its biståndsenhet, hemsjukvård and two hemtjänst groups), about
 * 70 hospitals with 1,500 wards and 1,200 vårdcentraler, and one person per hospital, kommun and
 * vårdcentral who acts in the synthetic cases (with a commission there, as a login would record it).
 *
 * Every synthetic HSA-id lies in the catalogues SE0000000001–SE0000001999: organisationsnummer
 * 0000000001–0000001999, which no organisation has (an organisationsnummer never begins with 0 and
 * its third digit is at least 2), so no synthetic unit can be mistaken for or collide with a real
 * one. Regions are SE0000000001–SE0000000018, kommuner SE0000001001 on; units and people are
 * `<catalogue>-<code>` under them (HSA-ids have one hyphen). Kommunkoder are 9001 on (real ones run 0114–2584).
 */

export const NATIONAL_HSA_PREFIX = "SE000000";
export const NATIONAL_TARGETS = { regions: 21, kommuner: 290, hospitals: 70, wards: 1500, vcs: 1200 } as const;
const SYNTHETIC_REGIONS = NATIONAL_TARGETS.regions - 3;

const regionHsa = (r: number) => `SE0000000${String(r).padStart(3, "0")}`;

/** Whether the synthetic tree is there (its first region). */
export async function nationalTreeExists(db: DbOrTx): Promise<boolean> {
  const res = await db.execute(sql`select 1 from organisations where hsa_id = ${regionHsa(1)}`);
  return res.rows.length > 0;
}

/**
 * Creates the synthetic tree in one statement per table, sized so that the totals with what is
 * already there (the demo regions) meet the national targets. Returns what it made.
 */
export async function createNationalTree(db: DbOrTx): Promise<Record<string, number>> {
  const existing = (
    await db.execute<{ kommuner: number; hospitals: number; wards: number; vcs: number }>(sql`
      select (select count(*)::int from organisations where kind = 'kommun') as kommuner,
             (select count(*)::int from units where kind = 'sjukhus') as hospitals,
             (select count(*)::int from units where kind = 'vardavdelning') as wards,
             (select count(*)::int from units where kind = 'vardcentral') as vcs`)
  ).rows[0]!;
  const kommuner = Math.max(SYNTHETIC_REGIONS, NATIONAL_TARGETS.kommuner - existing.kommuner);
  const hospitals = Math.max(SYNTHETIC_REGIONS, NATIONAL_TARGETS.hospitals - existing.hospitals);
  const wards = Math.max(hospitals, NATIONAL_TARGETS.wards - existing.wards);
  const vcs = Math.max(SYNTHETIC_REGIONS, NATIONAL_TARGETS.vcs - existing.vcs);
  const regions = SYNTHETIC_REGIONS;

  await db.execute(sql`
    insert into organisations (hsa_id, kind, name, org_no, short_code)
    select 'SE0000000' || lpad(r::text, 3, '0'), 'region', 'Syntetregion ' || lpad(r::text, 2, '0'), '0000000' || lpad(r::text, 3, '0'), 'N' || lpad(r::text, 2, '0')
    from generate_series(1, ${regions}) r`);
  // Kommun k belongs to region 1 + (k - 1) % regions.
  await db.execute(sql`
    insert into organisations (hsa_id, kind, name, org_no, region_id, municipality_code)
    select 'SE0000001' || lpad(k::text, 3, '0'), 'kommun', 'Syntetkommun ' || lpad(k::text, 3, '0'), '0000001' || lpad(k::text, 3, '0'),
           (select id from organisations where hsa_id = 'SE0000000' || lpad((1 + (k - 1) % ${regions})::text, 3, '0')), (9000 + k)::text
    from generate_series(1, ${kommuner}) k`);
  const kommunUnits = (kind: string, code: string, name: string) => sql`
    insert into units (hsa_id, organisation_id, kind, name, phone, city, municipality_code)
    select o.hsa_id || ${`-${code}`}, o.id, ${kind}::unit_kind, ${name} || ' ' || substr(o.name, 14), '010-000 ' || substr(o.municipality_code, 2), o.name, o.municipality_code
    from organisations o where o.hsa_id like 'SE0000001%' and o.kind = 'kommun'`;
  await db.execute(kommunUnits("bistandsenhet", "BIST", "Biståndsenheten Syntetkommun"));
  await db.execute(kommunUnits("hemsjukvard", "HSV", "Hemsjukvården Syntetkommun"));
  await db.execute(kommunUnits("hemtjanstgrupp", "HTJ1", "Hemtjänst Norr Syntetkommun"));
  await db.execute(kommunUnits("hemtjanstgrupp", "HTJ2", "Hemtjänst Söder Syntetkommun"));
  // Hospital h in region 1 + (h - 1) % regions; wards spread evenly over the hospitals.
  await db.execute(sql`
    insert into units (hsa_id, organisation_id, kind, name, switchboard, city)
    select 'SE0000000' || lpad((1 + (h - 1) % ${regions})::text, 3, '0') || '-SJH' || lpad(h::text, 3, '0'),
           (select id from organisations where hsa_id = 'SE0000000' || lpad((1 + (h - 1) % ${regions})::text, 3, '0')),
           'sjukhus', 'Syntetsjukhuset ' || lpad(h::text, 3, '0'), '010-100 00 00', 'Syntetstad'
    from generate_series(1, ${hospitals}) h`);
  await db.execute(sql`
    insert into units (hsa_id, organisation_id, parent_id, kind, name, care_type, phone, city)
    select hu.hsa_id || 'AVD' || lpad(w::text, 4, '0'), hu.organisation_id, hu.id, 'vardavdelning', 'Avd ' || w || ' Syntetmedicin', 'somatisk', '010-200 00 00', 'Syntetstad'
    from generate_series(1, ${wards}) w
    join units hu on hu.hsa_id = 'SE0000000' || lpad((1 + ((w - 1) % ${hospitals}) % ${regions})::text, 3, '0') || '-SJH' || lpad((1 + (w - 1) % ${hospitals})::text, 3, '0')`);
  // Vårdcentral v serves kommun 1 + (v - 1) % kommuner, in that kommun's region.
  await db.execute(sql`
    insert into units (hsa_id, organisation_id, kind, name, phone, city, municipality_code)
    select r.hsa_id || '-VC' || lpad(v::text, 4, '0'), r.id, 'vardcentral', 'Vårdcentralen Syntet ' || lpad(v::text, 4, '0'), '010-300 00 00', k.name, k.municipality_code
    from generate_series(1, ${vcs}) v
    join organisations k on k.hsa_id = 'SE0000001' || lpad((1 + (v - 1) % ${kommuner})::text, 3, '0')
    join organisations r on r.id = k.region_id`);
  // One person per hospital, kommun (at its biståndsenhet) and vårdcentral, employed by its organisation.
  await db.execute(sql`
    insert into staff (hsa_id, given_name, family_name, title, organisation_id)
    select u.hsa_id || 'P', 'Syntet', 'Personal ' || substr(u.hsa_id, 14),
           case u.kind when 'sjukhus' then 'Utskrivningsledare' when 'bistandsenhet' then 'Biståndshandläggare' else 'Sjuksköterska' end, u.organisation_id
    from units u where u.hsa_id like 'SE000000%' and u.kind in ('sjukhus', 'bistandsenhet', 'vardcentral')`);
  await db.execute(sql`
    insert into staff_commissions (staff_id, commission_hsa_id, unit_hsa_id, purpose)
    select s.id, s.hsa_id || 'U', u.hsa_id, ${CARE_PURPOSE}
    from staff s join units u on s.hsa_id = u.hsa_id || 'P' where u.hsa_id like 'SE000000%'`);
  return { regions, kommuner, hospitals, wards, vcs };
}
