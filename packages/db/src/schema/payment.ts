import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { AgreementModel } from "@vardkedjan/domain/payment/agreement";
import type { PaymentBasis } from "@vardkedjan/domain/payment/engine";
import type { InvoiceRowKind } from "@vardkedjan/domain/payment/invoice";
import { coordinationCases } from "./case";
import { organisations } from "./organisation";
import { staff } from "./identity";

/**
 * The kommun's payment responsibility (betalningsansvar, LOSUS 5 kap.) as data: the agreements
 * between a region and its kommuner, versioned with a validity period, and Socialstyrelsen's
 * amount per vårddygn by year. The rules that read them are in the domain (payment/).
 */

/**
 * One version of an agreement: region-wide (municipality_id null) or for one kommun (which beats
 * the region-wide one). A change is a new version, never an update, so an invoice basis can always
 * say which version it was computed by. `model` is the domain's AgreementModel, parsed with
 * agreementModelSchema where it is read.
 */
export const paymentAgreements = pgTable(
  "payment_agreements",
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => organisations.id),
    municipalityId: uuid().references(() => organisations.id),
    version: integer().notNull(),
    /** First and last day of validity, inclusive (Stockholm calendar); valid_to null = until further notice. */
    validFrom: date().notNull(),
    validTo: date(),
    /** The agreement's own title. */
    name: text().notNull(),
    model: jsonb().$type<AgreementModel>().notNull(),
    /** Null for the seeded versions. */
    createdByStaffId: uuid().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("payment_agreements_version").on(t.regionId, t.municipalityId, t.version).nullsNotDistinct(),
    index("payment_agreements_region_idx").on(t.regionId, t.validFrom),
    check("payment_agreements_period", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check("payment_agreements_version_positive", sql`${t.version} >= 1`),
  ],
);

/**
 * Socialstyrelsen's amount per vårddygn for a calendar year, whole kronor, with the föreskrift
 * that fixes it ("HSLF-FS 2018:67"; null where the number is not known yet) and where it was read.
 */
export const paymentDayAmounts = pgTable(
  "payment_day_amounts",
  {
    year: integer().primaryKey(),
    amountKr: integer().notNull(),
    regulationId: text(),
    source: text().notNull(),
    createdByStaffId: uuid().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("payment_day_amounts_positive", sql`${t.amountKr} > 0`), check("payment_day_amounts_year", sql`${t.year} between 2018 and 2100`)],
);

/**
 * The engine's result per case, stored in the same transaction as every write to the case
 * (services/case/facts.ts → services/payment/store.ts), so that a kommun-month invoice basis and a
 * region-year report read indexed rows instead of replaying a million cases' messages. Also the
 * worklists' "Betalningsansvar från …". One row per case that has had a ready notice.
 * `municipality_id`: the paying kommun (the patient's folkbokföringskommun); null when it is not a
 * kommun in the system.
 */
export const casePayments = pgTable(
  "case_payments",
  {
    caseId: uuid()
      .primaryKey()
      .references(() => coordinationCases.id),
    regionId: uuid()
      .notNull()
      .references(() => organisations.id),
    municipalityId: uuid().references(() => organisations.id),
    /** The agreement version that judged the stay; null = the law's default. */
    agreementId: uuid().references(() => paymentAgreements.id),
    basis: text().$type<PaymentBasis>().notNull(),
    liabilityFrom: timestamp({ withTimezone: true }),
    computedAt: timestamp({ withTimezone: true }).notNull(),
    /**
     * What a monthly-average month needs of the stay (domain/payment/monthly-average.ts): the days
     * after ready-for-discharge, the month the stay ended ("YYYY-MM", null while it goes on) and
     * the Swedish reasons for unmet preconditions.
     */
    readyDays: integer().notNull().default(0),
    endMonth: text(),
    unmetPreconditions: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [index("case_payments_municipality_idx").on(t.municipalityId), index("case_payments_end_month_idx").on(t.municipalityId, t.endMonth)],
);

/**
 * Runs of consecutive payment days of a case (Stockholm calendar days, inclusive). `to_date` null:
 * the stay goes on and every day from `from_date` up to today is a payment day until a message
 * changes that (a withdrawal, the discharge), which recomputes the rows. The amount per day is
 * the agreement's own (`amount_per_day_kr`) or, when null, Socialstyrelsen's amount of each day's
 * year, joined at read time, so a year entered later prices days already stored.
 */
export const casePaymentPeriods = pgTable(
  "case_payment_periods",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => coordinationCases.id),
    municipalityId: uuid()
      .notNull()
      .references(() => organisations.id),
    regionId: uuid()
      .notNull()
      .references(() => organisations.id),
    fromDate: date().notNull(),
    toDate: date(),
    amountPerDayKr: integer(),
  },
  (t) => [
    index("case_payment_periods_municipality_idx").on(t.municipalityId, t.fromDate),
    index("case_payment_periods_region_idx").on(t.regionId, t.fromDate),
    index("case_payment_periods_case_idx").on(t.caseId),
    check("case_payment_periods_order", sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

/** "Fastställ": a kommun's month is locked; its rows are the snapshot in payment_invoice_rows. */
export const paymentInvoiceLocks = pgTable(
  "payment_invoice_locks",
  {
    municipalityId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** "YYYY-MM". */
    month: text().notNull(),
    lockedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedByStaffId: uuid()
      .notNull()
      .references(() => staff.id),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.month] }), check("payment_invoice_locks_month", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)],
);

/**
 * The rows of a locked month as they were locked: ordinary rows (the month's own days) and
 * correction rows (a change to an earlier locked month, carried into this one). Never updated.
 */
export const paymentInvoiceRows = pgTable(
  "payment_invoice_rows",
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => organisations.id),
    invoiceMonth: text().notNull(),
    caseId: uuid()
      .notNull()
      .references(() => coordinationCases.id),
    /** The month the days belong to: the invoice month itself, or an earlier month for a correction. */
    serviceMonth: text().notNull(),
    kind: text().$type<InvoiceRowKind>().notNull(),
    days: integer().notNull(),
    /** Null when the year's amount was missing when locked. */
    amountKr: integer(),
  },
  (t) => [index("payment_invoice_rows_month_idx").on(t.municipalityId, t.invoiceMonth), index("payment_invoice_rows_case_idx").on(t.caseId, t.serviceMonth)],
);

/** "Bestrid": the kommun disputes a case's row in a month's basis with a reason; the region answers. */
export const paymentInvoiceDisputes = pgTable(
  "payment_invoice_disputes",
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => organisations.id),
    invoiceMonth: text().notNull(),
    caseId: uuid()
      .notNull()
      .references(() => coordinationCases.id),
    reason: text().notNull(),
    createdByStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answer: text(),
    answeredByStaffId: uuid().references(() => staff.id),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("payment_invoice_disputes_month_idx").on(t.municipalityId, t.invoiceMonth)],
);

/**
 * The month row of a kommun under the monthly-average model, as a locked month was fixed: the
 * ordinary row (the month's own average) and correction rows (a later change to an earlier locked
 * month's average, carried into this one). `excess_tenths` and `amount_ore` are the payment days
 * (in tenths: a level such as 2.5 leaves half days) and the amount; on a correction row, the
 * difference. `stays`, `ready_days` and `level_tenths` are the month's figures when the row was made.
 * Never updated.
 */
export const paymentInvoiceAverageRows = pgTable(
  "payment_invoice_average_rows",
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => organisations.id),
    invoiceMonth: text().notNull(),
    serviceMonth: text().notNull(),
    kind: text().$type<InvoiceRowKind>().notNull(),
    stays: integer().notNull(),
    readyDays: integer().notNull(),
    levelTenths: integer().notNull(),
    excessTenths: integer().notNull(),
    /** Null when the year's amount was missing when locked. */
    amountOre: integer(),
  },
  (t) => [
    index("payment_invoice_average_rows_month_idx").on(t.municipalityId, t.invoiceMonth),
    index("payment_invoice_average_rows_service_idx").on(t.municipalityId, t.serviceMonth),
  ],
);

/**
 * A region's stored payment days to be judged again after an agreement version was saved. The
 * save only adds a row; a background job (jobs/portal-jobs.ts) recomputes the region's cases and
 * sets `finished_at`, so Förvaltning can say the figures are being recomputed, and when they were.
 */
export const paymentRecomputations = pgTable(
  "payment_recomputations",
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => organisations.id),
    agreementId: uuid().references(() => paymentAgreements.id),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    requestedByStaffId: uuid().references(() => staff.id),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    cases: integer(),
  },
  (t) => [index("payment_recomputations_region_idx").on(t.regionId, t.requestedAt)],
);
