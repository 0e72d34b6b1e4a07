import { describe, expect, it } from "vitest";
import { isoDateDiff, stockholmDate, stockholmMinuteOfDay } from "../time/stockholm";
import { LAW_DEFAULT_MODEL, STOCKHOLM_2020_MODEL, VASTRA_GOTALAND_MODEL, type AgreementModel, type MonthlyAverageModel } from "./agreement";
import { computeCasePayment, type CasePayment } from "./engine";
import type { PaymentCaseInput, ReadyNoticeFact } from "./input";
import { monthlyAverage } from "./monthly-average";
import { TEST_AMOUNTS } from "./test-fixtures";
import { seededRandom } from "../random";

/**
 * Properties over random stays from a seeded generator (no property-testing library is a
 * dependency; a fixed seed makes a failure reproducible: the failing seed is in the message).
 * Stays start anywhere in 2026, so both daylight-saving changes are crossed many times.
 */

const HOUR = 3_600_000;
const YEAR_START = Date.parse("2026-01-01T00:00:00+01:00");

function randomStay(r: () => number, id: string): PaymentCaseInput {
  const int = (n: number) => Math.floor(r() * n);
  const admittedAt = new Date(YEAR_START + int(360 * 24) * HOUR + int(60) * 60_000);
  const notices: ReadyNoticeFact[] = [];
  let t = admittedAt.getTime() + int(10 * 24) * HOUR;
  const count = 1 + int(3);
  for (let i = 0; i < count; i++) {
    const sentAt = new Date(t + int(60) * 60_000);
    const withdraw = i < count - 1;
    const withdrawnAt = withdraw ? new Date(sentAt.getTime() + (1 + int(8 * 24)) * HOUR) : null;
    notices.push({ sentAt, withdrawnAt, toMunicipality: r() < 0.95 });
    t = (withdrawnAt ?? sentAt).getTime() + int(5 * 24) * HOUR;
  }
  const last = notices.at(-1)!.sentAt.getTime();
  const endedAt = r() < 0.1 ? null : new Date(last + int(20 * 24) * HOUR + int(60) * 60_000);
  return {
    caseId: id,
    admittedAt,
    careType: r() < 0.2 ? "psykiatrisk" : "somatisk",
    lpt: r() < 0.05,
    lrv: r() < 0.02,
    admissionNoticeToMunicipalityAt: r() < 0.95 ? new Date(admittedAt.getTime() + int(30) * HOUR) : null,
    readyNotices: notices,
    sip: { needed: r() < 0.5, calledAt: r() < 0.8 ? new Date(notices[0]!.sentAt.getTime() + int(96) * HOUR) : null },
    endedAt,
  };
}

const MODELS: [string, AgreementModel][] = [
  ["lagens standard", LAW_DEFAULT_MODEL],
  ["Stockholm 2020", STOCKHOLM_2020_MODEL],
  ["Västra Götaland", VASTRA_GOTALAND_MODEL],
  [
    "LPT/LRV undantagen",
    { ...LAW_DEFAULT_MODEL, lptLrv: { handling: "undantagen" }, preconditions: { admissionNotice: true, readyNotice: true, sipCallWhenNeeded: true } },
  ],
];
const ASOF = new Date(Date.parse("2027-03-01T12:00:00+01:00"));
const compute = (input: PaymentCaseInput, model: AgreementModel, asOf = ASOF): CasePayment => computeCasePayment(input, model, { asOf, amounts: TEST_AMOUNTS });
const SEEDS = Array.from({ length: 300 }, (_, i) => 1000 + i);

describe.each(MODELS)("properties under %s", (_name, model) => {
  it("never negative, and the parts agree with the whole", () => {
    for (const seed of SEEDS) {
      const result = compute(randomStay(seededRandom(seed), `s${seed}`), model);
      const paidDays = result.days.filter((d) => d.payment);
      expect(result.paymentDays, `seed ${seed}`).toBeGreaterThanOrEqual(0);
      expect(result.readyDays, `seed ${seed}`).toBeGreaterThanOrEqual(0);
      expect(result.amountKr ?? 0, `seed ${seed}`).toBeGreaterThanOrEqual(0);
      expect(result.paymentDays, `seed ${seed}`).toBe(paidDays.length);
      expect(result.amountKr, `seed ${seed}`).toBe(paidDays.reduce((sum, d) => sum + (d.amountKr ?? 0), 0));
      expect(result.paymentDays, `seed ${seed}`).toBeLessThanOrEqual(result.readyDays);
      for (const d of result.days) if (d.payment) expect(d.dayNumber, `seed ${seed}`).toBeGreaterThan(0);
      // Consecutive calendar days, no gaps, no repeats, across the daylight-saving changes.
      for (let i = 1; i < result.days.length; i++) expect(isoDateDiff(result.days[i - 1]!.date, result.days[i]!.date), `seed ${seed}`).toBe(1);
      if (result.liabilityFrom) expect(stockholmMinuteOfDay(result.liabilityFrom), `seed ${seed}`).toBe(0);
    }
  });

  it("monotonic in time: a longer stay never has fewer payment days", () => {
    for (const seed of SEEDS.slice(0, 150)) {
      const input = randomStay(seededRandom(seed), `s${seed}`);
      const last = input.readyNotices.at(-1)!.sentAt.getTime();
      let previous = -1;
      // Steps of 13 hours reach every hour of the day over the 20 days.
      for (let extra = 0; extra <= 20 * 24; extra += 13) {
        const endedAt = new Date(last + extra * HOUR);
        const n = compute({ ...input, endedAt }, model).paymentDays;
        expect(n, `seed ${seed}, ${extra} h`).toBeGreaterThanOrEqual(previous);
        previous = n;
      }
    }
  });
});

describe("the law's default in closed form", () => {
  it("one notice, preconditions met: payment days = max(0, days from the notice day to the discharge day − 3)", () => {
    for (const seed of SEEDS) {
      const r = seededRandom(seed);
      const input = randomStay(r, `s${seed}`);
      const single: PaymentCaseInput = {
        ...input,
        readyNotices: [{ ...input.readyNotices[0]!, withdrawnAt: null, toMunicipality: true }],
        admissionNoticeToMunicipalityAt: input.admittedAt,
        endedAt: new Date(input.readyNotices[0]!.sentAt.getTime() + Math.floor(r() * 20 * 24) * HOUR),
      };
      const days = isoDateDiff(stockholmDate(single.readyNotices[0]!.sentAt), stockholmDate(single.endedAt!));
      expect(compute(single, LAW_DEFAULT_MODEL).paymentDays, `seed ${seed}`).toBe(Math.max(0, days - 3));
    }
  });
});

describe("the monthly average equals the sum of its parts", () => {
  const model: MonthlyAverageModel = VASTRA_GOTALAND_MODEL;
  const results = SEEDS.map((seed) => compute(randomStay(seededRandom(seed), `s${seed}`), model));
  const months = [...new Set(results.map((c) => c.endMonth).filter((m): m is string => m !== null))];

  it("every stay that ended in the month is in exactly one part, and the total days are the stays' days", () => {
    for (const month of months) {
      const m = monthlyAverage(month, results, model, TEST_AMOUNTS);
      const ofMonth = results.filter((c) => c.endMonth === month);
      const ids = [...m.averageCaseIds, ...m.individual.caseIds, ...m.outside.map((o) => o.caseId)].sort();
      expect(ids, month).toEqual(ofMonth.map((c) => c.caseId).sort());
      const byId = new Map(results.map((c) => [c.caseId, c]));
      expect(m.averageTotalDays, month).toBe(m.averageCaseIds.reduce((s, id) => s + byId.get(id)!.readyDays, 0));
      expect(m.individual.paymentDays, month).toBe(m.individual.caseIds.reduce((s, id) => s + byId.get(id)!.paymentDays, 0));
      expect(m.totalAmountOre, month).toBe((m.averageAmountOre ?? 0) + (m.individual.amountOre ?? 0));
      if (m.averageDays !== null) expect(m.averageDays * m.averageCaseIds.length, month).toBeCloseTo(m.averageTotalDays, 9);
      expect(m.excessTenths, month).toBeGreaterThanOrEqual(0);
      for (const id of m.averageCaseIds) expect(byId.get(id)!.readyDays, month).toBeLessThanOrEqual(model.longStay.moreThanDays);
      for (const id of m.individual.caseIds) expect(byId.get(id)!.readyDays, month).toBeGreaterThan(model.longStay.moreThanDays);
    }
  });

  it("splitting a month's stays in two (say, two hospitals) adds up to the whole month", () => {
    for (const month of months) {
      const whole = monthlyAverage(month, results, model, TEST_AMOUNTS);
      const a = monthlyAverage(
        month,
        results.filter((_, i) => i % 2 === 0),
        model,
        TEST_AMOUNTS,
      );
      const b = monthlyAverage(
        month,
        results.filter((_, i) => i % 2 === 1),
        model,
        TEST_AMOUNTS,
      );
      expect(a.averageTotalDays + b.averageTotalDays, month).toBe(whole.averageTotalDays);
      expect(a.averageCaseIds.length + b.averageCaseIds.length, month).toBe(whole.averageCaseIds.length);
      expect(a.individual.paymentDays + b.individual.paymentDays, month).toBe(whole.individual.paymentDays);
      // The average is of the whole month, so the excess is not additive; the days behind it are.
    }
  });
});
