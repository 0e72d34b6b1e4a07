import { schema, and, eq, inArray, type Db, type Tx } from "@vardkedjan/db/client";
import { DUPLICATE_CHECKED_KINDS, duplicateCheckFrom, findPossibleDuplicate } from "@vardkedjan/domain/outage/after-registration-duplicates";
import type { CaseEvent } from "@vardkedjan/domain/case/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { resolveScopeUnitIds } from "../workspace/scope";
import { loadCaseFacts } from "../case/facts";
import { withCaseAccess } from "../case/scope";
import { storedPrefill, type StoredPrefill } from "@vardkedjan/domain/outage/after-registration-prefill";

type ItemRow = typeof schema.afterRegistrationItems.$inferSelect;

export const notOnList = () => new AppError("NOT_FOUND", { userMessage: "Posten finns inte på din enhets lista." });

/** The item's case, if the item is on a list the actor works from (else "not found"). */
export async function itemCaseInScope(db: Db, actor: Actor, itemId: string): Promise<string | null> {
  const scope = await resolveScopeUnitIds(db, actor.context);
  if (scope.length === 0) throw notOnList();
  const [found] = await db
    .select({ caseId: schema.afterRegistrationItems.caseId })
    .from(schema.afterRegistrationItems)
    .where(and(eq(schema.afterRegistrationItems.id, itemId), inArray(schema.afterRegistrationItems.unitId, scope)));
  if (!found) throw notOnList();
  return found.caseId;
}

/**
 * The message in the case that the item would register a second time, by the domain's rule,
 * checked at the moment of registering (another unit may have registered it since the list was
 * made), with the sending unit's name.
 */
export async function currentDuplicate(tx: Tx, item: ItemRow, prefill: StoredPrefill): Promise<{ event: CaseEvent; unitName: string | null } | null> {
  if (!item.caseId || !item.messageKind || !DUPLICATE_CHECKED_KINDS.has(item.kind)) return null;
  let since = prefill.duplicateCheckFrom ? new Date(prefill.duplicateCheckFrom) : null;
  if (!since || Number.isNaN(since.getTime())) {
    const [outage] = await tx.select({ startedAt: schema.outages.startedAt }).from(schema.outages).where(eq(schema.outages.id, item.outageId));
    since = duplicateCheckFrom(outage?.startedAt ?? item.eventAt);
  }
  const loaded = await loadCaseFacts(tx, item.caseId);
  const event = findPossibleDuplicate({
    kind: item.messageKind,
    events: loaded.facts.events,
    since,
    viewerUnitId: item.unitId,
    parties: loaded.facts.parties,
    consents: loaded.facts.consents,
    meetingAt: prefill.payload.meetingAt,
  });
  if (!event) return null;
  const [unit] = await tx.select({ name: schema.units.name }).from(schema.units).where(eq(schema.units.id, event.senderUnitId));
  return { event, unitName: unit?.name ?? null };
}

const staffName = async (tx: Tx, staffId: string | null): Promise<string> => {
  if (!staffId) return "någon annan";
  const [by] = await tx
    .select({ givenName: schema.staff.givenName, familyName: schema.staff.familyName })
    .from(schema.staff)
    .where(eq(schema.staff.id, staffId));
  return by ? `${by.givenName} ${by.familyName}` : "någon annan";
};

/**
 * "Makulera": the user dismisses an item as a duplicate of a message already in the case. Only a
 * possible duplicate may be dismissed (anything else the routine says to register); the reason is
 * required and kept on the item with who and when; the audit row (ids only) is written in the same
 * transaction. The item leaves the to-do list and counts as handled in the progress.
 */
export async function voidAfterRegistrationItem(
  db: Db,
  actor: Actor,
  input: { itemId: string; reason: string },
  now = new Date(),
): Promise<{ status: "makulerad" }> {
  const reason = input.reason.trim();
  if (reason.length === 0) {
    throw new AppError("INVALID_INPUT", {
      userMessage: "Ange varför posten makuleras.",
      details: { fields: [{ path: "reason", message: "Ange varför posten makuleras" }] },
    });
  }
  const caseId = await itemCaseInScope(db, actor, input.itemId);
  if (!caseId) throw new AppError("INVALID_INPUT", { userMessage: "Bara en möjlig dubblett kan makuleras: registrera posten." });

  return withCaseAccess(db, actor, caseId, async (tx, access) => {
    const [item] = await tx.select().from(schema.afterRegistrationItems).where(eq(schema.afterRegistrationItems.id, input.itemId)).for("update");
    if (!item) throw notOnList();
    if (item.status === "klar") throw new AppError("CONFLICT", { userMessage: `Posten är redan registrerad av ${await staffName(tx, item.doneByStaffId)}.` });
    if (item.status === "makulerad") {
      if (item.doneByStaffId === actor.staffId) return { status: "makulerad" as const };
      throw new AppError("CONFLICT", { userMessage: `Posten är redan makulerad av ${await staffName(tx, item.doneByStaffId)}.` });
    }
    const duplicate = await currentDuplicate(tx, item, storedPrefill(item.prefill));
    if (!duplicate) throw new AppError("INVALID_INPUT", { userMessage: "Bara en möjlig dubblett kan makuleras: registrera posten." });
    await tx
      .update(schema.afterRegistrationItems)
      .set({ status: "makulerad", doneAt: now, doneByStaffId: actor.staffId, voidReason: reason })
      .where(eq(schema.afterRegistrationItems.id, item.id));
    await writeAudit(tx, actor, {
      action: "case.after_register",
      activity: "Skriva",
      caseId,
      // An item with a case names its patient through the case (storeAfterRegistrationItems).
      patientId: item.patientId ?? access.patientId,
      entityType: "after_registration_item",
      entityId: item.id,
      details: { outcome: "makulerad", kind: item.kind, outageId: item.outageId, duplicateOf: duplicate.event.id },
    });
    return { status: "makulerad" as const };
  });
}
