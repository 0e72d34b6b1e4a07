import "../zod-csp";
import * as z from "zod";
// The Swedish locale alone: `z.locales.sv` would bring every locale zod has into the browser.
import swedish from "zod/v4/locales/sv.js";
import { addDaysToIsoDate, stockholmDate, stockholmInstant } from "../time/stockholm";
import { CONSENT_KINDS } from "../case/types";
import type { PayloadError } from "../case/payloads";
import { parsePatientIdentifier, type PatientIdentifier } from "../patient/identifier";
import {
  COUNTERPART_KINDS,
  PHONE_DIRECTIONS,
  PHONE_STEPS,
  type CounterpartKind,
  type PhoneContactDetails,
  type PhoneDirection,
  type PhoneStep,
  type OutageWindow,
} from "./types";

/**
 * "Logga telefonkontakt": the Västernorrland routine's outage form as a form, quick to fill during a
 * call. Everything but the counterpart's name, the step(s) and given/received has a default:
 * the time is now; a bare "HH:MM" is today on the Stockholm clock (yesterday when that would lie
 * in the future: the call before midnight logged after it). The step's content is asked only for
 * the steps that carry one: the date for "Beräknat utskrivningsdatum", the time for "Faktiskt
 * utskrivningsdatum", the meeting time for "SIP-datum", the consents for "Samtycke överlämnat".
 * Times without an offset ("2026-03-29 14:30") are read on the Stockholm clock.
 */

type Issue = { input?: unknown };
const missingOr = (missing: string, invalid: string) => (iss: Issue) => (iss.input === undefined || iss.input === null ? missing : invalid);

/** "" and null from a form are "not filled in". */
const blank = (v: unknown): unknown => (v === "" || v === null ? undefined : v);

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2})[:.](\d{2})$/;
const CLOCK = /^(\d{1,2})[:.]?(\d{2})$/;

/** An instant from ISO with offset, or "YYYY-MM-DD HH:MM" on the Stockholm clock; null if neither. */
export function parseFormInstant(text: string): Date | null {
  const s = text.trim();
  if (ISO_WITH_OFFSET.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? null : new Date(t);
  }
  const m = LOCAL_DATE_TIME.exec(s);
  if (!m) return null;
  return wallClock(m[1] ?? "", m[2] ?? "", m[3] ?? "");
}

function wallClock(date: string, hour: string, minute: string): Date | null {
  if (Number(hour) > 23 || Number(minute) > 59) return null;
  try {
    return stockholmInstant(date, `${hour.padStart(2, "0")}:${minute}`);
  } catch {
    return null;
  }
}

const instantText = (label: string) =>
  z.preprocess(
    blank,
    z
      .string({ error: missingOr(`${label} måste anges`, `${label} måste vara text`) })
      .refine((s) => parseFormInstant(s) !== null, { error: `${label} måste vara en tidpunkt, t.ex. 2026-03-02 14:30` })
      .optional(),
  );

const isoDate = (label: string) => z.preprocess(blank, z.iso.date({ error: `${label} måste vara ett datum (ÅÅÅÅ-MM-DD)` }).optional());

const optText = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : blank(v)),
    z
      .string({ error: `${label} måste vara text` })
      .trim()
      .max(max, { error: `${label} får vara högst ${max} tecken` })
      .optional(),
  );

export const phoneContactFormSchema = z
  .object({
    /** ISO with offset or "YYYY-MM-DD HH:MM"; absent = now (or `date` + `time`). */
    occurredAt: instantText("Tidpunkten"),
    date: isoDate("Datumet"),
    time: z.preprocess(blank, z.string({ error: "Klockslaget måste vara text" }).regex(CLOCK, { error: "Ange klockslaget som TT:MM, t.ex. 14:30" }).optional()),
    caseId: z.preprocess(blank, z.uuid({ error: "Ogiltig ärendereferens" }).optional()),
    /** Personnummer, samordningsnummer or reservnummer of a patient without a case (a provisional case). */
    patientIdentifier: optText("Personnumret", 20),
    counterpartKind: z.preprocess(blank, z.enum(COUNTERPART_KINDS, { error: "Ogiltigt val av motpart" }).default("enhet")),
    counterpartName: optText("Namnet på den du talade med", 200),
    counterpartUnitId: z.preprocess(blank, z.uuid({ error: "Ogiltig enhet" }).optional()),
    counterpartUnitText: optText("Enheten", 200),
    steps: z
      .array(z.enum(PHONE_STEPS, { error: "Okänt moment" }), {
        error: missingOr("Välj minst ett moment", "Momenten måste anges som en lista"),
      })
      .min(1, { error: "Välj minst ett moment" }),
    direction: z.enum(PHONE_DIRECTIONS, {
      error: missingOr("Välj om informationen lämnades eller togs emot", "Ogiltigt val av lämnat/mottaget"),
    }),
    comment: optText("Kommentaren", 2000),
    receiverConfirmed: z.preprocess(blank, z.boolean({ error: "Svaret på om mottagaren bekräftat måste vara ja eller nej" }).default(false)),
    estimatedDischargeDate: isoDate("Beräknat utskrivningsdatum"),
    dischargeAt: instantText("Utskrivningstiden"),
    sipAt: instantText("Tiden för SIP-mötet"),
    readyDecidedAt: instantText("Beslutstiden för utskrivningsklar"),
    consents: z.preprocess(
      blank,
      z
        .array(
          z.object({
            kind: z.enum(CONSENT_KINDS, { error: "Välj samtyckestyp" }),
            given: z.boolean({ error: "Ange om samtycke har lämnats" }),
          }),
          { error: "Samtyckena måste anges som en lista" },
        )
        .optional(),
    ),
  })
  .superRefine((f, ctx) => {
    const need = (ok: boolean, path: string, message: string): void => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (f.caseId && f.patientIdentifier) {
      ctx.addIssue({ code: "custom", path: ["patientIdentifier"], message: "Ange antingen ärende eller personnummer, inte båda" });
    }
    need(Boolean(f.caseId || f.patientIdentifier), "patientIdentifier", "Välj patientens ärende eller ange personnummer");
    if (f.counterpartKind === "enhet") {
      need(Boolean(f.counterpartName), "counterpartName", "Ange namnet på den du talade med");
      need(Boolean(f.counterpartUnitId || f.counterpartUnitText), "counterpartUnitText", "Ange den andra partens enhet");
    }
    if (f.occurredAt && (f.date || f.time)) {
      ctx.addIssue({ code: "custom", path: ["occurredAt"], message: "Ange tidpunkten på ett sätt: tidpunkt eller datum och klockslag" });
    }
    if (f.date && !f.time) need(false, "time", "Ange klockslaget");
    if (new Set(f.steps).size !== f.steps.length) need(false, "steps", "Samma moment får bara väljas en gång");
    const has = (s: PhoneStep): boolean => f.steps.includes(s);
    if (has("beraknat_utskrivningsdatum")) {
      need(Boolean(f.estimatedDischargeDate), "estimatedDischargeDate", "Ange det beräknade utskrivningsdatumet");
    }
    if (has("faktiskt_utskrivningsdatum")) need(Boolean(f.dischargeAt), "dischargeAt", "Ange tiden för utskrivningen");
    if (has("sip_datum")) need(Boolean(f.sipAt), "sipAt", "Ange datum och tid för SIP-mötet");
    if (has("samtycke")) need((f.consents ?? []).length > 0, "consents", "Ange vilka samtycken som överlämnades");
    const kinds = (f.consents ?? []).map((c) => c.kind);
    if (new Set(kinds).size !== kinds.length) need(false, "consents", "Samma samtyckestyp får bara anges en gång");
  });

export type PhoneContactFormInput = z.input<typeof phoneContactFormSchema>;

/** The validated form, ready to store as a phone_contacts row (with the logging unit and signer added). */
export interface PhoneContactForm {
  occurredAt: Date;
  caseId: string | null;
  /** Set when the patient had no case: the API finds the patient or opens a provisional case. */
  patientIdentifier: PatientIdentifier | null;
  counterpartKind: CounterpartKind;
  counterpartName: string;
  counterpartUnitId: string | null;
  counterpartUnitText: string | null;
  /** In process order, unique. */
  steps: PhoneStep[];
  direction: PhoneDirection;
  comment: string | null;
  receiverConfirmed: boolean;
  details: PhoneContactDetails;
}

export interface PhoneFormContext {
  now: Date;
  /** The outage the call belongs to: a call cannot lie before it started or after it ended. */
  outage?: Pick<OutageWindow, "startedAt" | "endedAt">;
}

export type PhoneFormResult = { ok: true; value: PhoneContactForm } | { ok: false; errors: PayloadError[] };

/** Clocks of two machines differ a little; a call "in the future" by less than this is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;
const swedishErrors = swedish().localeError;

/** Validate "Logga telefonkontakt". Never throws; every message is Swedish. */
export function parsePhoneContactForm(input: unknown, ctx: PhoneFormContext): PhoneFormResult {
  const parsed = phoneContactFormSchema.safeParse(input ?? {}, { error: swedishErrors });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) };
  }
  const f = parsed.data;
  const errors: PayloadError[] = [];

  const occurredAt = resolveTime(f, ctx.now);
  if (!occurredAt) return { ok: false, errors: [{ path: "time", message: "Ogiltigt datum eller klockslag" }] };
  if (occurredAt.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) {
    errors.push({ path: "occurredAt", message: "Tidpunkten för samtalet kan inte ligga i framtiden" });
  }
  if (ctx.outage && occurredAt.getTime() < ctx.outage.startedAt.getTime()) {
    errors.push({ path: "occurredAt", message: "Samtalet kan inte ligga före driftstörningens början" });
  }
  if (ctx.outage?.endedAt && occurredAt.getTime() > ctx.outage.endedAt.getTime()) {
    errors.push({ path: "occurredAt", message: "Samtalet kan inte ligga efter driftstörningens slut" });
  }

  let patientIdentifier: PatientIdentifier | null = null;
  if (f.patientIdentifier) {
    const id = parsePatientIdentifier(f.patientIdentifier, { now: ctx.now });
    if (id.ok) patientIdentifier = id.value;
    else errors.push({ path: "patientIdentifier", message: id.error });
  }
  if (errors.length > 0) return { ok: false, errors };

  const has = (s: PhoneStep): boolean => f.steps.includes(s);
  const iso = (s: string | undefined): string | undefined => (s ? parseFormInstant(s)?.toISOString() : undefined);
  const details: PhoneContactDetails = {};
  if (f.estimatedDischargeDate && has("beraknat_utskrivningsdatum")) details.estimatedDischargeDate = f.estimatedDischargeDate;
  if (f.dischargeAt && (has("faktiskt_utskrivningsdatum") || has("utskrivningsmeddelande"))) details.dischargeAt = iso(f.dischargeAt);
  if (f.sipAt && has("sip_datum")) details.sipAt = iso(f.sipAt);
  if (f.consents && f.consents.length > 0 && has("samtycke")) details.consents = f.consents;
  if (f.readyDecidedAt && has("utskrivningsklar")) details.readyDecidedAt = iso(f.readyDecidedAt);

  const patient = f.counterpartKind === "patient";
  return {
    ok: true,
    value: {
      occurredAt,
      caseId: f.caseId ?? null,
      patientIdentifier,
      counterpartKind: f.counterpartKind,
      counterpartName: f.counterpartName ?? (patient ? "Patienten" : ""),
      counterpartUnitId: patient ? null : (f.counterpartUnitId ?? null),
      counterpartUnitText: patient ? null : (f.counterpartUnitText ?? null),
      steps: PHONE_STEPS.filter((s) => has(s)),
      direction: f.direction,
      comment: f.comment ?? null,
      // A received entry is the receiver's own record: it confirms receipt by being logged.
      receiverConfirmed: f.direction === "mottaget" ? true : f.receiverConfirmed,
      details,
    },
  };
}

function resolveTime(f: { occurredAt?: string; date?: string; time?: string }, now: Date): Date | null {
  if (f.occurredAt) return parseFormInstant(f.occurredAt);
  if (!f.time) return now;
  const m = CLOCK.exec(f.time);
  if (!m) return null;
  const [hour = "", minute = ""] = [m[1], m[2]];
  if (f.date) return wallClock(f.date, hour, minute);
  const today = stockholmDate(now);
  const at = wallClock(today, hour, minute);
  if (at && at.getTime() > now.getTime() + CLOCK_SKEW_MS) return wallClock(addDaysToIsoDate(today, -1), hour, minute);
  return at;
}
