import { boolean, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { patientIdentifierKind } from "./patient";

/**
 * The demo population register (folkbokföring) behind the patient directory interface; in
 * production the directory is the national register (PU-tjänsten / Navet). Not our patients:
 * a row becomes a patient only when a case is opened.
 */
export const populationRegister = pgTable("population_register", {
  identifier: text().primaryKey(),
  identifierKind: patientIdentifierKind().notNull(),
  givenName: text().notNull(),
  familyName: text().notNull(),
  protectedIdentity: boolean().notNull().default(false),
  streetAddress: text(),
  postalCode: text(),
  city: text(),
  municipalityCode: text(),
  /** The vårdcentral the person is listed at (listing register stand-in). */
  listedUnitHsaId: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
