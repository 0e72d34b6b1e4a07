import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { DEVIATION_CATEGORIES, DEVIATION_STATUSES } from "@vardkedjan/domain/deviation/types";
import { DEVIATION_TRANSITIONS } from "@vardkedjan/domain/deviation/transitions";
import { organisations, units } from "./organisation";
import { staff } from "./identity";
import { coordinationCases } from "./case";

export const deviationCategory = pgEnum("deviation_category", DEVIATION_CATEGORIES);
export const deviationStatus = pgEnum("deviation_status", DEVIATION_STATUSES);
export const deviationTransition = pgEnum("deviation_transition", DEVIATION_TRANSITIONS);

/**
 * Avvikelse i samverkan: reported from a case by one of its parties to another organisation of the
 * case. The case (and so the patient) is linked, never copied: who may see the patient is decided
 * by case access when the deviation is read.
 */
export const deviations = pgTable(
  "deviations",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => coordinationCases.id),
    category: deviationCategory().notNull(),
    /** Free text: shown only to those who see the deviation and may read the case; never mailed or logged. */
    description: text().notNull(),
    status: deviationStatus().notNull().default("ny"),
    reporterStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    /** The unit the report was made from (the reporter's party unit in the case). */
    reporterUnitId: uuid()
      .notNull()
      .references(() => units.id),
    reporterOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    receiverOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** Optimistic concurrency: every transition bumps it; a stale one gets a conflict. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The notification to the receiving organisation: when it was mailed, or why not. */
    notifiedAt: timestamp({ withTimezone: true }),
    notifyError: text(),
    /** Double-click protection: the same key from the same person reports once. */
    idempotencyKey: text(),
  },
  (t) => [
    index("deviations_receiver_idx").on(t.receiverOrganisationId, t.status, t.createdAt),
    index("deviations_reporter_org_idx").on(t.reporterOrganisationId, t.createdAt),
    index("deviations_reporter_staff_idx").on(t.reporterStaffId, t.createdAt),
    index("deviations_case_idx").on(t.caseId),
    uniqueIndex("deviations_idempotency_key").on(t.reporterStaffId, t.idempotencyKey),
  ],
);

/** Each step of a deviation (the report, the investigation, every answer and reopening), in order. */
export const deviationEvents = pgTable(
  "deviation_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    deviationId: uuid()
      .notNull()
      .references(() => deviations.id),
    /** Null for the report itself. */
    transition: deviationTransition(),
    toStatus: deviationStatus().notNull(),
    /** The answer, or why the answer is not enough; null for steps without text. */
    text: text(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    /** The organisation the person acted for. */
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deviation_events_deviation_idx").on(t.deviationId, t.at)],
);
