import { describe, expect, it } from "vitest";
import { consentRecordsFromMessage, currentConsent } from "./consent";
import { ALL_CONSENTS, at, consent, event, HTJ, KOMMUN, samplePayload, VC, WARD, HSV } from "./test-fixtures";
import { MESSAGE_KINDS, type ConsentRecord } from "./types";
import {
  canSeeMessage,
  caseVisibility,
  consentOverview,
  NPO_LINKED_KINDS,
  redactPayload,
  seesPaymentResponsibility,
  viewMessage,
  type Viewer,
} from "./visibility";

const ward: Viewer = { partyRole: "avdelning", role: "avd_ssk" };
const hospital: Viewer = { partyRole: "sjukhus", role: "utskrivningsledare" };
const kommun: Viewer = { partyRole: "kommun", role: "bistandshandlaggare" };
const vc: Viewer = { partyRole: "vardcentral", role: "vc_personal" };
const hemtjanst: Viewer = { partyRole: "hemtjanst", role: "hemtjanst" };

const noKommunConsent: ConsentRecord[] = ALL_CONSENTS.filter((c) => c.kind !== "informationsoverforing_kommun");

describe("caseVisibility", () => {
  it("gives the ward full visibility always, listing what consent is missing", () => {
    expect(caseVisibility(ward, [])).toEqual({
      level: "full",
      missingConsent: ["informationsoverforing_kommun", "informationsoverforing_vardcentral", "npo", "sip"],
    });
    expect(caseVisibility(hospital, ALL_CONSENTS)).toEqual({ level: "full", missingConsent: [] });
  });

  it("gives the kommun full visibility with consent to information transfer", () => {
    expect(caseVisibility(kommun, ALL_CONSENTS)).toEqual({ level: "full", missingConsent: [] });
  });

  it("gives the kommun basic visibility without consent, and says so in Swedish", () => {
    const v = caseVisibility(kommun, noKommunConsent);
    expect(v.level).toBe("basic");
    expect(v.missingConsent).toEqual(["informationsoverforing_kommun"]);
    expect(v.message).toBe(
      "Samtycke till informationsöverföring till kommunen är inte dokumenterat. Du ser bara namn, personnummer, adress och beräknat utskrivningsdatum samt de underrättelser som lagen kräver.",
    );
  });

  it("says the patient refused when the latest record is a refusal", () => {
    const consents = [...ALL_CONSENTS, consent("informationsoverforing_kommun", false, at("2026-02-04"))];
    expect(caseVisibility(kommun, consents).message).toMatch(/^Patienten har inte samtyckt till informationsöverföring till kommunen\./);
  });

  it("needs consent to transfer to the vårdcentral for the vårdcentral, not the kommun's", () => {
    const onlyKommun = [consent("informationsoverforing_kommun", true)];
    expect(caseVisibility(vc, onlyKommun).level).toBe("basic");
    expect(caseVisibility(vc, onlyKommun).missingConsent).toEqual(["informationsoverforing_vardcentral", "npo", "sip"]);
    expect(caseVisibility({ partyRole: "psykiatrisk_oppenvard", role: "psykiatri_oppenvard" }, onlyKommun).level).toBe("basic");
    expect(caseVisibility(kommun, onlyKommun).level).toBe("full");
  });

  it("accepts a consent the kommun already holds, and lets a later refusal override it", () => {
    const held = consentRecordsFromMessage(
      event("samtycke", at("2026-02-02", "11:00"), KOMMUN, [WARD], {
        consents: [],
        municipalityAlreadyHolds: ["informationsoverforing_kommun"],
      }),
    );
    expect(held).toEqual([
      {
        kind: "informationsoverforing_kommun",
        given: true,
        source: "befintligt",
        documentedAt: at("2026-02-02", "11:00"),
        documentedByUnitId: KOMMUN,
      },
    ]);
    expect(caseVisibility(kommun, held).level).toBe("full");
    const refused = consentRecordsFromMessage(
      event("samtycke", at("2026-02-03", "09:00"), WARD, [], {
        consents: [{ kind: "informationsoverforing_kommun", given: false }],
      }),
    );
    expect(currentConsent([...held, ...refused], "informationsoverforing_kommun")?.given).toBe(false);
    expect(caseVisibility(kommun, [...refused, ...held]).level).toBe("basic");
  });

  it("does not make LPT/LRV an exception (the secrecy provision needs a judgement): consent decides", () => {
    expect(caseVisibility(kommun, []).level).toBe("basic");
  });
});

describe("a patient who cannot take a position (kan inte ta ställning)", () => {
  const unableMsg = event("samtycke", at("2026-02-02", "11:00"), WARD, [], {
    consents: [
      { kind: "informationsoverforing_kommun", given: false, unable: true },
      { kind: "informationsoverforing_vardcentral", given: false, unable: true },
      { kind: "npo", given: false, unable: true },
      { kind: "sip", given: false, unable: true },
    ],
  });
  const unable = consentRecordsFromMessage(unableMsg);
  const planning = event("planeringsunderlag", at("2026-02-03", "09:00"), WARD, [KOMMUN, VC, HSV, HTJ], samplePayload("planeringsunderlag"));
  const notice = event("inskrivningsmeddelande", at("2026-02-02", "12:00"), WARD, [KOMMUN, VC, HSV, HTJ], samplePayload("inskrivningsmeddelande"));

  it("lets the ward see everything, and every receiving party only the basic level, saying why", () => {
    expect(caseVisibility(ward, unable).level).toBe("full");
    for (const viewer of [kommun, vc, hemtjanst, { partyRole: "hemsjukvard", role: "kommun_ssk" } as Viewer]) {
      const v = caseVisibility(viewer, unable);
      expect(v.level).toBe("basic");
      expect(v.message).toMatch(
        /^Patienten kan inte ta ställning till informationsöverföring till (kommunen|vårdcentralen\/öppenvården), och ingen företrädare har samtyckt\./,
      );
    }
    // The notices the law requires regardless of consent still reach them; planning content does not.
    expect(canSeeMessage(kommun, notice, unable, KOMMUN)).toBe(true);
    expect(canSeeMessage(kommun, planning, unable, KOMMUN)).toBe(false);
    expect(canSeeMessage(vc, planning, unable, VC)).toBe(false);
  });

  it("lets a representative's consent to information transfer open the full level, but not NPÖ", () => {
    const byRepresentative = consentRecordsFromMessage(
      event("samtycke", at("2026-02-03", "11:00"), WARD, [], {
        consents: [
          { kind: "informationsoverforing_kommun", given: true },
          { kind: "npo", given: false, unable: true },
        ],
        representative: { kind: "god_man", name: "Anna Ek" },
      }),
    );
    const records = [...unable, ...byRepresentative];
    expect(caseVisibility(kommun, records)).toEqual({ level: "full", missingConsent: ["npo", "sip"] });
    expect(canSeeMessage(kommun, planning, records, KOMMUN)).toBe(true);
    expect(caseVisibility(vc, records).level).toBe("basic");
    expect(consentOverview(kommun, records)).toEqual([
      {
        kind: "informationsoverforing_kommun",
        state: "given",
        source: "patient",
        representative: { kind: "god_man", name: "Anna Ek" },
        documentedAt: at("2026-02-03", "11:00"),
      },
      { kind: "npo", state: "unable", source: "patient", representative: null, documentedAt: at("2026-02-03", "11:00") },
      { kind: "sip", state: "unable", source: "patient", representative: null, documentedAt: at("2026-02-02", "11:00") },
    ]);
  });

  it("shows each party the consents that concern it: the ward all, hemtjänst only its transfer", () => {
    expect(consentOverview(ward, unable).map((c) => c.kind)).toEqual(["informationsoverforing_kommun", "informationsoverforing_vardcentral", "npo", "sip"]);
    expect(consentOverview(hemtjanst, unable).map((c) => [c.kind, c.state])).toEqual([["informationsoverforing_kommun", "unable"]]);
    expect(consentOverview(vc, []).map((c) => c.state)).toEqual(["none", "none", "none"]);
  });
});

describe("canSeeMessage", () => {
  const toKommun = (kind: (typeof MESSAGE_KINDS)[number]) => event(kind, at("2026-02-04", "09:00"), WARD, [KOMMUN, VC, HSV]);

  it("lets the ward see every message", () => {
    for (const kind of MESSAGE_KINDS) expect(canSeeMessage(ward, event(kind, at("2026-02-04"), KOMMUN, [VC]), [], WARD)).toBe(true);
  });

  it("lets a party with consent see every message of the case", () => {
    expect(canSeeMessage(kommun, event("svar_pa_inskrivning", at("2026-02-04"), VC, [WARD]), ALL_CONSENTS, KOMMUN)).toBe(true);
    expect(canSeeMessage(kommun, toKommun("planeringsunderlag"), ALL_CONSENTS, KOMMUN)).toBe(true);
  });

  it("without consent shows only the N6 data and the law's notices addressed to the unit", () => {
    const visible = MESSAGE_KINDS.filter((k) => canSeeMessage(kommun, toKommun(k), noKommunConsent, KOMMUN));
    expect(visible).toEqual([
      "samtycke",
      "inskrivningsmeddelande",
      "andrat_utskrivningsdatum",
      "utskrivningsklar",
      "ej_utskrivningsklar",
      "utskrivningsdatum",
      "utskrivningsmeddelande",
      "generellt",
      "avslut",
    ]);
    expect(canSeeMessage(kommun, event("generellt", at("2026-02-04"), WARD, [VC]), noKommunConsent, KOMMUN)).toBe(false);
  });

  it("always shows a unit its own messages", () => {
    expect(canSeeMessage(kommun, event("meddela_beslut", at("2026-02-04"), KOMMUN, [WARD]), [], KOMMUN)).toBe(true);
  });

  it("shows hemtjänst only what is addressed to it, and never NPÖ-linked content", () => {
    expect(canSeeMessage(hemtjanst, event("utskrivningsdatum", at("2026-02-04"), WARD, [HTJ]), ALL_CONSENTS, HTJ)).toBe(true);
    expect(canSeeMessage(hemtjanst, event("utskrivningsdatum", at("2026-02-04"), WARD, [KOMMUN]), ALL_CONSENTS, HTJ)).toBe(false);
    for (const kind of NPO_LINKED_KINDS) {
      expect(canSeeMessage(hemtjanst, event(kind, at("2026-02-04"), WARD, [HTJ, KOMMUN]), ALL_CONSENTS, HTJ), kind).toBe(false);
    }
    // A hemtjänst user whose unit is the kommun party is hemtjänst all the same.
    expect(canSeeMessage({ partyRole: "kommun", role: "hemtjanst" }, toKommun("planeringsunderlag"), ALL_CONSENTS, KOMMUN)).toBe(false);
  });

  it("applies the consent rule to hemtjänst too", () => {
    expect(canSeeMessage(hemtjanst, event("uppdrag_hemsjukvard", at("2026-02-04"), WARD, [HTJ]), noKommunConsent, HTJ)).toBe(false);
    expect(canSeeMessage(hemtjanst, event("generellt", at("2026-02-04"), WARD, [HTJ]), noKommunConsent, HTJ)).toBe(true);
  });
});

describe("redactPayload and viewMessage", () => {
  const discharge = samplePayload("utskrivningsmeddelande");

  it("leaves the full payload alone (as a copy)", () => {
    const out = redactPayload("utskrivningsmeddelande", discharge, "full");
    expect(out).toEqual(discharge);
    expect(out).not.toBe(discharge);
  });

  it("keeps only the basic fields without consent", () => {
    expect(redactPayload("utskrivningsmeddelande", { ...discharge, stayAddress: "Storgatan 1" }, "basic")).toEqual({
      dischargedAt: discharge.dischargedAt,
      stayAddress: "Storgatan 1",
    });
    expect(redactPayload("ej_utskrivningsklar", { reason: "Feber" }, "basic")).toEqual({});
    expect(redactPayload("planeringsunderlag", samplePayload("planeringsunderlag"), "basic")).toEqual({});
    expect(redactPayload("inskrivningsmeddelande", { estimatedDischargeDate: "2026-02-09" }, "basic")).toEqual({
      estimatedDischargeDate: "2026-02-09",
    });
  });

  it("strips the medication list and the plan for hemtjänst", () => {
    expect(redactPayload("utskrivningsmeddelande", discharge, "full", { withoutNpoContent: true })).toEqual({
      dischargedAt: discharge.dischargedAt,
    });
  });

  it("tells the API what to show one viewer", () => {
    const msg = event("utskrivningsmeddelande", at("2026-02-09", "10:30"), WARD, [KOMMUN, HTJ], discharge);
    expect(viewMessage(kommun, msg, ALL_CONSENTS, KOMMUN)).toEqual({
      visible: true,
      level: "full",
      payload: discharge,
      freeTextVisible: true,
    });
    expect(viewMessage(kommun, msg, noKommunConsent, KOMMUN)).toEqual({
      visible: true,
      level: "basic",
      payload: { dischargedAt: discharge.dischargedAt },
      freeTextVisible: false,
    });
    expect(viewMessage(hemtjanst, msg, ALL_CONSENTS, HTJ)).toEqual({
      visible: true,
      level: "full",
      payload: { dischargedAt: discharge.dischargedAt },
      freeTextVisible: false,
    });
    expect(viewMessage(vc, msg, ALL_CONSENTS, VC)).toMatchObject({ visible: true });
    expect(viewMessage(hemtjanst, event("planeringsunderlag", at("2026-02-04"), WARD, [HTJ]), ALL_CONSENTS, HTJ)).toEqual({
      visible: false,
    });
    const general = event("generellt", at("2026-02-04"), WARD, [KOMMUN]);
    expect(viewMessage(kommun, general, [], KOMMUN)).toMatchObject({ visible: true, level: "basic", freeTextVisible: true });
  });
});

describe("seesPaymentResponsibility", () => {
  it("the ward and the kommun's biståndshandläggare and HSL see when payment starts; hemtjänst and öppenvården do not", () => {
    expect(seesPaymentResponsibility({ partyRole: "sjukhus", role: "utskrivningsledare" })).toBe(true);
    expect(seesPaymentResponsibility({ partyRole: "avdelning", role: "avd_ssk" })).toBe(true);
    expect(seesPaymentResponsibility({ partyRole: "kommun", role: "bistandshandlaggare" })).toBe(true);
    expect(seesPaymentResponsibility({ partyRole: "hemsjukvard", role: "kommun_ssk" })).toBe(true);
    expect(seesPaymentResponsibility({ partyRole: "hemtjanst", role: "hemtjanst" })).toBe(false);
    // A hemtjänst person is never shown it, whatever party the case lists their unit as.
    expect(seesPaymentResponsibility({ partyRole: "kommun", role: "hemtjanst" })).toBe(false);
    expect(seesPaymentResponsibility({ partyRole: "vardcentral", role: "vc_personal" })).toBe(false);
    expect(seesPaymentResponsibility({ partyRole: "psykiatrisk_oppenvard", role: "psykiatri_oppenvard" })).toBe(false);
  });
});
