import "../zod-csp";
import * as z from "zod";
import { isValidHsaId } from "../identity/hsa-id";
import { parsePatientIdentifier, type PatientIdentifier } from "../patient/identifier";
import { addDaysToIsoDate, stockholmInstant } from "../time/stockholm";

/**
 * What a reviewer may search the access log by: patient (personnummer, samordningsnummer or
 * reservnummer, validated like everywhere else), staff member (HSA-id or part of the name), unit
 * (HSA-id) and a period of Stockholm dates. The personnummer travels only in a POST body (tRPC
 * input), never in a URL. Errors are Swedish and per field.
 */

export const AUDIT_PAGE_SIZE = 50;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v === "" ? undefined : v));

const isoDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v))
  .refine((v) => v === undefined || isRealIsoDate(v), "Ange datumet som ÅÅÅÅ-MM-DD");

function isRealIsoDate(v: string): boolean {
  if (!ISO_DATE.test(v)) return false;
  const [y, m, d] = v.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const auditCursorSchema = z.object({ at: z.date(), id: z.number().int().nonnegative() });
export type AuditCursor = z.infer<typeof auditCursorSchema>;

export const auditSearchSchema = z
  .object({
    patient: optionalText(40, "Patientens identitet är för lång"),
    staff: optionalText(100, "Medarbetarens namn eller HSA-id är för långt"),
    unitHsaId: optionalText(31, "Enhetens HSA-id är för långt").refine(
      (v) => v === undefined || isValidHsaId(v),
      "Ange enhetens HSA-id, t.ex. SE2321000032-MSEAVD12",
    ),
    from: isoDate,
    to: isoDate,
    cursor: auditCursorSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.patient !== undefined) {
      const parsed = parsePatientIdentifier(v.patient);
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["patient"], message: parsed.error });
    }
    if (!v.patient && !v.staff && !v.unitHsaId && !v.from && !v.to) {
      ctx.addIssue({ code: "custom", path: ["patient"], message: "Ange patient, medarbetare, enhet eller en tidsperiod att söka på" });
    }
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Slutdatumet ligger före startdatumet" });
  });
export type AuditSearchInput = z.input<typeof auditSearchSchema>;

export interface AuditSearchCriteria {
  patient?: PatientIdentifier;
  /** Exact HSA-id, or a part of the name. */
  staff?: { hsaId: string } | { nameContains: string };
  unitHsaId?: string;
  /** Inclusive start instant (Stockholm midnight of `from`). */
  fromAt?: Date;
  /** Exclusive end instant (Stockholm midnight after `to`). */
  toAt?: Date;
  cursor?: AuditCursor;
}

/** The parsed form of a validated search, ready for the service. */
export function toSearchCriteria(v: z.output<typeof auditSearchSchema>): AuditSearchCriteria {
  const patient = v.patient ? parsePatientIdentifier(v.patient) : undefined;
  return {
    ...(patient?.ok ? { patient: patient.value } : {}),
    ...(v.staff ? { staff: isValidHsaId(v.staff) ? { hsaId: v.staff } : { nameContains: v.staff } } : {}),
    ...(v.unitHsaId ? { unitHsaId: v.unitHsaId } : {}),
    ...(v.from ? { fromAt: stockholmInstant(v.from) } : {}),
    ...(v.to ? { toAt: stockholmInstant(addDaysToIsoDate(v.to, 1)) } : {}),
    ...(v.cursor ? { cursor: v.cursor } : {}),
  };
}

/** A stickprov's period and size. */
export const auditSampleSchema = z
  .object({
    from: isoDate.refine((v) => v !== undefined, "Ange periodens första dag"),
    to: isoDate.refine((v) => v !== undefined, "Ange periodens sista dag"),
    size: z
      .number({ error: "Ange hur många åtkomster som ska granskas" })
      .int("Ange ett heltal")
      .min(1, "Ange minst 1")
      .max(200, "Högst 200 åtkomster per stickprov"),
    seed: z
      .string()
      .trim()
      .regex(/^[0-9a-f]{0,32}$/, "Fröet består av högst 32 tecken 0–9 och a–f")
      .optional()
      .transform((v) => (v === "" ? undefined : v)),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Slutdatumet ligger före startdatumet" });
  });
export type AuditSampleInput = z.input<typeof auditSampleSchema>;
