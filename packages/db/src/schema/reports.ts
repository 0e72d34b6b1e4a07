import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { coordinationCases } from "./case";
import { organisations, units } from "./organisation";

/**
 * One row per case with what the follow-up reports count about the stay (the domain's
 * CaseReportMeasures), recomputed in the same transaction as every write to the case, like
 * case_parties.next_due_at. The reports then aggregate one narrow row per stay in the database
 * instead of reading every message: a region-year at national scale is some 100 000 rows.
 * No patient data: ids of units and organisations, a month, booleans and a day count.
 */
export const caseReportFacts = pgTable(
  "case_report_facts",
  {
    caseId: uuid()
      .primaryKey()
      .references(() => coordinationCases.id),
    regionId: uuid()
      .notNull()
      .references(() => organisations.id),
    hospitalUnitId: uuid()
      .notNull()
      .references(() => units.id),
    wardUnitId: uuid()
      .notNull()
      .references(() => units.id),
    /** The kommun (organisation) of the case's kommun party; null when none takes part. */
    municipalityId: uuid().references(() => organisations.id),
    /** The case's vårdcentral (or psychiatric outpatient) party; null when none takes part. */
    primaryCareUnitId: uuid().references(() => units.id),
    /** "YYYY-MM" (Stockholm) of the discharge; null while the stay goes on or when it ended otherwise. */
    dischargeMonth: text(),
    admissionNoticeOnTime: boolean().notNull(),
    fixedCareContactDue: boolean().notNull(),
    fixedCareContactBeforeDischarge: boolean(),
    sipNeeded: boolean().notNull(),
    sipCalled: boolean().notNull(),
    sipCalledInTime: boolean(),
    informationOnTime: boolean(),
    readyToDischargeDays: integer(),
    readmittedWithin30Days: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The scopes the reports read by: a region, a kommun; the month range inside it.
    index("case_report_facts_region_month_idx").on(t.regionId, t.dischargeMonth),
    index("case_report_facts_municipality_month_idx").on(t.municipalityId, t.dischargeMonth),
  ],
);
