import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addDaysToIsoDate,
  isoDateDiff,
  isWithinValidity,
  stockholmCalendarDaysBetween,
  stockholmDate,
  stockholmDayEnd,
  stockholmDayStart,
  stockholmHour,
  stockholmInstant,
  stockholmMinuteOfDay,
  stockholmWallClock,
  stockholmWeekday,
} from "./stockholm";

const iso = (d: Date): string => d.toISOString();

describe("stockholmInstant", () => {
  it.each([
    ["winter midnight", "2026-01-15", "00:00", "2026-01-14T23:00:00.000Z"],
    ["summer midnight", "2026-07-01", "00:00", "2026-06-30T22:00:00.000Z"],
    ["spring change day, midnight (still CET)", "2026-03-29", "00:00", "2026-03-28T23:00:00.000Z"],
    ["spring change day, after the jump (CEST)", "2026-03-29", "03:00", "2026-03-29T01:00:00.000Z"],
    ["spring gap 02:30 moves to 03:30", "2026-03-29", "02:30", "2026-03-29T01:30:00.000Z"],
    ["autumn change day, midnight (still CEST)", "2026-10-25", "00:00", "2026-10-24T22:00:00.000Z"],
    ["autumn repeated hour 02:30 takes the earlier", "2026-10-25", "02:30", "2026-10-25T00:30:00.000Z"],
    ["autumn, after the repeat (CET)", "2026-10-25", "03:00", "2026-10-25T02:00:00.000Z"],
    ["seconds and milliseconds", "2026-01-15", "12:34:56.789", "2026-01-15T11:34:56.789Z"],
  ])("%s", (_why, date, time, expected) => {
    expect(iso(stockholmInstant(date, time))).toBe(expected);
  });

  it.each(["2026-02-30", "2026-13-01", "26-01-01", ""])("rejects the date %j", (date) => {
    expect(() => stockholmInstant(date)).toThrow(/Ogiltigt datum/);
  });

  it.each(["24:00", "12:60", "noon"])("rejects the time %j", (time) => {
    expect(() => stockholmInstant("2026-01-15", time)).toThrow(/Ogiltig klockslag/);
  });
});

describe("stockholmDayStart / stockholmDayEnd", () => {
  it("uses the Stockholm day, not the UTC day, around midnight", () => {
    // 23:30 UTC on 14 January is 00:30 on 15 January in Stockholm.
    const at = new Date("2026-01-14T23:30:00Z");
    expect(iso(stockholmDayStart(at))).toBe("2026-01-14T23:00:00.000Z");
    expect(iso(stockholmDayEnd(at))).toBe("2026-01-15T22:59:59.999Z");
  });

  it("is inclusive at the edges: 00:00 belongs to its day, 23:59:59.999 too", () => {
    const midnight = stockholmInstant("2026-05-10");
    expect(stockholmDayStart(midnight).getTime()).toBe(midnight.getTime());
    const lastMs = new Date(midnight.getTime() - 1);
    expect(stockholmDayEnd(lastMs).getTime()).toBe(lastMs.getTime());
  });

  it("gives a 23-hour day on 2026-03-29 and a 25-hour day on 2026-10-25", () => {
    const spring = new Date("2026-03-29T12:00:00Z");
    expect(iso(stockholmDayStart(spring))).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(stockholmDayEnd(spring))).toBe("2026-03-29T21:59:59.999Z");
    expect(stockholmDayEnd(spring).getTime() + 1 - stockholmDayStart(spring).getTime()).toBe(23 * 3_600_000);

    const autumn = new Date("2026-10-25T12:00:00Z");
    expect(iso(stockholmDayStart(autumn))).toBe("2026-10-24T22:00:00.000Z");
    expect(iso(stockholmDayEnd(autumn))).toBe("2026-10-25T22:59:59.999Z");
    expect(stockholmDayEnd(autumn).getTime() + 1 - stockholmDayStart(autumn).getTime()).toBe(25 * 3_600_000);
  });

  it("throws on an invalid Date", () => {
    expect(() => stockholmDayStart(new Date("x"))).toThrow(/Ogiltig tidpunkt/);
  });
});

describe("addCalendarDays", () => {
  it("keeps the wall-clock time across the spring change (23 hours later)", () => {
    const at = stockholmInstant("2026-03-28", "12:00");
    const next = addCalendarDays(at, 1);
    expect(iso(next)).toBe("2026-03-29T10:00:00.000Z");
    expect(next.getTime() - at.getTime()).toBe(23 * 3_600_000);
  });

  it("keeps the wall-clock time across the autumn change (25 hours later)", () => {
    const at = stockholmInstant("2026-10-24", "12:00");
    expect(addCalendarDays(at, 1).getTime() - at.getTime()).toBe(25 * 3_600_000);
  });

  it("moves a time in the spring gap forward", () => {
    expect(iso(addCalendarDays(stockholmInstant("2026-03-28", "02:30"), 1))).toBe("2026-03-29T01:30:00.000Z");
  });

  it("goes backwards and over month and year ends", () => {
    expect(iso(addCalendarDays(stockholmInstant("2026-12-31", "23:59"), 1))).toBe(iso(stockholmInstant("2027-01-01", "23:59")));
    expect(iso(addCalendarDays(stockholmInstant("2026-03-01", "08:00"), -1))).toBe(iso(stockholmInstant("2026-02-28", "08:00")));
  });
});

describe("date strings", () => {
  it("adds days and counts the difference", () => {
    expect(addDaysToIsoDate("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDaysToIsoDate("2026-02-28", 1)).toBe("2026-03-01");
    expect(isoDateDiff("2026-03-28", "2026-03-30")).toBe(2);
    expect(isoDateDiff("2026-03-30", "2026-03-28")).toBe(-2);
  });

  it("counts Stockholm calendar days between instants, across midnight and DST", () => {
    const lateSaturday = stockholmInstant("2026-03-28", "23:30");
    const earlyMonday = stockholmInstant("2026-03-30", "00:10");
    expect(stockholmCalendarDaysBetween(lateSaturday, earlyMonday)).toBe(2);
    expect(stockholmCalendarDaysBetween(stockholmInstant("2026-01-15", "23:59:59.999"), stockholmInstant("2026-01-16"))).toBe(1);
  });

  it("reads the Stockholm hour", () => {
    expect(stockholmHour(new Date("2026-07-01T10:00:00Z"))).toBe(12);
    expect(stockholmHour(new Date("2026-01-01T10:00:00Z"))).toBe(11);
  });
});

describe("the Stockholm calendar day and clock", () => {
  it("gives the Stockholm date, not the UTC date, around midnight and across both changes", () => {
    expect(stockholmDate(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(stockholmDate(new Date("2026-06-30T21:59:59.999Z"))).toBe("2026-06-30");
    expect(stockholmDate(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07-01");
    expect(stockholmDate(new Date("2026-03-29T01:00:00Z"))).toBe("2026-03-29");
    expect(stockholmDate(new Date("2026-10-24T22:00:00Z"))).toBe("2026-10-25");
  });

  it("reads minutes since midnight and the ISO weekday on the Stockholm clock", () => {
    expect(stockholmMinuteOfDay(new Date("2026-07-01T22:15:00Z"))).toBe(15);
    expect(stockholmMinuteOfDay(new Date("2026-03-29T01:00:00Z"))).toBe(180);
    expect(stockholmWeekday(new Date("2026-03-01T23:30:00Z"))).toBe(1); // Monday 00:30 in Stockholm
    expect(stockholmWeekday(new Date("2026-03-01T22:30:00Z"))).toBe(7);
  });

  it("refuses an invalid Date", () => {
    expect(() => stockholmDate(new Date("x"))).toThrow(RangeError);
  });
});

describe("isWithinValidity", () => {
  const now = new Date("2026-12-31T23:30:00Z"); // 2027-01-01 00:30 in Stockholm

  it("reads calendar-date bounds on the Stockholm calendar, inclusive", () => {
    expect(isWithinValidity(now, "2027-01-01", "2027-01-01")).toBe(true);
    expect(isWithinValidity(now, undefined, "2026-12-31")).toBe(false);
    expect(isWithinValidity(now, "2027-01-02")).toBe(false);
    expect(isWithinValidity(now, "", "")).toBe(true);
  });

  it("compares instant bounds as instants and fails closed on a bound it cannot read", () => {
    expect(isWithinValidity(now, "2026-12-31T23:00:00Z", "2027-01-01T00:00:00Z")).toBe(true);
    expect(isWithinValidity(now, undefined, "2026-12-31T23:00:00Z")).toBe(false);
    expect(isWithinValidity(now, "i morgon")).toBe(false);
  });
});

describe("the offset and date caches around the changes", () => {
  // An independent reading of the Stockholm clock: a fresh Intl formatter, no cache.
  const reference = new Intl.DateTimeFormat("en-US", {
    timeZone: "Europe/Stockholm",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const wall = (ms: number): number => {
    const parts = Object.fromEntries(reference.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
    return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) + (((ms % 1000) + 1000) % 1000);
  };
  /** The earliest instant whose clock reads `local`; in the spring gap, the one an hour on. */
  const instantOf = (local: number): number => {
    for (const back of [2, 1]) if (wall(local - back * 3_600_000) === local) return local - back * 3_600_000;
    return local - 3_600_000;
  };
  const DAY = 86_400_000;
  // Every 20 minutes (and a stray millisecond) over the days around both changes in 2026 and 2027,
  // visited in a scrambled order so that each cached hour is reached from both sides of a change.
  const instants: number[] = [];
  for (const [from, to] of [
    ["2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z"],
    ["2026-10-23T00:00:00Z", "2026-10-27T00:00:00Z"],
    ["2027-03-26T00:00:00Z", "2027-03-30T00:00:00Z"],
    ["2027-10-29T00:00:00Z", "2027-11-02T00:00:00Z"],
  ])
    for (let t = Date.parse(from!); t < Date.parse(to!); t += 20 * 60_000) instants.push(t, t + 59 * 60_000 + 59_999);
  const scrambled = instants.map((t, i) => ({ t, k: (i * 7919) % instants.length })).sort((a, b) => a.k - b.k);

  it("agrees with a fresh Intl reading at every instant, whatever order the hours were cached in", () => {
    for (const { t } of scrambled) {
      const at = new Date(t);
      const local = wall(t);
      const dayStart = Math.floor(local / DAY) * DAY;
      expect(stockholmWallClock(at).getTime(), at.toISOString()).toBe(local);
      expect(stockholmDate(at), at.toISOString()).toBe(new Date(local).toISOString().slice(0, 10));
      expect(stockholmDayStart(at).getTime(), at.toISOString()).toBe(instantOf(dayStart));
      expect(stockholmDayEnd(at).getTime(), at.toISOString()).toBe(instantOf(dayStart + DAY) - 1);
      for (const days of [-3, 1, 3]) expect(addCalendarDays(at, days).getTime(), `${at.toISOString()} ${days}`).toBe(instantOf(local + days * DAY));
    }
  });
});
