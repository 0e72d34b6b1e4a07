import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { AUDIT_FLAG_KINDS, AUDIT_REVIEW_OUTCOMES } from "@vardkedjan/domain/audit/review";

/**
 * Append-only audit log (PDL access log and security events). Rows are written in the same
 * transaction as the change they record; a trigger forbids UPDATE and DELETE on the table and on
 * every partition. Fields follow what a PDL access log must show (HSLF-FS 2016:40 4 kap. 9 §):
 * the action, the unit, the time, the user's and the patient's identity.
 *
 * The table is partitioned by month on `at` (declarative range partitioning, written by hand in
 * the migration `audit_events_partitioned`, since Drizzle cannot express it), so that months past
 * the retention time can be detached and archived without touching the live log. Hence the
 * primary key includes `at`. Partitions are created ahead by a background job
 * (job "audit-partitions" in api/jobs/portal-jobs.ts); a default partition takes any row no month partition covers.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).notNull(),
    /**
     * Millisecond precision, as JavaScript's Date has: an (id, at) pair read by the API names the
     * row exactly again (keyset paging, flags and samples referring to a row).
     */
    at: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Typed action, e.g. "case.read", "session.login", "session.switchContext". */
    action: text().notNull(),
    /** "pdl" for reads and writes of patient data, "security" for logins and context switches, "admin". */
    category: text().$type<"pdl" | "security" | "admin">().notNull(),
    /** PDL activity type: Läsa, Skriva, Skicka, Kvittera, Utskrift … */
    activity: text(),
    outcome: text().$type<"success" | "denied">().notNull().default("success"),
    portal: text(),
    actorStaffId: uuid(),
    actorHsaId: text(),
    actorName: text(),
    /**
     * The organisation employing the actor when the row was written (the organisation whose HSA
     * catalogue issued the employeeHsaId; failing that, the one owning the context's unit). Log
     * review is per organisation over its own staff, so this is the reviewer's filter.
     */
    actorOrgHsaId: text(),
    role: text(),
    unitHsaId: text(),
    commissionHsaId: text(),
    providerHsaId: text(),
    purpose: text(),
    patientId: uuid(),
    caseId: uuid(),
    entityType: text(),
    entityId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.at] }),
    index("audit_events_patient_idx").on(t.patientId, t.at, t.id),
    index("audit_events_actor_idx").on(t.actorHsaId, t.at),
    index("audit_events_unit_idx").on(t.unitHsaId, t.at),
    index("audit_events_actor_org_idx").on(t.actorOrgHsaId, t.at),
    index("audit_events_at_idx").on(t.at),
  ],
);

export const auditFlagKind = pgEnum("audit_flag_kind", AUDIT_FLAG_KINDS);
export const auditReviewOutcome = pgEnum("audit_review_outcome", AUDIT_REVIEW_OUTCOMES);

/**
 * Accesses picked out for review by the automatic flags (domain/audit/flags.ts). An audit row is
 * referenced by (id, at), not by a foreign key: a month archived with its partition takes its
 * flags' meaning with it, and a foreign key would keep the partition from being detached.
 */
export const auditFlags = pgTable(
  "audit_flags",
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: bigint({ mode: "number" }).notNull(),
    eventAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    kind: auditFlagKind().notNull(),
    /** The actor's organisation (copied from the row): whose reviewer sees the flag. */
    orgHsaId: text().notNull(),
    detectedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("audit_flags_event_kind_idx").on(t.eventId, t.kind), index("audit_flags_org_idx").on(t.orgHsaId, t.eventAt)],
);

/**
 * How far the flag detection has read the log (one row per detector): everything before
 * `scannedUntil`, or, while a long catch-up is under way, up to the row (`resumeAt`, `resumeId`).
 */
export const auditFlagScans = pgTable("audit_flag_scans", {
  id: text().primaryKey(),
  scannedUntil: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  resumeAt: timestamp({ withTimezone: true, precision: 3 }),
  resumeId: bigint({ mode: "number" }),
});

/** A stickprov: a random, reproducible sample of the organisation's staff's accesses in a period. */
export const auditSamples = pgTable(
  "audit_samples",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgHsaId: text().notNull(),
    periodFrom: timestamp({ withTimezone: true }).notNull(),
    periodTo: timestamp({ withTimezone: true }).notNull(),
    requestedSize: integer().notNull(),
    /** The seed of the selection: the same seed over the same rows draws the same sample. */
    seed: text().notNull(),
    drawnByStaffId: uuid().notNull(),
    drawnByName: text().notNull(),
    drawnAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_samples_org_idx").on(t.orgHsaId, t.drawnAt)],
);

export const auditSampleItems = pgTable(
  "audit_sample_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    sampleId: uuid()
      .notNull()
      .references(() => auditSamples.id),
    position: integer().notNull(),
    eventId: bigint({ mode: "number" }).notNull(),
    eventAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [uniqueIndex("audit_sample_items_sample_event_idx").on(t.sampleId, t.eventId)],
);

/**
 * A reviewer's outcome for one flag or one sampled access. A new review of the same item adds a
 * row (the latest counts), so the record of who judged what, when, is kept.
 */
export const auditReviews = pgTable(
  "audit_reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    flagId: uuid().references(() => auditFlags.id),
    sampleItemId: uuid().references(() => auditSampleItems.id),
    outcome: auditReviewOutcome().notNull(),
    /** The reviewer's note; no patient data beyond what the log row already shows. */
    note: text(),
    reviewerStaffId: uuid().notNull(),
    reviewerHsaId: text().notNull(),
    reviewerName: text().notNull(),
    reviewedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_reviews_flag_idx").on(t.flagId),
    index("audit_reviews_sample_item_idx").on(t.sampleItemId),
    check("audit_reviews_one_target", sql`num_nonnulls(${t.flagId}, ${t.sampleItemId}) = 1`),
  ],
);
