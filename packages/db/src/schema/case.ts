import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import {
  CASE_STAGES,
  CLOSE_REASONS,
  CONSENT_KINDS,
  MESSAGE_KINDS,
  PARTY_ROLES,
  type ConsentRepresentativeKind,
  type ConsentSource,
} from "@vardkedjan/domain/case/types";
import type { StoredMessagePayload } from "@vardkedjan/domain/case/stored-payload";
import type { StoredDueStep } from "@vardkedjan/domain/case/due";
import { careType, organisations, units } from "./organisation";
import { patients } from "./patient";
import { staff } from "./identity";

/** Where the samordningsärende stands in the LOSUS process (inskriven → planering → utskrivningsklar → utskriven → avslutad). */
export const caseStage = pgEnum("case_stage", CASE_STAGES);

export const caseCloseReason = pgEnum("case_close_reason", CLOSE_REASONS);

/** Numbers the human case references ("SRM-2026-00042"). */
export const caseReferenceSeq = pgSequence("case_reference_seq", { startWith: 1 });

/** Samordningsärende: one per admission. */
export const coordinationCases = pgTable(
  "coordination_cases",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human reference shown in the UI, e.g. "SRM-2026-00042"; carries no patient data. */
    reference: text().notNull().unique(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    regionId: uuid()
      .notNull()
      .references(() => organisations.id),
    hospitalUnitId: uuid()
      .notNull()
      .references(() => units.id),
    wardUnitId: uuid()
      .notNull()
      .references(() => units.id),
    careType: careType().notNull().default("somatisk"),
    lpt: boolean().notNull().default(false),
    lrv: boolean().notNull().default(false),
    admittedAt: timestamp({ withTimezone: true }).notNull(),
    /** When the need for help after discharge was found, if later than admission: the admission notice's 24 hours (LOSUS) then run from it. */
    needAssessedAt: timestamp({ withTimezone: true }),
    stage: caseStage().notNull().default("inskriven"),
    estimatedDischargeDate: date(),
    readyForDischargeAt: timestamp({ withTimezone: true }),
    dischargedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    closeReason: caseCloseReason(),
    /** A readmission links to the earlier case. */
    previousCaseId: uuid().references((): AnyPgColumn => coordinationCases.id),
    /** Opened from a phone contact during an outage, before the full details were known. */
    provisional: boolean().notNull().default(false),
    /** Optimistic concurrency: every write bumps it; a stale write gets a conflict. */
    version: integer().notNull().default(1),
    createdByStaffId: uuid().references(() => staff.id),
    /** Double-click protection for "Skapa ärende": the same key from the same person creates once. */
    creationKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("coordination_cases_creation_key").on(t.createdByStaffId, t.creationKey),
    // At most one open case per patient.
    uniqueIndex("coordination_cases_one_open_per_patient")
      .on(t.patientId)
      .where(sql`${t.closedAt} is null`),
    // Every case of a patient, open or closed: a change of the patient's name or identity reaches
    // the worklists of each case's parties (worklist_changes).
    index("coordination_cases_patient_idx").on(t.patientId),
    index("coordination_cases_ward_stage_idx").on(t.wardUnitId, t.stage),
    index("coordination_cases_hospital_stage_idx").on(t.hospitalUnitId, t.stage),
    // The region's cases open at some point since a time (ending an outage: closed_at is null or
    // later), without reading every case of the country.
    index("coordination_cases_region_closed_idx").on(t.regionId, t.closedAt),
    // The region's open cases with what ending an outage asks of each (admitted, discharged,
    // provisional, the case, patient and ward): read from this small index alone (a few thousand
    // entries per region), not from a case row on its own page for each.
    index("coordination_cases_open_region_idx")
      .on(t.regionId, t.admittedAt, t.dischargedAt, t.provisional, t.id, t.patientId, t.wardUnitId)
      .where(sql`${t.closedAt} is null`),
  ],
);

export const casePartyRole = pgEnum("case_party_role", PARTY_ROLES);

/** The units taking part in a case; a unit sees only cases it is a party to. */
export const caseParties = pgTable(
  "case_parties",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => coordinationCases.id),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    role: casePartyRole().notNull(),
    /** Fast vårdkontakt, named by a vårdcentral party. */
    fixedCareContactStaffId: uuid().references(() => staff.id),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    addedByStaffId: uuid().references(() => staff.id),
    removedAt: timestamp({ withTimezone: true }),
    /**
     * The party's next due step and when (from the domain's dueSteps), recomputed in the same
     * transaction as every write to the case, so worklists sort by what is due without loading
     * every case's messages.
     */
    nextDueAt: timestamp({ withTimezone: true }),
    nextDueStep: text(),
    /** Denormalised from the case for the worklist: open cases only, by stage. */
    caseOpen: boolean().notNull().default(true),
    /**
     * From when the party sees the case (domain/case/party-visibility.ts): the ward from the start,
     * a receiving party from the first message addressed to it. Null: not yet, so a case the ward
     * has not notified stays out of the kommun's and the vårdcentral's lists, pages and events.
     */
    visibleFrom: timestamp({ withTimezone: true }),
    /*
     * The worklist's row, kept on the party so that a page is read in order from one index and
     * costs the same whether the unit has a hundred open cases or a thousand: every due step
     * (domain summariseDue), the earliest deadline of the law, the messages to acknowledge, and
     * the case's sortable columns. Set by refreshCaseDerived in the transaction of every write.
     */
    dueSteps: jsonb().$type<StoredDueStep[]>().notNull().default([]),
    legalDueAt: timestamp({ withTimezone: true }),
    unacknowledged: integer().notNull().default(0),
    stage: caseStage(),
    admittedAt: timestamp({ withTimezone: true }),
    estimatedDischargeDate: date(),
    readyForDischargeAt: timestamp({ withTimezone: true }),
    /** The patient's folkbokföringskommun (code and the kommun's name), the paying kommun. */
    municipalityCode: text(),
    municipalityName: text(),
    /** When the kommun said kommunklar for the current ready notice (any of its units). */
    kommunklarAt: timestamp({ withTimezone: true }),
    /** The fast vårdkontakt named by the case's öppenvård, by name. */
    fixedCareContactName: text(),
  },
  (t) => {
    // Only the rows a worklist can show: a party not removed that sees the case.
    const listed = sql`${t.removedAt} is null and ${t.visibleFrom} is not null`;
    return [
      uniqueIndex("case_parties_case_unit").on(t.caseId, t.unitId),
      index("case_parties_unit_idx").on(t.unitId, t.caseId),
      // One index per sort of the worklist (services/case/worklist-sorts.ts): (unit, open, key…, case).
      index("case_parties_list_due_idx")
        .on(t.unitId, t.caseOpen, sql`coalesce(${t.nextDueAt}, 'infinity'::timestamptz)`, t.caseId)
        .where(listed),
      index("case_parties_list_due_kommun_idx")
        .on(t.unitId, t.caseOpen, t.municipalityCode, sql`coalesce(${t.nextDueAt}, 'infinity'::timestamptz)`, t.caseId)
        .where(listed),
      index("case_parties_list_admitted_idx").on(t.unitId, t.caseOpen, t.admittedAt, t.caseId).where(listed),
      index("case_parties_list_estimated_idx")
        .on(t.unitId, t.caseOpen, sql`coalesce(${t.estimatedDischargeDate}, 'infinity'::date)`, t.caseId)
        .where(listed),
      index("case_parties_list_ready_idx")
        .on(t.unitId, t.caseOpen, sql`coalesce(${t.readyForDischargeAt}, 'infinity'::timestamptz)`, t.caseId)
        .where(listed),
      index("case_parties_list_kommun_idx")
        .on(t.unitId, t.caseOpen, sql`(${t.municipalityName} is null)`, sql`coalesce(${t.municipalityName}, '')`, t.caseId)
        .where(listed),
      index("case_parties_list_kommunklar_idx")
        .on(t.unitId, t.caseOpen, sql`coalesce(${t.kommunklarAt}, '-infinity'::timestamptz)`, t.caseId)
        .where(listed),
      index("case_parties_list_contact_idx")
        .on(t.unitId, t.caseOpen, sql`(${t.fixedCareContactName} is null)`, sql`coalesce(${t.fixedCareContactName}, '')`, t.caseId)
        .where(listed),
    ];
  },
);

/**
 * How many party rows each unit's worklist lists, open and closed apart (a party not removed that
 * sees the case), kept by a statement trigger on `case_parties` (migration worklist_counts): the
 * first page of a unit's list says "av 312" without counting the unit's rows on every request.
 */
export const unitListCounts = pgTable(
  "unit_list_counts",
  {
    // A unit is deleted only when nothing uses it (an import's mistake): its zero counts go with it.
    unitId: uuid()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    caseOpen: boolean().notNull(),
    listed: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.caseOpen] })],
);

/** PostgreSQL's 64-bit transaction id (`xid8`), as text: compared in the database only. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

/**
 * Which units' worklists a transaction changed: one row per unit and writing statement, with the
 * writer's transaction id, put there by statement triggers on everything a worklist row shows
 * (party rows, cases, patients, consents, payment responsibility; migration worklist_changes).
 * Insert-only, so writers to one ward never wait on each other. A portal keeps a page it has read
 * together with the snapshot it was read in; it may serve the page again only while no transaction
 * that is invisible to that snapshot has written a row here for the page's units
 * (services/case/worklist-page-cache.ts). A job removes the rows that no kept snapshot can miss.
 */
export const worklistChanges = pgTable(
  "worklist_changes",
  {
    unitId: uuid().notNull(),
    xid: xid8()
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [index("worklist_changes_unit_xid_idx").on(t.unitId, t.xid), index("worklist_changes_xid_idx").on(t.xid)],
);

/**
 * A set of units that one worklist reads together (a hospital with its wards, a kommun's units,
 * "Alla mina enheter"), named by a hash of its sorted unit ids. Registered by the first list that
 * reads it (services/case/worklist-unit-sets.ts), with its count taken then; from there on a
 * statement trigger on `case_parties` keeps the count (migration worklist_unit_set_counts).
 */
export const worklistUnitSets = pgTable("worklist_unit_sets", {
  id: uuid().primaryKey().defaultRandom(),
  /** SHA-256 (hex) of the set's unit ids, sorted and comma-joined. */
  key: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const worklistUnitSetMembers = pgTable(
  "worklist_unit_set_members",
  {
    setId: uuid()
      .notNull()
      .references(() => worklistUnitSets.id, { onDelete: "cascade" }),
    unitId: uuid()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
  },
  // The trigger looks up the sets of a changed party row's unit.
  (t) => [primaryKey({ columns: [t.setId, t.unitId] }), index("worklist_unit_set_members_unit_idx").on(t.unitId, t.setId)],
);

/**
 * How many cases a set's worklist lists, open and closed apart: a case with two of the set's
 * units as parties counts once, as the list shows it once.
 */
export const worklistUnitSetCounts = pgTable(
  "worklist_unit_set_counts",
  {
    setId: uuid()
      .notNull()
      .references(() => worklistUnitSets.id, { onDelete: "cascade" }),
    caseOpen: boolean().notNull(),
    listed: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.setId, t.caseOpen] })],
);

export const messageKind = pgEnum("message_kind", MESSAGE_KINDS);

/** A structured message in a case; immutable once sent (a correction refers to the old one). */
export const messages = pgTable(
  "messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => coordinationCases.id),
    kind: messageKind().notNull(),
    title: text(),
    senderUnitId: uuid()
      .notNull()
      .references(() => units.id),
    senderStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    /** When the event happened (for after-registration: the original time, not the typing time). */
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    /** When it was entered in the system. */
    registeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    payload: jsonb().$type<StoredMessagePayload>().notNull().default({}),
    freeText: text(),
    correctsMessageId: uuid().references((): AnyPgColumn => messages.id),
    /** Double-click protection: the same key from the same sender sends once. */
    idempotencyKey: text().notNull(),
    /** Set when registered after an outage (efterregistrering). */
    outageId: uuid(),
    /**
     * Sent despite warnings that the law's order is broken (send-warnings.ts in the domain): the
     * warnings as shown to the sender and the reason they gave for sending anyway.
     */
    sentDespite: jsonb().$type<{ warnings: string[]; reason: string }>(),
  },
  (t) => [
    uniqueIndex("messages_idempotency").on(t.senderStaffId, t.idempotencyKey),
    index("messages_case_idx").on(t.caseId, t.occurredAt),
    // The messages since a time, across cases: what happened during an outage, found without a
    // look at every open case of the region.
    index("messages_occurred_idx").on(t.occurredAt),
  ],
);

/** Each recipient unit acknowledges each message (kvittens). */
export const messageRecipients = pgTable(
  "message_recipients",
  {
    messageId: uuid()
      .notNull()
      .references(() => messages.id),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedByStaffId: uuid().references(() => staff.id),
  },
  (t) => [
    primaryKey({ columns: [t.messageId, t.unitId] }),
    index("message_recipients_unacked_idx")
      .on(t.unitId)
      .where(sql`${t.acknowledgedAt} is null`),
  ],
);

export const consentKind = pgEnum("consent_kind", CONSENT_KINDS);

/** Samtycke as documented by a party; the latest row per (case, kind, unit) is current. */
export const consents = pgTable(
  "consents",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => coordinationCases.id),
    kind: consentKind().notNull(),
    given: boolean().notNull(),
    /** "patient" (given to the ward), "befintligt" (the kommun states a consent it already holds) or "telefon" (handed over by phone during an outage). */
    source: text().$type<ConsentSource>().notNull(),
    documentedByStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    documentedByUnitId: uuid()
      .notNull()
      .references(() => units.id),
    documentedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    note: text(),
    /** "Kan inte ta ställning": the patient cannot decide and nobody answered for them (given is false). */
    unable: boolean().notNull().default(false),
    /** A representative decided for the patient (god man, förvaltare, närstående with fullmakt). */
    representativeKind: text().$type<ConsentRepresentativeKind>(),
    representativeName: text(),
  },
  (t) => [index("consents_case_idx").on(t.caseId, t.kind)],
);
