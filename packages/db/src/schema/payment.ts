import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { AgreementModel } from "@vardkedjan/domain/payment/agreement";
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
