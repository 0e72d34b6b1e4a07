import { sql, type Db } from "@vardkedjan/db/client";
import type { DeviationCategory } from "@vardkedjan/domain/deviation/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { statisticsReach } from "./reach";

export interface DeviationStatistics {
  /** The organisations the administrator may choose among. */
  organisations: { id: string; name: string }[];
  organisationId: string | null;
  /** Per month (Stockholm time, "YYYY-MM") and category: received by and reported by the organisation. Counts only. */
  rows: { month: string; category: DeviationCategory; received: number; reported: number }[];
}

/**
 * Förvaltning's counts of deviations per category and month for one organisation of the
 * administrator's reach (statisticsReach). Counts only: no case, patient, person or text.
 * Asking for an organisation outside the reach is refused and audited.
 */
export async function deviationStatistics(db: Db, actor: Actor, input: { organisationId?: string | null }): Promise<DeviationStatistics> {
  const organisations = await statisticsReach(db, actor);
  const organisationId = input.organisationId ?? organisations[0]?.id ?? null;
  if (input.organisationId && !organisations.some((o) => o.id === input.organisationId)) {
    await writeAudit(db, actor, {
      action: "access.denied",
      outcome: "denied",
      entityType: "organisation",
      entityId: input.organisationId,
      details: { reason: "deviation.statistics outside reach" },
    });
    throw new AppError("FORBIDDEN", { userMessage: "Du kan bara se avvikelser för organisationer som du administrerar." });
  }
  if (!organisationId) return { organisations, organisationId: null, rows: [] };
  const res = await db.execute<{ month: string; category: DeviationCategory; received: number; reported: number }>(sql`
    select to_char(created_at at time zone 'Europe/Stockholm', 'YYYY-MM') as month, category::text as category,
           count(*) filter (where receiver_organisation_id = ${organisationId})::int as received,
           count(*) filter (where reporter_organisation_id = ${organisationId})::int as reported
    from deviations
    where receiver_organisation_id = ${organisationId} or reporter_organisation_id = ${organisationId}
    group by 1, 2
    order by 1 desc, 2`);
  return { organisations, organisationId, rows: res.rows };
}
