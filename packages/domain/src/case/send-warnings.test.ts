import { describe, expect, it } from "vitest";
import { checkSend, deriveCaseState } from "./transitions";
import { confirmationRefusal, preflightWarnings, warningsToConfirm, type WarningContext } from "./send-warnings";
import { MESSAGE_KINDS, type CaseFacts } from "./types";
import {
  ALL_CONSENTS,
  ALL_OTHERS,
  answered,
  at,
  baseFacts,
  consent,
  event,
  HSV,
  KOMMUN,
  notified,
  ready,
  samplePayload,
  send,
  sipCalled,
  VC,
  WARD,
  withEvents,
} from "./test-fixtures";

const NO_CONTACT = "Vårdcentralen har inte utsett någon fast vårdkontakt. Enligt lagen om samverkan vid utskrivning ska det ske innan patienten skrivs ut";
const NO_SIP_CALL =
  "Ingen kallelse till SIP har skickats, fast patienten behöver insatser från både kommunen och öppenvården efter utskrivningen. Enligt lagen om samverkan vid utskrivning ska kallelsen skickas inom tre dagar efter underrättelsen om utskrivningsklar";

describe("checkSend: warnings (the send goes ahead)", () => {
  it("warns that the vårdcentral has not named a fast vårdkontakt before discharge, without refusing", () => {
    const f = withEvents(
      notified(),
      event("svar_pa_inskrivning", at("2026-02-03", "09:00"), KOMMUN, [WARD], { currentServices: "Inga", knownToUnit: true }),
      event("utskrivningsklar", at("2026-02-06", "11:00"), WARD, ALL_OTHERS),
    );
    const res = checkSend(f, send("utskrivningsmeddelande", WARD, ALL_OTHERS));
    expect(res.ok).toBe(true);
    const warnings = res.ok ? res.warnings : [];
    expect(warnings).toContain(NO_CONTACT);
    expect(warnings).toContain(NO_SIP_CALL);
    expect(warnings).toContain("Kommunen har inte meddelat kommunklar");
    expect(warnings).toContain("Hemsjukvården har inte meddelat kommunklar");
  });

  it("gives no discharge warnings when everything is in place", () => {
    const f = withEvents(
      ready(),
      event("kallelse_sip", at("2026-02-06", "15:00"), VC, [WARD, KOMMUN]),
      event("kommunklar", at("2026-02-06", "16:00"), KOMMUN, [WARD]),
      event("kommunklar", at("2026-02-06", "16:05"), HSV, [WARD]),
    );
    expect(
      checkSend(
        f,
        send("utskrivningsmeddelande", WARD, ALL_OTHERS, samplePayload("utskrivningsmeddelande"), {
          at: at("2026-02-09", "10:30"),
        }),
      ),
    ).toEqual({
      ok: true,
      payload: expect.anything(),
      warnings: [],
      toConfirm: [],
    });
  });

  it("warns when the discharge information comes after the discharge day", () => {
    const res = checkSend(
      ready(),
      send("utskrivningsmeddelande", WARD, ALL_OTHERS, samplePayload("utskrivningsmeddelande"), {
        at: at("2026-02-10", "00:05"),
      }),
    );
    expect(res.ok && res.warnings).toContain("Informationen skickas senare än utskrivningsdagen");
  });

  it("warns about a late admission notice and about missing consent", () => {
    const res = checkSend(
      baseFacts({ consents: [] }),
      send("inskrivningsmeddelande", WARD, [KOMMUN], samplePayload("inskrivningsmeddelande"), { at: at("2026-02-03", "10:01") }),
    );
    expect(res.ok && res.warnings).toEqual([
      "Inget samtycke till informationsöverföring är dokumenterat. Inskrivningsmeddelandet får skickas utan samtycke, men mottagarna ser då bara grunduppgifterna",
      "Inskrivningsmeddelandet skickas senare än 24 timmar efter inskrivningen",
    ]);
    const inTime = checkSend(
      baseFacts(),
      send("inskrivningsmeddelande", WARD, [KOMMUN], samplePayload("inskrivningsmeddelande"), { at: at("2026-02-03", "10:00") }),
    );
    expect(inTime.ok && inTime.warnings).toEqual([]);
  });

  it("warns when content goes to a party without consent to information transfer", () => {
    const f = notified({
      consents: [consent("informationsoverforing_vardcentral", true), consent("informationsoverforing_kommun", false)],
    });
    const res = checkSend(f, send("planeringsunderlag", WARD, [KOMMUN, HSV, VC]));
    expect(res.ok && res.warnings).toEqual([
      "Samtycke till informationsöverföring till kommunen saknas: kommunen ser bara grunduppgifterna, inte innehållet i meddelandet",
    ]);
    // The notices the law requires regardless of consent warn of nothing.
    expect(checkSend(f, send("andrat_utskrivningsdatum", WARD, [KOMMUN], { estimatedDischargeDate: "2026-02-12" }))).toMatchObject({ ok: true, warnings: [] });
  });

  it("warns about a SIP call without documented SIP consent and a plan not offered", () => {
    const f = answered({ consents: ALL_CONSENTS.filter((c) => c.kind !== "sip") });
    const res = checkSend(f, send("kallelse_sip", VC, [WARD, KOMMUN], { ...samplePayload("kallelse_sip"), consentStatus: "unknown" }));
    expect(res.ok && res.warnings).toEqual(["Samtycke till SIP är inte dokumenterat. Det behövs innan planen upprättas"]);
    const plan = checkSend(sipCalled(), send("sip_plan", VC, [WARD, KOMMUN], { ...samplePayload("sip_plan"), offeredToPatient: false }));
    expect(plan.ok && plan.warnings).toEqual(["SIP-planen har inte erbjudits patienten"]);
  });
});

/** The discharge case of the issue: no fast vårdkontakt, no SIP call, no kommunklar. */
const nothingInPlace = (): CaseFacts =>
  withEvents(
    notified(),
    event("svar_pa_inskrivning", at("2026-02-03", "09:00"), KOMMUN, [WARD], { currentServices: "Inga", knownToUnit: true }),
    event("utskrivningsklar", at("2026-02-06", "11:00"), WARD, ALL_OTHERS),
  );

function context(facts: CaseFacts, over: Partial<WarningContext> = {}): WarningContext {
  const state = deriveCaseState(facts);
  return { facts, state, recipients: state.parties.filter((p) => p.unitId !== WARD), payload: {}, at: at("2026-02-09", "10:00"), mode: "normal", ...over };
}

describe("preflightWarnings: what the form shows before the send", () => {
  it("shows the three discharge warnings from the case alone (no form filled in), two of them to confirm", () => {
    const warnings = preflightWarnings("utskrivningsmeddelande", context(nothingInPlace()));
    expect(warnings).toEqual([
      { text: NO_CONTACT, confirm: true },
      { text: NO_SIP_CALL, confirm: true },
      { text: "Kommunen har inte meddelat kommunklar", confirm: false },
      { text: "Hemsjukvården har inte meddelat kommunklar", confirm: false },
    ]);
    expect(warningsToConfirm("utskrivningsmeddelande", context(nothingInPlace()))).toEqual([NO_CONTACT, NO_SIP_CALL]);
  });

  it("asks no confirmation when only kommunklar is missing: a warning, not the law's order", () => {
    const f = withEvents(ready(), event("kallelse_sip", at("2026-02-06", "15:00"), VC, [WARD, KOMMUN]));
    expect(warningsToConfirm("utskrivningsmeddelande", context(f))).toEqual([]);
    expect(preflightWarnings("utskrivningsmeddelande", context(f)).map((w) => w.text)).toContain("Kommunen har inte meddelat kommunklar");
  });

  it("asks no confirmation for a correction or an after-registration: what happened is recorded", () => {
    expect(warningsToConfirm("utskrivningsmeddelande", context(nothingInPlace(), { isCorrection: true }))).toEqual([]);
    expect(warningsToConfirm("utskrivningsmeddelande", context(nothingInPlace(), { mode: "efterregistrering" }))).toEqual([]);
    // The warnings are still shown.
    expect(preflightWarnings("utskrivningsmeddelande", context(nothingInPlace(), { isCorrection: true }))).toHaveLength(4);
  });

  it("passes what must be confirmed through checkSend", () => {
    const res = checkSend(nothingInPlace(), send("utskrivningsmeddelande", WARD, ALL_OTHERS));
    expect(res.ok && res.toConfirm).toEqual([NO_CONTACT, NO_SIP_CALL]);
  });

  it("never shows a rule number or other internal code in a warning", () => {
    const texts = new Set<string>();
    const cases = [nothingInPlace(), baseFacts({ consents: [] }), notified({ consents: [] }), ready(), answered({ consents: [] })];
    const payloads = [
      {},
      { dischargedAt: at("2026-02-01", "10:00").toISOString(), dischargeAt: at("2026-02-01", "10:00").toISOString() },
      { consentStatus: "unknown", offeredToPatient: false, estimatedDischargeDate: "2026-02-09" },
    ];
    for (const facts of cases) {
      for (const kind of MESSAGE_KINDS) {
        for (const payload of payloads) {
          for (const w of preflightWarnings(kind, context(facts, { payload, at: at("2026-02-12", "10:00") }))) texts.add(w.text);
        }
      }
    }
    expect(texts.size).toBeGreaterThanOrEqual(8);
    for (const t of texts) expect(t).not.toMatch(/\(?\b[A-Z]{1,3}\d+\b\)?|seed|\bN\d/);
  });
});

describe("confirmationRefusal: the server's check of a send that breaks the law's order", () => {
  it("refuses without the confirmation and the reason, in Swedish, naming what is broken", () => {
    const refusal = confirmationRefusal("utskrivningsmeddelande", [NO_CONTACT], null);
    expect(refusal?.message).toBe(`Utskrivningsmeddelande har inte skickats: ${NO_CONTACT}. Bekräfta att du skickar ändå och ange skälet.`);
    expect(refusal?.errors.map((e) => e.path)).toEqual(["confirmation.confirmed", "confirmation.reason"]);
    expect(confirmationRefusal("utskrivningsmeddelande", [NO_CONTACT], { confirmed: true, reason: "   " })?.errors).toEqual([
      { path: "confirmation.reason", message: "Ange skälet till att du skickar ändå" },
    ]);
    expect(confirmationRefusal("utskrivningsmeddelande", [NO_CONTACT], { confirmed: false, reason: "Patienten vill hem" })?.errors).toEqual([
      { path: "confirmation.confirmed", message: "Bekräfta att du skickar trots varningarna" },
    ]);
  });

  it("lets a confirmed send with a reason through, and asks nothing when nothing needs confirming", () => {
    expect(confirmationRefusal("utskrivningsmeddelande", [NO_CONTACT], { confirmed: true, reason: "Vårdcentralen nås inte, patienten vill hem" })).toBeNull();
    expect(confirmationRefusal("utskrivningsmeddelande", [], null)).toBeNull();
  });
});
