import { describe, expect, it } from "vitest";
import { parseMessagePayload } from "@vardkedjan/domain/case/payloads";
import type { AfterRegistrationEntry } from "../labels";
import { editedFields, initialValues, toInput } from "./payload";

/**
 * An item registered after an outage sends what its kind's message form would send: the values
 * start from the prefill, the payload comes from the form's mapping, and the API merges it over
 * the prefill (`{ ...prefill, ...payload }`), so what was phoned and not edited stays.
 */

function item(kind: string, messageKind: string | null, payload: Record<string, unknown>, prefill: Record<string, unknown> = {}): AfterRegistrationEntry {
  return {
    id: "00000000-0000-4000-8000-0000000000a1",
    kind,
    messageKind,
    title: "Posten",
    prefill: { payload, freeText: null, consents: [], notes: [], ...prefill },
  } as unknown as AfterRegistrationEntry;
}

const merged = (i: AfterRegistrationEntry, values: Record<string, unknown>) => ({ ...i.prefill.payload, ...(toInput(i, values).payload ?? {}) });

describe("after-registration uses the message forms' payload mapping", () => {
  it("a SIP time agreed by phone is sent as phoned, with the place typed afterwards", () => {
    const meetingAt = "2026-03-29T08:30:00.000Z";
    const sip = item("formal_sip_call", "kallelse_sip", { meetingAt, video: false, participants: ["Anna Ek", "Patienten"], consentStatus: "given" });
    const values = initialValues(sip);
    expect(values).toMatchObject({ meetingAt: "2026-03-29T10:30", video: false, participants: "Anna Ek\nPatienten" });
    const payload = merged(sip, { ...values, place: " Avd 12, samtalsrummet " });
    expect(payload).toMatchObject({ meetingAt, participants: ["Anna Ek", "Patienten"], consentStatus: "given" });
    const parsed = parseMessagePayload("kallelse_sip", payload);
    expect(parsed.ok && parsed.payload).toMatchObject({ meetingAt, place: "Avd 12, samtalsrummet", video: false });
  });

  it("a discharge keeps the time it happened (the prefill) and sends the plan and list typed from paper", () => {
    const dischargedAt = "2026-03-29T09:12:34.000Z";
    const discharge = item("register_discharge", "utskrivningsmeddelande", { dischargedAt });
    const values = {
      ...initialValues(discharge),
      dischargePlan: "Hemtjänst 2 ggr/dag",
      medicationList: "Enligt lista i kuvert",
      freeText: "  Ringt till hemtjänsten ",
    };
    const input = toInput(discharge, values);
    expect(Object.keys(input.payload ?? {}).sort()).toEqual(["aidsReturned", "dischargePlan", "medicationList"]);
    expect(input.freeText).toBe("Ringt till hemtjänsten");
    const parsed = parseMessagePayload("utskrivningsmeddelande", merged(discharge, values));
    expect(parsed.ok && parsed.payload).toMatchObject({ dischargedAt, dischargePlan: "Hemtjänst 2 ggr/dag" });
  });

  it("a required field left empty is refused by the domain, as on the message form", () => {
    const discharge = item("register_discharge", "utskrivningsmeddelande", { dischargedAt: "2026-03-29T09:12:34.000Z" });
    const parsed = parseMessagePayload("utskrivningsmeddelande", merged(discharge, initialValues(discharge)));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.path)).toEqual(expect.arrayContaining(["dischargePlan", "medications"]));
  });

  it("the fast vårdkontakt's answer maps ja/nej to a boolean, as the answer to the admission notice does", () => {
    const confirm = item("confirm_fixed_care_contact", "svar_pa_inskrivning", {});
    expect(initialValues(confirm)).toMatchObject({ currentServices: "", knownToUnit: "", fixedCareContactStaffId: "" });
    expect(toInput(confirm, { currentServices: "Inga insatser", knownToUnit: "ja", fixedCareContactStaffId: "" }).payload).toMatchObject({
      currentServices: "Inga insatser",
      knownToUnit: true,
      fixedCareContactStaffId: undefined,
    });
  });

  it("a summary for recipients who may read different parts is one text per group", () => {
    const groups = [
      { recipientUnitIds: ["a"], recipientNames: ["Biståndsenheten"], restricted: false, text: "Allt" },
      { recipientUnitIds: ["b"], recipientNames: ["Hemtjänsten"], restricted: true, text: "Delar" },
    ];
    const summary = item("summary_message", "generellt", { subject: "Sammanfattning", text: "Allt" }, { recipientGroups: groups });
    const values = initialValues(summary);
    expect(values).toMatchObject({ text: "Allt", text_1: "Delar" });
    expect(toInput(summary, { ...values, text_1: " Delar, kompletterat " })).toMatchObject({ freeText: null, summaryTexts: ["Allt", "Delar, kompletterat"] });
  });

  it("an acknowledgement sends no payload, and the editor shows its fields' errors", () => {
    expect(toInput(item("acknowledge", null, {}), {})).toEqual({ payload: null, freeText: null });
    expect(editedFields("formal_sip_call")).toEqual(["meetingAt", "place", "videoLink", "participants"]);
    expect(editedFields("register_admission")).toEqual(["estimatedDischargeDate", "freeText"]);
  });
});
