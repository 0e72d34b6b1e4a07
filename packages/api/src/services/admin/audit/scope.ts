import { sql, type DbOrTx } from "@vardkedjan/db/client";
import type { Actor } from "../../../actor";
import { AppError } from "../../../errors";
import { writeAudit, type AuditAction } from "../../../audit";

/** The organisation whose staff's accesses a reviewer may see. */
export interface ReviewerOrganisation {
  id: string;
  hsaId: string;
  name: string;
}

export const OWN_STAFF_ONLY = "Du kan bara granska åtkomster som din egen organisations personal har gjort.";

/**
 * A region reviews its own staff's accesses, a kommun its own staff's: the organisation of the
 * reviewer's context (the organisation itself, or the one owning the context's unit). Audit rows
 * carry the actor's organisation from when they were written (audit_events.actor_org_hsa_id), so
 * the scope is a plain filter on it.
 */
export async function reviewerOrganisation(db: DbOrTx, actor: Actor): Promise<ReviewerOrganisation> {
  const scope = actor.context.scopeHsaId;
  const [org] = scope
    ? (
        await db.execute<ReviewerOrganisation & Record<string, unknown>>(sql`
          select o.id, o.hsa_id as "hsaId", o.name from organisations o
          where o.hsa_id = ${scope} or o.id = (select u.organisation_id from units u where u.hsa_id = ${scope})
          limit 1`)
      ).rows
    : [];
  if (!org) throw new AppError("FORBIDDEN", { userMessage: "Ditt arbetssammanhang hör inte till någon organisation vars logg kan granskas." });
  return org;
}

/** A review action outside the reviewer's organisation: audited (committed on its own) and refused in Swedish. */
export async function refuseOutsideOrganisation(db: DbOrTx, actor: Actor, action: AuditAction, details: Record<string, unknown>): Promise<never> {
  await writeAudit(db, actor, { action, outcome: "denied", entityType: "audit_log", details: { reason: "outside_own_organisation", ...details } });
  throw new AppError("FORBIDDEN", { userMessage: OWN_STAFF_ONLY });
}
