import { describe, expect, it } from "vitest";
import { checkSend } from "./transitions";
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
    expect(warnings).toContain("Vårdcentralen har inte utsett någon fast vårdkontakt, vilket ska ske före utskrivningen");
    expect(warnings).toContain("Ingen kallelse till SIP har skickats, fast både kommunen och öppenvården behövs efter utskrivningen");
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
