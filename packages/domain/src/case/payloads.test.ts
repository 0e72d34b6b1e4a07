import { describe, expect, it } from "vitest";
import { parseMessagePayload, type PayloadError } from "./payloads";
import { ADMITTED, CONTACT_STAFF, samplePayload } from "./test-fixtures";
import { MESSAGE_KINDS, type MessageKind } from "./types";

function errors(kind: MessageKind, input: unknown, ctx = {}): Record<string, string> {
  const res = parseMessagePayload(kind, input, ctx);
  if (res.ok) return {};
  return Object.fromEntries(res.errors.map((e: PayloadError) => [e.path, e.message]));
}

/** No English from zod's defaults may reach a user. */
const ENGLISH = /\b(expected|invalid|required|received|must be|string|number|object)\b/i;

describe("parseMessagePayload", () => {
  it.each(MESSAGE_KINDS)("accepts a well-formed %s", (kind) => {
    const res = parseMessagePayload(kind, samplePayload(kind));
    expect(res).toMatchObject({ ok: true });
  });

  it("drops unknown keys and turns empty optional text into absent", () => {
    const res = parseMessagePayload("generellt", { subject: " Fråga ", text: "Hej", secret: "x" });
    expect(res).toEqual({ ok: true, payload: { subject: "Fråga", text: "Hej" } });
    const kallelse = parseMessagePayload("kallelse_sip", { ...samplePayload("kallelse_sip"), place: "", videoLink: "" });
    expect(kallelse.ok && kallelse.payload.place).toBeUndefined();
    expect(kallelse.ok && kallelse.payload.videoLink).toBeUndefined();
  });

  it.each<[string, MessageKind, unknown, string, RegExp]>([
    ["a missing date", "inskrivningsmeddelande", {}, "estimatedDischargeDate", /Beräknat utskrivningsdatum måste anges/],
    ["a date in the wrong format", "andrat_utskrivningsdatum", { estimatedDischargeDate: "9/2 2026" }, "estimatedDischargeDate", /ÅÅÅÅ-MM-DD/],
    ["an impossible date", "inskrivningsmeddelande", { estimatedDischargeDate: "2026-02-30" }, "estimatedDischargeDate", /ÅÅÅÅ-MM-DD/],
    ["no consents at all", "samtycke", { consents: [] }, "consents", /Ange minst ett samtycke/],
    ["an unknown consent kind", "samtycke", { consents: [{ kind: "allt", given: true }] }, "consents.0.kind", /samtyckestyp/],
    ["whether consent was given", "samtycke", { consents: [{ kind: "npo" }] }, "consents.0.given", /Ange om samtycke har lämnats/],
    ["an empty answer", "svar_pa_inskrivning", { currentServices: "  ", knownToUnit: true }, "services", /Kryssa i patientens aktuella insatser/],
    [
      "services and none at once",
      "svar_pa_inskrivning",
      { services: ["hemtjanst"], noServices: true, knownToUnit: true },
      "services",
      /antingen i insatserna eller ”Inga insatser”/,
    ],
    ["an unknown service", "svar_pa_inskrivning", { services: ["taxi"], knownToUnit: true }, "services.0", /Ogiltigt val av insats/],
    ["a service ticked twice", "svar_pa_inskrivning", { services: ["hemtjanst", "hemtjanst"], knownToUnit: true }, "services", /bara anges en gång/],
    ["an unknown ADL area", "planeringsunderlag", { version: 1, needs: "x", adl: [{ area: "dans", level: "klarar_sjalv" }] }, "adl.0.area", /ADL-område/],
    [
      "an ADL area twice",
      "planeringsunderlag",
      {
        version: 1,
        needs: "x",
        adl: [
          { area: "inkop", level: "klarar_sjalv" },
          { area: "inkop", level: "delvis_hjalp" },
        ],
      },
      "adl",
      /Samma ADL-område/,
    ],
    ["an unknown risk", "planeringsunderlag", { version: 1, needs: "x", risks: ["blixt"] }, "risks.0", /Ogiltigt val av risk/],
    [
      "a medicine without a name",
      "planeringsunderlag",
      { version: 1, needs: "x", medications: [{ name: " ", dose: "1 x 1" }] },
      "medications.0.name",
      /får inte vara tom/,
    ],
    [
      "an unknown medication handler",
      "planeringsunderlag",
      { version: 1, needs: "x", medicationHandler: "grannen" },
      "medicationHandler",
      /vem som sköter läkemedlen/,
    ],
    [
      "a bad staff reference",
      "svar_pa_inskrivning",
      { currentServices: "Inga insatser", knownToUnit: false, fixedCareContactStaffId: "Anna" },
      "fixedCareContactStaffId",
      /personreferens/,
    ],
    ["an unknown rejection reason", "avvisning", { reason: "trott", text: "x" }, "reason", /Ogiltigt val av skäl till avvisning/],
    ["a version that is no integer", "planeringsunderlag", { version: 1.5, needs: "x" }, "version", /heltal/],
    ["version 0", "planeringsunderlag", { version: 0, needs: "x" }, "version", /minst 1/],
    ["an unknown track", "planeringsunderlag", { version: 1, needs: "x", track: "blå" }, "track", /processpår/],
    ["no services", "meddela_beslut", { applied: [], decided: [] }, "applied", /minst en ansökt eller beslutad/],
    ["a missing start date", "uppdrag_hemsjukvard", { tasks: "x" }, "from", /Startdatum måste anges/],
    ["a missing yes/no", "egenvardsbedomning", { assessment: "x" }, "needsPracticalHelp", /Ange om patienten behöver praktisk hjälp/],
    [
      "neither place nor video",
      "kallelse_sip",
      { meetingAt: "2026-02-10T10:00:00+01:00", video: false, participants: ["a"], consentStatus: "given" },
      "place",
      /Ange plats eller välj videomöte/,
    ],
    [
      "a time without zone",
      "kallelse_sip",
      { meetingAt: "2026-02-10T10:00", video: true, participants: ["a"], consentStatus: "given" },
      "meetingAt",
      /tidszon/,
    ],
    [
      "an http video link",
      "kallelse_sip",
      { meetingAt: "2026-02-10T10:00:00Z", video: true, videoLink: "http://x.se", participants: ["a"], consentStatus: "given" },
      "videoLink",
      /https/,
    ],
    [
      "a video link for a meeting on site",
      "kallelse_sip",
      {
        meetingAt: "2026-02-10T10:00:00Z",
        video: false,
        place: "Hemma",
        videoLink: "https://x.se/m",
        participants: ["a"],
        consentStatus: "given",
      },
      "videoLink",
      /bara anges för ett videomöte/,
    ],
    [
      "no participants",
      "kallelse_sip",
      { meetingAt: "2026-02-10T10:00:00Z", video: true, participants: [], consentStatus: "given" },
      "invitedUnitIds",
      /Kalla minst en part eller ange en deltagare/,
    ],
    [
      "a party that is no unit reference",
      "kallelse_sip",
      { meetingAt: "2026-02-10T10:00:00Z", video: true, invitedUnitIds: ["Kommunen"], consentStatus: "given" },
      "invitedUnitIds.0",
      /giltig enhetsreferens/,
    ],
    ["no SIP interventions", "sip_plan", { interventions: [], overallResponsible: "kommun", offeredToPatient: true }, "interventions", /minst en insats/],
    [
      "no overall responsibility",
      "sip_plan",
      { interventions: [{ what: "x", responsible: "kommun" }], offeredToPatient: true },
      "overallResponsible",
      /Välj huvudman med övergripande ansvar/,
    ],
    [
      "a SIP plan not said to be offered",
      "sip_plan",
      { interventions: [{ what: "x", responsible: "annan" }], overallResponsible: "kommun" },
      "offeredToPatient",
      /erbjudits patienten/,
    ],
    ["no deciding physician", "utskrivningsklar", { decidedAt: "2026-02-06T10:30:00+01:00" }, "decidedBy", /Beslutande läkare måste anges/],
    ["no reason for withdrawal", "ej_utskrivningsklar", {}, "reason", /Orsaken måste anges/],
    ["kommunklar as not ready", "kommunklar", { ready: false }, "ready", /Kommunklar kan bara anges som klar/],
    ["no discharge time", "utskrivningsdatum", {}, "dischargeAt", /Utskrivningstid måste anges/],
    [
      "no medication list",
      "utskrivningsmeddelande",
      { dischargedAt: "2026-02-09T10:00:00+01:00", dischargePlan: "x" },
      "medications",
      /Ange patientens läkemedel, eller att patienten inte har några/,
    ],
    [
      "medicines and none at once",
      "utskrivningsmeddelande",
      { dischargedAt: "2026-02-09T10:00:00+01:00", dischargePlan: "x", medications: [{ name: "Alvedon" }], noMedications: true },
      "medications",
      /antingen läkemedlen eller att patienten inte har några/,
    ],
    ["no subject", "generellt", { text: "x" }, "subject", /Ämnet måste anges/],
    ["an unknown close reason", "avslut", { reason: "klar" }, "reason", /orsak till avslut/],
  ])("refuses %s in Swedish", (_why, kind, input, path, message) => {
    const found = errors(kind, input);
    expect(found[path]).toMatch(message);
    for (const m of Object.values(found)) expect(m).not.toMatch(ENGLISH);
  });

  it("refuses a consent kind given twice", () => {
    const input = {
      consents: [
        { kind: "npo", given: true },
        { kind: "npo", given: false },
      ],
    };
    expect(errors("samtycke", input)["consents.1.kind"]).toMatch(/bara anges en gång/);
  });

  it("stores empty lists from a form as absent, like empty text", () => {
    const res = parseMessagePayload("planeringsunderlag", { version: 1, needs: "x", adl: [], risks: [], medications: [], aidKinds: [] });
    expect(res).toEqual({ ok: true, payload: { version: 1, needs: "x" } });
  });

  it("accepts a structured planning basis, answer, SIP call and discharge notice", () => {
    const unit = "00000000-0000-4000-8000-0000000000b1";
    expect(
      parseMessagePayload("planeringsunderlag", {
        version: 2,
        needs: "Hjälp morgon och kväll",
        adl: [
          { area: "forflyttning", level: "delvis_hjalp" },
          { area: "personlig_hygien", level: "helt_beroende" },
        ],
        risks: ["fall", "trycksar"],
        medicationHandler: "hemsjukvard",
        dosDispensed: true,
        medications: [{ name: "Waran", dose: "Enligt ordination", purpose: "Blodförtunnande" }],
        aidKinds: ["rollator"],
        housing: "ordinart_boende",
        livesAlone: true,
      }).ok,
    ).toBe(true);
    expect(
      parseMessagePayload(
        "svar_pa_inskrivning",
        { services: ["hemtjanst", "trygghetslarm"], contactName: "Berit Holm", knownToUnit: true },
        { senderRole: "kommun" },
      ),
    ).toMatchObject({ ok: true });
    expect(parseMessagePayload("svar_pa_inskrivning", { noServices: true, knownToUnit: false }, { senderRole: "kommun" })).toMatchObject({ ok: true });
    expect(
      parseMessagePayload("kallelse_sip", {
        meetingAt: "2026-02-10T10:00:00Z",
        video: true,
        invitedUnitIds: [unit],
        consentStatus: "given",
        followUpAt: "2026-03-10",
      }),
    ).toMatchObject({ ok: true });
    expect(parseMessagePayload("utskrivningsmeddelande", { dischargedAt: "2026-02-09T10:00:00+01:00", dischargePlan: "x", noMedications: true })).toMatchObject(
      { ok: true },
    );
  });

  it("still accepts the payloads sent before the forms had structure", () => {
    expect(
      parseMessagePayload("planeringsunderlag", { version: 1, needs: "x", adlStatus: "Går med rollator", homeSituation: "Bor ensam", aids: "Rollator" }).ok,
    ).toBe(true);
    expect(parseMessagePayload("svar_pa_inskrivning", { currentServices: "Hemtjänst 2 ggr/dag", knownToUnit: true }, { senderRole: "kommun" }).ok).toBe(true);
    expect(
      parseMessagePayload("kallelse_sip", { meetingAt: "2026-02-10T10:00:00Z", video: true, participants: ["Patienten"], consentStatus: "given" }).ok,
    ).toBe(true);
    expect(parseMessagePayload("utskrivningsmeddelande", { dischargedAt: "2026-02-09T10:00:00+01:00", dischargePlan: "x", medicationList: "Alvedon" }).ok).toBe(
      true,
    );
  });

  it("lets the kommun state only consents it already holds", () => {
    expect(parseMessagePayload("samtycke", { consents: [], municipalityAlreadyHolds: ["npo"] }).ok).toBe(true);
  });

  it("refuses a non-object, and an unknown kind, in Swedish", () => {
    const res = parseMessagePayload("generellt", "hej");
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[0]?.message).toMatch(/Ogiltig inmatning/);
    expect(parseMessagePayload("okänd" as MessageKind, {})).toEqual({
      ok: false,
      errors: [{ path: "", message: "Okänd meddelandetyp" }],
    });
  });

  describe("with the case's context", () => {
    it("refuses an estimated discharge date before the admission day, but accepts the day itself", () => {
      const ctx = { admittedAt: ADMITTED };
      expect(errors("inskrivningsmeddelande", { estimatedDischargeDate: "2026-02-01" }, ctx).estimatedDischargeDate).toMatch(
        /kan inte ligga före inskrivningsdagen \(2026-02-02\)/,
      );
      expect(parseMessagePayload("inskrivningsmeddelande", { estimatedDischargeDate: "2026-02-02" }, ctx).ok).toBe(true);
      expect(errors("andrat_utskrivningsdatum", { estimatedDischargeDate: "2026-01-31" }, ctx).estimatedDischargeDate).toMatch(/före inskrivningsdagen/);
    });

    it("uses the Stockholm admission day: admitted 00:30 Stockholm (23:30 UTC the day before)", () => {
      const ctx = { admittedAt: new Date("2026-02-01T23:30:00Z") };
      expect(errors("inskrivningsmeddelande", { estimatedDischargeDate: "2026-02-01" }, ctx).estimatedDischargeDate).toMatch(/2026-02-02/);
    });

    it("requires a fast vårdkontakt in the vårdcentral's and psychiatry's answer, not in the kommun's", () => {
      const answer = { currentServices: "Inga insatser", knownToUnit: false };
      expect(errors("svar_pa_inskrivning", answer, { senderRole: "vardcentral" }).fixedCareContactStaffId).toMatch(/fast vårdkontakt/);
      expect(errors("svar_pa_inskrivning", answer, { senderRole: "psykiatrisk_oppenvard" }).fixedCareContactStaffId).toMatch(/fast vårdkontakt/);
      expect(parseMessagePayload("svar_pa_inskrivning", answer, { senderRole: "kommun" }).ok).toBe(true);
      expect(errors("svar_pa_inskrivning", { ...answer, fixedCareContactStaffId: CONTACT_STAFF }, { senderRole: "kommun" }).fixedCareContactStaffId).toMatch(
        /utses av vårdcentralen/,
      );
    });

    it("lets only the kommun reject for folkbokföring", () => {
      const input = { reason: "ej_folkbokford", text: "x" };
      expect(errors("avvisning", input, { senderRole: "vardcentral" }).reason).toMatch(/Bara kommunen/);
      expect(parseMessagePayload("avvisning", input, { senderRole: "kommun" }).ok).toBe(true);
    });

    it("refuses a ready decision in the future or before admission", () => {
      const now = new Date("2026-02-06T10:00:00Z");
      expect(errors("utskrivningsklar", { decidedAt: "2026-02-06T12:00:00Z", decidedBy: "Dr" }, { now }).decidedAt).toMatch(/framtiden/);
      expect(parseMessagePayload("utskrivningsklar", { decidedAt: "2026-02-06T10:04:00Z", decidedBy: "Dr" }, { now }).ok).toBe(true);
      expect(errors("utskrivningsklar", { decidedAt: "2026-02-01T10:00:00Z", decidedBy: "Dr" }, { admittedAt: ADMITTED }).decidedAt).toMatch(
        /före inskrivningen/,
      );
    });
  });
});
