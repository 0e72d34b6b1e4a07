import "../zod-csp";
import * as z from "zod";
import { DEFAULT_PAYMENT_THRESHOLD_DAYS } from "../clock/losus";
import { daysText, hourText } from "./text";

/**
 * Agreement models for the kommun's payment responsibility (kommunens betalningsansvar) as data.
 *
 * Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård (LOSUS) is
 * dispositive: region and kommuner agree when payment responsibility starts and what a day
 * costs; the law's rules in 5 kap. apply only where no agreement exists. So an agreement is a
 * versioned row per region (region-wide) or per kommun, valid over a period of calendar days, and
 * its model is one of two kinds:
 *
 * - individuell: per patient, payment from a number of calendar days after the notice that the
 *   patient is ready for discharge was SENT. The law's default (no agreement): three calendar
 *   days, the notice day being day 0 (LOSUS 5 kap.; the research reads "tre kalenderdagar", one
 *   older source says "vardagar" — the paragraph text is still to be read on riksdagen.se).
 *   Stockholm's 2020 rutin: two calendar days after day 0, and day 0 is the notice day only if
 *   the notice went before 12:00; psychiatry five days.
 * - manadsgenomsnitt: Västra Götaland's model (from 2018-09-25): per kommun and calendar month
 *   the average days from the ready notice to discharge; the kommun pays for the days above an
 *   average of 3.0; a stay of more than seven calendar days after ready-for-discharge is taken
 *   out of the average and invoiced individually.
 *
 * The day count, the preconditions and the LPT/LRV handling are explicit fields, because the
 * sources differ and several points are not settled (see the research notes cited per field).
 */

const MAX_DAYS = 90;

const days = (label: string) =>
  z
    .number({ error: `${label} måste vara ett tal (dagar)` })
    .int({ error: `${label} anges i hela dagar` })
    .min(0, { error: `${label} kan inte vara negativt` })
    .max(MAX_DAYS, { error: `${label} får vara högst ${MAX_DAYS} dagar` });

/**
 * Which calendar day (Europe/Stockholm) is day 0 of the count.
 * - noticeDayCounts true: the day the notice was sent is day 0 ("inklusive dag 0"), unless
 *   cutoffHour is set and the notice was sent at or after it (Stockholm: only a notice sent before
 *   12:00 makes that day day 0; a later one starts the count the next day).
 * - noticeDayCounts false: the count starts the day after the notice, whatever the hour.
 */
const dayZeroShape = {
  noticeDayCounts: z.boolean({ error: "Ange om meddelandedagen räknas som dag 0" }),
  cutoffHour: z
    .number({ error: "Brytpunkten måste vara en hel timme" })
    .int({ error: "Brytpunkten måste vara en hel timme" })
    .min(1, { error: "Brytpunkten måste vara 01–23" })
    .max(23, { error: "Brytpunkten måste vara 01–23" })
    .optional(),
};

const cutoffOnlyWhenNoticeDayCounts = (d: { noticeDayCounts: boolean; cutoffHour?: number | undefined }) => d.noticeDayCounts || d.cutoffHour === undefined;
const cutoffError = { error: "En brytpunkt gäller bara när meddelandedagen räknas som dag 0" };

export const dayZeroSchema = z.object(dayZeroShape).strict().refine(cutoffOnlyWhenNoticeDayCounts, cutoffError);
export type DayZero = z.infer<typeof dayZeroSchema>;

/**
 * The individual day count: day 0 as above, then `freeDays` calendar days without payment;
 * payment from 00:00 on day freeDays + 1. The law's default: notice on Monday (day 0), Tuesday to
 * Thursday free, payment from Friday 00:00.
 */
export const dayCountSchema = z
  .object({ ...dayZeroShape, freeDays: days("Antalet dagar före betalningsansvar") })
  .strict()
  .refine(cutoffOnlyWhenNoticeDayCounts, cutoffError);
export type DayCount = z.infer<typeof dayCountSchema>;

/**
 * Compulsory psychiatric care (LPT, LRV): the sources found no rule on how it meets 5 kap.
 * (Stockholm's rutin only says special provisions on planning apply), so each agreement says:
 * - som_psykiatri: counted like other psychiatric care;
 * - undantagen: no payment days while the care is under LPT or LRV;
 * - egen_dagrakning: its own day count.
 */
export const LPT_LRV_HANDLINGS = ["som_psykiatri", "undantagen", "egen_dagrakning"] as const;
export type LptLrvHandlingKind = (typeof LPT_LRV_HANDLINGS)[number];
export const LPT_LRV_LABELS: Record<LptLrvHandlingKind, string> = {
  som_psykiatri: "Som övrig psykiatrisk vård",
  undantagen: "Undantagen från betalningsansvaret",
  egen_dagrakning: "Egen dagräkning",
};
export const lptLrvSchema = z.discriminatedUnion(
  "handling",
  [
    z.object({ handling: z.literal("som_psykiatri") }).strict(),
    z.object({ handling: z.literal("undantagen") }).strict(),
    z.object({ handling: z.literal("egen_dagrakning"), dayCount: dayCountSchema }).strict(),
  ],
  { error: "Välj hur vård enligt LPT eller LRV hanteras" },
);
export type LptLrvHandling = z.infer<typeof lptLrvSchema>;

/**
 * Preconditions as switches. The law's (research: jpinfonet's summary of 5 kap.): the kommun
 * has received both an inskrivningsmeddelande and the notice that the patient is ready for
 * discharge. Västra Götaland's agreement adds: a kallelse till SIP was sent when a SIP is needed.
 */
export const preconditionsSchema = z
  .object({
    admissionNotice: z.boolean({ error: "Ange om inskrivningsmeddelande krävs" }),
    readyNotice: z.boolean({ error: "Ange om meddelande om utskrivningsklar krävs" }),
    sipCallWhenNeeded: z.boolean({ error: "Ange om kallelse till SIP krävs när SIP behövs" }),
  })
  .strict();
export type Preconditions = z.infer<typeof preconditionsSchema>;

const amountKr = z
  .number({ error: "Beloppet måste vara ett tal (kronor)" })
  .int({ error: "Beloppet anges i hela kronor" })
  .min(1, { error: "Beloppet måste vara större än noll" })
  .max(100_000, { error: "Beloppet är orimligt högt för ett vårddygn" });

const common = {
  preconditions: preconditionsSchema,
  lptLrv: lptLrvSchema,
  /** The agreement's own amount per vårddygn; omitted = Socialstyrelsen's amount of each day's year. */
  amountPerDayKr: amountKr.optional(),
};

export const individualModelSchema = z
  .object({
    kind: z.literal("individuell"),
    somatic: dayCountSchema,
    /** Sluten psykiatrisk vård (Stockholm: five days); may equal the somatic count. */
    psychiatric: dayCountSchema,
    ...common,
  })
  .strict();
export type IndividualModel = z.infer<typeof individualModelSchema>;

export const monthlyAverageModelSchema = z
  .object({
    kind: z.literal("manadsgenomsnitt"),
    /** Day 0 of "days after ready-for-discharge" (Västra Götaland: not stated in the sources). */
    dayZero: dayZeroSchema,
    /** The average the kommun may reach without paying (Västra Götaland: 3.0 days). */
    averageDays: z
      .number({ error: "Genomsnittet måste vara ett tal (dagar)" })
      .min(0, { error: "Genomsnittet kan inte vara negativt" })
      .max(MAX_DAYS, { error: `Genomsnittet får vara högst ${MAX_DAYS} dagar` })
      .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, {
        error: "Genomsnittet anges med högst en decimal",
      }),
    /**
     * Västra Götaland's seven-day rule: a stay of MORE than `moreThanDays` calendar days after
     * ready-for-discharge leaves the average and is invoiced individually with `individual`
     * (the sources do not say from which day; the default here is the average's own level).
     */
    longStay: z
      .object({
        moreThanDays: days("Gränsen för individuell beräkning"),
        somatic: dayCountSchema,
        psychiatric: dayCountSchema,
      })
      .strict(),
    ...common,
  })
  .strict();
export type MonthlyAverageModel = z.infer<typeof monthlyAverageModelSchema>;

export const AGREEMENT_MODEL_KINDS = ["individuell", "manadsgenomsnitt"] as const;
export type AgreementModelKind = (typeof AGREEMENT_MODEL_KINDS)[number];
export const AGREEMENT_MODEL_LABELS: Record<AgreementModelKind, string> = {
  individuell: "Individuell beräkning",
  manadsgenomsnitt: "Månadsgenomsnitt per kommun",
};

export const agreementModelSchema = z.discriminatedUnion("kind", [individualModelSchema, monthlyAverageModelSchema], {
  error: "Välj modell: individuell beräkning eller månadsgenomsnitt",
});
export type AgreementModel = z.infer<typeof agreementModelSchema>;

const isoDate = z.iso.date({ error: "Ange datum som ÅÅÅÅ-MM-DD" });

/** One version of an agreement, as stored (the model is the jsonb column, parsed with the schema above). */
export const agreementVersionSchema = z
  .object({
    id: z.string().min(1),
    regionId: z.string().min(1),
    /** Null: region-wide; set: this kommun only (beats a region-wide version). */
    municipalityId: z.string().min(1).nullable(),
    version: z.number().int().min(1),
    /** First and last day of validity, inclusive, Stockholm calendar; validTo null = until further notice. */
    validFrom: isoDate,
    validTo: isoDate.nullable(),
    /** The agreement's own title, e.g. "Överenskommelse om betalningsansvar, Region Sörmland och länets kommuner". */
    name: z.string().trim().min(1, { error: "Ange överenskommelsens namn" }).max(300),
    model: agreementModelSchema,
  })
  .strict()
  .refine((a) => a.validTo === null || a.validTo >= a.validFrom, { error: "Slutdatum kan inte ligga före startdatum", path: ["validTo"] });
export type AgreementVersion = z.infer<typeof agreementVersionSchema>;

/** The law's default with no agreement: individual, three calendar days after the notice day. */
export const LAW_DEFAULT_DAY_COUNT: DayCount = { noticeDayCounts: true, freeDays: DEFAULT_PAYMENT_THRESHOLD_DAYS };

export const LAW_DEFAULT_MODEL: IndividualModel = {
  kind: "individuell",
  somatic: LAW_DEFAULT_DAY_COUNT,
  // No lasting separate psychiatric default after the 2018 transitional rule (prop. 2017/18:12).
  psychiatric: LAW_DEFAULT_DAY_COUNT,
  preconditions: { admissionNotice: true, readyNotice: true, sipCallWhenNeeded: false },
  lptLrv: { handling: "som_psykiatri" },
};

/** Stockholm's 2020 rutin as a model (somatic 2 days after day 0, psychiatry 5, cut-off 12:00). */
export const STOCKHOLM_2020_MODEL: IndividualModel = {
  kind: "individuell",
  somatic: { noticeDayCounts: true, cutoffHour: 12, freeDays: 2 },
  psychiatric: { noticeDayCounts: true, cutoffHour: 12, freeDays: 5 },
  preconditions: { admissionNotice: true, readyNotice: true, sipCallWhenNeeded: false },
  lptLrv: { handling: "som_psykiatri" },
};

/** Västra Götaland's monthly-average model (from 2018-09-25): 3.0 days, seven-day rule. */
export const VASTRA_GOTALAND_MODEL: MonthlyAverageModel = {
  kind: "manadsgenomsnitt",
  dayZero: { noticeDayCounts: true },
  averageDays: 3,
  longStay: { moreThanDays: 7, somatic: LAW_DEFAULT_DAY_COUNT, psychiatric: LAW_DEFAULT_DAY_COUNT },
  preconditions: { admissionNotice: true, readyNotice: true, sipCallWhenNeeded: true },
  lptLrv: { handling: "som_psykiatri" },
};

/**
 * A day count in Swedish, for the administrator's form and the invoice basis: "tre dagar efter
 * dag 0; dag 0 är dagen då meddelandet om utskrivningsklar skickades".
 */
export function dayCountText(count: DayCount): string {
  const day0 = !count.noticeDayCounts
    ? "dag 0 är dagen efter att meddelandet om utskrivningsklar skickades"
    : count.cutoffHour !== undefined
      ? `dag 0 är dagen då meddelandet om utskrivningsklar skickades, om det skickades före kl. ${hourText(count.cutoffHour)}, annars dagen efter`
      : "dag 0 är dagen då meddelandet om utskrivningsklar skickades";
  return `${daysText(count.freeDays)} efter dag 0; ${day0}`;
}

export type ChosenAgreement = { kind: "overenskommelse"; agreement: AgreementVersion } | { kind: "lagens_standard"; model: IndividualModel };

/**
 * The agreement in force on `date` ("YYYY-MM-DD", Stockholm) for a kommun in a region: a version
 * for the kommun beats a region-wide one; among versions of the same reach, the highest version
 * number; none → the law's default. Which date: for a stay, the day of its first ready notice
 * (one agreement judges the whole stay, also across a version change); for a kommun's month under
 * the monthly-average model, the month's last day. The sources say nothing on this; it is a choice.
 */
export function chooseAgreement(versions: readonly AgreementVersion[], where: { regionId: string; municipalityId: string }, date: string): ChosenAgreement {
  let best: AgreementVersion | undefined;
  const rank = (a: AgreementVersion): number => (a.municipalityId === null ? 0 : 1);
  for (const a of versions) {
    if (a.regionId !== where.regionId) continue;
    if (a.municipalityId !== null && a.municipalityId !== where.municipalityId) continue;
    if (date < a.validFrom || (a.validTo !== null && date > a.validTo)) continue;
    if (!best || rank(a) > rank(best) || (rank(a) === rank(best) && a.version > best.version)) best = a;
  }
  return best ? { kind: "overenskommelse", agreement: best } : { kind: "lagens_standard", model: LAW_DEFAULT_MODEL };
}

export function chosenModel(chosen: ChosenAgreement): AgreementModel {
  return chosen.kind === "overenskommelse" ? chosen.agreement.model : chosen.model;
}
