import { schema, and, eq, sql, type Db, type DbOrTx } from "@vardkedjan/db/client";
import type { UnitKind } from "@vardkedjan/domain/identity/types";
import {
  checkNewUnitHsaId,
  normaliseUnitAttributes,
  validateUnitAttributes,
  type UnitAttributes,
  type UnitFieldError,
} from "@vardkedjan/domain/org/unit-fields";
import type { Actor } from "../../../actor";
import { AppError } from "../../../errors";
import { writeAudit } from "../../../audit";
import { followUnitChange } from "../../contacts/contacts";
import { requireOrganisation } from "../reach";
import { casesOfUnit } from "./unit-tree-view";

function invalid(errors: UnitFieldError[]): never {
  throw new AppError("INVALID_INPUT", { userMessage: errors.length === 1 ? errors[0]!.message : "Kontrollera uppgifterna.", details: { fields: errors } });
}

/** The unit and its organisation, when the administrator may `need` it; refused (audited) otherwise. */
async function requireUnit(db: DbOrTx, actor: Actor, unitId: string, need: "read" | "manage") {
  const [unit] = await db.select().from(schema.units).where(eq(schema.units.id, unitId));
  if (!unit) throw new AppError("NOT_FOUND", { userMessage: "Enheten finns inte." });
  await requireOrganisation(db, actor, unit.organisationId, need);
  return unit;
}

/** Locks the unit and checks that nobody changed it since the editor opened it (version). */
async function lockAtVersion(tx: DbOrTx, unitId: string, version: number) {
  const [unit] = await tx.select().from(schema.units).where(eq(schema.units.id, unitId)).for("update");
  if (!unit) throw new AppError("NOT_FOUND", { userMessage: "Enheten finns inte." });
  if (unit.version !== version)
    throw new AppError("CONFLICT", {
      userMessage: `Någon annan har ändrat ${unit.name} medan du hade den öppen (nu version ${unit.version}). Ladda om enheten och gör din ändring igen.`,
      details: { currentVersion: unit.version },
    });
  return unit;
}

export interface UpdateUnitInput {
  unitId: string;
  version: number;
  attributes: UnitAttributes;
}

/**
 * Saves a unit's local attributes (name, numbers, hours, mailbox, address) at the version the
 * editor started from; the contact list's entries that carried the old numbers follow. Audited.
 */
export async function updateUnit(db: Db, actor: Actor, input: UpdateUnitInput, now = new Date()): Promise<{ version: number; contactEntriesChanged: number }> {
  const errors = validateUnitAttributes(input.attributes);
  if (errors.length > 0) invalid(errors);
  const a = normaliseUnitAttributes(input.attributes);
  await requireUnit(db, actor, input.unitId, "manage");
  return db.transaction(async (tx) => {
    const before = await lockAtVersion(tx, input.unitId, input.version);
    const version = before.version + 1;
    await tx
      .update(schema.units)
      .set({ ...a, version, updatedAt: now })
      .where(eq(schema.units.id, before.id));
    const changed = (Object.keys(a) as (keyof UnitAttributes)[]).filter((k) => a[k] !== before[k]);
    const contactEntriesChanged = await followUnitChange(tx, actor, before, { ...before, ...a }, now);
    await writeAudit(tx, actor, {
      action: "admin.change",
      entityType: "unit",
      entityId: before.id,
      details: { change: "update", version, fields: changed, contactEntriesChanged },
    });
    return { version, contactEntriesChanged };
  });
}

export interface AddUnitInput {
  organisationId: string;
  hsaId: string;
  kind: UnitKind;
  /** The unit above; null at the top of the organisation. */
  parentId: string | null;
  attributes: UnitAttributes;
}

/** Adds a unit to the administrator's own organisation. Audited. */
export async function addUnit(db: Db, actor: Actor, input: AddUnitInput, now = new Date()): Promise<{ id: string }> {
  const org = await requireOrganisation(db, actor, input.organisationId, "manage");
  const errors = validateUnitAttributes(input.attributes);
  const hsaId = input.hsaId.trim();
  const hsaProblem = checkNewUnitHsaId(hsaId, org.hsaId);
  if (hsaProblem) errors.unshift({ path: "hsaId", message: hsaProblem });
  else {
    const [taken] = await db.select({ id: schema.units.id }).from(schema.units).where(eq(schema.units.hsaId, hsaId));
    if (taken) errors.unshift({ path: "hsaId", message: `Det finns redan en enhet med HSA-id ${hsaId}` });
  }
  if (input.parentId) {
    const [parent] = await db.select().from(schema.units).where(eq(schema.units.id, input.parentId));
    if (!parent || parent.organisationId !== org.id) errors.push({ path: "parentId", message: "Den överordnade enheten ska höra till samma organisation" });
    else if (!parent.active) errors.push({ path: "parentId", message: `${parent.name} är avaktiverad; välj en aktiv överordnad enhet` });
  }
  if (errors.length > 0) invalid(errors);
  const a = normaliseUnitAttributes(input.attributes);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.units)
      .values({ ...a, hsaId, kind: input.kind, organisationId: org.id, parentId: input.parentId, createdAt: now, updatedAt: now })
      .returning({ id: schema.units.id });
    await writeAudit(tx, actor, { action: "admin.change", entityType: "unit", entityId: row!.id, details: { change: "add", hsaId, kind: input.kind } });
    return { id: row!.id };
  });
}

/**
 * Deactivates a unit (or activates it again). A deactivated unit keeps its cases and history; it
 * is left out of the organisation tree that login evaluates (so nobody gets a new context there)
 * and out of every unit picker, while the cases it is a party to stay readable to the other
 * parties. A unit with active units below it is not deactivated alone, and a unit is activated
 * again only under an active parent.
 */
export async function setUnitActive(db: Db, actor: Actor, input: { unitId: string; version: number; active: boolean }, now = new Date()) {
  await requireUnit(db, actor, input.unitId, "manage");
  return db.transaction(async (tx) => {
    const unit = await lockAtVersion(tx, input.unitId, input.version);
    if (unit.active === input.active) return { version: unit.version };
    if (!input.active) {
      const below = await tx
        .select({ name: schema.units.name })
        .from(schema.units)
        .where(and(eq(schema.units.parentId, unit.id), eq(schema.units.active, true)));
      if (below.length > 0)
        throw new AppError("TRANSITION_NOT_ALLOWED", {
          userMessage: `${unit.name} har aktiva enheter under sig (${below.map((b) => b.name).join(", ")}). Avaktivera dem först.`,
        });
    } else if (unit.parentId) {
      const [parent] = await tx.select().from(schema.units).where(eq(schema.units.id, unit.parentId));
      if (parent && !parent.active)
        throw new AppError("TRANSITION_NOT_ALLOWED", { userMessage: `${parent.name} är avaktiverad. Aktivera den överordnade enheten först.` });
    }
    const version = unit.version + 1;
    await tx
      .update(schema.units)
      .set({ active: input.active, deactivatedAt: input.active ? null : now, version, updatedAt: now })
      .where(eq(schema.units.id, unit.id));
    await writeAudit(tx, actor, {
      action: "admin.change",
      entityType: "unit",
      entityId: unit.id,
      details: { change: input.active ? "activate" : "deactivate", version },
    });
    return { version };
  });
}

/**
 * Deletes a unit added by mistake. A unit with cases is never deleted (the cases' history names
 * it): it is refused with the advice to deactivate; so is a unit still used anywhere else (units
 * below it, contact-list entries, outages, commissions).
 */
export async function removeUnit(db: Db, actor: Actor, input: { unitId: string; version: number }) {
  await requireUnit(db, actor, input.unitId, "manage");
  return db.transaction(async (tx) => {
    const unit = await lockAtVersion(tx, input.unitId, input.version);
    const [{ cases } = { cases: 0 }] = await tx
      .select({ cases: casesOfUnit(unit.id) })
      .from(schema.units)
      .where(eq(schema.units.id, unit.id));
    if (cases > 0)
      throw new AppError("TRANSITION_NOT_ALLOWED", {
        userMessage: `${unit.name} har ${cases} ärende${cases === 1 ? "" : "n"} och tas aldrig bort, så att ärendenas historik finns kvar. Avaktivera enheten i stället.`,
      });
    const used = await tx.execute<{ used: boolean }>(sql`select
        exists (select 1 from units where parent_id = ${unit.id})
        or exists (select 1 from contact_entries where unit_id = ${unit.id})
        or exists (select 1 from staff_commissions where unit_hsa_id = ${unit.hsaId}) as used`);
    if (used.rows[0]?.used)
      throw new AppError("TRANSITION_NOT_ALLOWED", {
        userMessage: `${unit.name} används (enheter under den, kontaktlistan eller medarbetaruppdrag) och kan inte tas bort. Avaktivera den i stället.`,
      });
    await writeAudit(tx, actor, { action: "admin.change", entityType: "unit", entityId: unit.id, details: { change: "remove", hsaId: unit.hsaId } });
    try {
      await tx.delete(schema.units).where(eq(schema.units.id, unit.id));
    } catch {
      // Any other reference (an outage's scope, a logged call …) keeps the unit too; the
      // transaction, audit row included, is rolled back.
      throw new AppError("TRANSITION_NOT_ALLOWED", { userMessage: `${unit.name} används i Vårdkedjan och kan inte tas bort. Avaktivera den i stället.` });
    }
    return { removed: true };
  });
}
