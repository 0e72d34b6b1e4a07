import { describe, expect, it } from "vitest";
import type { AfterRegistrationItem } from "./after-registration";
import { afterRegistrationProgress, OUTAGE_REPORT_COLUMNS, outageReportRows } from "./report";
import { at, BIST, call, DAY_OUTAGE, outage, VC, WARD_A } from "./test-fixtures";

const item = (key: string, unitId: string, kind: AfterRegistrationItem["kind"] = "register_admission"): AfterRegistrationItem => ({
  key,
  unitId,
  caseId: null,
  patientId: "p",
  kind,
  eventAt: at("2026-03-02", "10:00"),
  title: "",
  notes: [],
  sourcePhoneContactIds: [],
});
const ITEMS = [item("a1", WARD_A), item("a2", WARD_A, "register_discharge"), item("k1", BIST, "acknowledge")];

describe("afterRegistrationProgress", () => {
  it("per unit: done, pending, by kind; complete when nothing is left; unknown done keys ignored", () => {
    const progress = afterRegistrationProgress(ITEMS, ["a1", "k1", "not-an-item"]);
    expect(progress.map((p) => [p.unitId, p.total, p.done, p.pending, p.complete])).toEqual([
      [BIST, 1, 1, 0, true],
      [WARD_A, 2, 1, 1, false],
    ]);
    expect(progress[1]?.byKind.register_discharge).toEqual({ total: 1, done: 0 });
    expect(progress[1]?.byKind.summary_message).toEqual({ total: 0, done: 0 });
  });
});

describe("outageReportRows", () => {
  it("one row per unit (also with nothing to do) and a total; calls counted by the outage's id", () => {
    const log = [
      call({ occurredAt: at("2026-03-02", "09:00"), steps: ["inskrivning"] }),
      call({ occurredAt: at("2026-03-02", "09:10"), steps: ["inskrivning"] }),
      call({ occurredAt: at("2026-03-02", "09:20"), steps: ["inskrivning"], unitId: BIST }),
      call({ occurredAt: at("2026-03-02", "09:30"), steps: ["inskrivning"], outageId: "another" }),
    ];
    const rows = outageReportRows({
      outage: DAY_OUTAGE,
      units: [
        { id: WARD_A, name: "Avd 12 Medicin" },
        { id: VC, name: "Vårdcentralen Fröslunda" },
        { id: BIST, name: "Biståndsenheten Eskilstuna" },
      ],
      phoneLog: log,
      items: ITEMS,
      doneKeys: ["a1"],
      now: at("2026-03-03", "10:00"),
    });
    expect(rows.map((r) => [r.unitName, r.callsLogged, r.itemsTotal, r.itemsDone, r.itemsPending])).toEqual([
      ["Avd 12 Medicin", 2, 2, 1, 1],
      ["Biståndsenheten Eskilstuna", 1, 1, 0, 1],
      ["Vårdcentralen Fröslunda", 0, 0, 0, 0],
      ["Totalt", 3, 3, 1, 2],
    ]);
    expect(rows[0]).toMatchObject({
      outageId: "o1",
      system: "Samordningen (arbetsytan i Vårdkedjan)",
      startedAt: "2026-03-02 08:00",
      endedAt: "2026-03-02 16:00",
      durationMinutes: 480,
      duration: "8 h 0 min",
    });
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(OUTAGE_REPORT_COLUMNS.map((c) => c.key).sort());
    expect(rows.every((r) => Object.values(r).every((v) => typeof v === "string" || typeof v === "number"))).toBe(true);
  });

  it("durations are real elapsed time across the changes; an ongoing outage runs to now", () => {
    const spring = outage("s", at("2026-03-28", "22:00"), at("2026-03-29", "06:00"));
    const autumn = outage("a", at("2026-10-24", "22:00"), at("2026-10-25", "06:00"));
    const base = { units: [], phoneLog: [], items: [], doneKeys: [], now: at("2026-11-01") };
    expect(outageReportRows({ ...base, outage: spring })[0]).toMatchObject({ durationMinutes: 420, duration: "7 h 0 min", endedAt: "2026-03-29 06:00" });
    expect(outageReportRows({ ...base, outage: autumn })[0]).toMatchObject({ durationMinutes: 540, duration: "9 h 0 min" });
    const open = outage("x", at("2026-03-02", "08:00"), null);
    expect(outageReportRows({ ...base, outage: open, now: at("2026-03-04", "09:05") })[0]).toMatchObject({
      endedAt: "",
      durationMinutes: 2 * 1440 + 65,
      duration: "2 d 1 h 5 min",
    });
  });
});
