import { describe, expect, it } from "vitest";
import { computeAfterRegistration, type AfterRegistrationCase, type AfterRegistrationInput } from "./after-registration";
import { afterRegistrationCandidates, earliestPeriodStart } from "./after-registration-candidates";
import { VASTERNORRLAND_ROUTINE_PROFILE } from "./profiles/vasternorrland";
import { SORMLAND_ROUTINE_PROFILE } from "./profiles/sormland";
import { arCase, at, BIST, call, DAY_OUTAGE, ev, outage, UNITS, VC, WARD_A } from "./test-fixtures";

const activity = (c: AfterRegistrationCase) => ({
  ...c,
  lastEventAt: c.events.length ? new Date(Math.max(...c.events.map((e) => e.occurredAt.getTime()))) : null,
});
const input = (p: Partial<AfterRegistrationInput>): AfterRegistrationInput => ({
  outage: DAY_OUTAGE,
  units: UNITS,
  cases: [],
  phoneLog: [],
  unacknowledged: [],
  profile: SORMLAND_ROUTINE_PROFILE,
  ...p,
});
const kept = (p: Partial<AfterRegistrationInput>) =>
  afterRegistrationCandidates((p.cases ?? []).map(activity), earliestPeriodStart(p.outage ?? DAY_OUTAGE, p.otherOutages ?? []), p.phoneLog ?? []).map(
    (c) => c.id,
  );

describe("which cases after-registration loads in full", () => {
  it("leaves out a case with nothing from the outage period on, which gives no item", () => {
    const quiet = arCase({
      id: "quiet",
      admittedAt: at("2026-02-20", "10:00"),
      events: [ev("inskrivningsmeddelande", at("2026-02-20", "12:00"), WARD_A, [BIST, VC])],
    });
    const p = { cases: [quiet] };
    expect(kept(p)).toEqual([]);
    expect(computeAfterRegistration(input(p))).toEqual([]);
  });

  it("keeps a case notified during the outage though admitted before (the fast vårdkontakt item of Västernorrland)", () => {
    const notified = arCase({
      id: "notified",
      admittedAt: at("2026-02-27", "10:00"),
      events: [ev("inskrivningsmeddelande", at("2026-03-02", "09:00"), WARD_A, [BIST, VC])],
    });
    const p = { cases: [notified], profile: VASTERNORRLAND_ROUTINE_PROFILE };
    expect(kept(p)).toEqual(["notified"]);
    expect(computeAfterRegistration(input(p)).map((i) => i.kind)).toContain("confirm_fixed_care_contact");
  });

  it("keeps every case of a patient phoned about without a case: the call is matched to one of them by time", () => {
    const older = arCase({ id: "older", admittedAt: at("2026-01-10", "10:00"), dischargedAt: at("2026-01-20", "10:00") });
    const current = arCase({ id: "current", admittedAt: at("2026-02-25", "10:00") });
    const phoned = call({ caseId: null, patientId: "patient-1", occurredAt: at("2026-03-02", "10:00"), steps: ["beraknat_utskrivningsdatum"] });
    const p = { cases: [older, current], phoneLog: [phoned] };
    expect(kept(p).sort()).toEqual(["current", "older"]);
    // Without the patient's current case the call would have no case to go to.
    expect(computeAfterRegistration(input(p))).toEqual(computeAfterRegistration(input({ ...p, cases: [current] })));
    expect(computeAfterRegistration(input(p))).not.toEqual(computeAfterRegistration(input({ ...p, cases: [older] })));
  });

  it("counts the period from the earliest overlapping outage, whichever units it reaches", () => {
    const before = outage("o0", at("2026-03-01", "20:00"), at("2026-03-02", "09:00"), { kind: "units", unitIds: [WARD_A] });
    const later = outage("o2", at("2026-03-03", "08:00"), null);
    expect(earliestPeriodStart(DAY_OUTAGE, [before, later])).toEqual(at("2026-03-01", "20:00"));
    expect(earliestPeriodStart(DAY_OUTAGE, [later])).toEqual(DAY_OUTAGE.startedAt);
  });
});
