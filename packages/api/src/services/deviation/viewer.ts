import { schema, and, eq, inArray, isNotNull, isNull, or, sql, type DbOrTx } from "@vardkedjan/db/client";
import { can } from "@vardkedjan/domain/access/actions";
import { deviationSide } from "@vardkedjan/domain/deviation/access";
import type { DeviationSide } from "@vardkedjan/domain/deviation/transitions";
import type { OrganisationKind } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../../actor";
import { resolveScopeUnitIds } from "../workspace/scope";

export interface ActorOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  regionId: string | null;
}

/** The organisation the actor's context belongs to: its scope's organisation, or the organisation of its scope unit. */
export async function organisationOfActor(db: DbOrTx, actor: Actor): Promise<ActorOrganisation | null> {
  if (!actor.context.scopeHsaId) return null;
  const res = await db.execute<{ id: string; name: string; kind: OrganisationKind; region_id: string | null }>(sql`
    select o.id, o.name, o.kind::text as kind, o.region_id
    from organisations o
    where o.hsa_id = ${actor.context.scopeHsaId}
       or o.id = (select u.organisation_id from units u where u.hsa_id = ${actor.context.scopeHsaId})
    limit 1`);
  const row = res.rows[0];
  return row ? { id: row.id, name: row.name, kind: row.kind, regionId: row.region_id } : null;
}

/** What the services need to know about the actor to seat them at a deviation. */
export interface DeviationViewer {
  actor: Actor;
  organisation: ActorOrganisation | null;
  scope: ReadonlySet<string>;
  handles: boolean;
}

export async function loadDeviationViewer(db: DbOrTx, actor: Actor): Promise<DeviationViewer> {
  const [organisation, scope] = await Promise.all([organisationOfActor(db, actor), resolveScopeUnitIds(db, actor.context)]);
  return { actor, organisation, scope: new Set(scope), handles: can(actor.context.role, "deviation.handle") };
}

export interface PartyUnit {
  unitId: string;
  organisationId: string;
}

/** The units taking part in each case (not removed, and seeing it), with their organisations. */
export async function partyUnitsOf(db: DbOrTx, caseIds: readonly string[]): Promise<Map<string, PartyUnit[]>> {
  const out = new Map<string, PartyUnit[]>();
  if (caseIds.length === 0) return out;
  const rows = await db
    .select({ caseId: schema.caseParties.caseId, unitId: schema.caseParties.unitId, organisationId: schema.units.organisationId })
    .from(schema.caseParties)
    .innerJoin(schema.units, eq(schema.units.id, schema.caseParties.unitId))
    .where(and(inArray(schema.caseParties.caseId, [...new Set(caseIds)]), isNull(schema.caseParties.removedAt), isNotNull(schema.caseParties.visibleFrom)));
  for (const r of rows) out.set(r.caseId, [...(out.get(r.caseId) ?? []), { unitId: r.unitId, organisationId: r.organisationId }]);
  return out;
}

export interface DeviationParties {
  reporterStaffId: string;
  reporterUnitId: string;
  reporterOrganisationId: string;
  receiverOrganisationId: string;
}

/** The viewer's seat at one deviation (domain deviationSide), or null: the deviation is not theirs to see. */
export function sideOf(viewer: DeviationViewer, d: DeviationParties, parties: readonly PartyUnit[]): DeviationSide | null {
  const orgId = viewer.organisation?.id ?? null;
  const organisation: DeviationSide | null = orgId === d.receiverOrganisationId ? "mottagare" : orgId === d.reporterOrganisationId ? "anmalare" : null;
  return deviationSide({
    isReporter: d.reporterStaffId === viewer.actor.staffId,
    coversReportingUnit: viewer.scope.has(d.reporterUnitId),
    handlesDeviations: viewer.handles,
    organisation,
    coversOwnPartyUnit: parties.some((p) => p.organisationId === orgId && viewer.scope.has(p.unitId)),
  });
}

/**
 * A first cut in SQL of the deviations the viewer may see (sideOf decides each): its own reports
 * and its units', and, for a responsible function, its organisation's received and reported ones.
 */
export function candidateCondition(viewer: DeviationViewer) {
  const conditions = [eq(schema.deviations.reporterStaffId, viewer.actor.staffId)];
  if (viewer.scope.size > 0) conditions.push(inArray(schema.deviations.reporterUnitId, [...viewer.scope]));
  if (viewer.handles && viewer.organisation) {
    conditions.push(eq(schema.deviations.receiverOrganisationId, viewer.organisation.id), eq(schema.deviations.reporterOrganisationId, viewer.organisation.id));
  }
  return or(...conditions)!;
}
