import { schema, and, inArray, isNull, sql, type DbOrTx } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";

/** Why an administrator ended sessions; stored in the audit row (a code, never free text). */
export type EndSessionReason = "rule_changed" | "ended_by_admin";

export interface EndedSession {
  loginSessionId: string;
  staffId: string;
  portal: string;
}

/**
 * Ends login sessions on an administrator's behalf, in the caller's transaction: sets
 * `login_sessions.ended_at`, which `loadSession` (session.ts) refuses, so every portal treats the
 * person as logged out from their next request (each portal loads the session once per request;
 * the cookie only names the row). Sessions already ended are left alone. One audit row per ended
 * session, naming the session, its owner and the reason. The caller decides WHICH sessions the
 * actor may end (its own authorisation and scope); this only ends them.
 */
export async function endSessions(tx: DbOrTx, actor: Actor, sessionIds: readonly string[], reason: EndSessionReason): Promise<EndedSession[]> {
  if (sessionIds.length === 0) return [];
  const ended = await tx
    .update(schema.loginSessions)
    .set({ endedAt: sql`now()` })
    .where(and(inArray(schema.loginSessions.id, [...sessionIds]), isNull(schema.loginSessions.endedAt)))
    .returning({ loginSessionId: schema.loginSessions.id, staffId: schema.loginSessions.staffId, portal: schema.loginSessions.portal });
  for (const s of ended) {
    await writeAudit(tx, actor, {
      action: "session.end",
      entityType: "login_session",
      entityId: s.loginSessionId,
      details: { reason, staffId: s.staffId, portal: s.portal },
    });
  }
  return ended;
}
