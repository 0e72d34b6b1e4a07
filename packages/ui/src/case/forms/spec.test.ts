import { describe, expect, it } from "vitest";
import type { MessageKind, PartyRole } from "@vardkedjan/domain/case/types";
import type { CaseMessage, CaseView } from "../types";
import { kindInSentence, mayCorrect } from "./spec";

const WARD = "00000000-0000-4000-8000-0000000000a1";
const KOMMUN = "00000000-0000-4000-8000-0000000000b1";
const VC = "00000000-0000-4000-8000-0000000000c1";

let seq = 0;
function message(kind: MessageKind, from: string, over: Partial<CaseMessage> = {}): CaseMessage {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`,
    kind,
    title: null,
    senderUnitId: from,
    senderUnitName: "",
    senderName: "",
    occurredAt: new Date(Date.UTC(2026, 1, 2, 13, seq)),
    registeredAt: new Date(Date.UTC(2026, 1, 2, 13, seq)),
    afterRegistered: false,
    payload: {},
    freeText: null,
    redacted: false,
    correctsMessageId: null,
    recipients: [],
    awaitingMyAcknowledgement: false,
    sentDespite: null,
    ...over,
  };
}

function caseView(role: PartyRole, unitId: string, messages: CaseMessage[], over: Partial<CaseView> = {}): CaseView {
  return {
    stage: "planering",
    closedAt: null,
    messages,
    // canSend applies the order rules: the admission notice, once sent, is no longer in it.
    viewer: { role, unitIds: [unitId], canSend: ["generellt"], defaultRecipients: {} },
    ...over,
  } as unknown as CaseView;
}

describe("mayCorrect", () => {
  const notice = message("inskrivningsmeddelande", WARD, { payload: { estimatedDischargeDate: "2026-02-09" } });
  const answer = message("svar_pa_inskrivning", KOMMUN);
  const planning = message("planeringsunderlag", WARD);

  it("offers the sending unit to correct its message whatever the stage, though canSend no longer has the kind", () => {
    expect(mayCorrect(caseView("avdelning", WARD, [notice]), notice)).toBe(true);
    expect(mayCorrect(caseView("avdelning", WARD, [notice], { stage: "utskriven" }), notice)).toBe(true);
    expect(mayCorrect(caseView("kommun", KOMMUN, [notice, answer]), answer)).toBe(true);
  });

  it("not another unit's message", () => {
    expect(mayCorrect(caseView("kommun", KOMMUN, [notice, answer]), notice)).toBe(false);
    expect(mayCorrect(caseView("vardcentral", VC, [notice, answer]), answer)).toBe(false);
  });

  it("not a kind the viewer's role may not send", () => {
    const odd = message("utskrivningsklar", KOMMUN);
    expect(mayCorrect(caseView("kommun", KOMMUN, [odd]), odd)).toBe(false);
  });

  it("not the planning basis, which is corrected by a new version", () => {
    expect(mayCorrect(caseView("avdelning", WARD, [planning]), planning)).toBe(false);
  });

  it("not in a closed case", () => {
    const closed = caseView("avdelning", WARD, [notice], { stage: "avslutad", closedAt: new Date() });
    expect(mayCorrect(closed, notice)).toBe(false);
  });

  it("not a message shown only in part", () => {
    const partial = message("generellt", WARD, { redacted: true });
    expect(mayCorrect(caseView("avdelning", WARD, [partial]), partial)).toBe(false);
  });

  it("only the newest version of a correction chain", () => {
    const first = message("inskrivningsmeddelande", WARD, { correctsMessageId: notice.id });
    const second = message("inskrivningsmeddelande", WARD, { correctsMessageId: first.id });
    const view = caseView("avdelning", WARD, [notice, first, second]);
    expect([notice, first, second].map((m) => mayCorrect(view, m))).toEqual([false, false, true]);
  });
});

describe("kindInSentence", () => {
  it("lowers the first letter, but not of an abbreviation", () => {
    expect(kindInSentence("inskrivningsmeddelande")).toBe("inskrivningsmeddelande");
    expect(kindInSentence("andrat_utskrivningsdatum")).toBe("ändrat beräknat utskrivningsdatum");
    expect(kindInSentence("kallelse_sip")).toBe("kallelse till SIP");
    expect(kindInSentence("sip_plan")).toBe("SIP-plan");
  });
});
