import { schema, and, asc, eq, inArray, type Db } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { withCaseAccess } from "./scope";

export const INTERNAL_NOTE_MAX = 4000;

export interface InternalNoteView {
  id: string;
  text: string;
  authorName: string;
  unitName: string;
  createdAt: Date;
}

/**
 * The viewer's own unit's notes on a case. Read only here, by the reader's party units, so no
 * other party (nor a party without consent, nor hemtjänst) can reach another unit's note: the
 * case view, its documents, the live events, the worklist and the exports never read this table.
 * Audited as a read of patient data.
 */
export async function listInternalNotes(db: Db, actor: Actor, caseId: string): Promise<InternalNoteView[]> {
  return withCaseAccess(db, actor, caseId, async (tx, access) => {
    const rows = await tx
      .select({
        id: schema.caseInternalNotes.id,
        text: schema.caseInternalNotes.text,
        createdAt: schema.caseInternalNotes.createdAt,
        givenName: schema.staff.givenName,
        familyName: schema.staff.familyName,
        unitName: schema.units.name,
      })
      .from(schema.caseInternalNotes)
      .innerJoin(schema.staff, eq(schema.staff.id, schema.caseInternalNotes.authorStaffId))
      .innerJoin(schema.units, eq(schema.units.id, schema.caseInternalNotes.unitId))
      .where(and(eq(schema.caseInternalNotes.caseId, caseId), inArray(schema.caseInternalNotes.unitId, access.viewerUnitIds)))
      .orderBy(asc(schema.caseInternalNotes.createdAt), asc(schema.caseInternalNotes.id));
    await writeAudit(tx, actor, {
      action: "case.internal_note_read",
      activity: "Läsa",
      patientId: access.patientId,
      caseId,
      entityType: "internal_notes",
      entityId: caseId,
      details: { notes: rows.length },
    });
    return rows.map((r) => ({ id: r.id, text: r.text, authorName: `${r.givenName} ${r.familyName}`, unitName: r.unitName, createdAt: r.createdAt }));
  });
}

/** Writes a note that only the writer's unit sees. Audited; the live event goes to that unit alone. */
export async function addInternalNote(db: Db, actor: Actor, input: { caseId: string; text: string }, now = new Date()): Promise<{ id: string }> {
  const text = input.text.trim();
  if (!text)
    throw new AppError("INVALID_INPUT", {
      userMessage: "Anteckningen får inte vara tom",
      details: { fields: [{ path: "text", message: "Anteckningen får inte vara tom" }] },
    });
  if (text.length > INTERNAL_NOTE_MAX) {
    const message = `Anteckningen får vara högst ${INTERNAL_NOTE_MAX} tecken`;
    throw new AppError("INVALID_INPUT", { userMessage: message, details: { fields: [{ path: "text", message }] } });
  }
  return withCaseAccess(db, actor, input.caseId, async (tx, access) => {
    const unitId = access.viewerUnitIds[0]!;
    const [row] = await tx
      .insert(schema.caseInternalNotes)
      .values({ caseId: input.caseId, unitId, authorStaffId: actor.staffId, text, createdAt: now })
      .returning({ id: schema.caseInternalNotes.id });
    await writeAudit(tx, actor, {
      action: "case.internal_note_write",
      activity: "Skriva",
      patientId: access.patientId,
      caseId: input.caseId,
      entityType: "internal_note",
      entityId: row!.id,
    });
    await notifyChange(tx, { type: "case.changed", caseId: input.caseId, unitIds: [unitId], kind: "intern_anteckning" });
    return { id: row!.id };
  });
}
