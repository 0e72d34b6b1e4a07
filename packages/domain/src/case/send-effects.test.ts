import { describe, expect, it } from "vitest";
import { sendEffects } from "./send-effects";
import { ADMITTED, at, CONTACT_STAFF, event, KOMMUN, NOTICE_AT, VC, WARD } from "./test-fixtures";

const REGISTERED = at("2026-02-02", "14:05");
const parties = [
  { unitId: WARD, visibleFrom: ADMITTED },
  { unitId: KOMMUN, visibleFrom: null },
  { unitId: VC, visibleFrom: null },
];

describe("what a sent message implies (sendEffects)", () => {
  it("the first message addressed to a party lets it see the case from when it was registered; a party already seeing it keeps its time", () => {
    const effects = sendEffects(event("inskrivningsmeddelande", NOTICE_AT, WARD, [KOMMUN, WARD]), parties, REGISTERED);
    expect(effects.partiesNowVisible).toEqual([{ unitId: KOMMUN, visibleFrom: REGISTERED }]);
    expect(effects.consents).toEqual([]);
    expect(effects.fixedCareContact).toBeNull();
    expect(effects.voidsAfterRegistration).toBe(false);
  });

  it("a samtycke message documents its consents at the time of the event", () => {
    const effects = sendEffects(event("samtycke", NOTICE_AT, WARD, [], { consents: [{ kind: "npo", given: false }] }), parties, REGISTERED);
    expect(effects.consents).toEqual([{ kind: "npo", given: false, source: "patient", documentedAt: NOTICE_AT, documentedByUnitId: WARD }]);
  });

  it("an answer that names a fast vårdkontakt sets it on the answering party", () => {
    const effects = sendEffects(
      event("svar_pa_inskrivning", NOTICE_AT, VC, [WARD], { knownToUnit: true, fixedCareContactStaffId: CONTACT_STAFF }),
      parties,
      REGISTERED,
    );
    expect(effects.fixedCareContact).toEqual({ unitId: VC, staffId: CONTACT_STAFF });
  });

  it("closing the case as wrongly created takes its open after-registration items with it; another closure does not", () => {
    expect(sendEffects(event("avslut", NOTICE_AT, WARD, [], { reason: "makulerad" }), parties, REGISTERED).voidsAfterRegistration).toBe(true);
    expect(sendEffects(event("avslut", NOTICE_AT, WARD, [], { reason: "avliden" }), parties, REGISTERED).voidsAfterRegistration).toBe(false);
  });
});
