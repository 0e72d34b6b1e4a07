import { schema, asc, eq, inArray, sql, type DbOrTx, type SQL } from "@vardkedjan/db/client";
import { can } from "@vardkedjan/domain/access/actions";
import type { DeviationCategory, DeviationStatus } from "@vardkedjan/domain/deviation/types";
import { availableDeviationTransitions, type DeviationSide, type DeviationTransition } from "@vardkedjan/domain/deviation/transitions";
import { writeAudit } from "../../audit";
import { checkCaseAccess } from "../case/scope";
import { partyUnitsOf, sideOf, type DeviationViewer } from "./viewer";

export interface DeviationEventView {
  /** Null for the report itself. */
  transition: DeviationTransition | null;
  toStatus: DeviationStatus;
  /** Null without a text, or when the viewer may not read the case. */
  text: string | null;
  by: string;
  organisationName: string;
  at: Date;
}

export interface DeviationView {
  id: string;
  caseId: string;
  caseReference: string;
  category: DeviationCategory;
  status: DeviationStatus;
  version: number;
  /** The viewer's seat: the organisation reported to, or the reporting side. */
  side: DeviationSide;
  /** What the viewer may do now (the domain's state machine). */
  transitions: DeviationTransition[];
  reporterName: string;
  reporterUnitName: string;
  reporterOrganisationName: string;
  receiverOrganisationName: string;
  createdAt: Date;
  updatedAt: Date;
  /**
   * The case's patient, and the free texts, only for a viewer who may read the case (case access
   * through the same rules as the case page); null otherwise, so a deviation list never shows a
   * patient to someone who may not see the case.
   */
  patient: { name: string; identifier: string; protectedIdentity: boolean } | null;
  description: string | null;
  /** The latest answer, if any. */
  answer: { text: string | null; by: string; organisationName: string; at: Date } | null;
  events: DeviationEventView[];
}

/** The most deviations a list shows (newest first). */
export const DEVIATION_LIST_LIMIT = 500;

/**
 * Loads deviations matching `where`, keeps those the viewer has a seat at, and shows each patient
 * (and the free texts) only where the viewer may read the case; every deviation shown with its
 * patient is audited as a read of that patient's data, in the caller's transaction.
 */
export async function loadDeviationViews(tx: DbOrTx, viewer: DeviationViewer, where: SQL, limit = DEVIATION_LIST_LIMIT): Promise<DeviationView[]> {
  const d = schema.deviations;
  const rows = await tx
    .select({
      d,
      caseReference: schema.coordinationCases.reference,
      patientId: schema.coordinationCases.patientId,
      reporterName: sql<string>`${schema.staff.givenName} || ' ' || ${schema.staff.familyName}`,
      reporterUnitName: schema.units.name,
      reporterOrganisationName: sql<string>`(select name from organisations where id = ${d.reporterOrganisationId})`,
      receiverOrganisationName: sql<string>`(select name from organisations where id = ${d.receiverOrganisationId})`,
    })
    .from(d)
    .innerJoin(schema.coordinationCases, eq(schema.coordinationCases.id, d.caseId))
    .innerJoin(schema.staff, eq(schema.staff.id, d.reporterStaffId))
    .innerJoin(schema.units, eq(schema.units.id, d.reporterUnitId))
    .where(where)
    .orderBy(sql`${d.createdAt} desc`, d.id)
    .limit(limit);
  const parties = await partyUnitsOf(
    tx,
    rows.map((r) => r.d.caseId),
  );
  const seated = rows.flatMap((r) => {
    const side = sideOf(viewer, r.d, parties.get(r.d.caseId) ?? []);
    return side ? [{ ...r, side }] : [];
  });
  if (seated.length === 0) return [];

  // Case access, once per case: the same check as the case page (withCaseAccess).
  const readsCases = can(viewer.actor.context.role, "case.read");
  const mayRead = new Set<string>();
  for (const caseId of new Set(seated.map((r) => r.d.caseId))) {
    if (readsCases && (await checkCaseAccess(tx, viewer.actor, caseId))) mayRead.add(caseId);
  }
  const patientIds = [...new Set(seated.filter((r) => mayRead.has(r.d.caseId)).map((r) => r.patientId))];
  const patients = patientIds.length
    ? await tx
        .select({
          id: schema.patients.id,
          givenName: schema.patients.givenName,
          familyName: schema.patients.familyName,
          identifier: schema.patients.identifier,
          protectedIdentity: schema.patients.protectedIdentity,
        })
        .from(schema.patients)
        .where(inArray(schema.patients.id, patientIds))
    : [];
  const patientById = new Map(patients.map((p) => [p.id, p]));

  const eventRows = await tx
    .select({
      deviationId: schema.deviationEvents.deviationId,
      transition: schema.deviationEvents.transition,
      toStatus: schema.deviationEvents.toStatus,
      text: schema.deviationEvents.text,
      by: sql<string>`${schema.staff.givenName} || ' ' || ${schema.staff.familyName}`,
      organisationName: schema.organisations.name,
      at: schema.deviationEvents.at,
    })
    .from(schema.deviationEvents)
    .innerJoin(schema.staff, eq(schema.staff.id, schema.deviationEvents.staffId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.deviationEvents.organisationId))
    .where(
      inArray(
        schema.deviationEvents.deviationId,
        seated.map((r) => r.d.id),
      ),
    )
    .orderBy(asc(schema.deviationEvents.at), asc(schema.deviationEvents.id));

  const views: DeviationView[] = [];
  for (const r of seated) {
    const readable = mayRead.has(r.d.caseId);
    const p = readable ? patientById.get(r.patientId) : undefined;
    const events: DeviationEventView[] = eventRows
      .filter((e) => e.deviationId === r.d.id)
      .map((e) => ({
        transition: e.transition,
        toStatus: e.toStatus,
        text: readable ? e.text : null,
        by: e.by,
        organisationName: e.organisationName,
        at: e.at,
      }));
    const answered = events.filter((e) => e.transition === "besvara").at(-1);
    views.push({
      id: r.d.id,
      caseId: r.d.caseId,
      caseReference: r.caseReference,
      category: r.d.category,
      status: r.d.status,
      version: r.d.version,
      side: r.side,
      transitions: availableDeviationTransitions(r.d.status, r.side),
      reporterName: r.reporterName,
      reporterUnitName: r.reporterUnitName,
      reporterOrganisationName: r.reporterOrganisationName,
      receiverOrganisationName: r.receiverOrganisationName,
      createdAt: r.d.createdAt,
      updatedAt: r.d.updatedAt,
      patient: p ? { name: `${p.givenName} ${p.familyName}`, identifier: p.identifier, protectedIdentity: p.protectedIdentity } : null,
      description: readable ? r.d.description : null,
      answer: answered ? { text: answered.text, by: answered.by, organisationName: answered.organisationName, at: answered.at } : null,
      events,
    });
  }
  // PDL: one row per case whose patient was shown (a list of many deviations on one case is one read).
  const audited = new Set<string>();
  for (const r of seated) {
    if (!mayRead.has(r.d.caseId) || audited.has(r.d.caseId)) continue;
    audited.add(r.d.caseId);
    await writeAudit(tx, viewer.actor, {
      action: "deviation.read",
      activity: "Läsa",
      patientId: r.patientId,
      caseId: r.d.caseId,
      entityType: "deviation",
      entityId: r.d.id,
      details: { deviationIds: seated.filter((x) => x.d.caseId === r.d.caseId).map((x) => x.d.id) },
    });
  }
  return views;
}
