import { describe, expect, it } from "vitest";
import { checkSend, SEND_REFUSAL_CODES, type SendAttempt, type SendRefusalCode } from "./transitions";
import {
  ALL_CONSENTS,
  answered,
  at,
  baseFacts,
  consent,
  discharged,
  event,
  HSV,
  HTJ,
  KOMMUN,
  kommunklarGiven,
  notified,
  OUTSIDER,
  PARTIES,
  PSYK,
  psychAdded,
  ready,
  rejectedByHsv,
  resolveCorrection,
  samplePayload,
  selfCareAssessed,
  send,
  VC,
  WARD,
  withEvents,
} from "./test-fixtures";
import type { CaseFacts } from "./types";

describe("checkSend: refused for recipients, repetition and content", () => {
  it.each<[string, () => CaseFacts, SendAttempt, SendRefusalCode, RegExp]>([
    // to whom
    ["a recipient outside the case", notified, send("generellt", WARD, [KOMMUN, OUTSIDER]), "recipient_not_party", /^Mottagaren är inte part i ärendet$/],
    [
      "a removed recipient",
      () => ({ ...notified(), parties: PARTIES.map((p) => (p.unitId === VC ? { ...p, removedAt: at("2026-02-03") } : p)) }),
      send("andrat_utskrivningsdatum", WARD, [VC]),
      "recipient_not_party",
      /inte part/,
    ],
    ["no recipient", notified, send("generellt", WARD, []), "recipient_required", /^Välj minst en mottagare$/],
    ["the sender as recipient", notified, send("generellt", WARD, [WARD, KOMMUN]), "recipient_not_allowed", /själv vara mottagare/],
    [
      "an answer not to the ward",
      notified,
      send("svar_pa_inskrivning", KOMMUN, [VC]),
      "recipient_required",
      /^Svar på inskrivning ska skickas till avdelningen$/,
    ],
    ["kommunklar not to the ward", ready, send("kommunklar", KOMMUN, [VC]), "recipient_required", /till avdelningen/],
    [
      "a home-care assignment to the vårdcentral",
      notified,
      send("uppdrag_hemsjukvard", WARD, [VC]),
      "recipient_not_allowed",
      /^Uppdrag hemsjukvård kan inte skickas till vårdcentralen$/,
    ],
    ["a self-care assessment to hemtjänst", notified, send("egenvardsbedomning", WARD, [HTJ]), "recipient_not_allowed", /till hemtjänsten/],
    [
      "the admission notice to hemsjukvården and hemtjänst only",
      baseFacts,
      send("inskrivningsmeddelande", WARD, [HSV, HTJ]),
      "no_receiving_party",
      /minst en kommun eller vårdcentral/,
    ],
    [
      "a self-care confirmation not to the ward",
      selfCareAssessed,
      send("egenvardsbedomning", KOMMUN, [HSV], { ...samplePayload("egenvardsbedomning"), confirmedGranted: true }),
      "recipient_required",
      /till avdelningen/,
    ],
    // once per party
    [
      "a second answer",
      answered,
      send("svar_pa_inskrivning", KOMMUN, [WARD], { currentServices: "x", knownToUnit: true }),
      "already_answered",
      /redan svarat.*rätta/,
    ],
    ["a rejection after answering", answered, send("avvisning", KOMMUN, [WARD]), "already_answered", /kan inte längre avvisa/],
    [
      "an answer after rejecting",
      rejectedByHsv,
      send("svar_pa_inskrivning", HSV, [WARD], { currentServices: "x", knownToUnit: true }),
      "already_rejected",
      /avvisat/,
    ],
    [
      "kommunklar after rejecting",
      () => withEvents(rejectedByHsv(), event("utskrivningsklar", at("2026-02-06", "11:00"), WARD, [KOMMUN])),
      send("kommunklar", HSV, [WARD]),
      "already_rejected",
      /avvisat/,
    ],
    [
      "an answer from a party without the notice",
      psychAdded,
      send("svar_pa_inskrivning", PSYK, [WARD]),
      "not_notified",
      /inte fått något inskrivningsmeddelande/,
    ],
    ["kommunklar twice", kommunklarGiven, send("kommunklar", KOMMUN, [WARD]), "already_kommunklar", /redan meddelat/],
    [
      "the notice to a new party with another date",
      psychAdded,
      send("inskrivningsmeddelande", WARD, [PSYK], { estimatedDischargeDate: "2026-02-12" }),
      "estimated_date_mismatch",
      /aktuella beräknade utskrivningsdatumet \(2026-02-09\)/,
    ],
    // content
    [
      "a stale planning version",
      () => withEvents(notified(), event("planeringsunderlag", at("2026-02-03", "09:00"), WARD, [KOMMUN], { version: 1, needs: "a" })),
      send("planeringsunderlag", WARD, [KOMMUN], { version: 1, needs: "b" }),
      "planning_version_conflict",
      /ändrats sedan du öppnade det \(nu version 1\)/,
    ],
    [
      "a first planning basis that is not version 1",
      notified,
      send("planeringsunderlag", WARD, [KOMMUN], { version: 2, needs: "b" }),
      "planning_version_conflict",
      /version 1/,
    ],
    [
      "a SIP call with consent refused in the form",
      answered,
      send("kallelse_sip", VC, [WARD], { ...samplePayload("kallelse_sip"), consentStatus: "refused" }),
      "sip_consent_refused",
      /inte samtyckt till SIP/,
    ],
    [
      "a SIP call with consent to SIP refused on record",
      () => answered({ consents: [...ALL_CONSENTS, consent("sip", false, at("2026-02-03"))] }),
      send("kallelse_sip", VC, [WARD]),
      "sip_consent_refused",
      /samtyckt till SIP/,
    ],
    [
      "a SIP call to a unit that is no party of the case",
      answered,
      send("kallelse_sip", VC, [WARD], { ...samplePayload("kallelse_sip"), invitedUnitIds: [KOMMUN, OUTSIDER] }),
      "invalid_payload",
      /Bara ärendets parter kan kallas/,
    ],
    ["a SIP plan without a call", discharged, send("sip_plan", VC, [WARD]), "sip_not_called", /först när det finns en kallelse/],
    [
      "a self-care confirmation with nothing to confirm",
      answered,
      send("egenvardsbedomning", KOMMUN, [WARD], { ...samplePayload("egenvardsbedomning"), confirmedGranted: true }),
      "self_care_assessment_missing",
      /ingen egenvårdsbedömning/,
    ],
    ["a self-care confirmation without the answer", selfCareAssessed, send("egenvardsbedomning", KOMMUN, [WARD]), "invalid_payload", /beviljade/],
    [
      "an invalid form",
      baseFacts,
      send("inskrivningsmeddelande", WARD, [KOMMUN], {}),
      "invalid_payload",
      /^Kontrollera uppgifterna: Beräknat utskrivningsdatum måste anges$/,
    ],
    [
      "an estimated date before admission",
      baseFacts,
      send("inskrivningsmeddelande", WARD, [KOMMUN], { estimatedDischargeDate: "2026-01-30" }),
      "invalid_payload",
      /före inskrivningsdagen/,
    ],
    [
      "the vårdcentral answering without a fast vårdkontakt",
      notified,
      send("svar_pa_inskrivning", VC, [WARD], { currentServices: "Inga", knownToUnit: false }),
      "invalid_payload",
      /fast vårdkontakt/,
    ],
    // corrections
    [
      "a correction of an unknown message",
      answered,
      send("svar_pa_inskrivning", KOMMUN, [WARD], { currentServices: "x", knownToUnit: true }, { correctsMessageId: "nope" }),
      "correction_invalid",
      /finns inte i ärendet/,
    ],
    [
      "a correction with another kind",
      notified,
      send("andrat_utskrivningsdatum", WARD, [KOMMUN], { estimatedDischargeDate: "2026-02-10" }, { correctsMessageId: "FIRST" }),
      "correction_invalid",
      /samma typ/,
    ],
    [
      "a correction of another unit's message",
      answered,
      send("svar_pa_inskrivning", VC, [WARD], samplePayload("svar_pa_inskrivning"), { correctsMessageId: "KOMMUN_ANSWER" }),
      "correction_invalid",
      /Bara den enhet som skickade/,
    ],
    [
      "a correction of the planning basis",
      () => withEvents(notified(), event("planeringsunderlag", at("2026-02-03", "09:00"), WARD, [KOMMUN], { version: 1, needs: "a" })),
      send("planeringsunderlag", WARD, [KOMMUN], { version: 2, needs: "b" }, { correctsMessageId: "LAST" }),
      "correction_invalid",
      /ny version/,
    ],
  ])("%s", (_why, factsOf, attempt, code, message) => {
    const facts = factsOf();
    const res = checkSend(facts, resolveCorrection(facts, attempt));
    expect(res).toMatchObject({ ok: false, code });
    if (!res.ok) expect(res.message).toMatch(message);
  });

  it("uses only the closed list of codes", () => {
    const res = checkSend(baseFacts(), send("utskrivningsklar", WARD, [KOMMUN]));
    expect(!res.ok && SEND_REFUSAL_CODES.includes(res.code)).toBe(true);
  });

  it("returns the field errors of an invalid form", () => {
    const res = checkSend(ready(), send("utskrivningsdatum", WARD, [KOMMUN], { dischargeAt: "i morgon" }));
    expect(res).toMatchObject({ ok: false, code: "invalid_payload", errors: [{ path: "dischargeAt" }] });
  });
});
