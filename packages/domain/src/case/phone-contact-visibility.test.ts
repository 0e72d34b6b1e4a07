import { describe, expect, it } from "vitest";
import { ALL_CONSENTS, at, consent, HTJ, KOMMUN, VC, WARD } from "./test-fixtures";
import type { ConsentRecord } from "./types";
import { viewPhoneContact, visiblePhoneContacts, type PhoneContactContent } from "./phone-contact-visibility";
import type { Viewer } from "./visibility";

const ward: Viewer = { partyRole: "avdelning", role: "avd_ssk" };
const kommun: Viewer = { partyRole: "kommun", role: "bistandshandlaggare" };
const vc: Viewer = { partyRole: "vardcentral", role: "vc_personal" };
const hemtjanst: Viewer = { partyRole: "hemtjanst", role: "hemtjanst" };

const refusedKommun: ConsentRecord[] = [...ALL_CONSENTS, consent("informationsoverforing_kommun", false, at("2026-02-04"))];

const call: PhoneContactContent = {
  unitId: WARD,
  counterpartUnitId: KOMMUN,
  steps: ["inskrivning", "beraknat_utskrivningsdatum", "planeringsunderlag", "sip_datum"],
  details: { estimatedDischargeDate: "2026-02-09", sipAt: "2026-02-10T09:00:00.000Z" },
  comment: "Patienten har svår smärta och oro för att bo ensam.",
};

describe("viewPhoneContact", () => {
  it("shows the ward every call in full", () => {
    expect(viewPhoneContact(ward, call, refusedKommun, [WARD])).toEqual({
      visible: true,
      level: "full",
      steps: call.steps,
      details: call.details,
      comment: call.comment,
      redacted: false,
    });
  });

  it("shows a kommun with consent the whole call", () => {
    const v = viewPhoneContact(kommun, call, ALL_CONSENTS, [KOMMUN]);
    expect(v).toMatchObject({ visible: true, level: "full", comment: call.comment, redacted: false });
  });

  it("shows a kommun without consent that the call happened, not what was said", () => {
    const v = viewPhoneContact(kommun, call, refusedKommun, [KOMMUN]);
    expect(v).toEqual({
      visible: true,
      level: "basic",
      // The admission and the estimated date are what the basic level sees as messages too.
      steps: ["inskrivning", "beraknat_utskrivningsdatum"],
      details: { estimatedDischargeDate: "2026-02-09" },
      comment: null,
      redacted: true,
    });
  });

  it("treats a kommun with no documented consent as basic too, also for calls it did not take part in", () => {
    const other = { ...call, counterpartUnitId: VC };
    const v = viewPhoneContact(kommun, other, [], [KOMMUN]);
    expect(v).toMatchObject({ visible: true, level: "basic", comment: null, redacted: true });
  });

  it("shows the logging unit its own call in full, whatever the consent", () => {
    const own = { ...call, unitId: KOMMUN, counterpartUnitId: WARD };
    expect(viewPhoneContact(kommun, own, refusedKommun, [KOMMUN])).toMatchObject({ level: "full", comment: call.comment, redacted: false });
  });

  it("hides from hemtjänst every call it did not take part in", () => {
    expect(viewPhoneContact(hemtjanst, call, ALL_CONSENTS, [HTJ])).toEqual({ visible: false });
  });

  it("shows hemtjänst a call it received without the NPÖ-linked planning basis or its comment", () => {
    const toHtj = { ...call, counterpartUnitId: HTJ };
    const v = viewPhoneContact(hemtjanst, toHtj, ALL_CONSENTS, [HTJ]);
    expect(v).toEqual({
      visible: true,
      level: "full",
      steps: ["inskrivning", "beraknat_utskrivningsdatum", "sip_datum"],
      details: call.details,
      comment: null,
      redacted: true,
    });
  });

  it("shows hemtjänst the comment of a call without NPÖ-linked steps", () => {
    const plain = { ...call, counterpartUnitId: HTJ, steps: ["utskrivningsklar" as const], details: {} };
    expect(viewPhoneContact(hemtjanst, plain, ALL_CONSENTS, [HTJ])).toMatchObject({ comment: call.comment, redacted: false });
  });

  it("shows hemtjänst its own call in full", () => {
    const own = { ...call, unitId: HTJ, counterpartUnitId: WARD };
    expect(viewPhoneContact(hemtjanst, own, refusedKommun, [HTJ])).toMatchObject({ visible: true, comment: call.comment, redacted: false });
  });

  it("applies the vårdcentral's own consent", () => {
    const onlyKommun = [consent("informationsoverforing_kommun", true)];
    expect(viewPhoneContact(vc, call, onlyKommun, [VC])).toMatchObject({ level: "basic", comment: null });
    expect(viewPhoneContact(vc, call, ALL_CONSENTS, [VC])).toMatchObject({ level: "full", comment: call.comment });
  });
});

describe("visiblePhoneContacts", () => {
  it("leaves out hidden calls and redacts the rest", () => {
    const toHtj = { ...call, id: "b", counterpartUnitId: HTJ };
    const out = visiblePhoneContacts(hemtjanst, [{ ...call, id: "a" }, toHtj], refusedKommun, [HTJ]);
    expect(out.map((c) => [c.id, c.comment, c.redacted])).toEqual([["b", null, true]]);
  });
});
