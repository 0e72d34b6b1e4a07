import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, units } from "./organisation";
import { staff } from "./identity";
import { coordinationCases, messageKind } from "./case";
import { OUTAGE_SCOPE_KINDS, OUTAGE_STATUSES, OUTAGE_SYSTEMS, PHONE_DIRECTIONS, type PhoneStep } from "@vardkedjan/domain/outage/types";
import { AFTER_REGISTRATION_KINDS, type AfterRegistrationStatus } from "@vardkedjan/domain/outage/after-registration-types";
import type { OutageChange } from "@vardkedjan/domain/outage/outage-change";
import type { StoredPhoneDetails } from "@vardkedjan/domain/outage/phone-contact-stored";
import type { StoredPrefill } from "@vardkedjan/domain/outage/after-registration-prefill";
import type { RoutineProfile } from "@vardkedjan/domain/outage/profile-schema";
import { patients } from "./patient";

export const outageSystem = pgEnum("outage_system", OUTAGE_SYSTEMS);

export const outageStatus = pgEnum("outage_status", OUTAGE_STATUSES);

export const afterRegistrationKind = pgEnum("after_registration_kind", AFTER_REGISTRATION_KINDS);

/** Driftstörning: declared per region, for the whole region or some units. */
export const outages = pgTable(
  "outages",
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => organisations.id),
    system: outageSystem().notNull(),
    systemDetail: text(),
    status: outageStatus().notNull(),
    /** "region" = every unit of the region and its kommuner; "units" = outage_units only. */
    scope: text({ enum: OUTAGE_SCOPE_KINDS }).notNull(),
    message: text(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    expectedEndAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    declaredByStaffId: uuid().references(() => staff.id),
    endedByStaffId: uuid().references(() => staff.id),
    /** Proposed by a failing health check of this integration, for an administrator to confirm. */
    proposedByIntegrationId: uuid(),
    /** Double-click protection for "Starta driftstörning": the same key from the same person declares once. */
    idempotencyKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outages_region_status_idx").on(t.regionId, t.status), uniqueIndex("outages_idempotency").on(t.declaredByStaffId, t.idempotencyKey)],
);

export const outageUnits = pgTable(
  "outage_units",
  {
    outageId: uuid()
      .notNull()
      .references(() => outages.id),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.outageId, t.unitId] })],
);

/** Every change to an outage and who made it. */
export const outageEvents = pgTable("outage_events", {
  id: uuid().primaryKey().defaultRandom(),
  outageId: uuid()
    .notNull()
    .references(() => outages.id),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  staffId: uuid().references(() => staff.id),
  /** Parsed with the domain's outageChangeSchema when read. */
  change: jsonb().$type<OutageChange>().notNull(),
});

/** Telefonkontakt logged during an outage (the outage form of Region Västernorrland, "Avbrottsrutin Lifecare SP", made digital). */
export const phoneContacts = pgTable(
  "phone_contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    outageId: uuid().references(() => outages.id),
    caseId: uuid().references(() => coordinationCases.id),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    counterpartName: text().notNull(),
    counterpartUnitId: uuid().references(() => units.id),
    counterpartUnitText: text(),
    steps: jsonb().$type<PhoneStep[]>().notNull(),
    direction: text({ enum: PHONE_DIRECTIONS }).notNull(),
    /** The receiving unit confirmed it got the information (discharge waits for it: Region Västernorrland, "Avbrottsrutin Lifecare SP"). */
    receiverConfirmed: boolean().notNull().default(false),
    /** What was said: dates and consents, to pre-fill the after-registration (parsed with the domain's storedPhoneDetailsSchema when read). */
    details: jsonb().$type<StoredPhoneDetails>().notNull().default({}),
    comment: text(),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    signedByStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    loggedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Double-click protection: the same key from the same signer logs once. */
    idempotencyKey: text().notNull(),
  },
  (t) => [
    index("phone_contacts_outage_idx").on(t.outageId, t.unitId),
    index("phone_contacts_case_idx").on(t.caseId),
    uniqueIndex("phone_contacts_idempotency").on(t.signedByStaffId, t.idempotencyKey),
  ],
);

/**
 * "Checklista enligt rutinen": the routine's manual points ticked or unticked by hand during an
 * outage, per case. Append-only: each tick and untick is a row with who and when, so that the next
 * shift sees who did what; the current state of a point is its latest row per (outage, case, key).
 */
export const outageChecklistTicks = pgTable(
  "outage_checklist_ticks",
  {
    /** Monotonic: orders the events of a point even within the same millisecond. */
    id: bigserial({ mode: "number" }).primaryKey(),
    outageId: uuid()
      .notNull()
      .references(() => outages.id),
    caseId: uuid()
      .notNull()
      .references(() => coordinationCases.id),
    /** The checklist item's key, "manuell:<key of the profile's manual point>". */
    key: text().notNull(),
    /** true = ticked, false = unticked. */
    done: boolean().notNull(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    /** The unit the person ticked for (their unit that is a party of the case). */
    unitId: uuid().references(() => units.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outage_checklist_ticks_case_idx").on(t.outageId, t.caseId, t.key, t.id)],
);

/** The after-registration list of an ended outage, per unit; items keep the original event time. */
export const afterRegistrationItems = pgTable(
  "after_registration_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    outageId: uuid()
      .notNull()
      .references(() => outages.id),
    /** Deterministic key from the domain's computation: recomputing never duplicates an item. */
    key: text().notNull(),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    caseId: uuid().references(() => coordinationCases.id),
    /**
     * Only for an item without a case (or whose patient is not its case's): an item with a case
     * names its patient through the case, so readers take coalesce(patient_id, the case's patient_id).
     */
    patientId: uuid().references(() => patients.id),
    kind: afterRegistrationKind().notNull(),
    messageKind: messageKind(),
    eventAt: timestamp({ withTimezone: true }).notNull(),
    title: text().notNull(),
    /** Parsed with the domain's storedPrefillSchema when read. */
    prefill: jsonb()
      .$type<StoredPrefill>()
      .notNull()
      .default({} as StoredPrefill),
    sourcePhoneContactIds: jsonb().$type<string[]>().notNull().default([]),
    /** For an acknowledgement item: the message to acknowledge. */
    messageId: uuid(),
    status: text().$type<AfterRegistrationStatus>().notNull().default("att_gora"),
    doneAt: timestamp({ withTimezone: true }),
    doneByStaffId: uuid().references(() => staff.id),
    resultMessageId: uuid(),
    /** Why a person dismissed the item (makulerad) as a duplicate; the audit row holds ids only. */
    voidReason: text(),
  },
  (t) => [uniqueIndex("after_registration_items_key").on(t.outageId, t.key), index("after_registration_items_unit_idx").on(t.unitId, t.status)],
);

/** Each region's outage routine (seeded from the source routines, editable by its administrators). */
export const routineProfiles = pgTable("routine_profiles", {
  regionId: uuid()
    .primaryKey()
    .references(() => organisations.id),
  /** Parsed with the domain's routineProfileSchema when read (a profile that no longer parses falls back to the seeded one). */
  profile: jsonb().$type<RoutineProfile>().notNull(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedByStaffId: uuid().references(() => staff.id),
});

/** Integrations whose health is checked; a failing one proposes an outage. */
export const integrations = pgTable("integrations", {
  id: uuid().primaryKey().defaultRandom(),
  regionId: uuid()
    .notNull()
    .references(() => organisations.id),
  name: text().notNull(),
  system: outageSystem().notNull(),
  healthUrl: text().notNull(),
  lastCheckedAt: timestamp({ withTimezone: true }),
  lastOk: boolean(),
  failingSince: timestamp({ withTimezone: true }),
  lastError: text(),
});
