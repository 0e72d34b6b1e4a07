import { index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations, units } from "./organisation";
import { staff } from "./identity";
import { coordinationCases } from "./case";
import { patients } from "./patient";

export const outageSystem = pgEnum("outage_system", [
  "journalsystem", // the hospital EHR (e.g. Cosmic)
  "samordning", // the coordination workspace
  "vardkedjan_planerat", // Vårdkedjan itself, planned maintenance
  "inloggning", // login / SITHS
  "integration",
]);

export const outageStatus = pgEnum("outage_status", ["foreslagen", "pagaende", "avslutad", "avvisad"]);

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
    scope: text().$type<"region" | "units">().notNull(),
    message: text(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    expectedEndAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    declaredByStaffId: uuid().references(() => staff.id),
    endedByStaffId: uuid().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outages_region_status_idx").on(t.regionId, t.status)],
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
  change: jsonb().$type<Record<string, unknown>>().notNull(),
});

/** Telefonkontakt logged during an outage (the digital outage form of seed 002). */
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
    steps: jsonb().$type<string[]>().notNull(),
    direction: text().$type<"lamnat" | "mottaget">().notNull(),
    comment: text(),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    signedByStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    loggedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("phone_contacts_outage_idx").on(t.outageId, t.unitId)],
);
