// The payment engine over one million synthetic stays in memory (no database). Run alone with
// `npx tsx scripts/bench/payment-engine.ts` (VK_BENCH_STAYS=… for fewer), or within `npm run bench`.
//
// Target: 1 000 000 stays in ≤ 10 s of CPU time on one core (≤ 10 µs per stay), measured as CPU
// time because the cores are shared and wall time then measures the neighbours too. Sweden has
// about 1.4 million hospital discharges a year in all; at that rate every stay of a national year
// is recomputed in
// about 15 s, which a background job can do whenever an agreement version or a yearly amount
// changes, and a kommun's month (a few hundred stays) costs milliseconds inside a request. A
// region-year report live from the engine alone (≈ 100 000–350 000 stays for the largest region)
// would take 1–3.5 s at the target, above the reports' 1 s: those should read per-stay results
// stored at write time (as case_parties.next_due_at is), not run the engine per request.
import { computeCasePayment } from "@vardkedjan/domain/payment/engine";
import { LAW_DEFAULT_MODEL, STOCKHOLM_2020_MODEL, VASTRA_GOTALAND_MODEL, type AgreementModel } from "@vardkedjan/domain/payment/agreement";
import { KNOWN_YEARLY_AMOUNTS, type YearlyAmount } from "@vardkedjan/domain/payment/amounts";
import type { PaymentCaseInput, ReadyNoticeFact } from "@vardkedjan/domain/payment/input";
import { seededRandom } from "@vardkedjan/domain/random";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const TOTAL = Number(process.env.VK_BENCH_STAYS ?? 1_000_000);
const CHUNK = 100_000;
const HOUR = 3_600_000;
const YEAR_START = Date.parse("2026-01-01T00:00:00+01:00");
const MODELS: AgreementModel[] = [LAW_DEFAULT_MODEL, STOCKHOLM_2020_MODEL, VASTRA_GOTALAND_MODEL];
// Socialstyrelsen's known years plus a bench-only amount for 2026–2027, so every day is priced.
const AMOUNTS: YearlyAmount[] = [
  ...KNOWN_YEARLY_AMOUNTS,
  { year: 2026, amountKr: 1_000, regulationId: null, source: "Bänktest" },
  { year: 2027, amountKr: 1_000, regulationId: null, source: "Bänktest" },
];

/** Realistic timings: most stays end within a few days of ready-for-discharge, some wait long; one in ten is withdrawn and re-issued. */
function syntheticStay(r: () => number, i: number): PaymentCaseInput {
  const admittedAt = YEAR_START + Math.floor(r() * 360 * 24) * HOUR;
  const firstReady = admittedAt + (24 + Math.floor(r() * 8 * 24)) * HOUR;
  const notices: ReadyNoticeFact[] = [];
  let readyAt = firstReady;
  if (r() < 0.1) {
    const withdrawnAt = readyAt + (6 + Math.floor(r() * 72)) * HOUR;
    notices.push({ sentAt: new Date(readyAt), toMunicipality: true, withdrawnAt: new Date(withdrawnAt) });
    readyAt = withdrawnAt + (12 + Math.floor(r() * 96)) * HOUR;
  }
  notices.push({ sentAt: new Date(readyAt), toMunicipality: r() < 0.98, withdrawnAt: null });
  const wait = r() < 0.85 ? Math.floor(r() * 4 * 24) : Math.floor(r() * 30 * 24);
  return {
    caseId: `b${i}`,
    admittedAt: new Date(admittedAt),
    careType: r() < 0.15 ? "psykiatrisk" : "somatisk",
    lpt: r() < 0.02,
    lrv: false,
    admissionNoticeToMunicipalityAt: r() < 0.97 ? new Date(admittedAt + 12 * HOUR) : null,
    readyNotices: notices,
    sip: { needed: r() < 0.4, calledAt: r() < 0.9 ? new Date(firstReady + 30 * HOUR) : null },
    endedAt: r() < 0.03 ? null : new Date(readyAt + wait * HOUR),
  };
}

export function benchPaymentEngine(): BenchResult[] {
  const asOf = new Date(Date.parse("2027-02-01T12:00:00+01:00"));
  let elapsed = 0;
  let cpuMicros = 0;
  let paymentDays = 0;
  let listedDays = 0;
  // Warm-up (JIT, the time zone caches), not timed.
  const warm = seededRandom(1);
  for (let i = 0; i < 20_000; i++) computeCasePayment(syntheticStay(warm, i), MODELS[i % 3]!, { asOf, amounts: AMOUNTS });
  // Made in chunks so that a million inputs never sit in memory at once; only the engine is timed.
  for (let done = 0; done < TOTAL; done += CHUNK) {
    const r = seededRandom(1000 + done);
    const inputs = Array.from({ length: CHUNK }, (_, i) => syntheticStay(r, done + i));
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let i = 0; i < inputs.length; i++) {
      const result = computeCasePayment(inputs[i]!, MODELS[i % 3]!, { asOf, amounts: AMOUNTS });
      paymentDays += result.paymentDays;
      listedDays += result.days.length;
    }
    const c = process.cpuUsage(c0);
    elapsed += performance.now() - t0;
    cpuMicros += c.user + c.system;
  }
  if (paymentDays === 0 || listedDays === 0) throw new Error("Bänktestet räknade inga dagar");
  console.log(
    `payment engine: ${TOTAL.toLocaleString("en")} stays, ${listedDays.toLocaleString("en")} days listed, ${paymentDays.toLocaleString("en")} payment days; ` +
      `wall ${(elapsed / 1000).toFixed(2)} s, CPU ${(cpuMicros / 1e6).toFixed(2)} s`,
  );
  // The target is on CPU time: the machine's cores are shared, and wall time then measures the neighbours.
  return [
    { name: `payment engine: ${TOTAL.toLocaleString("en")} stays in memory (CPU, total)`, value: cpuMicros / 1e6, unit: "s", target: 10 },
    { name: "payment engine: per stay (CPU)", value: cpuMicros / TOTAL, unit: "µs", target: 10 },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of benchPaymentEngine())
    console.log(`${r.value <= r.target ? "✔" : "✖"} ${r.name}: ${r.value.toFixed(3)} ${r.unit} (mål ≤ ${r.target} ${r.unit})`);
}
