// The invoice basis and the payment totals at national scale, against the stored runs of payment
// days (case_payment_periods). Within `npm run bench`, or alone (own embedded PostgreSQL):
// `npx tsx scripts/bench/payment-invoice.ts` (VK_BENCH_INVOICE_STAYS=… for fewer stays).
//
// Sweden has about 1.4 million hospital discharges a year; the bench makes that many closed stays
// in one year and gives a quarter of them payment days (runs of one to seven days), one in ten of
// those in Eskilstuna (about the share of the largest kommun), the rest spread over the other
// kommuner. Targets: a kommun-month's invoice basis (rows per case, with the patient, audited) and
// a region-year of totals per kommun and month, each ≤ 1 s (median).
import { sql, type Db } from "@vardkedjan/db/client";
import { demoActor } from "@vardkedjan/api/seed/actors";
import { getInvoiceBasis } from "@vardkedjan/api/services/payment/invoice";
import { totalsFor } from "@vardkedjan/api/services/payment/totals";
import type { BenchResult } from "./payment-engine";

const STAYS = Number(process.env.VK_BENCH_INVOICE_STAYS ?? 1_400_000);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeEach(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function benchPaymentInvoice(db: Db): Promise<BenchResult[]> {
  const ids = await db.execute<{ region: string; eskilstuna: string; hospital: string; ward: string }>(sql`
    select r.id as region, k.id as eskilstuna, w.parent_id as hospital, w.id as ward
    from organisations r, organisations k, units w
    where r.kind = 'region' and r.id = k.region_id and k.municipality_code = '0484' and w.hsa_id = 'SE2321000032-MSEAVD12'`);
  const { region, eskilstuna, hospital, ward } = ids.rows[0]!;
  // One reserve-number patient for every synthetic stay (closed stays: one open case per patient is the only limit).
  await db.execute(sql`
    insert into patients (identifier_kind, identifier, given_name, family_name, municipality_code)
    values ('reservnummer', 'BENCHINV000001', 'Test', 'Bänkpatient', '0484') on conflict do nothing`);
  await db.execute(sql`
    insert into coordination_cases (reference, patient_id, region_id, hospital_unit_id, ward_unit_id, admitted_at, stage, closed_at, close_reason)
    select 'BENCHINV-' || g, (select id from patients where identifier = 'BENCHINV000001'), ${region}, ${hospital}, ${ward},
           timestamptz '2026-01-01 08:00+01' + (g % 360) * interval '1 day', 'avslutad', timestamptz '2026-01-01 08:00+01' + (g % 360 + 12) * interval '1 day', 'utskriven_klar'
    from generate_series(1, ${STAYS}) g`);
  await db.execute(sql`
    with kommuner as (select array_agg(id order by id) as ids from organisations where kind = 'kommun' and id <> ${eskilstuna}),
    c as (select id, admitted_at, row_number() over () as n from coordination_cases where reference like 'BENCHINV-%')
    insert into case_payment_periods (case_id, municipality_id, region_id, from_date, to_date, amount_per_day_kr)
    select c.id,
           case when c.n % 40 = 0 then ${eskilstuna}::uuid else kommuner.ids[1 + (c.n % array_length(kommuner.ids, 1))] end,
           ${region}, (c.admitted_at + interval '5 days')::date, (c.admitted_at + interval '5 days' + (c.n % 7) * interval '1 day')::date, 10500
    from c, kommuner where c.n % 4 = 0`);
  await db.execute(sql`analyze`);
  const periods = Number((await db.execute<{ n: string }>(sql`select count(*)::text as n from case_payment_periods`)).rows[0]!.n);

  const maria = await demoActor(db, "maria.ekholm", "forvaltning");
  const basis = await timeEach(10, () => getInvoiceBasis(db, maria, { municipalityId: eskilstuna, month: "2026-06" }));
  const rows = (await getInvoiceBasis(db, maria, { municipalityId: eskilstuna, month: "2026-06" })).rows.length;
  const kommuner = (await db.execute<{ id: string }>(sql`select id from organisations where kind = 'kommun' and region_id = ${region}`)).rows.map((r) => r.id);
  const year = await timeEach(10, () => totalsFor(db, kommuner, "2026-01", "2026-12", "2026-12-31"));
  return [
    {
      name: `invoice basis, one kommun-month (${rows} rows) among ${periods.toLocaleString("sv-SE")} runs of ${STAYS.toLocaleString("sv-SE")} stays (median)`,
      value: median(basis),
      unit: "ms",
      target: 1000,
    },
    { name: `payment totals, a region-year per kommun and month (${kommuner.length} kommuner) (median)`, value: median(year), unit: "ms", target: 1000 },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = await import("node:path");
  const { mkdtempSync, mkdirSync } = await import("node:fs");
  const { startEmbeddedPostgres } = await import("@vardkedjan/db/embedded");
  const { createDb } = await import("@vardkedjan/db/client");
  const { runMigrations } = await import("@vardkedjan/db/migrate");
  const { seedDemoData } = await import("@vardkedjan/db/seed");
  const { ROOT, portsFromEnv } = await import("../lib/system");
  mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, ".data/bench-invoice-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: portsFromEnv({}, 6100).pgPort, ephemeral: true });
  const h = createDb(pg.url, { max: 4 });
  try {
    await runMigrations(h.db);
    await seedDemoData(h.db);
    for (const r of await benchPaymentInvoice(h.db))
      console.log(`${r.value <= r.target ? "✔" : "✖"} ${r.name}: ${r.value.toFixed(1)} ${r.unit} (mål ≤ ${r.target})`);
  } finally {
    await h.close();
    await pg.stop();
  }
}
