import { describe, expect, it } from "vitest";
import { answeringUnit, currentAnswers, invitedUnits } from "./sip-answers";
import { KOMMUN, VC, WARD } from "./test-fixtures";

describe("SIP answers", () => {
  it("reads the called units from a call, and none from an older call with free-text participants", () => {
    expect(invitedUnits({ invitedUnitIds: [KOMMUN, VC] })).toEqual([KOMMUN, VC]);
    expect(invitedUnits({ participants: ["Patienten"] })).toEqual([]);
    expect(invitedUnits({ invitedUnitIds: "x" })).toEqual([]);
  });

  it("lets a called unit answer, and tells another in Swedish that it is not called", () => {
    expect(answeringUnit([KOMMUN, VC], [KOMMUN])).toEqual({ ok: true, unitId: KOMMUN });
    expect(answeringUnit([KOMMUN], [WARD])).toEqual({ ok: false, message: "Din enhet är inte kallad till det här SIP-mötet." });
  });

  it("keeps each unit's latest answer", () => {
    const early = { unitId: KOMMUN, answer: "declined" as const, comment: null, answeredAt: new Date("2026-02-07T10:00:00Z"), answeredBy: "Berit Holm" };
    const late = { ...early, answer: "accepted" as const, answeredAt: new Date("2026-02-07T11:00:00Z") };
    expect(currentAnswers([KOMMUN, VC], [late, early])).toEqual([
      { unitId: KOMMUN, answer: late },
      { unitId: VC, answer: null },
    ]);
  });
});
