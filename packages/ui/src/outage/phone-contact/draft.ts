import { CONSENT_KINDS, type ConsentKind } from "@vardkedjan/domain/case/types";
import { isUuid } from "@vardkedjan/domain/ids";
import type { PhoneStep } from "@vardkedjan/domain/outage/types";
import type { FieldError } from "../../kit/call-error";
import { fromLocalInput, newIdempotencyKey, toLocalInput } from "../../kit/format";

/**
 * The phone contact form's draft (kept in this tab while it is typed), the form as the domain's
 * parser takes it, and where the parser's errors belong among the form's controls.
 */

export const DRAFT_KEY = "vk-utkast:telefonkontakt";
export const P = "tk";
export const OTHER_UNIT = "__annan";

export type ConsentAnswer = "" | "ja" | "nej";

export interface PhoneDraft {
  /** Made when the form opened: a double click or a retry logs the call once. */
  key: string;
  date: string;
  time: string;
  patientMode: "arende" | "personnummer";
  caseId: string;
  patientIdentifier: string;
  counterpartKind: "enhet" | "patient";
  counterpartName: string;
  /** A party unit of the case, OTHER_UNIT for free text, "" for not chosen. */
  unitChoice: string;
  counterpartUnitText: string;
  steps: PhoneStep[];
  direction: "" | "lamnat" | "mottaget";
  receiverConfirmed: boolean;
  estimatedDischargeDate: string;
  dischargeAt: string;
  sipAt: string;
  readyDecidedAt: string;
  consents: Record<ConsentKind, ConsentAnswer>;
  comment: string;
}

/** The date and time fields at this minute, on the Stockholm clock. */
export function nowFields(): { date: string; time: string } {
  const now = toLocalInput(new Date());
  return { date: now.slice(0, 10), time: now.slice(11, 16) };
}

export function freshDraft(caseId?: string): PhoneDraft {
  return {
    key: newIdempotencyKey(),
    ...nowFields(),
    patientMode: "arende",
    caseId: isUuid(caseId) ? caseId : "",
    patientIdentifier: "",
    counterpartKind: "enhet",
    counterpartName: "",
    unitChoice: "",
    counterpartUnitText: "",
    steps: [],
    direction: "",
    receiverConfirmed: false,
    estimatedDischargeDate: "",
    dischargeAt: "",
    sipAt: "",
    readyDecidedAt: "",
    consents: { informationsoverforing_kommun: "", informationsoverforing_vardcentral: "", npo: "", sip: "" },
    comment: "",
  };
}

export const isDraft = (v: unknown): v is PhoneDraft =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as PhoneDraft).key === "string" &&
  Array.isArray((v as PhoneDraft).steps) &&
  typeof (v as PhoneDraft).consents === "object";

/**
 * The time as the form sends it. The clock shows minutes, the outage started at a second: a call in
 * the outage's first minute ("04:11" for an outage declared 04:11:30) is sent as the start itself,
 * not refused as lying before the outage.
 */
function timeFields(d: PhoneDraft, outageStart: Date | undefined): { date: string; time: string } | { occurredAt: string } {
  const at = fromLocalInput(`${d.date}T${d.time}`);
  if (at && outageStart && at.getTime() < outageStart.getTime() && outageStart.getTime() - at.getTime() < 60_000)
    return { occurredAt: outageStart.toISOString() };
  return { date: d.date, time: d.time };
}

/** The form as the domain's parser (and the API) take it. */
export function toForm(d: PhoneDraft, outageStart?: Date) {
  const unitId = d.unitChoice && d.unitChoice !== OTHER_UNIT ? d.unitChoice : "";
  const has = (s: PhoneStep) => d.steps.includes(s);
  return {
    ...timeFields(d, outageStart),
    caseId: d.patientMode === "arende" ? d.caseId : "",
    patientIdentifier: d.patientMode === "personnummer" ? d.patientIdentifier.trim() : "",
    counterpartKind: d.counterpartKind,
    counterpartName: d.counterpartName,
    counterpartUnitId: d.counterpartKind === "enhet" ? unitId : "",
    counterpartUnitText: d.counterpartKind === "enhet" && !unitId ? d.counterpartUnitText : "",
    steps: d.steps,
    direction: d.direction || undefined,
    receiverConfirmed: d.direction === "lamnat" ? d.receiverConfirmed : false,
    comment: d.comment,
    estimatedDischargeDate: has("beraknat_utskrivningsdatum") ? d.estimatedDischargeDate : "",
    dischargeAt: has("faktiskt_utskrivningsdatum") || has("utskrivningsmeddelande") ? d.dischargeAt : "",
    sipAt: has("sip_datum") ? d.sipAt : "",
    readyDecidedAt: has("utskrivningsklar") ? d.readyDecidedAt : "",
    consents: has("samtycke") ? CONSENT_KINDS.filter((k) => d.consents[k] !== "").map((k) => ({ kind: k, given: d.consents[k] === "ja" })) : undefined,
  };
}

/** Where an error belongs on this form (the parser names the data, the form has its own controls). */
export function placeError(e: FieldError, d: PhoneDraft): FieldError {
  const top = e.path.split(".")[0] ?? "";
  if (top === "occurredAt" || top === "date") return { ...e, path: top === "date" ? "date" : "time" };
  if (top === "patientIdentifier" && d.patientMode === "arende") return { ...e, path: "caseId" };
  if ((top === "counterpartUnitText" || top === "counterpartUnitId") && d.unitChoice !== OTHER_UNIT && d.patientMode === "arende" && d.caseId)
    return { ...e, path: "unitChoice" };
  if (top === "consents") return { ...e, path: "consents" };
  return { ...e, path: top };
}

/** What a section of the form gets: the draft, its setter, the errors and the control ids. */
export interface SectionProps {
  draft: PhoneDraft;
  set: (patch: Partial<PhoneDraft>) => void;
  error: (path: string) => string | undefined;
  /** A control's id (`tk-` and the field), also the target of the error summary's links. */
  id: (field: string) => string;
}
