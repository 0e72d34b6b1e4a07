import type { Portal } from "@vardkedjan/domain/identity/types";
import { PORTALS } from "@vardkedjan/domain/identity/types";
import { parsePreferredContexts, parseStoredLoginSession, type StoredDenialReason } from "@vardkedjan/domain/identity/stored";
import { schema, eq, and, isNull, type Db } from "@vardkedjan/db/client";
import type { StoredRoleContext } from "@vardkedjan/db/schema";
import { AppError } from "../../errors";
import { loadSessionRow } from "./session-rows";
import { writeAudit } from "../../audit";
import type { Actor } from "../../actor";

export interface SessionView extends Omit<Actor, "context" | "loginSessionId"> {
  loginSessionId: string;
  /** Contexts of this portal, the preferred one first. */
  contexts: StoredRoleContext[];
  activeContext: StoredRoleContext | null;
  /** Portals where the person has contexts, for "Du hör hemma i …" on the wrong portal. */
  otherPortals: Portal[];
  denialReasons: StoredDenialReason[];
  expiresAt: Date;
}

/**
 * The live login session of a portal, or null when it is unknown, ended or expired. Runs once per
 * request (the portal's context loads it once and hands the view on), so its columns are parsed
 * once per request; requests that ask at the same moment share one read (session-rows.ts).
 */
export async function loadSession(db: Db, loginSessionId: string, portal: Portal, now = new Date()): Promise<SessionView | null> {
  const row = await loadSessionRow(db, loginSessionId);
  if (!row || row.session.portal !== portal || row.session.endedAt !== null || row.session.expiresAt.getTime() <= now.getTime()) return null;
  const { session: raw, staff } = row;
  const stored = parseStoredLoginSession(raw);
  if (!stored) {
    // The stored principal or contexts no longer parse (written by an older version, or damaged):
    // end the session so the person logs in again and the rules are evaluated afresh. Answering
    // "not logged in" is safe; guessing which grants a damaged row meant is not.
    await db
      .update(schema.loginSessions)
      .set({ endedAt: now })
      .where(and(eq(schema.loginSessions.id, raw.id), isNull(schema.loginSessions.endedAt)));
    return null;
  }
  const session = { ...raw, ...stored };
  const preferred = parsePreferredContexts(staff.preferredContexts)[portal];
  const mine = session.contexts.filter((c) => c.portal === portal).sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred));
  const otherPortals = PORTALS.filter((p) => p !== portal && session.contexts.some((c) => c.portal === p));
  return {
    loginSessionId: session.id,
    staffId: staff.id,
    hsaId: staff.hsaId,
    name: `${staff.givenName} ${staff.familyName}`,
    title: staff.title,
    portal,
    contexts: mine,
    activeContext: mine.find((c) => c.id === session.activeContextId) ?? null,
    otherPortals,
    denialReasons: session.denialReasons,
    expiresAt: session.expiresAt,
  };
}

/** The actor for services, when the session has an active context in this portal. */
export function actorOf(view: SessionView): Actor | null {
  if (!view.activeContext) return null;
  return {
    loginSessionId: view.loginSessionId,
    staffId: view.staffId,
    hsaId: view.hsaId,
    name: view.name,
    title: view.title,
    portal: view.portal,
    context: view.activeContext,
  };
}

/**
 * Chooses (after login) or switches (later) the active context. Only a context the rules granted
 * in this portal can be chosen; the choice is remembered as the default and audited.
 */
export async function chooseContext(db: Db, view: SessionView, contextId: string): Promise<StoredRoleContext> {
  const next = view.contexts.find((c) => c.id === contextId);
  if (!next) throw new AppError("FORBIDDEN", { userMessage: "Det arbetssammanhanget finns inte bland dina behörigheter." });
  const previous = view.activeContext;
  if (previous?.id === next.id) return next;
  await db.transaction(async (tx) => {
    await tx.update(schema.loginSessions).set({ activeContextId: next.id }).where(eq(schema.loginSessions.id, view.loginSessionId));
    const [person] = await tx.select({ preferred: schema.staff.preferredContexts }).from(schema.staff).where(eq(schema.staff.id, view.staffId));
    await tx
      .update(schema.staff)
      .set({ preferredContexts: { ...parsePreferredContexts(person?.preferred), [view.portal]: next.id } })
      .where(eq(schema.staff.id, view.staffId));
    await writeAudit(
      tx,
      {
        staffId: view.staffId,
        hsaId: view.hsaId,
        name: view.name,
        portal: view.portal,
        role: next.role,
        unitHsaId: next.scopeHsaId,
        commissionHsaId: next.commissionHsaIds[0] ?? null,
        providerHsaId: next.providerHsaId,
      },
      {
        action: previous ? "session.switch_context" : "session.choose_context",
        entityType: "login_session",
        entityId: view.loginSessionId,
        details: { from: previous?.id ?? null, to: next.id },
      },
    );
  });
  return next;
}

/** Ends the login session (sign-out) and returns the id_token for logout at the IdP. */
export async function endSession(db: Db, loginSessionId: string, portal: Portal): Promise<{ idToken: string | null }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(schema.loginSessions)
      .set({ endedAt: new Date() })
      .where(and(eq(schema.loginSessions.id, loginSessionId), isNull(schema.loginSessions.endedAt)))
      .returning({ idToken: schema.loginSessions.idToken, staffId: schema.loginSessions.staffId });
    if (!row) return { idToken: null };
    await writeAudit(tx, { staffId: row.staffId, portal }, { action: "session.logout", entityType: "login_session", entityId: loginSessionId });
    return { idToken: row.idToken };
  });
}
