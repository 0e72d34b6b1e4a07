import { describe, expect, it } from "vitest";
import { deriveCaseState } from "../case/state";
import { checkSend } from "../case/transitions";
import type { CaseEvent, CaseFacts } from "../case/types";
import { computeAfterRegistration, type AfterRegistrationInput, type AfterRegistrationItem } from "./after-registration";
import { SORMLAND_ROUTINE_PROFILE } from "./profiles/sormland";
import { arCase, at, BIST, call, DAY_OUTAGE, UNITS, VC, WARD_A } from "./test-fixtures";

/** The list is meant to be registered: each item through `checkSend` in after-registration mode. */

const compute = (p: Partial<AfterRegistrationInput>): AfterRegistrationItem[] =>
  computeAfterRegistration({ outage: DAY_OUTAGE, units: UNITS, cases: [], phoneLog: [], unacknowledged: [], profile: SORMLAND_ROUTINE_PROFILE, ...p });
const kinds = (items: AfterRegistrationItem[]): string[] => items.map((i) => `${i.kind}@${i.caseId ?? i.messageId}`);

describe("registering the list", () => {
  it("passes the case's state machine with the original times, and computing again lists nothing", () => {
    const c = arCase({ id: "case-1", admittedAt: at("2026-03-01", "22:00") });
    const log = [
      call({
        caseId: "case-1",
        occurredAt: at("2026-03-02", "09:30"),
        steps: ["inskrivning", "beraknat_utskrivningsdatum"],
        details: { estimatedDischargeDate: "2026-03-02" },
      }),
      call({
        caseId: "case-1",
        occurredAt: at("2026-03-02", "14:00"),
        steps: ["faktiskt_utskrivningsdatum", "utskrivningsmeddelande"],
        receiverConfirmed: true,
        details: { dischargeAt: at("2026-03-02", "15:00").toISOString() },
      }),
    ];
    const items = compute({ cases: [c], phoneLog: log });
    expect(kinds(items)).toEqual(["register_admission@case-1", "register_discharge@case-1", "summary_message@case-1"]);

    let facts: CaseFacts = {
      admittedAt: c.admittedAt,
      careType: "somatisk",
      lpt: false,
      lrv: false,
      parties: [...(c.parties ?? [])],
      events: [],
      consents: [],
    };
    for (const item of items) {
      const payload =
        item.kind === "register_discharge" ? { ...item.prefill, dischargePlan: "Hemtjänst 2 ggr/dag", medicationList: "Enligt lista i kuvert" } : item.prefill;
      const kind = item.messageKind ?? "generellt";
      const check = checkSend(facts, {
        kind,
        senderUnitId: WARD_A,
        senderRole: "avdelning",
        recipientUnitIds: [BIST, VC],
        payload,
        at: item.eventAt,
        mode: "efterregistrering",
      });
      if (!check.ok) throw new Error(check.message);
      const event: CaseEvent = {
        id: item.key,
        kind,
        occurredAt: item.eventAt,
        senderUnitId: WARD_A,
        senderRole: "avdelning",
        recipientUnitIds: [BIST, VC],
        payload: check.payload as Record<string, unknown>,
      };
      facts = { ...facts, events: [...facts.events, event] };
    }
    const state = deriveCaseState(facts);
    expect(state.stage).toBe("utskriven");
    expect(state.admissionNoticeAt).toEqual(at("2026-03-02", "09:30"));
    expect(state.estimatedDischargeDate).toBe("2026-03-02");
    expect(state.dischargedAt).toEqual(at("2026-03-02", "15:00"));
    // Its own registrations are not possible duplicates of the calls they registered.
    expect(compute({ cases: [{ ...c, events: facts.events }], phoneLog: log, registeredMessageIds: facts.events.map((e) => e.id) })).toEqual([]);
  });
});
