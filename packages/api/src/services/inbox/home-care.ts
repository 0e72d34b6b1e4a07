import { schema, and, eq, inArray, isNull, isNotNull, type Db } from "@vardkedjan/db/client";
import { deriveCaseState } from "@vardkedjan/domain/case/state";
import { viewMessage } from "@vardkedjan/domain/case/visibility";
import { homeComingDate, isNewToUnit } from "@vardkedjan/domain/case/home-care";
import { formatPatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import type { CaseStage } from "@vardkedjan/domain/case/types";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";
import { resolveScopeUnitIds } from "../workspace/scope";
import { loadManyCaseFacts } from "../case/facts";

export interface HomeCareCase {
  caseId: string;
  reference: string;
  stage: CaseStage;
  unitName: string;
  patient: { name: string; identifier: string; protectedIdentity: boolean; registerUnchecked: boolean };
  /** The day the patient is expected home (agreed discharge, else estimated), YYYY-MM-DD. */
  homeComing: string | null;
  /** The agreed discharge time, when there is one. */
  plannedDischargeAt: Date | null;
  dischargedAt: Date | null;
  /** Brought into the case within the last week. */
  isNew: boolean;
  broughtInAt: Date;
  /** The assignments to the unit the viewer may read (uppdrag hemsjukvård): what, and from when. */
  assignments: { messageId: string; tasks: string | null; from: string | null; occurredAt: Date }[];
  unacknowledged: number;
}

/**
 * The home care start page: the open cases the unit is a party to and sees, ordered by the day the
 * patient comes home (soonest first, undated last), each with the assignments to the unit that the
 * case view would show it (hemtjänst sees no assignment content: domain/case/visibility.ts) and how
 * many messages wait for its acknowledgement. Audited as one list read with the case ids.
 */
export async function getHomeCareOverview(db: Db, actor: Actor, now = new Date()): Promise<HomeCareCase[]> {
  const scope = await resolveScopeUnitIds(db, actor.context);
  if (scope.length === 0) return [];
  return db.transaction(async (tx) => {
    const mine = await tx
      .select({
        caseId: schema.caseParties.caseId,
        unitId: schema.caseParties.unitId,
        role: schema.caseParties.role,
        visibleFrom: schema.caseParties.visibleFrom,
        unitName: schema.units.name,
      })
      .from(schema.caseParties)
      .innerJoin(schema.units, eq(schema.units.id, schema.caseParties.unitId))
      .where(
        and(
          inArray(schema.caseParties.unitId, scope),
          isNull(schema.caseParties.removedAt),
          isNotNull(schema.caseParties.visibleFrom),
          eq(schema.caseParties.caseOpen, true),
        ),
      );
    const loaded = await loadManyCaseFacts(tx, [...new Set(mine.map((m) => m.caseId))]);
    const patientIds = loaded.map((l) => l.row.patientId);
    const patients = patientIds.length ? await tx.select().from(schema.patients).where(inArray(schema.patients.id, patientIds)) : [];
    const unacked = mine.length
      ? await tx
          .select({ caseId: schema.messages.caseId, unitId: schema.messageRecipients.unitId })
          .from(schema.messageRecipients)
          .innerJoin(schema.messages, eq(schema.messages.id, schema.messageRecipients.messageId))
          .where(and(inArray(schema.messageRecipients.unitId, scope), isNull(schema.messageRecipients.acknowledgedAt)))
      : [];

    const out: HomeCareCase[] = [];
    for (const l of loaded) {
      const party = mine.find((m) => m.caseId === l.row.id)!;
      const patient = patients.find((p) => p.id === l.row.patientId)!;
      const state = deriveCaseState(l.facts);
      const viewer = { partyRole: party.role, role: actor.context.role };
      const assignments = l.facts.events
        .filter((e) => e.kind === "uppdrag_hemsjukvard" && e.recipientUnitIds.includes(party.unitId))
        .flatMap((e) => {
          const v = viewMessage(viewer, e, l.facts.consents, party.unitId);
          if (!v.visible || Object.keys(v.payload).length === 0) return [];
          return [
            {
              messageId: e.id,
              tasks: typeof v.payload.tasks === "string" ? v.payload.tasks : null,
              from: typeof v.payload.from === "string" ? v.payload.from : null,
              occurredAt: e.occurredAt,
            },
          ];
        });
      out.push({
        caseId: l.row.id,
        reference: l.row.reference,
        stage: state.stage,
        unitName: party.unitName,
        patient: {
          name: `${patient.givenName} ${patient.familyName}`,
          identifier: formatPatientIdentifier({ kind: patient.identifierKind, value: patient.identifier }),
          protectedIdentity: patient.protectedIdentity,
          registerUnchecked: patient.registerUncheckedSince !== null,
        },
        homeComing: homeComingDate({ plannedDischargeAt: state.plannedDischargeAt, estimatedDischargeDate: state.estimatedDischargeDate, stockholmDate }),
        plannedDischargeAt: state.plannedDischargeAt,
        dischargedAt: state.dischargedAt,
        isNew: isNewToUnit(party.visibleFrom!, now),
        broughtInAt: party.visibleFrom!,
        assignments,
        unacknowledged: unacked.filter((u) => u.caseId === l.row.id).length,
      });
    }
    out.sort((a, b) => (a.homeComing ?? "9999").localeCompare(b.homeComing ?? "9999") || a.reference.localeCompare(b.reference));
    if (out.length > 0) {
      await writeAudit(tx, actor, { action: "case.list", activity: "Läsa", entityType: "home_care_start", details: { caseIds: out.map((c) => c.caseId) } });
    }
    return out;
  });
}
