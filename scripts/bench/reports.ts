// The follow-up reports over a synthetic region-year at national scale, in a throwaway embedded
// PostgreSQL: 100 000 discharged stays for Region Sörmland plus 200 000 for the other demo regions
// (a national year is about 1.4 million discharges; the largest region has some 100 000–350 000),
// loaded with bulk SQL (reserve numbers only). Measures the report service as the page calls it,
// for the region's administrator and for a kommun's, median of 15 runs.
// Run alone with `npx tsx scripts/bench/reports.ts` (VK_BENCH_REPORT_STAYS=… for another size), or
// within `npm run bench`.
//
// The payment totals are left out of the first two measured calls: they are the payment service's
// (`paymentTotalsByMunicipalityMonth`, its stored runs measured by its own benchmark,
// scripts/bench/payment-invoice.ts). A third call measures the region-year with them, every
// Sörmland stay in a monthly average (Västra Götaland's model), so the month rows of every kommun
// and month are computed as the invoice basis computes them.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@vardkedjan/db/embedded";
import { createDb, sql } from "@vardkedjan/db/client";
import { runMigrations } from "@vardkedjan/db/migrate";
import { seedDemoData } from "@vardkedjan/db/seed";
import { demoActor } from "@vardkedjan/api/seed/actors";
import { followUpReport } from "@vardkedjan/api/services/reports/follow-up";
import { lastTwelveMonths } from "@vardkedjan/domain/reports/summary";
import { VASTRA_GOTALAND_MODEL } from "@vardkedjan/domain/payment/agreement";
import { ROOT, portsFromEnv } from "../lib/system";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const STAYS = Number(process.env.VK_BENCH_REPORT_STAYS ?? 100_000);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Stays with report rows for one region's hospitals and kommuner, spread over the twelve months. */
async function loadRegionYear(db: ReturnType<typeof createDb>["db"], regionHsaId: string, prefix: string, n: number, months: string[]) {
  await db.execute(sql`
    with region as (select id from organisations where hsa_id = ${regionHsaId}),
    wards as (select row_number() over (order by u.hsa_id) as i, u.id, u.parent_id from units u join region r on u.organisation_id = r.id where u.kind = 'vardavdelning'),
    kommuner as (select row_number() over (order by o.hsa_id) as i, o.id from organisations o join region r on o.region_id = r.id),
    vcs as (select row_number() over (order by u.hsa_id) as i, u.id from units u join region r on u.organisation_id = r.id where u.kind = 'vardcentral'),
    counts as (select (select count(*) from wards) as w, (select count(*) from kommuner) as k, (select count(*) from vcs) as v),
    p as (
      insert into patients (identifier_kind, identifier, given_name, family_name)
      select 'reservnummer', ${prefix} || lpad(g::text, 7, '0'), 'Test', 'Bänkpatient' from generate_series(1, ${n}) g
      returning id, identifier
    ),
    c as (
      insert into coordination_cases (reference, patient_id, region_id, hospital_unit_id, ward_unit_id, admitted_at, stage, discharged_at, closed_at, close_reason)
      select 'BENCH-' || p.identifier, p.id, (select id from region), w.parent_id, w.id, now() - interval '200 days', 'avslutad', now() - interval '190 days', now() - interval '189 days', 'utskriven_klar'
      from p, counts, wards w where w.i = 1 + (hashtext(p.identifier) & 2147483647) % counts.w
      returning id, region_id, hospital_unit_id, ward_unit_id, reference
    )
    insert into case_report_facts (case_id, region_id, hospital_unit_id, ward_unit_id, municipality_id, primary_care_unit_id, discharge_month,
      admission_notice_on_time, fixed_care_contact_due, fixed_care_contact_before_discharge, sip_needed, sip_called, sip_called_in_time,
      information_on_time, ready_to_discharge_days, readmitted_within30_days)
    select c.id, c.region_id, c.hospital_unit_id, c.ward_unit_id,
      (select id from kommuner k where k.i = 1 + (hashtext(c.reference || 'k') & 2147483647) % counts.k),
      (select id from vcs v where v.i = 1 + (hashtext(c.reference || 'v') & 2147483647) % counts.v),
      (${sql.raw(`array[${months.map((m) => `'${m}'`).join(",")}]`)})[1 + (hashtext(c.reference || 'm') & 2147483647) % 12],
      random() < 0.9, true, random() < 0.8, true, random() < 0.5, random() < 0.4, random() < 0.95,
      floor(power(random(), 3) * 30)::int, random() < 0.1
    from c, counts`);
}

/** A monthly-average agreement for the region and a stored payment row in it for each of its stays. */
async function monthlyAverageStays(db: ReturnType<typeof createDb>["db"], regionHsaId: string) {
  await db.execute(sql`
    with region as (select id from organisations where hsa_id = ${regionHsaId}),
    a as (
      insert into payment_agreements (region_id, municipality_id, version, valid_from, name, model)
      select id, null, 1000, '2018-01-01', 'Bänk: månadsgenomsnitt', ${JSON.stringify(VASTRA_GOTALAND_MODEL)}::jsonb from region
      returning id
    )
    insert into case_payments (case_id, region_id, municipality_id, agreement_id, basis, computed_at, ready_days, end_month)
    select f.case_id, f.region_id, f.municipality_id, (select id from a), 'manadsgenomsnitt', now(), f.ready_to_discharge_days, f.discharge_month
    from case_report_facts f where f.region_id = (select id from region) and f.ready_to_discharge_days <= 7`);
  await db.execute(sql`analyze`);
}

export async function benchReports(): Promise<BenchResult[]> {
  mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, ".data/bench-reports-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: portsFromEnv({}, 3500).pgPort, ephemeral: true });
  const h = createDb(pg.url, { max: 2 });
  try {
    await runMigrations(h.db);
    await seedDemoData(h.db);
    const months = lastTwelveMonths(new Date());
    const t0 = performance.now();
    await loadRegionYear(h.db, "SE2321000032-VG", "BENCHS", STAYS, months);
    await loadRegionYear(h.db, "SE2321000206-VG", "BENCHV", STAYS, months);
    await loadRegionYear(h.db, "SE2321000214-VG", "BENCHJ", STAYS, months);
    await h.db.execute(sql`analyze`);
    console.log(`Rapportbänk: ${(3 * STAYS).toLocaleString("sv-SE")} vårdtillfällen inlästa på ${Math.round(performance.now() - t0)} ms`);

    await monthlyAverageStays(h.db, "SE2321000032-VG");
    const filter = { from: months[0]!, to: months.at(-1)! };
    const noPayment = async () => [];
    const out: BenchResult[] = [];
    for (const [who, label] of [
      ["asa.berg", `region-year, ${STAYS.toLocaleString("en")} stays, by hospital`],
      ["tomas.wik", "a kommun's year in the same data, by ward"],
    ] as const) {
      const actor = await demoActor(h.db, who, "forvaltning");
      const dimension = who === "asa.berg" ? "sjukhus" : "avdelning";
      await followUpReport(h.db, actor, { dimension, ...filter }, noPayment);
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const s = performance.now();
        await followUpReport(h.db, actor, { dimension: i % 2 === 0 ? dimension : "kommun", ...filter }, noPayment);
        times.push(performance.now() - s);
      }
      out.push({ name: `follow-up report: ${label} (median)`, value: median(times), unit: "ms", target: 1000 });
    }
    const asa = await demoActor(h.db, "asa.berg", "forvaltning");
    const withPayment: number[] = [];
    for (let i = 0; i < 15; i++) {
      const s = performance.now();
      await followUpReport(h.db, asa, { dimension: "kommun", ...filter });
      withPayment.push(performance.now() - s);
    }
    out.push({
      name: "follow-up report with the payment totals: the region-year, every stay in a monthly average (median)",
      value: median(withPayment),
      unit: "ms",
      target: 1000,
    });
    return out;
  } finally {
    await h.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchReports()) console.log(`${r.value <= r.target ? "✔" : "✖"} ${r.name}: ${r.value.toFixed(1)} ${r.unit} (≤ ${r.target} ${r.unit})`);
}
