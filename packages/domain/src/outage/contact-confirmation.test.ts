import { describe, expect, it } from "vitest";
import { SORMLAND_ROUTINE_PROFILE } from "./profiles/sormland";
import { VASTERNORRLAND_ROUTINE_PROFILE } from "./profiles/vasternorrland";
import { CONFIRMATION_AFTER_MINUTES, confirmationAnswerState, contactConfirmationDueNow, contactConfirmationFrom } from "./contact-confirmation";

const start = new Date("2026-11-02T08:00:00Z");
const minutes = (m: number) => new Date(start.getTime() + m * 60_000);
const region = { kind: "region" as const };

describe("which outages the routine covers with a contact-list confirmation", () => {
  it("asks Sörmland's kommuner once a region-wide EHR outage has lasted the product's minimum, not at once", () => {
    const outage = { scope: region, system: "journalsystem" as const, startedAt: start, endedAt: null };
    expect(contactConfirmationFrom(SORMLAND_ROUTINE_PROFILE, outage)).toEqual(minutes(CONFIRMATION_AFTER_MINUTES));
    expect(contactConfirmationDueNow(SORMLAND_ROUTINE_PROFILE, outage, minutes(1))).toBe(false);
    expect(contactConfirmationDueNow(SORMLAND_ROUTINE_PROFILE, outage, minutes(CONFIRMATION_AFTER_MINUTES))).toBe(true);
  });

  it("never for a one-minute test: an outage ended before the point sends nothing, even when asked later", () => {
    const test = { scope: region, system: "journalsystem" as const, startedAt: start, endedAt: minutes(1) };
    expect(contactConfirmationDueNow(SORMLAND_ROUTINE_PROFILE, test, minutes(1))).toBe(false);
    expect(contactConfirmationDueNow(SORMLAND_ROUTINE_PROFILE, test, minutes(120))).toBe(false);
  });

  it("waits for Västernorrland's threshold: short outages (a couple of hours) need no routine", () => {
    const outage = { scope: region, system: "samordning" as const, startedAt: start, endedAt: null };
    expect(contactConfirmationFrom(VASTERNORRLAND_ROUTINE_PROFILE, outage)).toEqual(minutes(120));
    expect(contactConfirmationDueNow(VASTERNORRLAND_ROUTINE_PROFILE, outage, minutes(119))).toBe(false);
    expect(contactConfirmationDueNow(VASTERNORRLAND_ROUTINE_PROFILE, outage, minutes(120))).toBe(true);
  });

  it("never for an outage of some units, nor for a kind of outage the routine does not describe", () => {
    expect(
      contactConfirmationFrom(SORMLAND_ROUTINE_PROFILE, { scope: { kind: "units" }, system: "journalsystem", startedAt: start, endedAt: null }),
    ).toBeNull();
    // Sörmland's routine describes the coordination system and the EHR being down, not a failing login or integration.
    expect(contactConfirmationFrom(SORMLAND_ROUTINE_PROFILE, { scope: region, system: "inloggning", startedAt: start, endedAt: null })).toBeNull();
    expect(contactConfirmationFrom(SORMLAND_ROUTINE_PROFILE, { scope: region, system: "integration", startedAt: start, endedAt: null })).toBeNull();
  });
});

describe("a kommun's answer on Förvaltning's outage page", () => {
  const deadlineAt = minutes(6 * 60);
  it("waits while the outage goes on, and is late after the deadline", () => {
    expect(confirmationAnswerState({ respondedAt: null, deadlineAt }, { endedAt: null }, minutes(60))).toBe("vantar");
    expect(confirmationAnswerState({ respondedAt: null, deadlineAt }, { endedAt: null }, minutes(7 * 60))).toBe("forsenad");
    expect(confirmationAnswerState({ respondedAt: minutes(30), deadlineAt }, { endedAt: null }, minutes(7 * 60))).toBe("besvarad");
  });
  it("no longer waits for an answer once the outage has ended", () => {
    expect(confirmationAnswerState({ respondedAt: null, deadlineAt }, { endedAt: minutes(90) }, minutes(100))).toBe("obesvarad");
    expect(confirmationAnswerState({ respondedAt: minutes(30), deadlineAt }, { endedAt: minutes(90) }, minutes(100))).toBe("besvarad");
  });
});
