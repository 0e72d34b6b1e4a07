import { describe, expect, it } from "vitest";
import { stockholmInstant as at } from "../time/stockholm";
import {
  admissionNoticeDue,
  daysSinceReady,
  fixedCareContactDue,
  informationDue,
  dischargeInformationDue,
  paymentClockDay0,
  paymentLiabilityStart,
  sipCallDue,
} from "./losus";

const iso = (d: Date): string => d.toISOString();

describe("admissionNoticeDue (24 hours after admission)", () => {
  it("is 24 hours after admission", () => {
    expect(iso(admissionNoticeDue(at("2026-02-10", "14:05")))).toBe(iso(at("2026-02-11", "14:05")));
  });

  it("counts from the later needs assessment, not from an earlier one", () => {
    const admitted = at("2026-02-10", "14:05");
    expect(iso(admissionNoticeDue(admitted, at("2026-02-12", "09:00")))).toBe(iso(at("2026-02-13", "09:00")));
    expect(iso(admissionNoticeDue(admitted, at("2026-02-09", "09:00")))).toBe(iso(at("2026-02-11", "14:05")));
    expect(iso(admissionNoticeDue(admitted, null))).toBe(iso(at("2026-02-11", "14:05")));
  });

  it("crosses midnight", () => {
    expect(iso(admissionNoticeDue(at("2026-02-10", "23:30")))).toBe(iso(at("2026-02-11", "23:30")));
  });

  it("is exact hours across the spring change: 10:00 CET + 24 h is 11:00 CEST", () => {
    const due = admissionNoticeDue(at("2026-03-28", "10:00"));
    expect(iso(due)).toBe(iso(at("2026-03-29", "11:00")));
    expect(iso(due)).toBe("2026-03-29T09:00:00.000Z");
  });

  it("is exact hours across the autumn change: 10:00 CEST + 24 h is 09:00 CET", () => {
    expect(iso(admissionNoticeDue(at("2026-10-24", "10:00")))).toBe(iso(at("2026-10-25", "09:00")));
  });
});

describe("sipCallDue (three days after the ready notice)", () => {
  it("is the end of the third calendar day after the notice day", () => {
    // Monday 16:40 → Thursday 23:59:59.999
    expect(iso(sipCallDue(at("2026-02-09", "16:40")))).toBe(iso(new Date(at("2026-02-13").getTime() - 1)));
  });

  it("does not depend on the hour of the notice: 00:00 and 23:59 on the same day give the same deadline", () => {
    expect(iso(sipCallDue(at("2026-02-09", "00:00")))).toBe(iso(sipCallDue(at("2026-02-09", "23:59:59.999"))));
  });

  it("uses the Stockholm day around midnight (00:30 Stockholm is still the previous day in UTC)", () => {
    const notice = new Date("2026-01-14T23:30:00Z"); // 2026-01-15 00:30 in Stockholm
    expect(iso(sipCallDue(notice))).toBe("2026-01-18T22:59:59.999Z");
  });

  it("ends on a 23-hour DST day at 23:59:59.999 CEST", () => {
    expect(iso(sipCallDue(at("2026-03-26", "10:00")))).toBe("2026-03-29T21:59:59.999Z");
  });

  it("ends on a 25-hour DST day at 23:59:59.999 CET", () => {
    expect(iso(sipCallDue(at("2026-10-22", "10:00")))).toBe("2026-10-25T22:59:59.999Z");
  });

  it("starts again from the new notice after a withdrawn ready-for-discharge", () => {
    const first = at("2026-02-02", "09:00");
    const renewed = at("2026-02-06", "15:00"); // after "inte längre utskrivningsklar" on 2026-02-03
    expect(iso(sipCallDue(renewed))).toBe(iso(new Date(at("2026-02-10").getTime() - 1)));
    expect(sipCallDue(renewed).getTime()).toBeGreaterThan(sipCallDue(first).getTime());
  });
});

describe("dischargeInformationDue (the information transfer before the patient has gone)", () => {
  it("runs from the actual discharge, else the agreed time", () => {
    expect(dischargeInformationDue({ agreedAt: at("2026-02-09", "10:00") })?.toISOString()).toBe(iso(new Date(at("2026-02-10").getTime() - 1)));
    expect(dischargeInformationDue({ actualAt: at("2026-02-08", "15:00"), agreedAt: at("2026-02-09", "10:00") })?.toISOString()).toBe(
      iso(new Date(at("2026-02-09").getTime() - 1)),
    );
  });

  it("has no deadline when no discharge is agreed or done (an estimate is not a discharge)", () => {
    expect(dischargeInformationDue({})).toBeNull();
    expect(dischargeInformationDue({ actualAt: null, agreedAt: null })).toBeNull();
  });
});

describe("informationDue (by the discharge day)", () => {
  it("is the end of the discharge day", () => {
    expect(iso(informationDue(at("2026-02-09", "10:00")))).toBe(iso(new Date(at("2026-02-10").getTime() - 1)));
  });

  it("is the end of the Stockholm day for a discharge just after midnight", () => {
    expect(iso(informationDue(new Date("2026-06-30T22:15:00Z")))).toBe("2026-07-01T21:59:59.999Z");
  });

  it("handles the 25-hour day", () => {
    expect(iso(informationDue(at("2026-10-25", "01:00")))).toBe("2026-10-25T22:59:59.999Z");
  });
});

describe("fixedCareContactDue (before discharge)", () => {
  it("is the agreed discharge instant", () => {
    const discharge = at("2026-02-09", "11:00");
    expect(iso(fixedCareContactDue(discharge))).toBe(iso(discharge));
  });

  it("is the start of the estimated discharge day when only the date is known", () => {
    expect(iso(fixedCareContactDue("2026-02-09"))).toBe("2026-02-08T23:00:00.000Z");
    expect(iso(fixedCareContactDue("2026-03-29"))).toBe("2026-03-28T23:00:00.000Z");
  });
});

describe("daysSinceReady (the payment clock)", () => {
  const ready = at("2026-02-09", "16:00");

  it.each([
    ["the ready day itself is day 0", at("2026-02-09", "23:59:59.999"), 0],
    ["one millisecond past midnight is day 1", at("2026-02-10", "00:00"), 1],
    ["a week later", at("2026-02-16", "08:00"), 7],
    ["before the notice is day 0, never negative", at("2026-02-08", "08:00"), 0],
  ])("%s", (_why, now, expected) => {
    expect(daysSinceReady(ready, now)).toBe(expected);
  });

  it("counts calendar days, not 24-hour periods, across the spring change", () => {
    expect(daysSinceReady(at("2026-03-28", "23:30"), at("2026-03-30", "00:10"))).toBe(2);
  });

  it("counts from the new notice after a withdrawal", () => {
    const renewed = at("2026-02-12", "10:00");
    expect(daysSinceReady(renewed, at("2026-02-13", "10:00"))).toBe(1);
  });
});

describe("paymentLiabilityStart (the default payment liability)", () => {
  it("by default starts at 00:00 on day 4 (notice Monday → Friday)", () => {
    expect(iso(paymentLiabilityStart(at("2026-02-09", "16:00")))).toBe(iso(at("2026-02-13")));
    expect(iso(paymentLiabilityStart(at("2026-02-09", "16:00"), { thresholdDays: 3 }))).toBe(iso(at("2026-02-13")));
  });

  it("takes the threshold as a parameter (regional agreements)", () => {
    expect(iso(paymentLiabilityStart(at("2026-02-09", "16:00"), { thresholdDays: 5 }))).toBe(iso(at("2026-02-15")));
    expect(iso(paymentLiabilityStart(at("2026-02-09", "16:00"), { thresholdDays: 0 }))).toBe(iso(at("2026-02-10")));
  });

  it("applies an optional cut-off hour (Stockholm's 12:00 rule)", () => {
    const opts = { thresholdDays: 2, cutoffHour: 12 };
    expect(iso(paymentLiabilityStart(at("2026-02-09", "11:59"), opts))).toBe(iso(at("2026-02-12")));
    expect(iso(paymentLiabilityStart(at("2026-02-09", "12:00"), opts))).toBe(iso(at("2026-02-13")));
    expect(paymentClockDay0(at("2026-02-09", "12:00"), 12)).toBe("2026-02-10");
  });

  it("lands on Stockholm midnight across the autumn change", () => {
    expect(iso(paymentLiabilityStart(at("2026-10-22", "14:00")))).toBe("2026-10-25T23:00:00.000Z");
    expect(iso(paymentLiabilityStart(at("2026-03-25", "14:00")))).toBe("2026-03-28T23:00:00.000Z");
  });

  it("uses the Stockholm day for a notice just after midnight", () => {
    // 2026-01-15 00:30 Stockholm: day 0 is the 15th, liability from the 19th.
    expect(iso(paymentLiabilityStart(new Date("2026-01-14T23:30:00Z")))).toBe(iso(at("2026-01-19")));
  });

  it("restarts from the new notice after a withdrawn ready-for-discharge", () => {
    expect(iso(paymentLiabilityStart(at("2026-02-12", "09:00")))).toBe(iso(at("2026-02-16")));
  });

  it("rejects nonsense thresholds in Swedish", () => {
    expect(() => paymentLiabilityStart(new Date(), { thresholdDays: -1 })).toThrow(/heltal/);
    expect(() => paymentLiabilityStart(new Date(), { thresholdDays: 3, cutoffHour: 24 })).toThrow(/Brytpunkten/);
  });
});
