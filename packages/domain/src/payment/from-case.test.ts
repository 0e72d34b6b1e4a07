import { describe, expect, it } from "vitest";
import { at, baseFacts, discharged, event, KOMMUN, notified, OUTSIDER, ready, VC, WARD, withEvents, HSV, samplePayload } from "../case/test-fixtures";
import { LAW_DEFAULT_MODEL } from "./agreement";
import { computeCasePayment } from "./engine";
import { paymentInputFromCase } from "./from-case";
import { TEST_AMOUNTS } from "./test-fixtures";

/**
 * The case fixtures: admitted Mon 2 Feb 2026 10:00, admission notice 14:00 to the kommun, the
 * vårdcentral and hemsjukvården; ready Fri 6 Feb 11:00; discharge Mon 9 Feb 10:00.
 */

const dischargeAt = (date: string, time: string) =>
  event("utskrivningsmeddelande", at(date, time), WARD, [KOMMUN, VC, HSV], {
    ...samplePayload("utskrivningsmeddelande"),
    dischargedAt: at(date, time).toISOString(),
  });

describe("the engine's input from a case's messages", () => {
  it("reads the admission notice, the ready notice, the discharge, the SIP need and the care type", () => {
    const input = paymentInputFromCase("fall-1", discharged());
    expect(input).toMatchObject({
      caseId: "fall-1",
      careType: "somatisk",
      lpt: false,
      lrv: false,
      admissionNoticeToMunicipalityAt: at("2026-02-02", "14:00"),
      readyNotices: [{ sentAt: at("2026-02-06", "11:00"), toMunicipality: true, withdrawnAt: null }],
      sip: { needed: true, calledAt: null },
      endedAt: at("2026-02-09", "10:00"),
    });
  });

  it("a withdrawal and a new notice become two notices, the first withdrawn", () => {
    const facts = withEvents(
      ready(),
      event("ej_utskrivningsklar", at("2026-02-07", "08:00"), WARD, [KOMMUN, VC, HSV]),
      event("utskrivningsklar", at("2026-02-10", "09:00"), WARD, [KOMMUN, VC, HSV]),
    );
    expect(paymentInputFromCase("f", facts).readyNotices).toEqual([
      { sentAt: at("2026-02-06", "11:00"), toMunicipality: true, withdrawnAt: at("2026-02-07", "08:00") },
      { sentAt: at("2026-02-10", "09:00"), toMunicipality: true, withdrawnAt: null },
    ]);
  });

  it("counts an after-registered message at its original time, whatever order it was registered in", () => {
    // During an outage the ward notified the kommun by phone on Mon 2 Feb 14:00 and the patient was
    // ready Fri 6 Feb 11:00; both were registered afterwards (appended last), with their original
    // times as occurredAt. Discharged Wed 11 Feb 10:00: Sat 7 – Mon 9 free, Tue 10 and Wed 11 paid.
    const facts = withEvents(
      baseFacts(),
      dischargeAt("2026-02-11", "10:00"),
      event("inskrivningsmeddelande", at("2026-02-02", "14:00"), WARD, [KOMMUN, VC, HSV]),
      event("utskrivningsklar", at("2026-02-06", "11:00"), WARD, [KOMMUN, VC, HSV]),
    );
    const input = paymentInputFromCase("f", facts);
    expect(input.admissionNoticeToMunicipalityAt).toEqual(at("2026-02-02", "14:00"));
    expect(input.readyNotices[0]!.sentAt).toEqual(at("2026-02-06", "11:00"));
    const r = computeCasePayment(input, LAW_DEFAULT_MODEL, { asOf: at("2026-03-01"), amounts: TEST_AMOUNTS });
    expect(r.days.filter((d) => d.payment).map((d) => d.date)).toEqual(["2026-02-10", "2026-02-11"]);
  });

  it("knows when the paying kommun was not a recipient", () => {
    const facts = withEvents(baseFacts(), event("utskrivningsklar", at("2026-02-06", "11:00"), WARD, [VC]));
    const input = paymentInputFromCase("f", facts);
    expect(input.admissionNoticeToMunicipalityAt).toBeNull();
    expect(input.readyNotices[0]!.toMunicipality).toBe(false);
  });

  it("only the paying kommun's units count when they are named", () => {
    // The notice went to OUTSIDER (another kommun's unit), not to KOMMUN.
    const facts = withEvents(
      baseFacts({ parties: [...baseFacts().parties, { unitId: OUTSIDER, role: "kommun" }] }),
      event("inskrivningsmeddelande", at("2026-02-02", "14:00"), WARD, [OUTSIDER]),
      event("utskrivningsklar", at("2026-02-06", "11:00"), WARD, [OUTSIDER]),
    );
    const paying = paymentInputFromCase("f", facts, [KOMMUN, HSV]);
    expect(paying.admissionNoticeToMunicipalityAt).toBeNull();
    expect(paying.readyNotices[0]!.toMunicipality).toBe(false);
    expect(paymentInputFromCase("f", facts).admissionNoticeToMunicipalityAt).toEqual(at("2026-02-02", "14:00"));
  });

  it("a kallelse till SIP is the first one sent", () => {
    const facts = withEvents(
      discharged(),
      event("kallelse_sip", at("2026-02-08", "12:00"), VC, [WARD, KOMMUN]),
      event("kallelse_sip", at("2026-02-07", "12:00"), VC, [WARD, KOMMUN]),
    );
    expect(paymentInputFromCase("f", facts).sip).toEqual({ needed: true, calledAt: at("2026-02-07", "12:00") });
  });

  it("a voided case has no stay to pay for; a closed one ends at its closing when no discharge was sent", () => {
    const voided = withEvents(ready(), event("avslut", at("2026-02-20", "09:00"), WARD, [KOMMUN], { reason: "makulerad" }));
    expect(paymentInputFromCase("f", voided).readyNotices).toEqual([]);
    const died = withEvents(ready(), event("avslut", at("2026-02-12", "09:00"), WARD, [KOMMUN], { reason: "avliden" }));
    expect(paymentInputFromCase("f", died).endedAt).toEqual(at("2026-02-12", "09:00"));
  });

  it("carries psychiatric care and LPT", () => {
    const input = paymentInputFromCase("f", notified({ careType: "psykiatrisk", lpt: true }));
    expect(input).toMatchObject({ careType: "psykiatrisk", lpt: true, lrv: false, readyNotices: [], endedAt: null });
  });
});
