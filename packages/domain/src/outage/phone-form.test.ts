import { describe, expect, it } from "vitest";
import { parseFormInstant, parsePhoneContactForm, type PhoneFormResult } from "./phone-form";
import { at, BIST } from "./test-fixtures";

const NOW = at("2026-03-02", "14:05");
const CASE = "11111111-2222-4333-8444-555555555555";
const base = { caseId: CASE, counterpartName: "Anna Berg", counterpartUnitId: BIST, steps: ["inskrivning"], direction: "lamnat" };
const ok = (r: PhoneFormResult) => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const errors = (r: PhoneFormResult): Record<string, string> => (r.ok ? {} : Object.fromEntries(r.errors.map((e) => [e.path, e.message])));

describe("Logga telefonkontakt: quick to fill", () => {
  it("needs only the case, the counterpart, a step and given/received; the time is now", () => {
    const v = ok(parsePhoneContactForm(base, { now: NOW }));
    expect(v).toMatchObject({
      occurredAt: NOW,
      caseId: CASE,
      patientIdentifier: null,
      counterpartKind: "enhet",
      counterpartName: "Anna Berg",
      counterpartUnitId: BIST,
      counterpartUnitText: null,
      steps: ["inskrivning"],
      direction: "lamnat",
      comment: null,
      receiverConfirmed: false,
      details: {},
    });
  });

  it("a bare clock time is today on the Stockholm clock; a time later than now is yesterday's (the call before midnight)", () => {
    expect(ok(parsePhoneContactForm({ ...base, time: "13.50" }, { now: NOW })).occurredAt).toEqual(at("2026-03-02", "13:50"));
    const justAfterMidnight = at("2026-03-03", "00:10");
    expect(ok(parsePhoneContactForm({ ...base, time: "23:55" }, { now: justAfterMidnight })).occurredAt).toEqual(at("2026-03-02", "23:55"));
    expect(ok(parsePhoneContactForm({ ...base, date: "2026-03-01", time: "0930" }, { now: NOW })).occurredAt).toEqual(at("2026-03-01", "09:30"));
  });

  it("says in Swedish what is missing", () => {
    const r = parsePhoneContactForm({ caseId: CASE, steps: [] }, { now: NOW });
    expect(r.ok).toBe(false);
    const e = errors(r);
    expect(e.steps).toBe("Välj minst ett moment");
    expect(e.direction).toBe("Välj om informationen lämnades eller togs emot");
    const e2 = errors(parsePhoneContactForm({ caseId: CASE, steps: ["inskrivning"], direction: "lamnat" }, { now: NOW }));
    expect(e2.counterpartName).toBe("Ange namnet på den du talade med");
    expect(e2.counterpartUnitText).toBe("Ange den andra partens enhet");
    expect(errors(parsePhoneContactForm({ ...base, caseId: undefined }, { now: NOW })).patientIdentifier).toBe(
      "Välj patientens ärende eller ange personnummer",
    );
  });

  it("asks for each step's content: the date, the discharge time, the SIP time, the consents", () => {
    const e = errors(
      parsePhoneContactForm({ ...base, steps: ["beraknat_utskrivningsdatum", "faktiskt_utskrivningsdatum", "sip_datum", "samtycke"] }, { now: NOW }),
    );
    expect(e).toEqual({
      estimatedDischargeDate: "Ange det beräknade utskrivningsdatumet",
      dischargeAt: "Ange tiden för utskrivningen",
      sipAt: "Ange datum och tid för SIP-mötet",
      consents: "Ange vilka samtycken som överlämnades",
    });
  });

  it("keeps the content of the ticked steps only, times as instants, steps in process order", () => {
    const v = ok(
      parsePhoneContactForm(
        {
          ...base,
          steps: ["sip_datum", "samtycke", "beraknat_utskrivningsdatum"],
          estimatedDischargeDate: "2026-03-06",
          sipAt: "2026-03-09 13:00",
          dischargeAt: "2026-03-06 10:00",
          consents: [{ kind: "npo", given: true }],
          comment: "  Ring tillbaka efter 15  ",
        },
        { now: NOW },
      ),
    );
    expect(v.steps).toEqual(["beraknat_utskrivningsdatum", "samtycke", "sip_datum"]);
    expect(v.details).toEqual({
      estimatedDischargeDate: "2026-03-06",
      sipAt: at("2026-03-09", "13:00").toISOString(),
      consents: [{ kind: "npo", given: true }],
    });
    expect(v.comment).toBe("Ring tillbaka efter 15");
  });

  it("a received entry is the receiver's own confirmation", () => {
    expect(ok(parsePhoneContactForm({ ...base, direction: "mottaget" }, { now: NOW })).receiverConfirmed).toBe(true);
    expect(ok(parsePhoneContactForm({ ...base, receiverConfirmed: true }, { now: NOW })).receiverConfirmed).toBe(true);
  });

  it("a patient without a case: by personnummer, validated", () => {
    const v = ok(parsePhoneContactForm({ ...base, caseId: undefined, patientIdentifier: "19121212-1212" }, { now: NOW }));
    expect(v.patientIdentifier).toMatchObject({ kind: "personnummer", value: "191212121212" });
    expect(errors(parsePhoneContactForm({ ...base, caseId: undefined, patientIdentifier: "19121212-1213" }, { now: NOW })).patientIdentifier).toBe(
      "Ogiltigt personnummer: kontrollsiffran stämmer inte",
    );
    expect(errors(parsePhoneContactForm({ ...base, patientIdentifier: "19121212-1212" }, { now: NOW })).patientIdentifier).toBe(
      "Ange antingen ärende eller personnummer, inte båda",
    );
  });

  it("a call with the patient needs no unit and is named 'Patienten' by default", () => {
    const v = ok(parsePhoneContactForm({ caseId: CASE, counterpartKind: "patient", steps: ["utskrivningsmeddelande"], direction: "lamnat" }, { now: NOW }));
    expect(v).toMatchObject({ counterpartKind: "patient", counterpartName: "Patienten", counterpartUnitId: null });
  });

  it("the call lies within the outage and not in the future", () => {
    const outage = { startedAt: at("2026-03-02", "08:00"), endedAt: null };
    expect(errors(parsePhoneContactForm({ ...base, time: "07:30" }, { now: NOW, outage })).occurredAt).toBe(
      "Samtalet kan inte ligga före driftstörningens början",
    );
    expect(errors(parsePhoneContactForm({ ...base, occurredAt: "2026-03-02T15:00:00+01:00" }, { now: NOW })).occurredAt).toBe(
      "Tidpunkten för samtalet kan inte ligga i framtiden",
    );
    expect(errors(parsePhoneContactForm({ ...base, occurredAt: "i morse" }, { now: NOW })).occurredAt).toContain("måste vara en tidpunkt");
  });
});

describe("parseFormInstant", () => {
  it("reads ISO with offset, and wall-clock time in Stockholm across the changes", () => {
    expect(parseFormInstant("2026-03-02T14:30:00+01:00")?.toISOString()).toBe("2026-03-02T13:30:00.000Z");
    expect(parseFormInstant("2026-03-29 03:30")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(parseFormInstant("2026-10-25T01:30")?.toISOString()).toBe("2026-10-24T23:30:00.000Z");
    expect(parseFormInstant("2026-03-02 25:00")).toBeNull();
    expect(parseFormInstant("2026-02-30 10:00")).toBeNull();
  });
});
