import { boolean, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { PATIENT_IDENTIFIER_KINDS } from "@vardkedjan/domain/patient/identifier";
import { units } from "./organisation";

export const patientIdentifierKind = pgEnum("patient_identifier_kind", PATIENT_IDENTIFIER_KINDS);

export const patients = pgTable("patients", {
  id: uuid().primaryKey().defaultRandom(),
  identifierKind: patientIdentifierKind().notNull(),
  /** 12 digits for personnummer/samordningsnummer; the normalised reserve number otherwise. */
  identifier: text().notNull().unique(),
  givenName: text().notNull(),
  familyName: text().notNull(),
  /** Skyddade personuppgifter: the address is never shown or sent. */
  protectedIdentity: boolean().notNull().default(false),
  streetAddress: text(),
  postalCode: text(),
  city: text(),
  /** Folkbokföringskommun (kommunkod). */
  municipalityCode: text(),
  /** The vårdcentral the patient is listed at, when known. */
  listedUnitId: uuid().references(() => units.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
