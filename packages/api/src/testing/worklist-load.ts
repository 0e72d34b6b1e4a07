import { sql, type Db } from "@vardkedjan/db/client";

/**
 * Many cases at one ward in a few statements, for the worklist's paging test and its benchmark
 * (scripts/bench/worklist-scale.ts): patients with reserve numbers only, cases and the ward's
 * party row with the worklist's columns as refreshCaseDerived keeps them (spread dates, a few
 * kommuner, some kommunklar and fast vårdkontakt). `open` of them open, `closed` closed.
 */
export async function loadWardCases(db: Db, wardHsaId: string, opts: { prefix: string; open: number; closed: number }): Promise<void> {
  const total = opts.open + opts.closed;
  await db.execute(sql`
    with ward as (select u.id, u.parent_id, u.organisation_id from units u where u.hsa_id = ${wardHsaId}),
    kommuner as (select row_number() over (order by k.name) as i, k.municipality_code, k.name from organisations k where k.kind = 'kommun' and k.municipality_code is not null),
    kn as (select count(*) as n from kommuner),
    p as (
      insert into patients (identifier_kind, identifier, given_name, family_name, municipality_code)
      select 'reservnummer', ${opts.prefix} || lpad(g::text, 7, '0'), 'Test' || g, 'Listpatient',
             (select municipality_code from kommuner, kn where kommuner.i = 1 + g % kn.n)
      from generate_series(1, ${total}) g
      returning id, identifier, municipality_code
    ),
    numbered as (select p.*, row_number() over (order by p.identifier) as g from p),
    c as (
      insert into coordination_cases (reference, patient_id, region_id, hospital_unit_id, ward_unit_id, admitted_at, stage, estimated_discharge_date,
                                      ready_for_discharge_at, closed_at, close_reason)
      select ${opts.prefix} || '-' || n.g, n.id, ward.organisation_id, ward.parent_id, ward.id,
             now() - make_interval(hours => ((n.g * 7919) % 2000)::int),
             case when n.g > ${opts.open} then 'avslutad' else (array['inskriven','planering','utskrivningsklar'])[1 + n.g % 3] end::case_stage,
             (now() + make_interval(days => ((n.g % 17) - 5)::int))::date,
             case when n.g % 3 = 2 then now() - make_interval(hours => ((n.g * 31) % 200)::int) end,
             case when n.g > ${opts.open} then now() - interval '1 day' end,
             case when n.g > ${opts.open} then 'utskriven_klar' end::case_close_reason
      from numbered n, ward
      returning id, ward_unit_id, admitted_at, stage, estimated_discharge_date, ready_for_discharge_at, patient_id
    )
    insert into case_parties (case_id, unit_id, role, visible_from, case_open, stage, next_due_at, next_due_step, due_steps, legal_due_at, unacknowledged,
                              admitted_at, estimated_discharge_date, ready_for_discharge_at, municipality_code, municipality_name, kommunklar_at,
                              fixed_care_contact_name)
    select c.id, c.ward_unit_id, 'avdelning', c.admitted_at, c.stage <> 'avslutad', c.stage,
           case when c.stage <> 'avslutad' and hashtext(c.id::text) % 5 <> 0 then c.admitted_at + interval '24 hours' end,
           case when c.stage <> 'avslutad' then 'skicka_inskrivningsmeddelande' end,
           case when c.stage <> 'avslutad' then jsonb_build_array(jsonb_build_object('step', 'skicka_inskrivningsmeddelande', 'dueAt',
             to_char((c.admitted_at + interval '24 hours') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'deadline', 'lag')) else '[]'::jsonb end,
           case when c.stage <> 'avslutad' then c.admitted_at + interval '24 hours' end,
           (abs(hashtext(c.id::text)) % 3),
           c.admitted_at, c.estimated_discharge_date, c.ready_for_discharge_at, p.municipality_code, k.name,
           case when c.ready_for_discharge_at is not null and hashtext(c.id::text) % 2 = 0 then c.ready_for_discharge_at + interval '5 hours' end,
           case when hashtext(c.id::text) % 4 = 0 then null else 'Kontakt ' || (abs(hashtext(c.id::text)) % 97) end
    -- The patients inserted above are not visible to this statement's joins on the table: their CTE is.
    from c join p on p.id = c.patient_id left join organisations k on k.kind = 'kommun' and k.municipality_code = p.municipality_code`);
  await db.execute(sql`analyze case_parties`);
  await db.execute(sql`analyze coordination_cases`);
  await db.execute(sql`analyze patients`);
}
