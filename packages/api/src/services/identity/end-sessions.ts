import { schema, and, inArray, isNull, type DbOrTx } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";

/**
 * Ends login sessions at once, on an administrator's word: each portal loads its session on every
 * page load and API call (`loadSession`) and refuses one with `ended_at` set, so the person meets
 * the login at their next request in every portal the sessions were in. Audited per session, in
 * the caller's transaction. Sessions already ended are left alone; returns the ids ended now.
 */
export async function endSessions(tx: DbOrTx, actor: Actor, sessionIds: readonly string[], reason: string): Promise<string[]> {
  if (sessionIds.length === 0) return [];
  const ended = await tx
    .update(schema.loginSessions)
    .set({ endedAt: new Date() })
    .where(and(inArray(schema.loginSessions.id, [...sessionIds]), isNull(schema.loginSessions.endedAt)))
    .returning({ id: schema.loginSessions.id, staffId: schema.loginSessions.staffId, portal: schema.loginSessions.portal });
  for (const s of ended) {
    await writeAudit(tx, actor, {
      action: "admin.change",
      entityType: "login_session",
      entityId: s.id,
      details: { change: "end_session", reason, staffId: s.staffId, portal: s.portal },
    });
  }
  return ended.map((s) => s.id);
}
