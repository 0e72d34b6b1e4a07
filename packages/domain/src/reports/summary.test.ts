import { describe, expect, it } from "vitest";
import { stockholmInstant as at } from "../time/stockholm";
import { EMPTY_COUNTS, addCounts, lastTwelveMonths, medianFromHistogram, monthEnd, monthLabel, reportFigures, type MeasureCounts } from "./summary";

const hist = (pairs: [number, number][]) => new Map(pairs);

describe("medianFromHistogram", () => {
  it("takes the middle stay of an odd number", () => {
    // 0, 0, 1, 3, 9 → 1
    expect(
      medianFromHistogram(
        hist([
          [0, 2],
          [1, 1],
          [3, 1],
          [9, 1],
        ]),
      ),
    ).toBe(1);
  });
  it("takes the mean of the two middle stays of an even number", () => {
    // 0, 1, 2, 5 → (1 + 2) / 2
    expect(
      medianFromHistogram(
        hist([
          [5, 1],
          [0, 1],
          [2, 1],
          [1, 1],
        ]),
      ),
    ).toBe(1.5);
    // 2, 2, 2, 40 → 2
    expect(
      medianFromHistogram(
        hist([
          [2, 3],
          [40, 1],
        ]),
      ),
    ).toBe(2);
  });
  it("is null without stays", () => {
    expect(medianFromHistogram(hist([]))).toBeNull();
    expect(medianFromHistogram(hist([[3, 0]]))).toBeNull();
  });
});

describe("reportFigures", () => {
  // Ten discharged stays, worked by hand: 8 notices in time; 6 stays with a vårdcentral, 4 of them
  // with a contact before discharge; 5 SIP deadlines, 3 met; 9 informed by the discharge day;
  // 4 SIP calls, 3 with a contact; 1 readmission. Days ready → discharge for 8 stays:
  // 0, 0, 1, 2, 3, 5, 12, 40.
  const counts: MeasureCounts = {
    discharged: 10,
    admissionNoticeOnTime: 8,
    fixedCareContactDue: 6,
    fixedCareContactBeforeDischarge: 4,
    sipNeeded: 6,
    sipCalled: 4,
    sipCallDeadlines: 5,
    sipCalledInTime: 3,
    sipCalledWithFixedCareContact: 3,
    informationOnTime: 9,
    readmittedWithin30Days: 1,
    readyDays: hist([
      [0, 2],
      [1, 1],
      [2, 1],
      [3, 1],
      [5, 1],
      [12, 1],
      [40, 1],
    ]),
  };

  it("gives each deadline's share of its own base", () => {
    const f = reportFigures(counts);
    expect(f.admissionNoticeWithin24h).toEqual({ count: 8, of: 10, share: 0.8 });
    expect(f.fixedCareContactBeforeDischarge).toEqual({ count: 4, of: 6, share: 4 / 6 });
    expect(f.sipCallWithin3Days).toEqual({ count: 3, of: 5, share: 0.6 });
    expect(f.informationByDischargeDay).toEqual({ count: 9, of: 10, share: 0.9 });
    expect(f.sipWithFixedCareContact).toEqual({ count: 3, of: 4, share: 0.75 });
    expect(f.readmittedWithin30Days).toEqual({ count: 1, of: 10, share: 0.1 });
  });

  it("gives the days' median, same-day and three-day shares and the distribution", () => {
    const d = reportFigures(counts).readyDays;
    expect(d.stays).toBe(8);
    // 0, 0, 1, 2 | 3, 5, 12, 40 → (2 + 3) / 2
    expect(d.median).toBe(2.5);
    expect(d.sameDay).toEqual({ count: 2, of: 8, share: 0.25 });
    expect(d.withinThreeDays).toEqual({ count: 5, of: 8, share: 0.625 });
    expect(d.distribution.map((b) => [b.label, b.count])).toEqual([
      ["0 dagar", 2],
      ["1 dag", 1],
      ["2 dagar", 1],
      ["3 dagar", 1],
      ["4–7 dagar", 1],
      ["8–14 dagar", 1],
      ["15–30 dagar", 0],
      ["Mer än 30 dagar", 1],
    ]);
  });

  it("says 'nothing to judge' (null), not 0 %, for an empty base", () => {
    const f = reportFigures(EMPTY_COUNTS);
    expect(f.admissionNoticeWithin24h.share).toBeNull();
    expect(f.readyDays.median).toBeNull();
  });

  it("adds groups, histograms included", () => {
    const sum = addCounts([
      counts,
      {
        ...EMPTY_COUNTS,
        discharged: 2,
        admissionNoticeOnTime: 1,
        readyDays: hist([
          [0, 1],
          [40, 2],
        ]),
      },
    ]);
    expect(sum.discharged).toBe(12);
    expect(sum.admissionNoticeOnTime).toBe(9);
    expect(sum.readyDays.get(0)).toBe(3);
    expect(sum.readyDays.get(40)).toBe(3);
    expect(counts.readyDays.get(0)).toBe(2);
  });
});

describe("months", () => {
  it("the last twelve months end with the current Stockholm month", () => {
    // 31 December 2026 23:30 UTC is already 1 January 2027 in Stockholm.
    expect(lastTwelveMonths(new Date("2026-12-31T23:30:00Z"))).toEqual([
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
    ]);
    expect(lastTwelveMonths(at("2026-12-06", "12:00"))[0]).toBe("2026-01");
  });
  it("month ends and labels", () => {
    expect(monthEnd("2028-02")).toBe("2028-02-29");
    expect(monthEnd("2026-12")).toBe("2026-12-31");
    expect(monthLabel("2026-03")).toBe("mars 2026");
  });
});
