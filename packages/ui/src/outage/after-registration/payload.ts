import { KIND_FORMS } from "../../case/forms/registry";
import type { FormValues, KindSpec } from "../../case/forms/spec";
import type { AfterRegistrationEntry } from "../labels";

/**
 * An after-registration item is a message of its kind sent late: its values and its payload come
 * from that kind's message form (case/forms/kinds), so that registering afterwards sends what the
 * form would have sent. The item's editor shows only part of the form: what was not phoned (the
 * API merges the payload over the item's prefill, so the rest is sent as it was phoned).
 */

export type Values = FormValues;

/** The payload fields each kind registers, and whether it has free text beside the message. */
const REGISTERED: Record<string, { fields: readonly string[]; freeText: boolean }> = {
  register_admission: { fields: ["estimatedDischargeDate"], freeText: true },
  register_discharge: { fields: ["dischargePlan", "medicationList", "aidsReturned"], freeText: true },
  register_planning_basis: { fields: ["needs", "adlStatus", "homeSituation", "aids"], freeText: true },
  summary_message: { fields: ["text"], freeText: false },
  confirm_fixed_care_contact: { fields: ["fixedCareContactStaffId", "knownToUnit", "currentServices"], freeText: false },
  formal_sip_call: { fields: ["meetingAt", "place", "video", "videoLink", "participants"], freeText: false },
};

/** The fields each kind's editor shows with their errors (an error on another field is listed in the notice; the video checkbox shows none). */
export function editedFields(kind: string): readonly string[] {
  const registered = REGISTERED[kind];
  if (!registered) return [];
  return [...registered.fields.filter((f) => f !== "video"), ...(registered.freeText ? ["freeText"] : [])];
}

/** The field an API error names: "payload.place" → "place". */
export const fieldOf = (path: string) => path.replace(/^payload\./, "").split(".")[0] ?? "";

/** The field of a summary's recipient group after the first ("text"). */
export const groupField = (i: number) => (i === 0 ? "text" : `text_${i}`);

function formOf(item: AfterRegistrationEntry): KindSpec<FormValues> | null {
  return item.messageKind ? KIND_FORMS[item.messageKind] : null;
}

const text = (v: Values, k: string) => (typeof v[k] === "string" ? (v[k] as string) : "");

/** The editable values of an item: its kind's form values read from the prefill. */
export function initialValues(item: AfterRegistrationEntry): Values {
  const form = formOf(item);
  const registered = REGISTERED[item.kind];
  if (!form || !registered) return {};
  const values: Values = form.fromPayload(item.prefill.payload);
  if (registered.freeText) values.freeText = item.prefill.freeText ?? "";
  const groups = item.prefill.recipientGroups ?? [];
  if (item.kind === "summary_message") {
    // One text per group of recipients who may read the same; the first is the message's own text.
    values.text = groups[0]?.text ?? values.text;
    groups.slice(1).forEach((g, i) => (values[groupField(i + 1)] = g.text));
  }
  return values;
}

/** The payload and free text to register (merged by the API over the prefill), and a summary's texts per group. */
export function toInput(
  item: AfterRegistrationEntry,
  values: Values,
): { payload: Record<string, unknown> | null; freeText: string | null; summaryTexts?: string[] } {
  const form = formOf(item);
  const registered = REGISTERED[item.kind];
  if (!form || !registered) return { payload: null, freeText: null };
  const full = form.toPayload(values, { baseVersion: 0 });
  const payload = Object.fromEntries(registered.fields.map((f) => [f, full[f]]));
  const groups = item.prefill.recipientGroups ?? [];
  return {
    payload,
    freeText: registered.freeText ? text(values, "freeText").trim() || null : null,
    ...(groups.length ? { summaryTexts: groups.map((_, i) => text(values, groupField(i)).trim()) } : {}),
  };
}
