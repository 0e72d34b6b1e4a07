import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, units } from "./organisation";
import { staff } from "./identity";
import { outages } from "./outage";

/**
 * Kontaktlista driftstörning: who to call per organisation and unit. Versioned: a change closes
 * the current row (supersededAt) and adds a new one, so the history stays.
 */
export const contactEntries = pgTable(
  "contact_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stable across versions of the same entry. */
    entryId: uuid().notNull(),
    version: integer().notNull().default(1),
    regionId: uuid()
      .notNull()
      .references(() => organisations.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    unitId: uuid().references(() => units.id),
    /** e.g. "Utskrivningsledare", "Biståndshandläggare via växeln", "Waranteamet". */
    function: text().notNull(),
    phones: jsonb().$type<string[]>().notNull().default([]),
    openingHours: text(),
    functionMailbox: text(),
    postalAddress: text(),
    note: text(),
    sortOrder: integer().notNull().default(0),
    validFrom: timestamp({ withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp({ withTimezone: true }),
    /** A removal is a last version with removed = true. */
    removed: boolean().notNull().default(false),
    changedByStaffId: uuid().references(() => staff.id),
    changeNote: text(),
  },
  (t) => [index("contact_entries_current_idx").on(t.regionId, t.supersededAt), uniqueIndex("contact_entries_entry_version").on(t.entryId, t.version)],
);

/** Each kommun's designated representatives, who confirm its entries when a major outage is declared. */
export const contactRepresentatives = pgTable("contact_representatives", {
  id: uuid().primaryKey().defaultRandom(),
  organisationId: uuid()
    .notNull()
    .references(() => organisations.id),
  name: text().notNull(),
  email: text().notNull(),
  staffId: uuid().references(() => staff.id),
  active: boolean().notNull().default(true),
});

/** One confirmation request per outage and organisation, mailed to its representatives. */
export const contactConfirmations = pgTable(
  "contact_confirmations",
  {
    id: uuid().primaryKey().defaultRandom(),
    outageId: uuid()
      .notNull()
      .references(() => outages.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** SHA-256 of the token in the link; the token itself is only in the e-mail. */
    tokenHash: text().notNull().unique(),
    deadlineAt: timestamp({ withTimezone: true }).notNull(),
    sentAt: timestamp({ withTimezone: true }),
    sendError: text(),
    respondedAt: timestamp({ withTimezone: true }),
    response: text().$type<"bekraftad" | "korrigerad">(),
    respondedByStaffId: uuid().references(() => staff.id),
    comment: text(),
  },
  (t) => [uniqueIndex("contact_confirmations_outage_org").on(t.outageId, t.organisationId)],
);
