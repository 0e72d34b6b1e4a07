import { describe, expect, it } from "vitest";
import { KNOWN_YEARLY_AMOUNTS } from "./amounts";
import { LAW_DEFAULT_MODEL, STOCKHOLM_2020_MODEL, type IndividualModel } from "./agreement";
import { computeCasePayment, type CasePayment } from "./engine";
import { at, notice, stay, TEST_AMOUNTS } from "./test-fixtures";

/**
 * Every expectation below was worked out by hand from the rules (engine.ts, agreement.ts), not
 * taken from a run: the dates, their weekdays, which day is day 0, which days are free and which
 * are paid. Amounts in 2026 are the 1 000 kr test amount; 2022–2023 are Socialstyrelsen's.
 */

const run = (input: Parameters<typeof computeCasePayment>[0], model: IndividualModel = LAW_DEFAULT_MODEL, asOf = at("2027-06-01")): CasePayment =>
  computeCasePayment(input, model, { asOf, amounts: TEST_AMOUNTS });
const paid = (r: CasePayment): string[] => r.days.filter((d) => d.payment).map((d) => d.date);

describe("the law's default: three calendar days after the notice day", () => {
  // Notice Monday 2026-02-09 16:00 → dag 0 Mon 9; Tue 10, Wed 11, Thu 12 free (dag 1–3);
  // payment from Friday 13 Feb 00:00. Discharged Monday 16 Feb 10:00: Fri 13 (dag 4), Sat 14 (5),
  // Sun 15 (6) and Mon 16 (7: the patient was still there at 00:00) are paid: 4 days, 4 000 kr.
  const r = run(stay([notice(at("2026-02-09", "16:00"))], at("2026-02-16", "10:00")));

  it("lists every day from the notice day to the discharge day", () => {
    expect(r.days.map((d) => d.date)).toEqual(["2026-02-09", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14", "2026-02-15", "2026-02-16"]);
    expect(r.days.map((d) => d.dayNumber)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("pays from day 4, with the reasons in Swedish", () => {
    expect(paid(r)).toEqual(["2026-02-13", "2026-02-14", "2026-02-15", "2026-02-16"]);
    expect(r.days[0]!.reason).toBe("ej betalningsdag: dag 0, meddelande om utskrivningsklar skickat 9 feb. kl. 16.00");
    expect(r.days[1]!.reason).toBe("ej betalningsdag: inom tre dagar efter meddelande om utskrivningsklar");
    expect(r.days[3]!.reason).toBe("ej betalningsdag: inom tre dagar efter meddelande om utskrivningsklar");
    expect(r.days[4]!.reason).toBe("dag 4 efter utskrivningsklar");
    expect(r.days[7]!.reason).toBe("dag 7 efter utskrivningsklar");
  });

  it("counts the days and the amount, and says when payment responsibility starts", () => {
    expect(r.paymentDays).toBe(4);
    expect(r.readyDays).toBe(7);
    expect(r.amountKr).toBe(4_000);
    expect(r.days[4]!.amountKr).toBe(1_000);
    expect(r.days[3]!.amountKr).toBeNull();
    expect(r.liabilityFrom?.toISOString()).toBe(at("2026-02-13").toISOString());
    expect(r.liabilityText).toBe("Betalningsansvar från 13 feb. 00:00");
    expect(r.basis).toBe("individuell");
    expect(r.endMonth).toBe("2026-02");
  });

  it("starts payment on 9 Dec 00:00 for a notice on Saturday 5 December", () => {
    // Sat 5 Dec = dag 0; Sun 6, Mon 7, Tue 8 free; from Wed 9 Dec 00:00.
    const ongoing = run(stay([notice(at("2026-12-05", "10:15"))], null), LAW_DEFAULT_MODEL, at("2026-12-07", "12:00"));
    expect(ongoing.liabilityText).toBe("Betalningsansvar från 9 dec. 00:00");
    expect(ongoing.ongoing).toBe(true);
    expect(ongoing.paymentDays).toBe(0);
    expect(ongoing.days.map((d) => d.date)).toEqual(["2026-12-05", "2026-12-06", "2026-12-07"]);
  });

  it("charges each day the amount of its own year, over New Year (Socialstyrelsen 2022 and 2023)", () => {
    // Notice Tue 2022-12-27 10:00 (dag 0); Wed 28, Thu 29, Fri 30 free; Sat 31 Dec (dag 4) 9 300 kr;
    // Sun 1 Jan (dag 5) and Mon 2 Jan (dag 6, discharge at 09:00) 10 500 kr each: 30 300 kr.
    const r2 = computeCasePayment(stay([notice(at("2022-12-27", "10:00"))], at("2023-01-02", "09:00")), LAW_DEFAULT_MODEL, {
      asOf: at("2023-02-01"),
      amounts: KNOWN_YEARLY_AMOUNTS,
    });
    expect(paid(r2)).toEqual(["2022-12-31", "2023-01-01", "2023-01-02"]);
    expect(r2.days.filter((d) => d.payment).map((d) => d.amountKr)).toEqual([9_300, 10_500, 10_500]);
    expect(r2.amountKr).toBe(30_300);
  });

  it("counts the days but invents no money when the year's amount is missing", () => {
    const r3 = computeCasePayment(stay([notice(at("2026-02-09", "16:00"))], at("2026-02-16", "10:00")), LAW_DEFAULT_MODEL, {
      asOf: at("2026-03-01"),
      amounts: KNOWN_YEARLY_AMOUNTS,
    });
    expect(r3.paymentDays).toBe(4);
    expect(r3.amountKr).toBeNull();
    expect(r3.missingAmountYears).toEqual([2026]);
  });

  it("uses the agreement's own amount instead of the year's", () => {
    const own: IndividualModel = { ...LAW_DEFAULT_MODEL, amountPerDayKr: 4_277 };
    expect(run(stay([notice(at("2026-02-09", "16:00"))], at("2026-02-16", "10:00")), own).amountKr).toBe(4 * 4_277);
  });
});

describe("a patient discharged on the day of the notice", () => {
  it("has day 0 only: no payment day, no ready day, no liability", () => {
    // Notice Mon 9 Feb 09:00, discharged 15:00 the same day.
    const r = run(stay([notice(at("2026-02-09", "09:00"))], at("2026-02-09", "15:00")));
    expect(r.days.map((d) => [d.date, d.dayNumber, d.payment])).toEqual([["2026-02-09", 0, false]]);
    expect(r.readyDays).toBe(0);
    expect(r.paymentDays).toBe(0);
    expect(r.liabilityFrom).toBeNull();
  });

  it("is discharged on day 4 at 00:30: day 4 is still a payment day (there at 00:00)", () => {
    const r = run(stay([notice(at("2026-02-09", "16:00"))], at("2026-02-13", "00:30")));
    expect(paid(r)).toEqual(["2026-02-13"]);
  });

  it("is discharged on day 3 at 23:59: nothing to pay, and no liability to show", () => {
    const r = run(stay([notice(at("2026-02-09", "16:00"))], at("2026-02-12", "23:59")));
    expect(r.paymentDays).toBe(0);
    expect(r.liabilityText).toBeNull();
  });
});

describe("daylight-saving weeks (Europe/Stockholm)", () => {
  it("spring: a notice on Thursday 26 March 2026 pays from Monday 30 March 00:00 summer time", () => {
    // Thu 26 dag 0; Fri 27, Sat 28, Sun 29 (23 hours: clocks go 02:00 → 03:00) free; Mon 30 00:00
    // CEST = 2026-03-29T22:00Z. Discharged Tue 31 March 11:00: Mon 30 and Tue 31 paid.
    const r = run(stay([notice(at("2026-03-26", "15:00"))], at("2026-03-31", "11:00")));
    expect(r.liabilityFrom?.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(r.days.map((d) => d.date)).toEqual(["2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]);
    expect(paid(r)).toEqual(["2026-03-30", "2026-03-31"]);
  });

  it("spring: a notice late on Saturday 28 March (winter time) counts Sunday, the short day, as one day", () => {
    // Sat 28 23:30 CET dag 0; Sun 29, Mon 30, Tue 31 free; from Wed 1 April 00:00 CEST = 2026-03-31T22:00Z.
    const r = run(stay([notice(at("2026-03-28", "23:30"))], null), LAW_DEFAULT_MODEL, at("2026-04-01", "08:00"));
    expect(r.liabilityFrom?.toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect(paid(r)).toEqual(["2026-04-01"]);
  });

  it("autumn: a notice on Thursday 22 October 2026 pays from Monday 26 October 00:00 winter time", () => {
    // Thu 22 dag 0; Fri 23, Sat 24, Sun 25 (25 hours: 03:00 → 02:00) free; Mon 26 00:00 CET =
    // 2026-10-25T23:00Z. Discharged Mon 26 at 08:00: one payment day.
    const r = run(stay([notice(at("2026-10-22", "14:00"))], at("2026-10-26", "08:00")));
    expect(r.liabilityFrom?.toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(paid(r)).toEqual(["2026-10-26"]);
    expect(r.amountKr).toBe(1_000);
  });

  it("autumn: a notice in the repeated hour (02:30 summer time on Sunday 25 October) is day 0 that Sunday", () => {
    // 2026-10-25T00:30Z is 02:30 CEST, the first of the two 02:30s. Sun 25 dag 0; Mon 26, Tue 27,
    // Wed 28 free; from Thu 29 00:00 CET = 2026-10-28T23:00Z.
    const r = run(stay([notice(new Date("2026-10-25T00:30:00Z"))], null), LAW_DEFAULT_MODEL, at("2026-10-29", "09:00"));
    expect(r.days[0]!.date).toBe("2026-10-25");
    expect(r.liabilityFrom?.toISOString()).toBe("2026-10-28T23:00:00.000Z");
    expect(paid(r)).toEqual(["2026-10-29"]);
  });
});

describe("Stockholm-style count: two days after day 0, day 0 only for a notice before 12:00", () => {
  it("a notice at 11:59 makes that Monday day 0: payment from Thursday", () => {
    // Mon 7 Dec 11:59 dag 0; Tue 8, Wed 9 free; Thu 10 (dag 3) and Fri 11 (dag 4, discharge 10:00) paid.
    const r = run(stay([notice(at("2026-12-07", "11:59"))], at("2026-12-11", "10:00")), STOCKHOLM_2020_MODEL);
    expect(paid(r)).toEqual(["2026-12-10", "2026-12-11"]);
    expect(r.days[1]!.reason).toBe("ej betalningsdag: inom två dagar efter meddelande om utskrivningsklar");
    expect(r.liabilityText).toBe("Betalningsansvar från 10 dec. 00:00");
  });

  it("a notice at 12:00 starts the count on Tuesday: payment from Friday", () => {
    // Mon 7 Dec 12:00 is not day 0; Tue 8 dag 0; Wed 9, Thu 10 free; Fri 11 (dag 3) paid.
    const r = run(stay([notice(at("2026-12-07", "12:00"))], at("2026-12-11", "10:00")), STOCKHOLM_2020_MODEL);
    expect(paid(r)).toEqual(["2026-12-11"]);
    expect(r.days[0]!.dayNumber).toBeNull();
    expect(r.days[0]!.reason).toBe("ej betalningsdag: meddelandet om utskrivningsklar skickades kl. 12.00, inte före kl. 12.00, så dag 0 är nästa dag");
    expect(r.days[1]!.dayNumber).toBe(0);
    expect(r.days[4]!.reason).toBe("dag 3 efter utskrivningsklar");
  });

  it("an agreement that does not count the notice day starts every count the next day", () => {
    // Three days, notice day not counted: Mon 9 Feb 08:00 → dag 0 Tue 10; Wed–Fri free; from Sat 14.
    const model: IndividualModel = { ...LAW_DEFAULT_MODEL, somatic: { noticeDayCounts: false, freeDays: 3 } };
    const r = run(stay([notice(at("2026-02-09", "08:00"))], at("2026-02-16", "10:00")), model);
    expect(paid(r)).toEqual(["2026-02-14", "2026-02-15", "2026-02-16"]);
    expect(r.days[0]!.reason).toBe("ej betalningsdag: dagen då meddelandet om utskrivningsklar skickades räknas inte; dag 0 är nästa dag");
  });
});

describe("psychiatric care and LPT/LRV", () => {
  // Notice Mon 7 Dec 2026 09:00 (before 12:00: dag 0), discharged Tue 15 Dec 10:00.
  const input = stay([notice(at("2026-12-07", "09:00"))], at("2026-12-15", "10:00"));

  it("somatic under Stockholm's count: Tue 8, Wed 9 free; Thu 10 – Tue 15 paid (6 days)", () => {
    expect(run(input, STOCKHOLM_2020_MODEL).paymentDays).toBe(6);
  });

  it("psychiatric: five days free (Tue 8 – Sat 12); Sun 13, Mon 14, Tue 15 paid", () => {
    const r = run({ ...input, careType: "psykiatrisk" }, STOCKHOLM_2020_MODEL);
    expect(paid(r)).toEqual(["2026-12-13", "2026-12-14", "2026-12-15"]);
    expect(r.days[5]!.reason).toBe("ej betalningsdag: inom fem dagar efter meddelande om utskrivningsklar");
    expect(r.careGroup).toBe("psykiatri");
  });

  it("LPT counted like psychiatric care by default", () => {
    expect(run({ ...input, careType: "psykiatrisk", lpt: true }, STOCKHOLM_2020_MODEL).paymentDays).toBe(3);
  });

  it("LPT or LRV excluded by the agreement: no payment day, and the reason", () => {
    const model: IndividualModel = { ...STOCKHOLM_2020_MODEL, lptLrv: { handling: "undantagen" } };
    const r = run({ ...input, careType: "psykiatrisk", lrv: true }, model);
    expect(r.paymentDays).toBe(0);
    expect(r.basis).toBe("undantagen");
    expect(r.liabilityFrom).toBeNull();
    expect(r.days[8]!.reason).toBe("ej betalningsdag: vård enligt LRV ingår inte i betalningsansvaret enligt överenskommelsen");
    // The same model for psychiatric care without LPT/LRV still pays.
    expect(run({ ...input, careType: "psykiatrisk" }, model).paymentDays).toBe(3);
  });

  it("LPT with its own count (ten days free): nothing paid in an eight-day stay", () => {
    const model: IndividualModel = { ...STOCKHOLM_2020_MODEL, lptLrv: { handling: "egen_dagrakning", dayCount: { noticeDayCounts: true, freeDays: 10 } } };
    expect(run({ ...input, careType: "psykiatrisk", lpt: true }, model).paymentDays).toBe(0);
  });
});

describe("a withdrawn and re-issued notice", () => {
  it("keeps the days already paid, stops the clock, and restarts it from the new notice", () => {
    // Mon 9 Feb 10:00 dag 0; Tue 10 – Thu 12 free; Fri 13 (dag 4) and Sat 14 (dag 5: ready at
    // 00:00, withdrawn 15:00) paid. Sun 15, Mon 16 not ready. New notice Tue 17 09:00 = dag 0;
    // Wed 18 – Fri 20 free; Sat 21 (dag 4), Sun 22 (dag 5, discharge 11:00) paid. Four days.
    const r = run(stay([notice(at("2026-02-09", "10:00"), at("2026-02-14", "15:00")), notice(at("2026-02-17", "09:00"))], at("2026-02-22", "11:00")));
    expect(paid(r)).toEqual(["2026-02-13", "2026-02-14", "2026-02-21", "2026-02-22"]);
    expect(r.days.map((d) => d.dayNumber)).toEqual([0, 1, 2, 3, 4, 5, null, null, 0, 1, 2, 3, 4, 5]);
    expect(r.days[6]!.reason).toBe("ej betalningsdag: inte utskrivningsklar (meddelandet återkallades 14 feb. kl. 15.00)");
    expect(r.readyDays).toBe(10);
    expect(r.liabilityText).toBe("Betalningsansvar från 21 feb. 00:00");
  });

  it("withdrawn before the threshold: the old clock gives nothing, the new one starts over", () => {
    // Mon 9 dag 0, Tue 10 dag 1, Wed 11 dag 2 (withdrawn 10:00), Thu 12 not ready; new notice
    // Fri 13 14:00 = dag 0; Sat 14 – Mon 16 free; Tue 17 (dag 4) paid. Without the restart the old
    // clock would have paid from Fri 13.
    const r = run(
      stay([notice(at("2026-02-09", "10:00"), at("2026-02-11", "10:00")), notice(at("2026-02-13", "14:00"))], null),
      LAW_DEFAULT_MODEL,
      at("2026-02-17", "12:00"),
    );
    expect(paid(r)).toEqual(["2026-02-17"]);
    expect(r.liabilityText).toBe("Betalningsansvar från 17 feb. 00:00");
  });

  it("withdrawn and re-issued on a day already paid: that day stays paid and is also the new day 0", () => {
    // Mon 9 Feb 10:00 dag 0; Tue 10 – Thu 12 free; Fri 13 dag 4: ready at 00:00, so paid, though
    // withdrawn at 05:00 and re-issued at 19:00 the same day. The new notice makes Fri 13 its day
    // 0: Sat 14 – Mon 16 free; Tue 17 (dag 4, discharge 10:00) paid. Two days.
    const r = run(stay([notice(at("2026-02-09", "10:00"), at("2026-02-13", "05:00")), notice(at("2026-02-13", "19:00"))], at("2026-02-17", "10:00")));
    expect(paid(r)).toEqual(["2026-02-13", "2026-02-17"]);
    expect(r.days.map((d) => d.dayNumber)).toEqual([0, 1, 2, 3, 4, 1, 2, 3, 4]);
    expect(r.liabilityText).toBe("Betalningsansvar från 17 feb. 00:00");
  });

  it("withdrawn and not re-issued: no liability is shown", () => {
    const r = run(stay([notice(at("2026-02-09", "10:00"), at("2026-02-11", "10:00"))], null), LAW_DEFAULT_MODEL, at("2026-02-20", "12:00"));
    expect(r.paymentDays).toBe(0);
    expect(r.liabilityFrom).toBeNull();
  });
});

describe("preconditions", () => {
  // The first example (Mon 9 Feb 16:00 → Mon 16 Feb 10:00) would pay Fri 13 – Mon 16.
  const base = stay([notice(at("2026-02-09", "16:00"))], at("2026-02-16", "10:00"));

  it("no admission notice to the kommun: no payment day, the reason on the days past the threshold", () => {
    const r = run({ ...base, admissionNoticeToMunicipalityAt: null });
    expect(r.paymentDays).toBe(0);
    expect(r.unmetPreconditions).toEqual(["inskrivningsmeddelande saknades"]);
    expect(r.days[4]!.reason).toBe("ej betalningsdag: inskrivningsmeddelande saknades");
    expect(r.days[1]!.reason).toBe("ej betalningsdag: inom tre dagar efter meddelande om utskrivningsklar");
    expect(r.liabilityFrom).toBeNull();
  });

  it("an admission notice that came only after the discharge does not count", () => {
    expect(run({ ...base, admissionNoticeToMunicipalityAt: at("2026-02-17") }).paymentDays).toBe(0);
  });

  it("with the switch off, a missing admission notice does not stop payment", () => {
    const model: IndividualModel = { ...LAW_DEFAULT_MODEL, preconditions: { ...LAW_DEFAULT_MODEL.preconditions, admissionNotice: false } };
    expect(run({ ...base, admissionNoticeToMunicipalityAt: null }, model).paymentDays).toBe(4);
  });

  it("a ready notice not sent to the kommun: no payment day", () => {
    const r = run({ ...base, readyNotices: [notice(at("2026-02-09", "16:00"), null, false)] });
    expect(r.paymentDays).toBe(0);
    expect(r.days[4]!.reason).toBe("ej betalningsdag: meddelandet om utskrivningsklar skickades inte till kommunen");
  });

  it("SIP needed and no kallelse: no payment day where the agreement requires it, four days where it does not", () => {
    const noCall = { ...base, sip: { needed: true, calledAt: null } };
    const requires: IndividualModel = { ...LAW_DEFAULT_MODEL, preconditions: { ...LAW_DEFAULT_MODEL.preconditions, sipCallWhenNeeded: true } };
    expect(run(noCall, requires).paymentDays).toBe(0);
    expect(run(noCall, requires).days[4]!.reason).toBe("ej betalningsdag: kallelse till SIP saknades");
    expect(run(noCall, LAW_DEFAULT_MODEL).paymentDays).toBe(4);
    expect(run({ ...noCall, sip: { needed: true, calledAt: at("2026-02-11", "09:00") } }, requires).paymentDays).toBe(4);
    expect(run({ ...base, sip: { needed: false, calledAt: null } }, requires).paymentDays).toBe(4);
  });
});

describe("readmission", () => {
  it("is a new case with its own clock; a notice after the discharge does not reopen the first stay", () => {
    // Case A: notice Mon 2 Feb 10:00, discharged Sat 7 Feb 10:00: Tue 3 – Thu 5 free, Fri 6 and Sat 7 paid.
    // A stray notice in case A on Mon 9 Feb (after its discharge) is ignored.
    const a = run(stay([notice(at("2026-02-02", "10:00")), notice(at("2026-02-09", "10:00"))], at("2026-02-07", "10:00")));
    expect(paid(a)).toEqual(["2026-02-06", "2026-02-07"]);
    expect(a.days.at(-1)!.date).toBe("2026-02-07");
    // Readmitted Sun 8 Feb 18:00 as case B: notice Wed 11 Feb 10:00, discharged Mon 16 Feb 10:00.
    // Thu 12 – Sat 14 free; Sun 15 and Mon 16 paid. Nothing carries over from case A.
    const b = run({
      ...stay([notice(at("2026-02-11", "10:00"))], at("2026-02-16", "10:00")),
      caseId: "fall-2",
      admittedAt: at("2026-02-08", "18:00"),
      admissionNoticeToMunicipalityAt: at("2026-02-08", "20:00"),
    });
    expect(paid(b)).toEqual(["2026-02-15", "2026-02-16"]);
    expect(b.days[0]!.date).toBe("2026-02-11");
  });
});

describe("a stay without a notice", () => {
  it("has no days and nothing to pay", () => {
    const r = run(stay([], at("2026-02-16", "10:00")));
    expect(r.days).toEqual([]);
    expect(r.paymentDays).toBe(0);
    expect(r.amountKr).toBe(0);
    expect(r.liabilityFrom).toBeNull();
  });
});
