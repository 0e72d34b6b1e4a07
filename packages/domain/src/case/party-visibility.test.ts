import { describe, expect, it } from "vitest";
import { messageAudience, partySeesCase, phoneContactAudience, personHearsOfMessage, visibleFromAfterMessage, visibleFromWhenAdded } from "./party-visibility";
import { ALL_CONSENTS, at, consent, event, HSV, HTJ, KOMMUN, PARTIES, VC, WARD } from "./test-fixtures";

const T0 = at("2026-02-02", "10:00");
const T1 = at("2026-02-02", "14:00");

describe("which cases a party sees", () => {
  it("the ward from the start, a receiving party not before a message is addressed to it", () => {
    expect(visibleFromWhenAdded("avdelning", T0)).toBe(T0);
    for (const role of ["kommun", "vardcentral", "psykiatrisk_oppenvard", "hemsjukvard", "hemtjanst"] as const) {
      expect(visibleFromWhenAdded(role, T0)).toBeNull();
    }
    expect(partySeesCase({ visibleFrom: null })).toBe(false);
    expect(partySeesCase({ visibleFrom: T0 })).toBe(true);
    expect(partySeesCase({ visibleFrom: T0, removedAt: T1 })).toBe(false);
  });

  it("from the first message addressed to it, and then for good", () => {
    expect(visibleFromAfterMessage(null, KOMMUN, [VC], T1)).toBeNull();
    expect(visibleFromAfterMessage(null, KOMMUN, [KOMMUN, VC], T1)).toBe(T1);
    expect(visibleFromAfterMessage(T0, KOMMUN, [], T1)).toBe(T0);
  });
});

describe("messageAudience: who hears of a message live", () => {
  const visible = PARTIES.map((p) => ({ ...p, visibleFrom: T0 }));

  it("leaves out parties that do not see the case yet", () => {
    const parties = visible.map((p) => (p.unitId === VC ? { ...p, visibleFrom: null } : p));
    const notice = event("generellt", T1, WARD, [KOMMUN]);
    expect(messageAudience(parties, notice, ALL_CONSENTS)).not.toContain(VC);
  });

  it("leaves out hemtjänst for messages not addressed to it, and NPÖ-linked content always", () => {
    const general = event("generellt", T1, WARD, [KOMMUN, VC]);
    expect(messageAudience(visible, general, ALL_CONSENTS).sort()).toEqual([WARD, KOMMUN, VC, HSV].sort());
    expect(messageAudience(visible, event("generellt", T1, WARD, [HTJ]), ALL_CONSENTS)).toContain(HTJ);
    expect(messageAudience(visible, event("planeringsunderlag", T1, WARD, [KOMMUN, HTJ]), ALL_CONSENTS)).not.toContain(HTJ);
  });

  it("follows consent: a kommun at basic level hears only of basic kinds addressed to it", () => {
    const refused = [consent("informationsoverforing_kommun", false)];
    const planning = event("planeringsunderlag", T1, WARD, [KOMMUN, VC]);
    expect(messageAudience(visible, planning, refused)).not.toContain(KOMMUN);
    expect(messageAudience(visible, event("generellt", T1, WARD, [KOMMUN]), refused)).toContain(KOMMUN);
  });
});

describe("personHearsOfMessage", () => {
  const scope = new Set([KOMMUN]);
  it("hemtjänst staff hear only of their units' own messages and never NPÖ-linked ones", () => {
    expect(personHearsOfMessage("hemtjanst", scope, { kind: "generellt", senderUnitId: WARD, recipientUnitIds: [VC] })).toBe(false);
    expect(personHearsOfMessage("hemtjanst", scope, { kind: "generellt", senderUnitId: WARD, recipientUnitIds: [KOMMUN] })).toBe(true);
    expect(personHearsOfMessage("hemtjanst", scope, { kind: "planeringsunderlag", senderUnitId: WARD, recipientUnitIds: [KOMMUN] })).toBe(false);
    expect(personHearsOfMessage("bistandshandlaggare", scope, { kind: "generellt", senderUnitId: WARD, recipientUnitIds: [VC] })).toBe(true);
  });
});

describe("phoneContactAudience: who hears of a logged call live", () => {
  const visible = PARTIES.map((p) => ({ ...p, visibleFrom: T0 }));
  const call = { unitId: WARD, counterpartUnitId: KOMMUN, steps: ["beraknat_utskrivningsdatum" as const], details: {}, comment: "Oroar sig nattetid." };

  it("every party that sees the case and the call; hemtjänst only for calls it took part in", () => {
    const audience = phoneContactAudience(visible, call, ALL_CONSENTS);
    expect(audience).toContain(WARD);
    expect(audience).toContain(KOMMUN);
    expect(audience).not.toContain(HTJ);
    expect(phoneContactAudience(visible, { ...call, counterpartUnitId: HTJ }, ALL_CONSENTS)).toContain(HTJ);
  });

  it("leaves out parties that do not see the case yet", () => {
    const parties = visible.map((p) => (p.unitId === VC ? { ...p, visibleFrom: null } : p));
    expect(phoneContactAudience(parties, call, ALL_CONSENTS)).not.toContain(VC);
  });

  it("the unit phoned has been told: it sees the case from the call", () => {
    expect(visibleFromAfterMessage(null, HTJ, [call.counterpartUnitId], T1)).toBeNull();
    expect(visibleFromAfterMessage(null, KOMMUN, [call.counterpartUnitId], T1)).toBe(T1);
  });
});
