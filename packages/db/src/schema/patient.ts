import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { RegisterDifference } from "@vardkedjan/domain/patient/register-check";
import { PATIENT_IDENTIFIER_KINDS } from "@vardkedjan/domain/patient/identifier";
import { units } from "./organisation";

export const patientIdentifierKind = pgEnum("patient_identifier_kind", PATIENT_IDENTIFIER_KINDS);

export const patients = pgTable(
  "patients",
  {
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
    /**
     * Registered by hand because the population register did not know the number or did not answer:
     * "Ej kontrollerad mot folkbokföringen" until the register confirms the person (null: checked).
     */
    registerUncheckedSince: timestamp({ withTimezone: true }),
    /** When the register last confirmed a hand-registered patient, and what it said differently. */
    registerReconciledAt: timestamp({ withTimezone: true }),
    registerDifferences: jsonb().$type<RegisterDifference[]>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The reconciliation job reads only the hand-registered patients.
  (t) => [
    index("patients_register_unchecked_idx")
      .on(t.registerUncheckedSince)
      .where(sql`${t.registerUncheckedSince} is not null`),
  ],
);
