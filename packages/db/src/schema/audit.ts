import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only audit log (PDL access log and security events). Rows are written in the same
 * transaction as the change they record; a trigger (migration 0001) forbids UPDATE and DELETE.
 * Fields follow what a PDL access log must show (HSLF-FS 2016:40 4 kap. 9 §): the action, the
 * unit, the time, the user's and the patient's identity.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
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
    index("audit_events_patient_idx").on(t.patientId, t.at),
    index("audit_events_actor_idx").on(t.actorHsaId, t.at),
    index("audit_events_at_idx").on(t.at),
  ],
);
