import { describe, expect, it } from "vitest";
import { LAW_DEFAULT_MODEL } from "./agreement";
import { computeCasePayment } from "./engine";
import {
  checkDisputeText,
  correctionMonth,
  correctionRows,
  invoiceTotal,
  mayLockMonth,
  monthBounds,
  paymentPeriods,
  periodDaysInMonth,
  type CaseMonthDays,
} from "./invoice";
import { at, notice, stay, TEST_AMOUNTS } from "./test-fixtures";

/** Expectations worked out by hand from the rules in invoice.ts and engine.ts. */

const run = (input: Parameters<typeof computeCasePayment>[0], asOf = at("2027-06-01")) =>
  computeCasePayment(input, LAW_DEFAULT_MODEL, { asOf, amounts: TEST_AMOUNTS });

describe("paymentPeriods", () => {
  it("a finished stay: one closed run from day 4 to the discharge day", () => {
    // Notice Mon 9 Feb 16:00; payment Fri 13 – Mon 16 (discharged 10:00 that day).
    const r = run(stay([notice(at("2026-02-09", "16:00"))], at("2026-02-16", "10:00")));
    expect(paymentPeriods(r)).toEqual([{ from: "2026-02-13", to: "2026-02-16" }]);
  });

  it("a withdrawn and re-issued notice: two runs with the gap between them", () => {
    // Notice Mon 2 Feb 09:00 → paid Fri 6, Sat 7; withdrawn Sat 7 14:00 → not ready Sun 8;
    // new notice Sun 8 10:00 → dag 0 Sun 8, free Mon 9 – Wed 11, paid Thu 12, discharged Fri 13 08:00 → paid 12, 13.
    const r = run(stay([notice(at("2026-02-02", "09:00"), at("2026-02-07", "14:00")), notice(at("2026-02-08", "10:00"))], at("2026-02-13", "08:00")));
    expect(paymentPeriods(r)).toEqual([
      { from: "2026-02-06", to: "2026-02-07" },
      { from: "2026-02-12", to: "2026-02-13" },
    ]);
  });

  it("an ongoing stay past its threshold: the run stays open", () => {
    const r = run(stay([notice(at("2026-02-09", "16:00"))], null), at("2026-02-14", "12:00"));
    expect(paymentPeriods(r)).toEqual([{ from: "2026-02-13", to: null }]);
  });

  it("an ongoing stay before its threshold: an open run from the day payment will start", () => {
    const r = run(stay([notice(at("2026-02-09", "16:00"))], null), at("2026-02-10", "12:00"));
    expect(paymentPeriods(r)).toEqual([{ from: "2026-02-13", to: null }]);
  });

  it("no run when a precondition is missing", () => {
    const r = run(stay([notice(at("2026-02-09", "16:00"))], null, { admissionNoticeToMunicipalityAt: null }), at("2026-02-20"));
    expect(paymentPeriods(r)).toEqual([]);
  });
});

describe("periodDaysInMonth", () => {
  it("counts only the month's days of a run across a month end", () => {
    expect(periodDaysInMonth({ from: "2026-01-29", to: "2026-02-02" }, "2026-01", "2026-06-01")).toBe(3);
    expect(periodDaysInMonth({ from: "2026-01-29", to: "2026-02-02" }, "2026-02", "2026-06-01")).toBe(2);
    expect(periodDaysInMonth({ from: "2026-01-29", to: "2026-02-02" }, "2026-03", "2026-06-01")).toBe(0);
  });
  it("an open run counts up to today", () => {
    expect(periodDaysInMonth({ from: "2026-02-25", to: null }, "2026-02", "2026-03-04")).toBe(4);
    expect(periodDaysInMonth({ from: "2026-02-25", to: null }, "2026-03", "2026-03-04")).toBe(4);
    expect(periodDaysInMonth({ from: "2026-03-10", to: null }, "2026-03", "2026-03-04")).toBe(0);
  });
  it("knows February in a leap year and December", () => {
    expect(monthBounds("2028-02")).toEqual({ first: "2028-02-01", last: "2028-02-29" });
    expect(monthBounds("2026-12")).toEqual({ first: "2026-12-01", last: "2026-12-31" });
  });
});

describe("mayLockMonth", () => {
  it("only a month that has ended, once", () => {
    expect(mayLockMonth("2026-11", "2026-12-06", [])).toEqual({ ok: true });
    expect(mayLockMonth("2026-12", "2026-12-06", [])).toEqual({ ok: false, message: "En månad kan fastställas först när den är slut." });
    expect(mayLockMonth("2026-11", "2026-12-06", ["2026-11"])).toEqual({ ok: false, message: "Månaden är redan fastställd." });
    expect(mayLockMonth("2026-13", "2026-12-06", []).ok).toBe(false);
  });
});

describe("corrections", () => {
  it("go to the first month after the locked one that is still open", () => {
    expect(correctionMonth("2026-10", ["2026-10"])).toBe("2026-11");
    expect(correctionMonth("2026-10", ["2026-10", "2026-11"])).toBe("2026-12");
    expect(correctionMonth("2026-12", ["2026-12"])).toBe("2027-01");
    expect(correctionMonth("2026-10", ["2026-11"])).toBeNull();
  });

  const row = (caseId: string, serviceMonth: string, days: number, amountKr: number | null = days * 1000): CaseMonthDays => ({
    caseId,
    serviceMonth,
    days,
    amountKr,
  });

  it("a day added to a locked month after locking is a +1 row in the next open month; unchanged cases give none", () => {
    const locked = ["2026-10"];
    const now = [row("a", "2026-10", 5), row("b", "2026-10", 2)];
    const invoiced = [row("a", "2026-10", 4), row("b", "2026-10", 2)];
    expect(correctionRows("2026-11", locked, now, invoiced)).toEqual([row("a", "2026-10", 1)]);
    // Not in any other month.
    expect(correctionRows("2026-12", locked, now, invoiced)).toEqual([]);
  });

  it("a case that no longer has days gives its days back; a new case is invoiced in full", () => {
    const locked = ["2026-10"];
    expect(correctionRows("2026-11", locked, [row("n", "2026-10", 3)], [row("gone", "2026-10", 4)])).toEqual([
      row("gone", "2026-10", -4),
      row("n", "2026-10", 3),
    ]);
  });

  it("an earlier correction counts as invoiced: no second correction for the same change", () => {
    const locked = ["2026-10", "2026-11"];
    const invoiced = [row("a", "2026-10", 4), row("a", "2026-10", 1)];
    expect(correctionRows("2026-12", locked, [row("a", "2026-10", 5)], invoiced)).toEqual([]);
    expect(correctionRows("2026-12", locked, [row("a", "2026-10", 6)], invoiced)).toEqual([row("a", "2026-10", 1)]);
  });

  it("a missing amount makes the total's money unknown, never zero", () => {
    expect(invoiceTotal([row("a", "2026-10", 2), row("b", "2026-10", 3)])).toEqual({ days: 5, amountKr: 5000 });
    expect(invoiceTotal([row("a", "2026-10", 2), row("b", "2026-10", 3, null)])).toEqual({ days: 5, amountKr: null });
  });
});

describe("checkDisputeText", () => {
  it("requires a reason in Swedish", () => {
    expect(checkDisputeText("  ", "skäl")).toEqual({ ok: false, message: "Ange skälet till att raden bestrids." });
    expect(checkDisputeText("Patienten var inte folkbokförd här", "skäl")).toEqual({ ok: true });
    expect(checkDisputeText("x".repeat(2001), "svar").ok).toBe(false);
  });
});
