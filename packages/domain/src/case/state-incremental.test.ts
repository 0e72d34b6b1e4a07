import { describe, expect, it } from "vitest";
import { deriveCaseState, IncrementalCaseState, type DerivedCaseState } from "./state";
import { ADMITTED, baseFacts, event, HSV, HTJ, KOMMUN, NOTICE_AT, PARTIES, PSYK, samplePayload, VC, WARD } from "./test-fixtures";
import { MESSAGE_KINDS, type CaseEvent, type CaseFacts, type CaseParty, type MessageKind } from "./types";
import { seededRandom } from "../random";

const UNITS = [WARD, KOMMUN, VC, HSV, HTJ, PSYK];
const HOUR = 3_600_000;

/** A payload with the fields deriveCaseState reads, present, absent or odd (an empty text, a bad time). */
function payloadFor(kind: MessageKind, rnd: () => number): Record<string, unknown> {
  const p: Record<string, unknown> = { ...samplePayload(kind) };
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const time = () => pick([undefined, "", "inte en tid", new Date(ADMITTED.getTime() + rnd() * 400 * HOUR).toISOString()]);
  if (rnd() < 0.5) {
    p.estimatedDischargeDate = pick([undefined, "", "2026-02-10", "2026-02-12"]);
    p.fixedCareContactStaffId = pick([undefined, "", "staff-1", "staff-2"]);
    p.knownToUnit = pick([undefined, true, false, "ja"]);
    p.reason = pick([undefined, "", "avliden", "utskriven_klar"]);
    p.version = pick([undefined, 1, 2, 3, "2"]);
    p.confirmedGranted = pick([undefined, true, false]);
    p.meetingAt = time();
    p.decidedAt = time();
    p.decidedBy = pick([undefined, "", "Dr. Ek"]);
    p.dischargeAt = time();
    p.transportBooked = pick([undefined, true, false]);
    p.dischargedAt = time();
  }
  return p;
}

/**
 * A history built one step at a time, as a loader replays one: mostly plain appends in time order
 * (with equal times), now and then an earlier time, a correction, a repeated id, a changed party
 * list, a need assessment, a closure from outside the events or a rewritten event list.
 */
function* steps(seed: number): Generator<{ facts: CaseFacts; note: string }> {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const rare = 0.04;
  const facts: CaseFacts = baseFacts({ parties: PARTIES.map((p) => ({ ...p })), events: [], consents: [] });
  let at = NOTICE_AT.getTime();
  for (let n = 0; n < 40; n++) {
    const r = rnd();
    if (r < rare) {
      const parties: CaseParty[] = facts.parties.map((p) => ({ ...p }));
      if (rnd() < 0.5 && !parties.some((p) => p.unitId === PSYK)) parties.push({ unitId: PSYK, role: "psykiatrisk_oppenvard" });
      else pick(parties).removedAt = new Date(at);
      facts.parties = parties;
      yield { facts, note: "parter" };
      continue;
    }
    if (r < 2 * rare) {
      facts.needAssessedAt = new Date(ADMITTED.getTime() + rnd() * 48 * HOUR);
      yield { facts, note: "behovsbedömning" };
      continue;
    }
    if (r < 3 * rare) {
      facts.closedAt = rnd() < 0.5 ? null : new Date(at);
      yield { facts, note: "stängt utifrån" };
      continue;
    }
    if (r < 4 * rare) {
      facts.events = facts.events.filter(() => rnd() < 0.8);
      yield { facts, note: "omskriven lista" };
      continue;
    }
    at += pick([0, 0, HOUR, 5 * HOUR, 30 * HOUR]);
    const kind = pick(MESSAGE_KINDS);
    const from = pick(UNITS);
    const to = UNITS.filter((u) => u !== from && rnd() < 0.5);
    const e: CaseEvent = event(kind, new Date(r < 6 * rare ? at - rnd() * 50 * HOUR : at), from, to, payloadFor(kind, rnd));
    if (r >= 6 * rare && r < 8 * rare && facts.events.length > 0) {
      const target = pick(facts.events);
      e.correctsMessageId = target.id;
      if (rnd() < 0.7) e.kind = target.kind;
    }
    if (r >= 8 * rare && r < 9 * rare && facts.events.length > 0) e.id = pick(facts.events).id;
    facts.events.push(e);
    yield { facts, note: e.kind };
  }
}

describe("IncrementalCaseState", () => {
  it("equals deriveCaseState after every step of generated histories", () => {
    let compared = 0;
    for (let seed = 1; seed <= 100; seed++) {
      let incremental: IncrementalCaseState | null = null;
      const handedOut: { state: DerivedCaseState; json: string }[] = [];
      for (const { facts, note } of steps(seed)) {
        incremental ??= new IncrementalCaseState(facts);
        const state = incremental.current();
        expect(state, `frö ${seed}, steg ${note}`).toStrictEqual(deriveCaseState(facts));
        handedOut.push({ state, json: JSON.stringify(state) });
        compared++;
      }
      // A state handed out earlier is not changed by the fold going on.
      for (const h of handedOut) expect(JSON.stringify(h.state)).toBe(h.json);
    }
    expect(compared).toBeGreaterThan(3_000);
  });

  it("folds only the new events of a plain append", () => {
    const facts = baseFacts({ events: [] });
    const incremental = new IncrementalCaseState(facts);
    const notice = event("inskrivningsmeddelande", NOTICE_AT, WARD, [KOMMUN, VC], { estimatedDischargeDate: "2026-02-09" });
    facts.events.push(notice);
    expect(incremental.current().estimatedDischargeDate).toBe("2026-02-09");
    // An event log is only appended to: a folded event changed in place is not read again, which
    // shows the history is not folded from its start (deriveCaseState reads the change).
    notice.payload = { estimatedDischargeDate: "2026-03-01" };
    facts.events.push(event("generellt", new Date(NOTICE_AT.getTime() + HOUR), KOMMUN, [WARD]));
    expect(incremental.current().estimatedDischargeDate).toBe("2026-02-09");
    expect(deriveCaseState(facts).estimatedDischargeDate).toBe("2026-03-01");
  });

  it("derives the whole history again after a correction or an earlier event", () => {
    const facts = baseFacts({ events: [] });
    const incremental = new IncrementalCaseState(facts);
    const notice = event("inskrivningsmeddelande", NOTICE_AT, WARD, [KOMMUN, VC], { estimatedDischargeDate: "2026-02-09" });
    facts.events.push(notice);
    incremental.current();
    facts.events.push(
      event("inskrivningsmeddelande", new Date(NOTICE_AT.getTime() + HOUR), WARD, [KOMMUN, VC], { estimatedDischargeDate: "2026-02-11" }, notice.id),
    );
    expect(incremental.current()).toStrictEqual(deriveCaseState(facts));
    expect(incremental.current().estimatedDischargeDate).toBe("2026-02-11");
    facts.events.push(event("andrat_utskrivningsdatum", new Date(NOTICE_AT.getTime() - HOUR), WARD, [KOMMUN], { estimatedDischargeDate: "2026-02-20" }));
    expect(incremental.current()).toStrictEqual(deriveCaseState(facts));
  });
});
