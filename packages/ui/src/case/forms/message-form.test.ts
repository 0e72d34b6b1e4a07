import { describe, expect, it } from "vitest";
import type { CaseMessage, CaseView } from "../types";
import { freshDraft } from "./message-form";

const WARD = "00000000-0000-4000-8000-0000000000a1";
const KOMMUN = "00000000-0000-4000-8000-0000000000b1";
const VC = "00000000-0000-4000-8000-0000000000c1";
const GONE = "00000000-0000-4000-8000-0000000000d1";

const view = {
  planningVersion: 2,
  estimatedDischargeDate: "2026-02-12",
  parties: [
    { unitId: WARD, role: "avdelning" },
    { unitId: KOMMUN, role: "kommun" },
    { unitId: VC, role: "vardcentral" },
  ],
  viewer: { role: "avdelning", unitIds: [WARD], canSend: [], defaultRecipients: { utskrivningsklar: [KOMMUN] } },
  messages: [],
} as unknown as CaseView;

const sent = {
  id: "00000000-0000-4000-8000-000000000042",
  kind: "utskrivningsklar",
  payload: { decidedAt: "2026-02-06T10:30:00+01:00", decidedBy: "Dr. Lena Ek" },
  freeText: "Ring avdelningen vid frågor",
  // A unit removed from the case since is not sent the correction.
  recipients: [KOMMUN, VC, GONE].map((unitId) => ({ unitId, unitName: "", acknowledgedAt: null, acknowledgedBy: null })),
} as unknown as CaseMessage;

describe("a correction's form", () => {
  it("starts from the message's values, free text and recipients", () => {
    const draft = freshDraft(view, "utskrivningsklar", sent);
    expect(draft.values).toEqual({ decidedAt: "2026-02-06T10:30", decidedBy: "Dr. Lena Ek", decidedByStaffId: "", typed: true });
    expect(draft.freeText).toBe("Ring avdelningen vid frågor");
    expect(draft.recipients).toEqual([KOMMUN, VC]);
  });

  it("has an idempotency key of its own, unlike a new message's form", () => {
    const a = freshDraft(view, "utskrivningsklar", sent);
    const b = freshDraft(view, "utskrivningsklar");
    expect(a.key).not.toBe(b.key);
    expect(b.values).not.toEqual(a.values);
    expect(b.recipients).toEqual([KOMMUN]);
    expect(b.freeText).toBe("");
  });

  it("leaves out free text where the kind's form has none", () => {
    const general = { ...sent, kind: "generellt", payload: { subject: "Fråga", text: "Hej" }, freeText: "x" } as CaseMessage;
    expect(freshDraft(view, "generellt", general)).toMatchObject({ values: { subject: "Fråga", text: "Hej" }, freeText: "" });
  });
});
