import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, boolean, unique } from "drizzle-orm/pg-core";
import type { MappingRule, Portal, Principal } from "@vardkedjan/domain/identity/types";
import type { PreferredContexts, StoredDenialReason, StoredRoleContext } from "@vardkedjan/domain/identity/stored";
import { organisations } from "./organisation";

/**
 * The jsonb columns below carry the domain's types for writing; what is read back is parsed with
 * the schemas in the domain's identity/stored module before use.
 */
export type { StoredRoleContext };

/** A member of staff as known from SITHS/HSA logins (keyed on employeeHsaId, never on `sub`). */
export const staff = pgTable("staff", {
  id: uuid().primaryKey().defaultRandom(),
  hsaId: text().notNull().unique(),
  givenName: text().notNull(),
  familyName: text().notNull(),
  title: text(),
  /** The organisation whose catalogue issued the HSA-id, when known. */
  organisationId: uuid().references(() => organisations.id),
  /** Last chosen context per portal: the default next time. */
  preferredContexts: jsonb().$type<PreferredContexts>().notNull().default({}),
  lastLoginAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Where a person has commissions (medarbetaruppdrag), as last seen at login (or in the demo
 * data): used to offer "a person with a context at that vårdcentral" as fast vårdkontakt.
 */
export const staffCommissions = pgTable(
  "staff_commissions",
  {
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    commissionHsaId: text().notNull(),
    unitHsaId: text().notNull(),
    purpose: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.commissionHsaId] }), index("staff_commissions_unit_idx").on(t.unitHsaId)],
);

/**
 * Server-side half of a portal session. The Auth.js JWT carries only this row's id; the full
 * claim set and the evaluated contexts stay here: a cookie with many commissions overflows.
 */
export const loginSessions = pgTable(
  "login_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    portal: text().$type<Portal>().notNull(),
    principal: jsonb().$type<Principal>().notNull(),
    contexts: jsonb().$type<StoredRoleContext[]>().notNull(),
    /** Swedish reasons when no context was granted. */
    denialReasons: jsonb().$type<StoredDenialReason[]>().notNull().default([]),
    activeContextId: text(),
    /** The id_token for RP-initiated logout at the IdP. */
    idToken: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("login_sessions_staff_idx").on(t.staffId)],
);

/** Role-mapping rules stored as data; editable in Förvaltning. */
export const roleMappingRules = pgTable("role_mapping_rules", {
  id: text().primaryKey(),
  ownerOrgHsaId: text().notNull(),
  version: integer().notNull().default(1),
  enabled: boolean().notNull().default(true),
  priority: integer().notNull(),
  rule: jsonb().$type<MappingRule>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedByStaffId: uuid().references(() => staff.id),
});

/** What a saved version did to its rule. */
export type RuleChangeKind = "created" | "updated" | "disabled" | "enabled";

/**
 * Every saved version of a rule, written in the same transaction as the save: who, when, what
 * kind of change and which fields changed. `role_mapping_rules` holds the current version; a save
 * names the version it was made from (optimistic versioning), so two editors cannot overwrite each
 * other unseen.
 */
export const roleMappingRuleVersions = pgTable(
  "role_mapping_rule_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    ruleId: text()
      .notNull()
      .references(() => roleMappingRules.id),
    version: integer().notNull(),
    rule: jsonb().$type<MappingRule>().notNull(),
    change: text().$type<RuleChangeKind>().notNull(),
    /** Dotted paths of the fields that differ from the previous version (empty when created). */
    changedFields: jsonb().$type<string[]>().notNull().default([]),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    changedByStaffId: uuid().references(() => staff.id),
    changedByName: text(),
  },
  (t) => [unique("role_mapping_rule_versions_rule_version_key").on(t.ruleId, t.version)],
);
