import { describe, expect, it } from "vitest";
import { stockholmInstant as at } from "../time/stockholm";
import { ALL_CONSENTS, CONTACT_STAFF, KOMMUN, VC, WARD, event } from "../case/test-fixtures";
import type { CaseEvent, CaseFacts, CaseParty } from "../case/types";
import { caseReportMeasures } from "./case-measures";

/**
 * Hand-worked stays. Admitted Monday 2 March 2026 10:00 (CET); the admission notice is due
 * Tuesday 3 March 10:00 (24 hours). Ready for discharge Thursday 5 March 11:00: the kallelse till
 * SIP is due by the end of Sunday 8 March (the third calendar day after the notice day).
 */
const ADMITTED = at("2026-03-02", "10:00");
const PARTIES: CaseParty[] = [
  { unitId: WARD, role: "avdelning" },
  { unitId: KOMMUN, role: "kommun" },
  { unitId: VC, role: "vardcentral" },
];
const ALL = [KOMMUN, VC];

function facts(events: CaseEvent[], parties: CaseParty[] = PARTIES): CaseFacts {
  return { admittedAt: ADMITTED, careType: "somatisk", lpt: false, lrv: false, parties, events, consents: ALL_CONSENTS };
}
const notice = (t: Date) => event("inskrivningsmeddelande", t, WARD, ALL, { estimatedDischargeDate: "2026-03-09" });
const ready = (t: Date) => event("utskrivningsklar", t, WARD, ALL, { decidedAt: t.toISOString(), decidedBy: "Dr Ek" });
const answerVc = (t: Date) => event("svar_pa_inskrivning", t, VC, [WARD], { knownToUnit: true, fixedCareContactStaffId: CONTACT_STAFF });
const sip = (t: Date) =>
  event("kallelse_sip", t, VC, [WARD, KOMMUN], { meetingAt: "2026-03-12T10:00:00+01:00", video: false, participants: ["Patienten"], consentStatus: "given" });
const discharge = (t: Date, sentAt = t) =>
  event("utskrivningsmeddelande", sentAt, WARD, ALL, { dischargedAt: t.toISOString(), dischargePlan: "Hem", medicationList: "Lista" });

describe("caseReportMeasures: one stay by hand", () => {
  it("a stay where everything was on time: notice after 23 h, contact before discharge, SIP on day 3, information the same day", () => {
    const m = caseReportMeasures(
      facts([
        notice(at("2026-03-03", "09:00")),
        answerVc(at("2026-03-04", "08:00")),
        ready(at("2026-03-05", "11:00")),
        sip(at("2026-03-08", "23:00")),
        discharge(at("2026-03-09", "10:00")),
      ]),
    );
    expect(m).toEqual({
      dischargeMonth: "2026-03",
      admissionNoticeOnTime: true,
      fixedCareContactDue: true,
      fixedCareContactBeforeDischarge: true,
      sipNeeded: true,
      sipCalled: true,
      sipCalledInTime: true,
      informationOnTime: true,
      // Thursday 5 → Monday 9 March: 4 calendar days.
      readyToDischargeDays: 4,
      readmittedWithin30Days: false,
    });
  });

  it("a stay where every deadline was missed: notice after 25 h, no contact named, SIP on day 4, information the day after", () => {
    const m = caseReportMeasures(
      facts([
        notice(at("2026-03-03", "11:00")),
        ready(at("2026-03-05", "11:00")),
        sip(at("2026-03-09", "00:30")),
        // Discharged Tuesday 10 March 15:00, the notice typed on Wednesday.
        discharge(at("2026-03-10", "15:00"), at("2026-03-11", "08:00")),
      ]),
    );
    expect(m.admissionNoticeOnTime).toBe(false);
    expect(m.fixedCareContactBeforeDischarge).toBe(false);
    expect(m.sipCalledInTime).toBe(false);
    expect(m.sipCalled).toBe(true);
    expect(m.informationOnTime).toBe(false);
    expect(m.readyToDischargeDays).toBe(5);
    // The discharge time is what the ward states, not when the notice was typed: still March.
    expect(m.dischargeMonth).toBe("2026-03");
  });

  it("a contact named after the discharge does not count, and a same-day discharge is day 0", () => {
    const m = caseReportMeasures(
      facts([notice(at("2026-03-02", "12:00")), ready(at("2026-03-05", "08:00")), discharge(at("2026-03-05", "16:00")), answerVc(at("2026-03-06", "09:00"))]),
    );
    expect(m.fixedCareContactBeforeDischarge).toBe(false);
    expect(m.readyToDischargeDays).toBe(0);
    // A SIP was needed and none was called.
    expect(m.sipCalled).toBe(false);
    expect(m.sipCalledInTime).toBe(false);
  });

  it("without a vårdcentral no fast vårdkontakt and no SIP are due", () => {
    const m = caseReportMeasures(
      facts(
        [notice(at("2026-03-02", "12:00")), ready(at("2026-03-05", "08:00")), discharge(at("2026-03-06", "10:00"))].map((e) => ({
          ...e,
          recipientUnitIds: [KOMMUN],
        })),
        PARTIES.slice(0, 2),
      ),
    );
    expect(m.fixedCareContactDue).toBe(false);
    expect(m.fixedCareContactBeforeDischarge).toBeNull();
    expect(m.sipNeeded).toBe(false);
    expect(m.sipCalledInTime).toBeNull();
    expect(m.readyToDischargeDays).toBe(1);
  });

  it("counts the days from the ready notice in force, after a withdrawal", () => {
    const m = caseReportMeasures(
      facts([
        notice(at("2026-03-02", "12:00")),
        ready(at("2026-03-03", "09:00")),
        event("ej_utskrivningsklar", at("2026-03-04", "09:00"), WARD, ALL, { reason: "Feber" }),
        ready(at("2026-03-07", "09:00")),
        discharge(at("2026-03-09", "10:00")),
      ]),
    );
    expect(m.readyToDischargeDays).toBe(2);
  });

  it("an open stay is not counted in any month", () => {
    const m = caseReportMeasures(facts([notice(at("2026-03-02", "12:00"))]));
    expect(m.dischargeMonth).toBeNull();
    expect(m.informationOnTime).toBeNull();
    expect(m.readyToDischargeDays).toBeNull();
  });

  it("a readmission within 30 calendar days of the previous discharge, and not on day 31", () => {
    const f = facts([notice(at("2026-03-02", "12:00"))]);
    // Previous discharge 31 January 16:00 → admitted 2 March: 30 days (February 2026 has 28).
    expect(caseReportMeasures(f, { dischargedAt: at("2026-01-31", "16:00") }).readmittedWithin30Days).toBe(true);
    expect(caseReportMeasures(f, { dischargedAt: at("2026-01-30", "16:00") }).readmittedWithin30Days).toBe(false);
    expect(caseReportMeasures(f, { dischargedAt: null }).readmittedWithin30Days).toBe(false);
  });

  it("the admission notice's 24 hours are exact hours across the change to summer time", () => {
    // Admitted Saturday 28 March 2026 10:00 CET; the clocks go forward that night, so 24 hours
    // later is Sunday 29 March 11:00 CEST. A notice at 10:30 CEST is in time.
    const f = { ...facts([notice(at("2026-03-29", "10:30"))]), admittedAt: at("2026-03-28", "10:00") };
    expect(caseReportMeasures(f).admissionNoticeOnTime).toBe(true);
    const late = { ...facts([notice(at("2026-03-29", "11:30"))]), admittedAt: at("2026-03-28", "10:00") };
    expect(caseReportMeasures(late).admissionNoticeOnTime).toBe(false);
  });
});
