import { describe, expect, it } from "vitest";
import { parseMessagePayload, type PayloadContext } from "@vardkedjan/domain/case/payloads";
import { ADMITTED, CONTACT_STAFF, samplePayload } from "@vardkedjan/domain/case/test-fixtures";
import { MESSAGE_KINDS, type MessageKind, type PartyRole } from "@vardkedjan/domain/case/types";
import { KIND_FORMS } from "../registry";
import type { FormMeta } from "../spec";

/**
 * A correction starts from what was sent: each kind's `fromPayload` must be the inverse of its
 * `toPayload`, for the payloads the domain's tests use and fuller ones (every optional field).
 */

/** Who sends each example (the payload's cross-field rules read the sender's role). */
const SENDER: Partial<Record<MessageKind, PartyRole>> = {
  svar_pa_inskrivning: "vardcentral",
  avvisning: "kommun",
  meddela_beslut: "kommun",
  kommunklar: "kommun",
};

type Example = [name: string, kind: MessageKind, payload: Record<string, unknown>, sender?: PartyRole];

const EXAMPLES: Example[] = [
  ...MESSAGE_KINDS.map((k): Example => [`the domain's example of ${k}`, k, samplePayload(k), SENDER[k]]),
  [
    "consents given and refused, by phone, with a note",
    "samtycke",
    {
      consents: [
        { kind: "informationsoverforing_kommun", given: true },
        { kind: "npo", given: false },
        { kind: "sip", given: true },
      ],
      source: "telefon",
      documentedNote: "Samtycke lämnat muntligt till sjuksköterska",
    },
  ],
  ["the kommun's consents already held", "samtycke", { consents: [], municipalityAlreadyHolds: ["npo", "sip"] }, "kommun"],
  ["a kommun's answer, not known", "svar_pa_inskrivning", { currentServices: "Inga insatser", knownToUnit: false }, "kommun"],
  ["a rejection as wrong recipient", "avvisning", { reason: "fel_mottagare", text: "Patienten är listad på annan vårdcentral" }, "vardcentral"],
  [
    "a planning basis version 3 with every field",
    "planeringsunderlag",
    {
      version: 3,
      needs: "Hjälp med förflyttning och personlig hygien",
      adlStatus: "Går med rollator",
      homeSituation: "Bor ensam i lägenhet, hiss finns",
      aids: "Rollator, duschpall",
      track: "rod",
    },
  ],
  [
    "a structured planning basis: ADL, risks, medicines, aids, housing",
    "planeringsunderlag",
    {
      version: 2,
      needs: "Hjälp morgon och kväll",
      adl: [
        { area: "forflyttning", level: "delvis_hjalp" },
        { area: "personlig_hygien", level: "helt_beroende" },
        { area: "inkop", level: "klarar_sjalv" },
      ],
      adlStatus: "Går kortare sträckor med rollator",
      risks: ["fall", "undernaring"],
      riskNote: "Föll hemma före inskrivningen",
      medicationHandler: "hemsjukvard",
      dosDispensed: true,
      medications: [
        { name: "Waran", dose: "Enligt ordination", purpose: "Blodförtunnande" },
        { name: "Alvedon 500 mg", dose: "2 tabletter vid behov" },
      ],
      aidKinds: ["rollator", "duschstol"],
      aids: "Höj- och sänkbar säng beställd",
      housing: "ordinart_boende",
      livesAlone: false,
      homeSituation: "Bor med maken, hiss finns",
    },
  ],
  [
    "a kommun's answer with ticked services and a contact",
    "svar_pa_inskrivning",
    {
      services: ["hemtjanst", "trygghetslarm"],
      currentServices: "Hemtjänst morgon och kväll",
      contactName: "Berit Holm",
      contactPhone: "016-710 00 00",
      knownToUnit: true,
    },
    "kommun",
  ],
  ["a kommun's answer: no services", "svar_pa_inskrivning", { noServices: true, knownToUnit: false }, "kommun"],
  [
    "a SIP call naming parties, with a follow-up date",
    "kallelse_sip",
    {
      meetingAt: "2026-06-15T13:00:00+02:00",
      video: true,
      invitedUnitIds: ["00000000-0000-4000-8000-0000000000b1", "00000000-0000-4000-8000-0000000000c1"],
      participants: ["Patienten"],
      consentStatus: "given",
      followUpAt: "2026-08-01",
    },
  ],
  [
    "a ready decision by a physician picked from the unit",
    "utskrivningsklar",
    { decidedAt: "2026-02-06T10:00:00+01:00", decidedBy: "Johan Ekström", decidedByStaffId: "11111111-2222-4333-8444-555555555555" },
  ],
  [
    "a discharge notice with a structured medication list",
    "utskrivningsmeddelande",
    {
      dischargedAt: "2026-02-09T10:00:00+01:00",
      dischargePlan: "Se plan.",
      medications: [{ name: "Metformin 500 mg", dose: "1 tablett morgon och kväll", purpose: "Diabetes" }],
      medicationList: "Insulinpennor följer med",
    },
  ],
  [
    "a discharge notice without medicines",
    "utskrivningsmeddelande",
    { dischargedAt: "2026-02-09T10:00:00+01:00", dischargePlan: "Se plan.", noMedications: true },
  ],
  ["services applied and decided", "meddela_beslut", { applied: ["Hemtjänst", "Trygghetslarm"], decided: ["Hemtjänst"] }, "kommun"],
  [
    "the kommun's confirmation of a self-care assessment",
    "egenvardsbedomning",
    { assessment: "Insulin kan inte skötas som egenvård", needsPracticalHelp: false, confirmedGranted: true },
    "kommun",
  ],
  [
    "a SIP meeting on site in summer time, consent unknown",
    "kallelse_sip",
    {
      meetingAt: "2026-06-15T13:00:00+02:00",
      place: "Avdelning 12, dagrummet",
      video: false,
      participants: ["Patienten", "Dottern Eva", "Biståndshandläggare"],
      consentStatus: "unknown",
    },
  ],
  [
    "a SIP meeting by video with a link, the time in UTC",
    "kallelse_sip",
    {
      meetingAt: "2026-02-10T09:00:00.000Z",
      video: true,
      videoLink: "https://video.example.se/m/123",
      participants: ["Patienten"],
      consentStatus: "given",
    },
  ],
  [
    "a SIP plan with every field",
    "sip_plan",
    {
      interventions: [
        { what: "Läkemedelsgenomgång", responsible: "region", by: "Vårdcentralen Fröslunda" },
        { what: "Hemtjänst morgon och kväll", responsible: "kommun" },
        { what: "Färdtjänst", responsible: "annan", by: "Regionens färdtjänst" },
      ],
      overallResponsible: "kommun",
      otherActorsMeasures: "Anhöriga handlar",
      goals: "Patienten bor kvar hemma",
      followUpAt: "2026-03-02",
      offeredToPatient: false,
    },
  ],
  ["a ready-notice decided late in the evening (another UTC date)", "utskrivningsklar", { decidedAt: "2026-02-06T23:45:00+01:00", decidedBy: "Dr. Lena Ek" }],
  ["a ready-for-home with a comment", "kommunklar", { ready: true, comment: "Hemtjänsten börjar i morgon" }, "kommun"],
  ["a discharge time on the day summer time begins, no transport", "utskrivningsdatum", { dischargeAt: "2026-03-29T12:00:00+02:00", transportBooked: false }],
  [
    "a discharge notice with every field",
    "utskrivningsmeddelande",
    {
      dischargedAt: "2026-02-09T10:00:00+01:00",
      dischargePlan: "Se plan.\nÅterbesök om två veckor.",
      medicationList: "Alvedon 1 g x 3\nMetformin 500 mg x 2",
      aidsReturned: "Rollator",
      stayAddress: "Hos dottern, Storgatan 1, Eskilstuna",
    },
  ],
  ["a cancelled case with a comment", "avslut", { reason: "makulerad", comment: "Fel patient" }],
];

const ctx = (sender?: PartyRole): PayloadContext => ({ senderRole: sender ?? "avdelning", admittedAt: ADMITTED });
const meta = (payload: Record<string, unknown>): FormMeta => ({
  baseVersion: typeof payload.version === "number" ? payload.version - 1 : 0,
});

/** A payload as stored (the schema's output) with every instant written the same way. */
function canonical(kind: MessageKind, payload: unknown, sender?: PartyRole): unknown {
  const parsed = parseMessagePayload(kind, payload, ctx(sender));
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  const instants = (v: unknown): unknown =>
    typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v)
      ? new Date(v).toISOString()
      : Array.isArray(v)
        ? v.map(instants)
        : v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, instants(x)]))
          : v;
  return instants(parsed.ok ? parsed.payload : null);
}

describe("every message kind's form gives back what was sent", () => {
  it("covers every kind", () => {
    const covered = new Set(EXAMPLES.map(([, kind]) => kind));
    expect(MESSAGE_KINDS.filter((k) => !covered.has(k))).toEqual([]);
  });

  it.each(EXAMPLES)("%s (%s)", (_name, kind, example, sender) => {
    const spec = KIND_FORMS[kind];
    // What is stored, and so what the message in the case view holds.
    const stored = canonical(kind, example, sender) as Record<string, unknown>;
    const again = spec.toPayload(spec.fromPayload(stored), meta(stored));
    expect(parseMessagePayload(kind, again, ctx(sender))).toMatchObject({ ok: true });
    expect(canonical(kind, again, sender)).toEqual(stored);
    // And the form's own payload survives the round trip exactly.
    expect(spec.toPayload(spec.fromPayload(again), meta(stored))).toEqual(again);
  });
});

describe("dates and times come back as the inputs take them, in Stockholm time", () => {
  it.each<[MessageKind, Record<string, unknown>, Record<string, unknown>]>([
    ["utskrivningsklar", { decidedAt: "2026-02-06T10:30:00+01:00", decidedBy: "Dr. Lena Ek" }, { decidedAt: "2026-02-06T10:30" }],
    ["utskrivningsklar", { decidedAt: "2026-02-06T23:30:00.000Z", decidedBy: "x" }, { decidedAt: "2026-02-07T00:30" }],
    ["utskrivningsdatum", { dischargeAt: "2026-07-01T08:15:00Z", transportBooked: true }, { dischargeAt: "2026-07-01T10:15", transportBooked: true }],
    [
      "utskrivningsmeddelande",
      { dischargedAt: "2026-10-25T01:30:00Z", dischargePlan: "x", medicationList: "y" },
      { dischargedAt: "2026-10-25T02:30", aidsReturned: "", stayAddress: "" },
    ],
    [
      "kallelse_sip",
      { meetingAt: "2026-06-15T13:00:00+02:00", video: true, participants: ["A", "B"] },
      { meetingAt: "2026-06-15T13:00", participants: "A\nB", video: true },
    ],
    ["inskrivningsmeddelande", { estimatedDischargeDate: "2026-12-05" }, { estimatedDischargeDate: "2026-12-05" }],
    ["andrat_utskrivningsdatum", { estimatedDischargeDate: "2026-12-05" }, { estimatedDischargeDate: "2026-12-05" }],
    ["uppdrag_hemsjukvard", { tasks: "Såromläggning", from: "2026-02-09" }, { tasks: "Såromläggning", from: "2026-02-09" }],
    ["sip_plan", { interventions: [], followUpAt: "2026-03-02", offeredToPatient: true }, { followUpAt: "2026-03-02", offeredToPatient: "ja" }],
  ])("%s", (kind, payload, expected) => {
    expect(KIND_FORMS[kind].fromPayload(payload)).toMatchObject(expected);
  });

  it("leaves a missing or unreadable time empty, for the form's own check to name", () => {
    expect(KIND_FORMS.utskrivningsklar.fromPayload({ decidedAt: "igår" })).toMatchObject({ decidedAt: "", decidedBy: "" });
    expect(KIND_FORMS.utskrivningsdatum.fromPayload({})).toEqual({ dischargeAt: "", transportBooked: false });
  });

  it("gives a SIP plan without interventions one empty row to fill in", () => {
    expect(KIND_FORMS.sip_plan.fromPayload({})).toMatchObject({ interventions: [{ what: "", responsible: "", by: "" }] });
  });

  it("keeps the fast vårdkontakt's reference", () => {
    expect(KIND_FORMS.svar_pa_inskrivning.fromPayload(samplePayload("svar_pa_inskrivning"))).toMatchObject({
      currentServices: "Hemtjänst 2 ggr/dag",
      knownToUnit: "ja",
      fixedCareContactStaffId: CONTACT_STAFF,
    });
  });

  it("opens an answer, a planning basis and a SIP call stored before the forms had structure with the old text in place", () => {
    expect(KIND_FORMS.svar_pa_inskrivning.fromPayload({ currentServices: "Hemtjänst 2 ggr/dag", knownToUnit: true })).toMatchObject({
      services: [],
      noServices: false,
      currentServices: "Hemtjänst 2 ggr/dag",
    });
    expect(KIND_FORMS.planeringsunderlag.fromPayload({ version: 1, needs: "x", adlStatus: "Går med rollator", aids: "Rollator" })).toMatchObject({
      adl: {},
      adlStatus: "Går med rollator",
      aidKinds: [],
      aids: "Rollator",
      medications: [],
    });
    expect(KIND_FORMS.kallelse_sip.fromPayload({ participants: ["Patienten", "Dottern"] })).toMatchObject({
      invitedUnitIds: [],
      participants: "Patienten\nDottern",
    });
  });

  it("shows a physician typed in as typed, and one picked from the list as picked", () => {
    expect(KIND_FORMS.utskrivningsklar.fromPayload({ decidedBy: "Dr Lisa Läkare" })).toMatchObject({ typed: true, decidedByStaffId: "" });
    expect(KIND_FORMS.utskrivningsklar.fromPayload({ decidedBy: "Johan Ekström", decidedByStaffId: CONTACT_STAFF })).toMatchObject({ typed: false });
  });
});
