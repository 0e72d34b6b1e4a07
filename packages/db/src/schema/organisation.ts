import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { ORGANISATION_KINDS, UNIT_KINDS } from "@vardkedjan/domain/identity/types";
import { CARE_TYPES } from "@vardkedjan/domain/case/types";

/** Huvudman: region, kommun or a private care provider (vårdval, LOV). */
export const organisationKind = pgEnum("organisation_kind", ORGANISATION_KINDS);

/** The unit kinds of our mirror of the HSA tree. */
export const unitKind = pgEnum("unit_kind", UNIT_KINDS);

export const careType = pgEnum("care_type", CARE_TYPES);

export const organisations = pgTable(
  "organisations",
  {
    id: uuid().primaryKey().defaultRandom(),
    hsaId: text().notNull().unique(),
    kind: organisationKind().notNull(),
    name: text().notNull(),
    /** Organisationsnummer, 10 digits without hyphen. */
    orgNo: text().notNull(),
    /** The region a kommun or private provider belongs to for LOSUS agreements; null for a region. */
    regionId: uuid().references((): AnyPgColumn => organisations.id),
    /** Kommunkod (4 digits) for a kommun: matches the patient's folkbokföringskommun. */
    municipalityCode: text().unique(),
    /** Short code used in case references, e.g. "SRM". */
    shortCode: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The organisation of a person's HSA id (its prefix), as every audit row asks it (the database
    // function audit_actor_org): an index lookup, not a scan of the organisations per logged read.
    // Made by hand in migration worklist_party_sort_keys, declared here since audit_actor_org_index.
    index("organisations_hsa_prefix_idx").on(sql`split_part(${t.hsaId}, '-', 1)`, t.hsaId),
  ],
);

export const units = pgTable(
  "units",
  {
    id: uuid().primaryKey().defaultRandom(),
    hsaId: text().notNull().unique(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    parentId: uuid().references((): AnyPgColumn => units.id),
    kind: unitKind().notNull(),
    name: text().notNull(),
    careType: careType(),
    phone: text(),
    switchboard: text(),
    /** Free text as in the routines, e.g. "vardagar 07.30–16.15". */
    openingHours: text(),
    functionMailbox: text(),
    streetAddress: text(),
    postalCode: text(),
    city: text(),
    /** For a vårdcentral: the kommun it serves (used to propose it for a patient without listing). */
    municipalityCode: text(),
    active: boolean().notNull().default(true),
    /** When the unit was deactivated (kept for history: a unit is never deleted once it has cases). */
    deactivatedAt: timestamp({ withTimezone: true }),
    /** Optimistic version: an edit names the version it started from and is refused if another came first. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("units_organisation_idx").on(t.organisationId),
    index("units_parent_idx").on(t.parentId),
    index("units_active_kind_idx")
      .on(t.kind)
      .where(sql`${t.active}`),
  ],
);

/**
 * One row that changes whenever the organisation tree does (a trigger on `organisations` and
 * `units`, migration org_tree_version): the portals keep each session context's resolved unit set
 * (services/workspace/scope.ts) and resolve it again only when this version moved. `instance`
 * tells two databases apart (each test file has its own).
 */
export const orgTreeVersion = pgTable("org_tree_version", {
  id: integer().primaryKey().default(1),
  instance: uuid().notNull().defaultRandom(),
  version: bigint({ mode: "number" }).notNull().default(0),
});
