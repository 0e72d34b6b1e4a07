import "../zod-csp";
import * as z from "zod";
import type { ContextDescription } from "./context-label";
import { mappingRuleSchema } from "./rule-schema";
import { PORTALS, ROLES, type DenialReason, type MappingRule, type Portal, type Principal, type RoleContext } from "./types";

/**
 * The identity columns as stored in PostgreSQL (jsonb), parsed on the way out: a row written by
 * an older version, or edited by hand, must not travel through the code under a type it no longer
 * has. Each schema mirrors its type in ./types; `satisfies` keeps the two from drifting apart.
 */

const portal = z.enum(PORTALS);
const role = z.enum(ROLES);

const commissionRight = z.object({ activity: z.string(), informationClass: z.string(), scope: z.string() });

export const storedPrincipalSchema = z.object({
  employeeHsaId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  displayName: z.string(),
  personalIdentityNumber: z.string().optional(),
  title: z.string().optional(),
  systemRoles: z.array(z.object({ systemId: z.string(), role: z.string(), raw: z.string() })),
  paTitleCodes: z.array(z.string()),
  licences: z.array(z.string()),
  titles: z.array(z.string()),
  loa: z.string().optional(),
  authMethod: z.string().optional(),
  commissions: z.array(
    z.object({
      hsaId: z.string(),
      name: z.string(),
      purpose: z.string(),
      rights: z.array(commissionRight),
      unitHsaId: z.string(),
      unitName: z.string(),
      providerHsaId: z.string(),
      providerName: z.string(),
      providerOrgNo: z.string(),
      validFrom: z.string().optional(),
      validTo: z.string().optional(),
      feigned: z.boolean().optional(),
      archived: z.boolean().optional(),
    }),
  ),
  allEmployeeHsaIds: z.array(z.string()).optional(),
}) satisfies z.ZodType<Principal>;

const contextDescription = z.object({
  roleLabel: z.string(),
  portalLabel: z.string(),
  unitName: z.string(),
  parentName: z.string().optional(),
  label: z.string(),
}) satisfies z.ZodType<ContextDescription>;

/** A role context as stored in a login session, with its Swedish label resolved at login. */
export type StoredRoleContext = RoleContext & { label: ContextDescription };

export const storedRoleContextSchema = z.object({
  id: z.string(),
  portal,
  role,
  scopeHsaId: z.string().nullable(),
  includeDescendants: z.boolean(),
  providerHsaId: z.string().nullable(),
  commissionHsaIds: z.array(z.string()),
  ruleIds: z.array(z.string()),
  rights: z.array(commissionRight),
  label: contextDescription,
}) satisfies z.ZodType<StoredRoleContext>;

export const storedRoleContextsSchema = z.array(storedRoleContextSchema);

/** Only code and message are kept from a DenialReason: the page that explains shows no more. */
export type StoredDenialReason = Pick<DenialReason, "message"> & { code: string };
export const storedDenialReasonsSchema = z.array(z.object({ code: z.string(), message: z.string() })) satisfies z.ZodType<StoredDenialReason[]>;

/** Last chosen context id per portal (`staff.preferred_contexts`). */
export type PreferredContexts = Partial<Record<Portal, string>>;
export const preferredContextsSchema = z.partialRecord(portal, z.string()) satisfies z.ZodType<PreferredContexts>;

export interface StoredLoginSession {
  principal: Principal;
  contexts: StoredRoleContext[];
  denialReasons: StoredDenialReason[];
}

const storedLoginSessionSchema = z.object({
  principal: storedPrincipalSchema,
  contexts: storedRoleContextsSchema,
  denialReasons: storedDenialReasonsSchema,
});

/**
 * A login session's stored columns, or null when any of them no longer parses. The caller ends
 * such a session: the person logs in again and gets freshly evaluated contexts, which is safer
 * than guessing which grants a damaged row meant.
 */
export function parseStoredLoginSession(row: { principal: unknown; contexts: unknown; denialReasons: unknown }): StoredLoginSession | null {
  const parsed = storedLoginSessionSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

/**
 * A person's remembered choices. A damaged value only loses the default in the chooser, so it
 * reads as "nothing remembered" rather than failing the request.
 */
export function parsePreferredContexts(value: unknown): PreferredContexts {
  const parsed = preferredContextsSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

export type StoredRules = { rules: MappingRule[]; invalidIds: string[]; silencedOwners: string[] };

/**
 * The stored mapping rules, checked with the same schema as when an administrator saves one.
 * A rule that no longer parses cannot be read, so it may have been a denial: every rule of its
 * organisation is left out until it is mended (fail closed: those people get no context from
 * that organisation), while other organisations' rules still apply, so one damaged rule does not
 * lock out the whole country. The ids are reported for the log.
 */
export function parseStoredRules(rows: { id: string; ownerOrgHsaId: string; rule: unknown }[]): StoredRules {
  const parsed = rows.map((row) => ({ row, result: mappingRuleSchema.safeParse(row.rule) }));
  const invalid = parsed.filter((p) => !p.result.success).map((p) => p.row);
  const silenced = new Set(invalid.map((r) => r.ownerOrgHsaId));
  const rules = parsed.flatMap((p) => (p.result.success && !silenced.has(p.row.ownerOrgHsaId) ? [p.result.data] : []));
  return { rules, invalidIds: invalid.map((r) => r.id), silencedOwners: [...silenced] };
}
