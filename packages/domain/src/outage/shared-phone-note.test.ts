import { describe, expect, it } from "vitest";
import { ALL_CONSENTS, consent } from "../case/test-fixtures";
import { computeAfterRegistration } from "./after-registration";
import { SORMLAND_ROUTINE_PROFILE } from "./profiles/sormland";
import { sharedPhoneNote } from "./shared-phone-note";
import { arCase, at, BIST, call, DAY_OUTAGE, HTJ, UNITS, VC, WARD_A } from "./test-fixtures";

const unitName = (id: string) => UNITS.find((u) => u.id === id)?.name;
const parties = [
  { unitId: WARD_A, role: "avdelning" as const },
  { unitId: BIST, role: "kommun" as const },
  { unitId: VC, role: "vardcentral" as const },
  { unitId: HTJ, role: "hemtjanst" as const },
];
const toKommun = () =>
  call({
    caseId: "case-1",
    occurredAt: at("2026-03-02", "09:00"),
    steps: ["inskrivning", "beraknat_utskrivningsdatum"],
    details: { estimatedDischargeDate: "2026-03-06" },
    comment: "Oro för fallrisk i trappan",
  });
const toHemtjanst = () =>
  call({
    caseId: "case-1",
    occurredAt: at("2026-03-02", "09:30"),
    counterpartUnitId: HTJ,
    counterpartName: "Hans Tjäder",
    steps: ["inskrivning"],
    comment: "Nyckel i kodlåda",
  });

describe("the free text of an after-registered message, drafted from the calls", () => {
  it("holds only the calls every reader may see in full; the rest is shown to the author, not sent", () => {
    const note = sharedPhoneNote({
      kind: "inskrivningsmeddelande",
      senderUnitId: WARD_A,
      parties,
      consents: ALL_CONSENTS,
      calls: [toKommun(), toHemtjanst()],
      unitName,
    });
    // Hemtjänst reads the admission notice's free text but took no part in the call to the kommun.
    expect(note.freeText).toContain("Nyckel i kodlåda");
    expect(note.freeText).not.toContain("fallrisk");
    expect(note.privateNotes).toContain("Kommentar: Oro för fallrisk i trappan");
    expect(note.privateNotes).not.toContain("Nyckel i kodlåda");
  });

  it("a party that cannot read the free text at all (no consent) does not narrow it; without hemtjänst everything is shared", () => {
    const noKommunConsent = [...ALL_CONSENTS, consent("informationsoverforing_kommun", false, at("2026-02-28", "09:00"))];
    const withoutHemtjanst = parties.filter((p) => p.role !== "hemtjanst");
    const note = sharedPhoneNote({
      kind: "utskrivningsmeddelande",
      senderUnitId: WARD_A,
      parties: withoutHemtjanst,
      consents: noKommunConsent,
      calls: [toKommun()],
      unitName,
    });
    expect(note.freeText).toContain("fallrisk");
    expect(note.privateNotes).toBeUndefined();
  });

  it("is what the admission item carries", () => {
    const c = arCase({ id: "case-1", admittedAt: at("2026-03-02", "08:30"), parties, consents: ALL_CONSENTS });
    const [item] = computeAfterRegistration({
      outage: DAY_OUTAGE,
      units: UNITS,
      cases: [c],
      phoneLog: [toKommun(), toHemtjanst()],
      unacknowledged: [],
      profile: SORMLAND_ROUTINE_PROFILE,
    });
    expect(item?.kind).toBe("register_admission");
    expect(item?.freeText).not.toContain("fallrisk");
    expect(item?.privateNotes).toContain("fallrisk");
  });
});
