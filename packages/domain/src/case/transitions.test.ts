import { describe, expect, it } from "vitest";
import { checkOpen, checkSend, deriveCaseState, kindsSendableBy, nextStage, type SendAttempt, type SendRefusalCode } from "./transitions";
import {
  ALL_OTHERS,
  answered,
  at,
  baseFacts,
  CONTACT_STAFF,
  discharged,
  event,
  HSV,
  HTJ,
  KOMMUN,
  kommunklarGiven,
  notified,
  OUTSIDER,
  PSYK,
  psychAdded,
  ready,
  roleOfUnit,
  samplePayload,
  selfCareAssessed,
  send,
  sipCalled,
  VC,
  WARD,
  withdrawn,
  withEvents,
} from "./test-fixtures";
import { MESSAGE_KINDS, type CaseFacts, type CaseStage, type MessageKind } from "./types";

describe("checkSend: allowed transitions", () => {
  it.each<[string, () => CaseFacts, SendAttempt]>([
    ["consent recorded by the ward before the notice, with no recipient", baseFacts, send("samtycke", WARD, [])],
    ["the kommun stating consents it already holds", baseFacts, send("samtycke", KOMMUN, [WARD], { consents: [], municipalityAlreadyHolds: ["sip"] })],
    ["a general message before the notice", baseFacts, send("generellt", WARD, [KOMMUN])],
    ["the admission notice", baseFacts, send("inskrivningsmeddelande", WARD, ALL_OTHERS)],
    ["the admission notice to the vårdcentral only", baseFacts, send("inskrivningsmeddelande", WARD, [VC])],
    ["closing a case opened by mistake before the notice", baseFacts, send("avslut", WARD, [], { reason: "makulerad" })],
    ["a changed estimated date", notified, send("andrat_utskrivningsdatum", WARD, ALL_OTHERS, { estimatedDischargeDate: "2026-02-11" })],
    ["the kommun's answer", notified, send("svar_pa_inskrivning", KOMMUN, [WARD], { currentServices: "Inga insatser", knownToUnit: false })],
    ["the vårdcentral's answer with a fast vårdkontakt", notified, send("svar_pa_inskrivning", VC, [WARD])],
    ["the kommun rejecting (not folkbokförd)", notified, send("avvisning", KOMMUN, [WARD])],
    ["the planning basis, version 1", notified, send("planeringsunderlag", WARD, ALL_OTHERS)],
    ["planning content addressed to hemtjänst too (visibility hides it)", notified, send("planeringsunderlag", WARD, [KOMMUN, HTJ])],
    ["the kommun reporting decisions", answered, send("meddela_beslut", KOMMUN, [WARD, VC])],
    ["a home-care assignment to hemsjukvården", notified, send("uppdrag_hemsjukvard", WARD, [HSV])],
    ["a self-care assessment to the kommun", notified, send("egenvardsbedomning", WARD, [KOMMUN])],
    [
      "the kommun confirming the self-care help",
      selfCareAssessed,
      send("egenvardsbedomning", KOMMUN, [WARD], { ...samplePayload("egenvardsbedomning"), confirmedGranted: true }),
    ],
    ["a SIP call before ready", answered, send("kallelse_sip", VC, [WARD, KOMMUN])],
    ["ready for discharge", answered, send("utskrivningsklar", WARD, ALL_OTHERS)],
    ["kommunklar before ready", answered, send("kommunklar", KOMMUN, [WARD])],
    ["kommunklar when ready", ready, send("kommunklar", KOMMUN, [WARD])],
    ["the vårdcentral ready to receive", ready, send("kommunklar", VC, [WARD])],
    ["the withdrawal when ready", ready, send("ej_utskrivningsklar", WARD, ALL_OTHERS)],
    ["an agreed discharge time when ready", ready, send("utskrivningsdatum", WARD, ALL_OTHERS)],
    ["the discharge notice when ready", ready, send("utskrivningsmeddelande", WARD, ALL_OTHERS)],
    ["a new ready notice after a withdrawal", withdrawn, send("utskrivningsklar", WARD, ALL_OTHERS)],
    [
      "kommunklar again after a withdrawal",
      () => withEvents(kommunklarGiven(), event("ej_utskrivningsklar", at("2026-02-07", "08:00"), WARD, [KOMMUN])),
      send("kommunklar", KOMMUN, [WARD]),
    ],
    ["the admission notice to a party added later, with the current date", psychAdded, send("inskrivningsmeddelande", WARD, [PSYK])],
    ["a SIP call after discharge", discharged, send("kallelse_sip", VC, [WARD, KOMMUN])],
    ["a SIP plan after the call", sipCalled, send("sip_plan", VC, [WARD, KOMMUN])],
    ["decisions reported after discharge", discharged, send("meddela_beslut", KOMMUN, [WARD])],
    ["closing a discharged case", discharged, send("avslut", WARD, ALL_OTHERS)],
    ["closing before discharge when the patient died", ready, send("avslut", WARD, ALL_OTHERS, { reason: "avliden" })],
    ["a general message from hemtjänst", ready, send("generellt", HTJ, [WARD])],
    ["a general message after discharge", discharged, send("generellt", KOMMUN, [WARD])],
    [
      "after-registering a discharge without a ready notice (outage, Region Västernorrland, Avbrottsrutin Lifecare SP)",
      answered,
      send("utskrivningsmeddelande", WARD, ALL_OTHERS, samplePayload("utskrivningsmeddelande"), { mode: "efterregistrering" }),
    ],
  ])("%s", (_why, facts, attempt) => {
    const res = checkSend(facts(), attempt);
    expect(res).toMatchObject({ ok: true });
  });

  it("returns the validated payload", () => {
    const res = checkSend(notified(), send("generellt", WARD, [KOMMUN], { subject: " Fråga ", text: "Hej", extra: 1 }));
    expect(res).toEqual({ ok: true, payload: { subject: "Fråga", text: "Hej" }, warnings: [], toConfirm: [] });
  });
});

describe("checkSend: corrections", () => {
  it("lets a party correct its answer (new fast vårdkontakt), which a second answer may not", () => {
    const f = answered();
    const vcAnswer = f.events.find((e) => e.senderUnitId === VC)!;
    const payload = { ...vcAnswer.payload, fixedCareContactStaffId: "99999999-2222-4333-8444-555555555555" };
    expect(checkSend(f, send("svar_pa_inskrivning", VC, [WARD], payload))).toMatchObject({ ok: false, code: "already_answered" });
    expect(checkSend(f, send("svar_pa_inskrivning", VC, [WARD], payload, { correctsMessageId: vcAnswer.id }))).toMatchObject({
      ok: true,
    });
  });

  it("lets the ward correct a discharge notice after discharge", () => {
    const f = discharged();
    const notice = f.events.find((e) => e.kind === "utskrivningsmeddelande")!;
    expect(
      checkSend(
        f,
        send("utskrivningsmeddelande", WARD, ALL_OTHERS, samplePayload("utskrivningsmeddelande"), {
          correctsMessageId: notice.id,
        }),
      ),
    ).toMatchObject({ ok: true });
  });
});

describe("checkOpen: is a step open before the form is filled in?", () => {
  const probe = (kind: MessageKind, from: string, to?: string[]) => ({
    kind,
    senderUnitId: from,
    senderRole: roleOfUnit(from),
    recipientUnitIds: to,
  });

  it.each<[string, () => CaseFacts, ReturnType<typeof probe>, SendRefusalCode | "ok"]>([
    ["an answer to a fresh notice", notified, probe("svar_pa_inskrivning", KOMMUN), "ok"],
    ["a second answer", answered, probe("svar_pa_inskrivning", KOMMUN), "already_answered"],
    ["the admission notice when every party has it", notified, probe("inskrivningsmeddelande", WARD), "admission_notice_already_sent"],
    ["the admission notice to a party added later", psychAdded, probe("inskrivningsmeddelande", WARD), "ok"],
    ["a SIP plan without a call", ready, probe("sip_plan", VC), "sip_not_called"],
    ["kommunklar twice", kommunklarGiven, probe("kommunklar", KOMMUN), "already_kommunklar"],
    ["ready before the notice", baseFacts, probe("utskrivningsklar", WARD), "admission_notice_missing"],
    ["a general message, recipients not chosen yet", notified, probe("generellt", HTJ), "ok"],
    ["a recipient outside the case, when given", notified, probe("generellt", WARD, [OUTSIDER]), "recipient_not_party"],
  ])("%s", (_why, facts, p, expected) => {
    const res = checkOpen(facts(), p);
    expect(res.ok ? "ok" : res.code).toBe(expected);
  });

  it("makes checkSend report the order problem, not the empty form, for an empty payload", () => {
    expect(checkSend(answered(), send("svar_pa_inskrivning", KOMMUN, [WARD], {}))).toMatchObject({ code: "already_answered" });
    expect(checkSend(notified(), send("svar_pa_inskrivning", KOMMUN, [WARD], {}))).toMatchObject({ code: "invalid_payload" });
  });
});

describe("kindsSendableBy", () => {
  it("lists what each party may send", () => {
    expect(kindsSendableBy("hemtjanst")).toEqual(["generellt"]);
    expect(kindsSendableBy("kommun")).toContain("meddela_beslut");
    expect(kindsSendableBy("vardcentral")).not.toContain("meddela_beslut");
    expect(kindsSendableBy("avdelning")).toContain("utskrivningsklar");
  });
});

describe("nextStage", () => {
  it.each<[CaseStage, MessageKind, CaseStage]>([
    ["inskriven", "inskrivningsmeddelande", "planering"],
    ["inskriven", "samtycke", "inskriven"],
    ["planering", "utskrivningsklar", "utskrivningsklar"],
    ["utskrivningsklar", "ej_utskrivningsklar", "planering"],
    ["utskrivningsklar", "utskrivningsmeddelande", "utskriven"],
    ["planering", "utskrivningsmeddelande", "utskriven"],
    ["utskriven", "kallelse_sip", "utskriven"],
    ["utskriven", "avslut", "avslutad"],
    ["inskriven", "avslut", "avslutad"],
    ["avslutad", "generellt", "avslutad"],
    ["planering", "inskrivningsmeddelande", "planering"],
  ])("%s + %s → %s", (stage, kind, expected) => {
    expect(nextStage(stage, kind)).toBe(expected);
  });

  it("agrees with deriveCaseState on every allowed send along the path", () => {
    for (const facts of [baseFacts(), notified(), answered(), ready(), withdrawn(), discharged()]) {
      for (const kind of MESSAGE_KINDS) {
        for (const from of [WARD, KOMMUN, VC]) {
          const attempt = send(kind, from, from === WARD ? ALL_OTHERS : [WARD], kind === "avslut" ? { reason: "makulerad" } : samplePayload(kind));
          if (kind === "svar_pa_inskrivning" && from === KOMMUN) attempt.payload = { currentServices: "x", knownToUnit: true };
          if (kind === "samtycke" && from !== WARD) attempt.payload = { consents: [], municipalityAlreadyHolds: ["sip"] };
          if (kind === "svar_pa_inskrivning" && from === VC) attempt.payload = { ...samplePayload(kind), fixedCareContactStaffId: CONTACT_STAFF };
          const res = checkSend(facts, attempt);
          if (!res.ok) continue;
          const after = withEvents(facts, event(kind, at("2026-02-10", "12:00"), from, [...attempt.recipientUnitIds], res.payload as Record<string, unknown>));
          expect(deriveCaseState(after).stage, `${kind} from ${from}`).toBe(nextStage(deriveCaseState(facts), kind));
        }
      }
    }
  });
});
