import { schema, and, eq, inArray, or, type Db, type Tx } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { requireOwnRegion } from "./region";
import { routineProfileFor } from "./profile";
import { computeAndStoreAfterRegistration } from "./after-registration";

import type { OutageScopeKind, OutageSystem } from "@vardkedjan/domain/outage/types";
import { declaredChange, updatedChange } from "@vardkedjan/domain/outage/outage-change";
import { contactConfirmationFrom } from "@vardkedjan/domain/outage/contact-confirmation";

export interface DeclareOutageInput {
  system: OutageSystem;
  systemDetail?: string | null;
  scope: OutageScopeKind;
  unitIds?: string[];
  expectedEndAt?: Date | null;
  message?: string | null;
  /** Double-click protection: the same key from the same person declares once. */
  idempotencyKey: string;
}

async function requireRegion(db: Db | Tx, actor: Actor): Promise<string> {
  return (await requireOwnRegion(db, actor, "Driftstörningar hanteras av regionens systemförvaltare.")).id;
}

async function loadOwnOutage(tx: Tx, actor: Actor, outageId: string) {
  const regionId = await requireRegion(tx, actor);
  const [outage] = await tx
    .select()
    .from(schema.outages)
    .where(and(eq(schema.outages.id, outageId), eq(schema.outages.regionId, regionId)))
    .for("update");
  if (!outage) throw new AppError("NOT_FOUND", { userMessage: "Driftstörningen finns inte i din region." });
  return outage;
}

/**
 * "Starta driftstörning": recorded with its scope and who declared it; every affected page
 * switches at once. Whether and when the kommuner's representatives are asked to confirm the
 * contact list is the routine's (domain/outage/contact-confirmation.ts): the answer says from
 * when, and Förvaltning's background job asks them then (services/outage/contact-mail.ts), not
 * for an outage ended before it. A replayed key (double click, retry after a network error)
 * returns the outage it started, with no new writes.
 */
export async function declareOutage(
  db: Db,
  actor: Actor,
  input: DeclareOutageInput,
  now = new Date(),
): Promise<{ outageId: string; confirmationFrom: Date | null }> {
  if (input.expectedEndAt && input.expectedEndAt <= now) throw new AppError("INVALID_INPUT", { userMessage: "Beräknat slut måste ligga i framtiden." });
  if (input.scope === "units" && !input.unitIds?.length)
    throw new AppError("INVALID_INPUT", { userMessage: "Välj minst en enhet som berörs, eller hela regionen." });
  const findDeclared = async (tx: Tx) => {
    const [row] = await tx
      .select({ id: schema.outages.id })
      .from(schema.outages)
      .where(and(eq(schema.outages.declaredByStaffId, actor.staffId), eq(schema.outages.idempotencyKey, input.idempotencyKey)));
    return row ? { outageId: row.id } : null;
  };
  const declared = await db.transaction(async (tx) => {
    const regionId = await requireRegion(tx, actor);
    const dup = await findDeclared(tx);
    if (dup) return { ...dup, regionId };
    const unitIds = input.scope === "units" ? [...new Set(input.unitIds)] : [];
    if (unitIds.length) {
      // Only units of the region and its kommuner and providers.
      const ok = await tx
        .select({ id: schema.units.id })
        .from(schema.units)
        .innerJoin(schema.organisations, eq(schema.organisations.id, schema.units.organisationId))
        .where(and(inArray(schema.units.id, unitIds), or(eq(schema.organisations.id, regionId), eq(schema.organisations.regionId, regionId))));
      if (ok.length !== unitIds.length) throw new AppError("INVALID_INPUT", { userMessage: "En eller flera valda enheter hör inte till din region." });
    }
    const [outage] = await tx
      .insert(schema.outages)
      .values({
        regionId,
        system: input.system,
        systemDetail: input.systemDetail?.trim() || null,
        status: "pagaende",
        scope: input.scope,
        message: input.message?.trim() || null,
        startedAt: now,
        expectedEndAt: input.expectedEndAt ?? null,
        declaredByStaffId: actor.staffId,
        idempotencyKey: input.idempotencyKey,
      })
      // A concurrent request with the same key: the insert waits for it and, once it commits, does
      // nothing; the outage it started is then visible to the next statement.
      .onConflictDoNothing({ target: [schema.outages.declaredByStaffId, schema.outages.idempotencyKey] })
      .returning({ id: schema.outages.id });
    if (!outage) {
      const raced = await findDeclared(tx);
      if (!raced) throw new AppError("CONFLICT", { userMessage: "Driftstörningen startas redan. Ladda om sidan och kontrollera." });
      return { ...raced, regionId };
    }
    const outageId = outage.id;
    if (unitIds.length) await tx.insert(schema.outageUnits).values(unitIds.map((unitId) => ({ outageId, unitId })));
    await tx.insert(schema.outageEvents).values({ outageId, staffId: actor.staffId, at: now, change: declaredChange({ ...input, unitIds }) });
    await writeAudit(tx, actor, {
      action: "outage.declare",
      entityType: "outage",
      entityId: outageId,
      details: { system: input.system, scope: input.scope, units: unitIds.length },
    });
    await notifyChange(tx, { type: "outage.changed", regionId, outageId });
    return { outageId, regionId };
  });
  const [row] = await db.select().from(schema.outages).where(eq(schema.outages.id, declared.outageId));
  const profile = await routineProfileFor(db, declared.regionId);
  const from =
    row && row.status === "pagaende"
      ? contactConfirmationFrom(profile, { scope: { kind: row.scope }, system: row.system, startedAt: row.startedAt, endedAt: null })
      : null;
  return { outageId: declared.outageId, confirmationFrom: from };
}

/** Changes to an ongoing outage (expected end, message, detail), each recorded with who made it. */
export async function updateOutage(
  db: Db,
  actor: Actor,
  input: { outageId: string; expectedEndAt?: Date | null; message?: string | null; systemDetail?: string | null },
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const outage = await loadOwnOutage(tx, actor, input.outageId);
    if (outage.status !== "pagaende") throw new AppError("TRANSITION_NOT_ALLOWED", { userMessage: "Driftstörningen är inte pågående." });
    const set: Partial<typeof schema.outages.$inferInsert> = {};
    if (input.expectedEndAt !== undefined) set.expectedEndAt = input.expectedEndAt;
    if (input.message !== undefined) set.message = input.message?.trim() || null;
    if (input.systemDetail !== undefined) set.systemDetail = input.systemDetail?.trim() || null;
    await tx.update(schema.outages).set(set).where(eq(schema.outages.id, outage.id));
    await tx.insert(schema.outageEvents).values({ outageId: outage.id, staffId: actor.staffId, at: now, change: updatedChange(input) });
    await writeAudit(tx, actor, { action: "admin.change", entityType: "outage", entityId: outage.id, details: { fields: Object.keys(set) } });
    await notifyChange(tx, { type: "outage.changed", regionId: outage.regionId, outageId: outage.id });
  });
}

/** Confirms (or rejects) an outage proposed by a failing health check. */
export async function decideProposedOutage(db: Db, actor: Actor, input: { outageId: string; accept: boolean }, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const outage = await loadOwnOutage(tx, actor, input.outageId);
    if (outage.status !== "foreslagen") throw new AppError("TRANSITION_NOT_ALLOWED", { userMessage: "Förslaget är redan hanterat." });
    await tx
      .update(schema.outages)
      .set(
        input.accept
          ? { status: "pagaende", startedAt: now, declaredByStaffId: actor.staffId }
          : { status: "avvisad", endedAt: now, endedByStaffId: actor.staffId },
      )
      .where(eq(schema.outages.id, outage.id));
    await tx
      .insert(schema.outageEvents)
      .values({ outageId: outage.id, staffId: actor.staffId, at: now, change: { action: input.accept ? "bekraftad" : "avvisad" } });
    await writeAudit(tx, actor, {
      action: input.accept ? "outage.declare" : "admin.change",
      entityType: "outage",
      entityId: outage.id,
      details: { proposal: input.accept ? "accepted" : "rejected" },
    });
    await notifyChange(tx, { type: "outage.changed", regionId: outage.regionId, outageId: outage.id });
  });
}

/** "Avsluta driftstörning": pages switch back, and every unit's after-registration list is computed in the same transaction. */
export async function endOutage(db: Db, actor: Actor, outageId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const outage = await loadOwnOutage(tx, actor, outageId);
    if (outage.status !== "pagaende") throw new AppError("TRANSITION_NOT_ALLOWED", { userMessage: "Driftstörningen är redan avslutad." });
    const [ended] = await tx
      .update(schema.outages)
      .set({ status: "avslutad", endedAt: now, endedByStaffId: actor.staffId })
      .where(eq(schema.outages.id, outage.id))
      .returning();
    await tx.insert(schema.outageEvents).values({ outageId: outage.id, staffId: actor.staffId, at: now, change: { action: "avslutad" } });
    // In the same transaction: an outage is never ended without its after-registration lists.
    await computeAndStoreAfterRegistration(tx, ended!);
    await writeAudit(tx, actor, { action: "outage.end", entityType: "outage", entityId: outage.id });
    await notifyChange(tx, { type: "outage.changed", regionId: outage.regionId, outageId: outage.id });
  });
}
