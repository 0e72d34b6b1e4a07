import { schema, and, count, inArray, or, type Db } from "@vardkedjan/db/client";
import { can } from "@vardkedjan/domain/access/actions";
import { DEVIATION_LIST_PATH } from "@vardkedjan/domain/deviation/access";
import { availableDeviationTransitions } from "@vardkedjan/domain/deviation/transitions";
import { OPEN_DEVIATION_STATUSES } from "@vardkedjan/domain/deviation/types";
import type { Actor } from "../../actor";
import { statisticsReach } from "./reach";
import { candidateCondition, loadDeviationViewer, partyUnitsOf, sideOf } from "./viewer";

/**
 * For a start page's "Öppna avvikelser": how many, and the page that lists them. Counts only, no
 * patient data (so no audit row).
 * - An administrator: the open deviations (not closed) reported by or to the organisations it
 *   administers (statisticsReach); the link is Förvaltning's statistics page.
 * - A care role: the deviations waiting for the actor's side (new or under investigation for the
 *   receiver, answered for the reporter); the link is the portal's list.
 */
export async function countOpenDeviations(db: Db, actor: Actor): Promise<{ count: number; href: string }> {
  if (can(actor.context.role, "deviation.readStatistics")) {
    const orgIds = (await statisticsReach(db, actor)).map((o) => o.id);
    if (orgIds.length === 0) return { count: 0, href: DEVIATION_LIST_PATH };
    const [row] = await db
      .select({ n: count() })
      .from(schema.deviations)
      .where(
        and(
          inArray(schema.deviations.status, [...OPEN_DEVIATION_STATUSES]),
          or(inArray(schema.deviations.receiverOrganisationId, orgIds), inArray(schema.deviations.reporterOrganisationId, orgIds)),
        ),
      );
    return { count: row?.n ?? 0, href: DEVIATION_LIST_PATH };
  }
  const viewer = await loadDeviationViewer(db, actor);
  const rows = await db
    .select({
      caseId: schema.deviations.caseId,
      status: schema.deviations.status,
      reporterStaffId: schema.deviations.reporterStaffId,
      reporterUnitId: schema.deviations.reporterUnitId,
      reporterOrganisationId: schema.deviations.reporterOrganisationId,
      receiverOrganisationId: schema.deviations.receiverOrganisationId,
    })
    .from(schema.deviations)
    .where(and(inArray(schema.deviations.status, [...OPEN_DEVIATION_STATUSES]), candidateCondition(viewer)));
  const parties = await partyUnitsOf(
    db,
    rows.map((r) => r.caseId),
  );
  const waiting = rows.filter((r) => {
    const side = sideOf(viewer, r, parties.get(r.caseId) ?? []);
    return side !== null && availableDeviationTransitions(r.status, side).length > 0;
  }).length;
  return { count: waiting, href: DEVIATION_LIST_PATH };
}
