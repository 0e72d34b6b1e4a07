import { normaliseClaims, ClaimError } from "@vardkedjan/domain/identity/claims";
import { evaluateRules } from "@vardkedjan/domain/identity/evaluate";
import { describeContext } from "@vardkedjan/domain/identity/context-label";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { schema, sql, type Db } from "@vardkedjan/db/client";
import { parsePreferredContexts, type StoredRoleContext } from "@vardkedjan/domain/identity/stored";
import { setStaffCommissions } from "@vardkedjan/db/staff";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { loadOrgTree } from "./org-tree";
import { loadLoginRules } from "./rules";

export interface SignInInput {
  portal: Portal;
  claims: Record<string, unknown>;
  idToken?: string;
  now?: Date;
  maxAgeSeconds: number;
}

/**
 * A successful IdP login: normalise the claims, map them to role contexts with the stored rules,
 * remember the person, open a server-side login session and audit the login — all in one
 * transaction. A login that grants nothing still gets a session, so the portal can explain why.
 */
export async function signIn(db: Db, input: SignInInput): Promise<{ loginSessionId: string }> {
  const now = input.now ?? new Date();
  let principal;
  try {
    principal = normaliseClaims(input.claims);
  } catch (e) {
    if (e instanceof ClaimError) throw new AppError("INVALID_INPUT", { userMessage: e.message });
    throw e;
  }

  return db.transaction(async (tx) => {
    // One connection per transaction: queries run one after the other.
    const tree = await loadOrgTree(tx);
    const rules = await loadLoginRules(tx);
    const result = evaluateRules(principal, rules, tree, now);
    const contexts: StoredRoleContext[] = result.contexts.map((c) => ({ ...c, label: describeContext(c, tree) }));

    const title = principal.title ?? principal.titles[0] ?? principal.licences[0] ?? null;
    const [person] = await tx
      .insert(schema.staff)
      .values({ hsaId: principal.employeeHsaId, givenName: principal.givenName, familyName: principal.familyName, title, lastLoginAt: now })
      .onConflictDoUpdate({
        target: schema.staff.hsaId,
        set: { givenName: principal.givenName, familyName: principal.familyName, title, lastLoginAt: now },
      })
      .returning();
    if (!person) throw new AppError("INTERNAL", { internal: "staff upsert returned nothing" });
    await setStaffCommissions(
      tx,
      person.id,
      principal.commissions.map((c) => ({ commissionHsaId: c.hsaId, unitHsaId: c.unitHsaId, purpose: c.purpose })),
    );

    const mine = contexts.filter((c) => c.portal === input.portal);
    const preferred = parsePreferredContexts(person.preferredContexts)[input.portal];
    // One context: enter it. Several: the chooser (with the last choice first). None: explain.
    const activeContextId = mine.length === 1 ? mine[0]!.id : null;

    const [session] = await tx
      .insert(schema.loginSessions)
      .values({
        staffId: person.id,
        portal: input.portal,
        principal,
        contexts,
        denialReasons: result.reasons.map((r) => ({ code: r.code, message: r.message })),
        activeContextId,
        idToken: input.idToken ?? null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: sql`${now.toISOString()}::timestamptz + make_interval(secs => ${input.maxAgeSeconds})`,
      })
      .returning({ id: schema.loginSessions.id });
    if (!session) throw new AppError("INTERNAL", { internal: "login session insert returned nothing" });

    const active = mine.find((c) => c.id === activeContextId);
    await writeAudit(
      tx,
      {
        staffId: person.id,
        hsaId: person.hsaId,
        name: `${person.givenName} ${person.familyName}`,
        portal: input.portal,
        role: active?.role ?? null,
        unitHsaId: active?.scopeHsaId ?? null,
        commissionHsaId: active?.commissionHsaIds[0] ?? null,
        providerHsaId: active?.providerHsaId ?? null,
      },
      {
        action: contexts.length > 0 ? "session.login" : "session.login_denied",
        outcome: contexts.length > 0 ? "success" : "denied",
        entityType: "login_session",
        entityId: session.id,
        details: {
          loa: principal.loa ?? null,
          contextsInPortal: mine.length,
          contextsTotal: contexts.length,
          preferredContextId: preferred ?? null,
          reasons: result.reasons.map((r) => r.code),
        },
      },
    );
    return { loginSessionId: session.id };
  });
}
