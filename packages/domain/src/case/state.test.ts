import { describe, expect, it } from "vitest";
import { deriveCaseState, partyState } from "./state";
import {
  ADMITTED,
  answered,
  at,
  baseFacts,
  CONTACT_STAFF,
  discharged,
  ESTIMATED,
  event,
  HSV,
  HTJ,
  KOMMUN,
  notified,
  NOTICE_AT,
  PARTIES,
  PSYK,
  READY_AT,
  ready,
  VC,
  WARD,
  withEvents,
} from "./test-fixtures";

describe("deriveCaseState", () => {
  it("starts as inskriven with the N5 deadline", () => {
    const s = deriveCaseState(baseFacts());
    expect(s.stage).toBe("inskriven");
    expect(s.admissionNoticeAt).toBeNull();
    expect(s.admissionNoticeDueAt.toISOString()).toBe(at("2026-02-03", "10:00").toISOString());
    expect(deriveCaseState(baseFacts({ needAssessedAt: at("2026-02-04", "08:00") })).admissionNoticeDueAt.toISOString()).toBe(
      at("2026-02-05", "08:00").toISOString(),
    );
  });

  it("moves through planering, utskrivningsklar, utskriven and avslutad", () => {
    expect(deriveCaseState(notified()).stage).toBe("planering");
    expect(deriveCaseState(ready()).stage).toBe("utskrivningsklar");
    const d = deriveCaseState(discharged());
    expect(d.stage).toBe("utskriven");
    expect(d.dischargedAt?.toISOString()).toBe("2026-02-09T09:00:00.000Z");
    const closed = deriveCaseState(withEvents(discharged(), event("avslut", at("2026-02-20", "09:00"), WARD, [KOMMUN])));
    expect(closed.stage).toBe("avslutad");
    expect(closed.closeReason).toBe("utskriven_klar");
    expect(deriveCaseState(baseFacts({ closedAt: at("2026-02-03", "09:00") })).stage).toBe("avslutad");
  });

  it("records the notice, the estimated date and which parties got it", () => {
    const s = deriveCaseState(notified());
    expect(s.admissionNoticeAt).toEqual(NOTICE_AT);
    expect(s.estimatedDischargeDate).toBe(ESTIMATED);
    expect(partyState(s, KOMMUN)?.admissionNoticeAt).toEqual(NOTICE_AT);
    expect(partyState(s, HTJ)?.admissionNoticeAt).toBeNull();
  });

  it("takes the latest changed date", () => {
    const f = withEvents(notified(), event("andrat_utskrivningsdatum", at("2026-02-04", "09:00"), WARD, [KOMMUN], { estimatedDischargeDate: "2026-02-11" }));
    expect(deriveCaseState(f).estimatedDischargeDate).toBe("2026-02-11");
  });

  it("orders events by time, whatever the list order", () => {
    const change = event("andrat_utskrivningsdatum", at("2026-02-04", "09:00"), WARD, [KOMMUN], {
      estimatedDischargeDate: "2026-02-11",
    });
    const f = notified();
    const s = deriveCaseState({ ...f, events: [change, ...f.events] });
    expect(s.estimatedDischargeDate).toBe("2026-02-11");
  });

  it("records answers, the fast vårdkontakt and rejections per party", () => {
    const s = deriveCaseState(withEvents(answered(), event("avvisning", at("2026-02-03", "11:00"), HSV, [WARD], { reason: "fel_mottagare", text: "x" })));
    expect(partyState(s, KOMMUN)?.answeredAt).toEqual(at("2026-02-03", "09:00"));
    expect(partyState(s, KOMMUN)?.knownToUnit).toBe(true);
    expect(partyState(s, VC)?.fixedCareContactStaffId).toBe(CONTACT_STAFF);
    expect(partyState(s, HSV)?.rejectedAt).toEqual(at("2026-02-03", "11:00"));
    expect(partyState(s, HSV)?.rejectReason).toBe("fel_mottagare");
  });

  describe("ready for discharge and its withdrawal", () => {
    const withdrawn = withEvents(
      ready(),
      event("kommunklar", at("2026-02-06", "13:00"), KOMMUN, [WARD]),
      event("utskrivningsdatum", at("2026-02-06", "14:00"), WARD, [KOMMUN]),
      event("ej_utskrivningsklar", at("2026-02-07", "08:00"), WARD, [KOMMUN, VC, HSV]),
    );

    it("has a current ready notice with the recorded decision", () => {
      const s = deriveCaseState(ready());
      expect(s.readyForDischargeAt).toEqual(READY_AT);
      expect(s.readyHistory).toEqual([{ at: READY_AT, decidedAt: new Date("2026-02-06T09:30:00Z"), decidedBy: "Dr. Lena Ek" }]);
    });

    it("has no current notice after a withdrawal, and clears kommunklar and the agreed time", () => {
      const s = deriveCaseState(withdrawn);
      expect(s.stage).toBe("planering");
      expect(s.readyForDischargeAt).toBeNull();
      expect(s.readyHistory[0]?.withdrawnAt).toEqual(at("2026-02-07", "08:00"));
      expect(partyState(s, KOMMUN)?.kommunklarAt).toBeNull();
      expect(s.plannedDischargeAt).toBeNull();
    });

    it("takes the new notice as current after a re-notice", () => {
      const renewed = at("2026-02-09", "09:15");
      const s = deriveCaseState(withEvents(withdrawn, event("utskrivningsklar", renewed, WARD, [KOMMUN, VC])));
      expect(s.stage).toBe("utskrivningsklar");
      expect(s.readyForDischargeAt).toEqual(renewed);
      expect(s.readyHistory).toHaveLength(2);
      expect(s.readyHistory[1]?.withdrawnAt).toBeUndefined();
    });
  });

  describe("SIP", () => {
    it("is needed when both a kommun-side party and a region öppenvård party take part", () => {
      expect(deriveCaseState(baseFacts()).sipNeeded).toBe(true);
      const onlyKommun = PARTIES.filter((p) => p.role !== "vardcentral");
      expect(deriveCaseState(baseFacts({ parties: onlyKommun })).sipNeeded).toBe(false);
      const hemtjanstAndPsych = [
        { unitId: WARD, role: "avdelning" as const },
        { unitId: HTJ, role: "hemtjanst" as const },
        { unitId: PSYK, role: "psykiatrisk_oppenvard" as const },
      ];
      expect(deriveCaseState(baseFacts({ parties: hemtjanstAndPsych })).sipNeeded).toBe(true);
      const vcRemoved = PARTIES.map((p) => (p.unitId === VC ? { ...p, removedAt: ADMITTED } : p));
      expect(deriveCaseState(baseFacts({ parties: vcRemoved })).sipNeeded).toBe(false);
    });

    it("is not needed when the only öppenvård party rejected the case", () => {
      const f = withEvents(notified(), event("avvisning", at("2026-02-03", "08:00"), VC, [WARD], { reason: "fel_mottagare", text: "x" }));
      expect(deriveCaseState(f).sipNeeded).toBe(false);
    });

    it("counts a kallelse only at or after the current ready notice", () => {
      const early = withEvents(answered(), event("kallelse_sip", at("2026-02-04", "09:00"), VC, [WARD, KOMMUN]));
      const s1 = deriveCaseState(withEvents(early, event("utskrivningsklar", READY_AT, WARD, [KOMMUN, VC])));
      expect(s1.sipCalledAt).toBeNull();
      expect(s1.lastSipCallAt).toEqual(at("2026-02-04", "09:00"));
      const s2 = deriveCaseState(withEvents(ready(), event("kallelse_sip", at("2026-02-07", "09:00"), VC, [WARD, KOMMUN])));
      expect(s2.sipCalledAt).toEqual(at("2026-02-07", "09:00"));
      expect(s2.sipMeetingAt?.toISOString()).toBe("2026-02-10T09:00:00.000Z");
    });
  });

  it("keeps the latest planning version", () => {
    const f = withEvents(
      notified(),
      event("planeringsunderlag", at("2026-02-03", "09:00"), WARD, [KOMMUN], { version: 1, needs: "a" }),
      event("planeringsunderlag", at("2026-02-04", "09:00"), WARD, [KOMMUN], { version: 2, needs: "b" }),
    );
    expect(deriveCaseState(f).planningVersion).toBe(2);
    expect(deriveCaseState(notified()).planningVersion).toBe(0);
  });

  describe("corrections", () => {
    it("replace the values of the corrected message but keep its time", () => {
      const f = notified();
      const notice = f.events[0]!;
      const fixed = event("inskrivningsmeddelande", at("2026-02-03", "08:00"), WARD, [KOMMUN], { estimatedDischargeDate: "2026-02-12" }, notice.id);
      const s = deriveCaseState(withEvents(f, fixed));
      expect(s.estimatedDischargeDate).toBe("2026-02-12");
      expect(s.admissionNoticeAt).toEqual(NOTICE_AT);
    });

    it("do not override a later date change", () => {
      const f = withEvents(notified(), event("andrat_utskrivningsdatum", at("2026-02-04", "09:00"), WARD, [KOMMUN], { estimatedDischargeDate: "2026-02-11" }));
      const fixed = event("inskrivningsmeddelande", at("2026-02-05", "08:00"), WARD, [KOMMUN], { estimatedDischargeDate: "2026-02-12" }, f.events[0]!.id);
      expect(deriveCaseState(withEvents(f, fixed)).estimatedDischargeDate).toBe("2026-02-11");
    });

    it("change the fast vårdkontakt without counting as a second answer", () => {
      const f = answered();
      const vcAnswer = f.events.find((e) => e.senderUnitId === VC)!;
      const other = "99999999-2222-4333-8444-555555555555";
      const fixed = event("svar_pa_inskrivning", at("2026-02-05", "08:00"), VC, [WARD], { ...vcAnswer.payload, fixedCareContactStaffId: other }, vcAnswer.id);
      const s = deriveCaseState(withEvents(f, fixed));
      expect(partyState(s, VC)?.fixedCareContactStaffId).toBe(other);
      expect(partyState(s, VC)?.answeredAt).toEqual(at("2026-02-03", "10:00"));
    });

    it("update the recorded physician of a ready notice", () => {
      const f = ready();
      const notice = f.events.find((e) => e.kind === "utskrivningsklar")!;
      const fixed = event(
        "utskrivningsklar",
        at("2026-02-06", "12:00"),
        WARD,
        [KOMMUN],
        { decidedAt: "2026-02-06T10:30:00+01:00", decidedBy: "Dr. Per Ek" },
        notice.id,
      );
      const s = deriveCaseState(withEvents(f, fixed));
      expect(s.readyHistory).toHaveLength(1);
      expect(s.readyHistory[0]?.decidedBy).toBe("Dr. Per Ek");
      expect(s.readyForDischargeAt).toEqual(READY_AT);
    });
  });

  it("tolerates odd payloads from old data without throwing", () => {
    const f = withEvents(baseFacts(), event("inskrivningsmeddelande", NOTICE_AT, WARD, [KOMMUN], { estimatedDischargeDate: 42 }));
    const s = deriveCaseState(f);
    expect(s.stage).toBe("planering");
    expect(s.estimatedDischargeDate).toBeNull();
  });
});
