import { describe, expect, it } from "vitest";
import { checkSend, type SendAttempt, type SendRefusalCode } from "./transitions";
import {
  consent,
  ALL_OTHERS,
  answered,
  at,
  baseFacts,
  closed,
  discharged,
  HSV,
  HTJ,
  KOMMUN,
  notified,
  OUTSIDER,
  PARTIES,
  ready,
  resolveCorrection,
  samplePayload,
  send,
  VC,
  WARD,
  withdrawn,
} from "./test-fixtures";
import type { CaseFacts } from "./types";

describe("checkSend: refused for order and sender", () => {
  it.each<[string, () => CaseFacts, SendAttempt, SendRefusalCode, RegExp]>([
    // order
    [
      "ready before the admission notice",
      baseFacts,
      send("utskrivningsklar", WARD, ALL_OTHERS),
      "admission_notice_missing",
      /^Utskrivningsklar kan inte skickas innan inskrivningsmeddelandet har skickats$/,
    ],
    ["an answer before the notice", baseFacts, send("svar_pa_inskrivning", KOMMUN, [WARD]), "admission_notice_missing", /innan inskrivningsmeddelandet/],
    ["planning before the notice", baseFacts, send("planeringsunderlag", WARD, [KOMMUN]), "admission_notice_missing", /innan inskrivningsmeddelandet/],
    ["kommunklar before the notice", baseFacts, send("kommunklar", KOMMUN, [WARD]), "admission_notice_missing", /innan inskrivningsmeddelandet/],
    ["a SIP call before the notice", baseFacts, send("kallelse_sip", VC, [WARD]), "admission_notice_missing", /innan inskrivningsmeddelandet/],
    [
      "a discharge notice before the notice",
      baseFacts,
      send("utskrivningsmeddelande", WARD, ALL_OTHERS),
      "not_ready",
      /^Utskrivningsmeddelande kan bara skickas när patienten är utskrivningsklar$/,
    ],
    [
      "a discharge notice before ready",
      answered,
      send("utskrivningsmeddelande", WARD, ALL_OTHERS),
      "not_ready",
      /^Utskrivningsmeddelande kan bara skickas när patienten är utskrivningsklar$/,
    ],
    ["a discharge notice after a withdrawal", withdrawn, send("utskrivningsmeddelande", WARD, ALL_OTHERS), "not_ready", /när patienten är utskrivningsklar/],
    [
      "a withdrawal when not ready",
      answered,
      send("ej_utskrivningsklar", WARD, ALL_OTHERS),
      "not_ready",
      /^Inte längre utskrivningsklar kan bara skickas när patienten är utskrivningsklar$/,
    ],
    ["a withdrawal twice", withdrawn, send("ej_utskrivningsklar", WARD, ALL_OTHERS), "not_ready", /utskrivningsklar/],
    ["a discharge time when not ready", answered, send("utskrivningsdatum", WARD, ALL_OTHERS), "not_ready", /utskrivningsklar/],
    [
      "ready twice without a withdrawal",
      ready,
      send("utskrivningsklar", WARD, ALL_OTHERS),
      "already_ready",
      /redan utskrivningsklar.*Inte längre utskrivningsklar/,
    ],
    [
      "the admission notice twice",
      notified,
      send("inskrivningsmeddelande", WARD, [KOMMUN]),
      "admission_notice_already_sent",
      /redan skickat.*Ändrat beräknat utskrivningsdatum/,
    ],
    ["ready after discharge", discharged, send("utskrivningsklar", WARD, ALL_OTHERS), "already_discharged", /efter att patienten har skrivits ut/],
    [
      "a changed date after discharge",
      discharged,
      send("andrat_utskrivningsdatum", WARD, ALL_OTHERS),
      "already_discharged",
      /efter att patienten har skrivits ut/,
    ],
    ["a second discharge notice", discharged, send("utskrivningsmeddelande", WARD, ALL_OTHERS), "already_discharged", /skrivits ut/],
    ["kommunklar after discharge", discharged, send("kommunklar", KOMMUN, [WARD]), "already_discharged", /skrivits ut/],
    ["anything after avslut", closed, send("generellt", WARD, [KOMMUN]), "case_closed", /^Ärendet är avslutat$/],
    [
      "a correction after avslut",
      closed,
      send("generellt", WARD, [KOMMUN], samplePayload("generellt"), { correctsMessageId: "ev-1" }),
      "case_closed",
      /avslutat/,
    ],
    ["closing as discharged before discharge", ready, send("avslut", WARD, ALL_OTHERS), "not_discharged", /först när utskrivningsmeddelandet har skickats/],
    [
      "an after-registered discharge notice before any admission notice",
      baseFacts,
      send("utskrivningsmeddelande", WARD, ALL_OTHERS, samplePayload("utskrivningsmeddelande"), { mode: "efterregistrering" }),
      "not_ready",
      /utskrivningsklar/,
    ],
    // who
    ["ready from the kommun", answered, send("utskrivningsklar", KOMMUN, [WARD]), "role_not_allowed", /^Utskrivningsklar kan inte skickas av kommunen$/],
    ["the admission notice from the vårdcentral", baseFacts, send("inskrivningsmeddelande", VC, [KOMMUN]), "role_not_allowed", /av vårdcentralen/],
    ["decisions from the vårdcentral", answered, send("meddela_beslut", VC, [WARD]), "role_not_allowed", /Meddela beslut kan inte skickas av vårdcentralen/],
    ["decisions from hemsjukvården", answered, send("meddela_beslut", HSV, [WARD]), "role_not_allowed", /hemsjukvården/],
    ["an answer from the ward", notified, send("svar_pa_inskrivning", WARD, [KOMMUN]), "role_not_allowed", /av avdelningen/],
    ["kommunklar from the ward", ready, send("kommunklar", WARD, [KOMMUN]), "role_not_allowed", /av avdelningen/],
    ["kommunklar from hemtjänst", ready, send("kommunklar", HTJ, [WARD]), "role_not_allowed", /av hemtjänsten/],
    ["a SIP call from hemtjänst", ready, send("kallelse_sip", HTJ, [WARD]), "role_not_allowed", /av hemtjänsten/],
    ["a home-care assignment from the vårdcentral", notified, send("uppdrag_hemsjukvard", VC, [HSV]), "role_not_allowed", /av vårdcentralen/],
    ["consent from the vårdcentral", baseFacts, send("samtycke", VC, [WARD]), "role_not_allowed", /Samtycke kan inte skickas av vårdcentralen/],
    ["the kommun recording a patient's consent", baseFacts, send("samtycke", KOMMUN, [WARD]), "role_not_allowed", /bara ange samtycken som redan finns/],
    [
      "the kommun stating a held consent over the patient's refusal",
      () => ({ ...baseFacts(), consents: [consent("informationsoverforing_kommun", false)] }),
      send("samtycke", KOMMUN, [WARD], { consents: [], municipalityAlreadyHolds: ["informationsoverforing_kommun"] }),
      "consent_not_allowed",
      /^Patienten har sagt nej till informationsöverföring till kommunen/,
    ],
    [
      "the kommun stating it holds the NPÖ consent",
      baseFacts,
      send("samtycke", KOMMUN, [WARD], { consents: [], municipalityAlreadyHolds: ["npo"] }),
      "consent_not_allowed",
      /^Kommunen kan bara ange samtycken som kommunen själv har/,
    ],
    [
      "the ward stating what the kommun holds",
      baseFacts,
      send("samtycke", WARD, [], { consents: [], municipalityAlreadyHolds: ["sip"] }),
      "consent_not_allowed",
      /^Bara kommunen kan ange/,
    ],
    ["avslut from the kommun", discharged, send("avslut", KOMMUN, [WARD]), "role_not_allowed", /av kommunen/],
    ["a sender outside the case", notified, send("generellt", OUTSIDER, [WARD]), "sender_not_party", /^Avsändaren är inte part i ärendet$/],
    ["a sender with the wrong role", notified, { ...send("generellt", KOMMUN, [WARD]), senderRole: "vardcentral" }, "sender_not_party", /roll/],
    [
      "a removed sender",
      () => ({ ...notified(), parties: PARTIES.map((p) => (p.unitId === KOMMUN ? { ...p, removedAt: at("2026-02-03") } : p)) }),
      send("generellt", KOMMUN, [WARD]),
      "sender_not_party",
      /inte part/,
    ],
  ])("%s", (_why, factsOf, attempt, code, message) => {
    const facts = factsOf();
    const res = checkSend(facts, resolveCorrection(facts, attempt));
    expect(res).toMatchObject({ ok: false, code });
    if (!res.ok) expect(res.message).toMatch(message);
  });
});
