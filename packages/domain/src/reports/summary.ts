import { addDaysToIsoDate, stockholmDate } from "../time/stockholm";

/**
 * The follow-up figures of one group of stays (a month, a hospital, a kommun …) from the counts the
 * database returns over the per-case measures (case-measures.ts): each legal deadline's compliance
 * as a count, its base and a share; the days from ready-for-discharge to discharge as a
 * distribution with its median, the share discharged the same day (the "0-dag" the regions asked
 * for) and within three days; readmissions within 30 days; SIP counts and the share of SIP cases
 * with a fast vårdkontakt. Aggregates only: no row ever names a patient.
 */

/** The counts of one group, as the report query returns them. */
export interface MeasureCounts {
  discharged: number;
  admissionNoticeOnTime: number;
  fixedCareContactDue: number;
  fixedCareContactBeforeDischarge: number;
  sipNeeded: number;
  sipCalled: number;
  /** SIP needed and a ready notice existed: the base of the three-day rule. */
  sipCallDeadlines: number;
  sipCalledInTime: number;
  /** A kallelse till SIP was sent and a fast vårdkontakt was named. */
  sipCalledWithFixedCareContact: number;
  informationOnTime: number;
  readmittedWithin30Days: number;
  /** Stays per number of days from ready-for-discharge to discharge (stays without a ready notice are absent). */
  readyDays: ReadonlyMap<number, number>;
}

export interface Share {
  count: number;
  of: number;
  /** count / of, or null when the base is 0 (nothing to judge, not 0 %). */
  share: number | null;
}

export interface DayBucket {
  label: string;
  min: number;
  max: number | null;
  count: number;
}

export interface ReportFigures {
  discharged: number;
  admissionNoticeWithin24h: Share;
  fixedCareContactBeforeDischarge: Share;
  sipCallWithin3Days: Share;
  informationByDischargeDay: Share;
  sipCalled: number;
  sipWithFixedCareContact: Share;
  readmittedWithin30Days: Share;
  readyDays: {
    stays: number;
    /** The median number of days; null without stays. */
    median: number | null;
    sameDay: Share;
    withinThreeDays: Share;
    distribution: DayBucket[];
  };
}

/** The distribution's buckets: each of the first days on its own (the thresholds live there), then wider. */
export const READY_DAY_BUCKETS: readonly { label: string; min: number; max: number | null }[] = [
  { label: "0 dagar", min: 0, max: 0 },
  { label: "1 dag", min: 1, max: 1 },
  { label: "2 dagar", min: 2, max: 2 },
  { label: "3 dagar", min: 3, max: 3 },
  { label: "4–7 dagar", min: 4, max: 7 },
  { label: "8–14 dagar", min: 8, max: 14 },
  { label: "15–30 dagar", min: 15, max: 30 },
  { label: "Mer än 30 dagar", min: 31, max: null },
];

export function share(count: number, of: number): Share {
  return { count, of, share: of > 0 ? count / of : null };
}

/**
 * The median of a histogram (value → how many): the middle value, or the mean of the two middle
 * values for an even number of stays. Null for an empty histogram.
 */
export function medianFromHistogram(histogram: ReadonlyMap<number, number>): number | null {
  const entries = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const at = (position: number): number => {
    let seen = 0;
    for (const [value, n] of entries) {
      seen += n;
      if (position < seen) return value;
    }
    return entries.at(-1)![0];
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

export function reportFigures(c: MeasureCounts): ReportFigures {
  let stays = 0;
  let sameDay = 0;
  let withinThree = 0;
  for (const [days, n] of c.readyDays) {
    stays += n;
    if (days === 0) sameDay += n;
    if (days <= 3) withinThree += n;
  }
  return {
    discharged: c.discharged,
    admissionNoticeWithin24h: share(c.admissionNoticeOnTime, c.discharged),
    fixedCareContactBeforeDischarge: share(c.fixedCareContactBeforeDischarge, c.fixedCareContactDue),
    sipCallWithin3Days: share(c.sipCalledInTime, c.sipCallDeadlines),
    informationByDischargeDay: share(c.informationOnTime, c.discharged),
    sipCalled: c.sipCalled,
    sipWithFixedCareContact: share(c.sipCalledWithFixedCareContact, c.sipCalled),
    readmittedWithin30Days: share(c.readmittedWithin30Days, c.discharged),
    readyDays: {
      stays,
      median: medianFromHistogram(c.readyDays),
      sameDay: share(sameDay, stays),
      withinThreeDays: share(withinThree, stays),
      distribution: READY_DAY_BUCKETS.map((b) => ({
        ...b,
        count: [...c.readyDays].filter(([d]) => d >= b.min && (b.max === null || d <= b.max)).reduce((s, [, n]) => s + n, 0),
      })),
    },
  };
}

/** Sums the counts of several groups (a year of months, all hospitals). */
export function addCounts(list: readonly MeasureCounts[]): MeasureCounts {
  const out: MeasureCounts = { ...EMPTY_COUNTS, readyDays: new Map() };
  const days = new Map<number, number>();
  for (const c of list) {
    for (const key of COUNT_KEYS) out[key] += c[key];
    for (const [d, n] of c.readyDays) days.set(d, (days.get(d) ?? 0) + n);
  }
  return { ...out, readyDays: days };
}

const COUNT_KEYS = [
  "discharged",
  "admissionNoticeOnTime",
  "fixedCareContactDue",
  "fixedCareContactBeforeDischarge",
  "sipNeeded",
  "sipCalled",
  "sipCallDeadlines",
  "sipCalledInTime",
  "sipCalledWithFixedCareContact",
  "informationOnTime",
  "readmittedWithin30Days",
] as const satisfies readonly (keyof MeasureCounts)[];

export const EMPTY_COUNTS: MeasureCounts = {
  discharged: 0,
  admissionNoticeOnTime: 0,
  fixedCareContactDue: 0,
  fixedCareContactBeforeDischarge: 0,
  sipNeeded: 0,
  sipCalled: 0,
  sipCallDeadlines: 0,
  sipCalledInTime: 0,
  sipCalledWithFixedCareContact: 0,
  informationOnTime: 0,
  readmittedWithin30Days: 0,
  readyDays: new Map(),
};

/**
 * The report period: the twelve calendar months (Stockholm) ending with the current one, oldest
 * first, as "YYYY-MM". The current month is still running and says so in the page.
 */
export function lastTwelveMonths(now: Date): string[] {
  const [y, m] = stockholmDate(now).split("-").map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`);
  }
  return out;
}

/** Whether a string is a month "YYYY-MM". */
export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The last day of a month "YYYY-MM", as "YYYY-MM-DD". */
export function monthEnd(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return addDaysToIsoDate(next, -1);
}

const MONTH_NAMES = ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."];
/** "2026-03" → "mars 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

/** What a report is grouped by, besides the month; one list and one label table. */
export const REPORT_DIMENSIONS = ["sjukhus", "avdelning", "kommun", "vardcentral"] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];
export const REPORT_DIMENSION_LABELS: Record<ReportDimension, string> = {
  sjukhus: "Sjukhus",
  avdelning: "Vårdavdelning",
  kommun: "Kommun",
  vardcentral: "Vårdcentral",
};
