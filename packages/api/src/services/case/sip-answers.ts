import { schema, and, eq, inArray, type Db } from "@vardkedjan/db/client";
import { messageAudience } from "@vardkedjan/domain/case/party-visibility";
import { answeringUnit, currentAnswers, invitedUnits } from "@vardkedjan/domain/case/sip-answers";
import type { SipAnswer } from "@vardkedjan/domain/case/structured-content";
import { viewMessage } from "@vardkedjan/domain/case/visibility";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { loadCaseFacts } from "./facts";
import { withCaseAccess } from "./scope";

export const SIP_COMMENT_MAX = 1000;

export interface SipCallAnswers {
  callMessageId: string;
  /** The called parties, each with its current answer. */
  invited: { unitId: string; unitName: string; answer: SipAnswer | null; comment: string | null; answeredAt: Date | null; answeredBy: string | null }[];
  /** The viewer's unit that the call names (it may answer), or null. */
  myUnitId: string | null;
}

/**
 * The answers to each SIP call of the case that the viewer may see, under the case view's rules
 * (a call hidden from the viewer, or one whose called parties are redacted, shows no answers).
 * Audited as a read of the case.
 */
export async function listSipAnswers(db: Db, actor: Actor, caseId: string): Promise<SipCallAnswers[]> {
  return withCaseAccess(db, actor, caseId, async (tx, access) => {
    const { facts } = await loadCaseFacts(tx, caseId);
    const viewer = { partyRole: access.viewerRole, role: actor.context.role };
    const myUnit = access.viewerUnitIds[0]!;
    const calls = facts.events
      .filter((e) => e.kind === "kallelse_sip")
      .map((e) => ({ id: e.id, view: viewMessage(viewer, e, facts.consents, myUnit) }))
      .flatMap((c) => (c.view.visible ? [{ id: c.id, invited: invitedUnits(c.view.payload) }] : []))
      .filter((c) => c.invited.length > 0);
    if (calls.length === 0) return [];
    const rows = await tx
      .select({
        callMessageId: schema.sipAnswers.callMessageId,
        unitId: schema.sipAnswers.unitId,
        answer: schema.sipAnswers.answer,
        comment: schema.sipAnswers.comment,
        answeredAt: schema.sipAnswers.answeredAt,
        givenName: schema.staff.givenName,
        familyName: schema.staff.familyName,
      })
      .from(schema.sipAnswers)
      .innerJoin(schema.staff, eq(schema.staff.id, schema.sipAnswers.answeredByStaffId))
      .where(
        and(
          eq(schema.sipAnswers.caseId, caseId),
          inArray(
            schema.sipAnswers.callMessageId,
            calls.map((c) => c.id),
          ),
        ),
      );
    const unitIds = [...new Set(calls.flatMap((c) => c.invited))];
    const units = await tx.select({ id: schema.units.id, name: schema.units.name }).from(schema.units).where(inArray(schema.units.id, unitIds));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    await writeAudit(tx, actor, {
      action: "case.read",
      activity: "Läsa",
      patientId: access.patientId,
      caseId,
      entityType: "sip_answers",
      entityId: caseId,
    });
    return calls.map((c) => {
      const stored = rows
        .filter((r) => r.callMessageId === c.id)
        .map((r) => ({ unitId: r.unitId, answer: r.answer, comment: r.comment, answeredAt: r.answeredAt, answeredBy: `${r.givenName} ${r.familyName}` }));
      const mine = answeringUnit(c.invited, access.viewerUnitIds);
      return {
        callMessageId: c.id,
        invited: currentAnswers(c.invited, stored).map(({ unitId, answer }) => ({
          unitId,
          unitName: unitName.get(unitId) ?? "",
          answer: answer?.answer ?? null,
          comment: answer?.comment ?? null,
          answeredAt: answer?.answeredAt ?? null,
          answeredBy: answer?.answeredBy ?? null,
        })),
        myUnitId: mine.ok ? mine.unitId : null,
      };
    });
  });
}

/**
 * A called party accepts or declines a SIP call, for its unit: a new answer row (the latest
 * counts), audited, and news to the parties that see the call.
 */
export async function answerSipCall(
  db: Db,
  actor: Actor,
  input: { caseId: string; callMessageId: string; answer: SipAnswer; comment?: string },
  now = new Date(),
): Promise<{ answeredAt: Date }> {
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > SIP_COMMENT_MAX) {
    const message = `Kommentaren får vara högst ${SIP_COMMENT_MAX} tecken`;
    throw new AppError("INVALID_INPUT", { userMessage: message, details: { fields: [{ path: "comment", message }] } });
  }
  return withCaseAccess(db, actor, input.caseId, async (tx, access) => {
    const loaded = await loadCaseFacts(tx, input.caseId);
    const call = loaded.facts.events.find((e) => e.id === input.callMessageId && e.kind === "kallelse_sip");
    if (!call) throw new AppError("NOT_FOUND", { userMessage: "Kallelsen till SIP finns inte i ärendet." });
    if (loaded.row.closedAt) throw new AppError("TRANSITION_NOT_ALLOWED", { userMessage: "Ärendet är avslutat. Kallelsen kan inte längre besvaras." });
    const unit = answeringUnit(invitedUnits(call.payload), access.viewerUnitIds);
    if (!unit.ok) throw new AppError("INVALID_INPUT", { userMessage: unit.message });
    await tx.insert(schema.sipAnswers).values({
      caseId: input.caseId,
      callMessageId: call.id,
      unitId: unit.unitId,
      answer: input.answer,
      comment,
      answeredByStaffId: actor.staffId,
      answeredAt: now,
    });
    await writeAudit(tx, actor, {
      action: "case.sip_answer",
      activity: "Skriva",
      patientId: access.patientId,
      caseId: input.caseId,
      entityType: "message",
      entityId: call.id,
      details: { answer: input.answer, unitId: unit.unitId },
    });
    await notifyChange(tx, {
      type: "case.changed",
      caseId: input.caseId,
      unitIds: messageAudience(loaded.parties, call, loaded.facts.consents),
      kind: "sip_svar",
    });
    return { answeredAt: now };
  });
}
