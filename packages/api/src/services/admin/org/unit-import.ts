import { createHash } from "node:crypto";
import { schema, and, eq, inArray, ne, type Db, type DbOrTx } from "@vardkedjan/db/client";
import { parseUnitCsv, planUnitImport, type ChangedField, type CurrentUnit, type ImportError } from "@vardkedjan/domain/org/unit-import";
import type { UnitKind } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../../../actor";
import { AppError } from "../../../errors";
import { writeAudit } from "../../../audit";
import { followUnitChange } from "../../contacts/contacts";
import { requireOrganisation } from "../reach";

export interface ImportPreview {
  organisationName: string;
  additions: { line: number; hsaId: string; name: string; kind: UnitKind; parentHsaId: string }[];
  changes: { line: number; hsaId: string; name: string; fields: ChangedField[] }[];
  deactivations: { hsaId: string; name: string }[];
  unchanged: number;
  errors: ImportError[];
  /** The state the preview was made from: applying refuses if the units changed since. */
  basis: string;
}

async function loadState(db: DbOrTx, organisationId: string) {
  const rows = await db.select().from(schema.units).where(eq(schema.units.organisationId, organisationId));
  const hsaOf = new Map(rows.map((r) => [r.id, r.hsaId]));
  const current: CurrentUnit[] = rows.map((r) => ({
    hsaId: r.hsaId,
    name: r.name,
    kind: r.kind,
    parentHsaId: r.parentId ? (hsaOf.get(r.parentId) ?? null) : null,
    phone: r.phone,
    switchboard: r.switchboard,
    streetAddress: r.streetAddress,
    postalCode: r.postalCode,
    city: r.city,
    active: r.active,
  }));
  const basis = createHash("sha256")
    .update(
      rows
        .map((r) => `${r.id}:${r.version}`)
        .sort()
        .join(","),
    )
    .digest("hex");
  return { rows, current, basis };
}

async function plan(db: DbOrTx, organisation: { id: string; hsaId: string }, csv: string) {
  const parsed = parseUnitCsv(csv);
  const state = await loadState(db, organisation.id);
  const hsaIds = [...new Set(parsed.units.flatMap((u) => [u.hsaId, u.parentHsaId]))];
  const elsewhere = hsaIds.length
    ? await db
        .select({ hsaId: schema.units.hsaId })
        .from(schema.units)
        .where(and(inArray(schema.units.hsaId, hsaIds), ne(schema.units.organisationId, organisation.id)))
    : [];
  const otherOrgs = hsaIds.length
    ? await db
        .select({ hsaId: schema.organisations.hsaId })
        .from(schema.organisations)
        .where(and(inArray(schema.organisations.hsaId, hsaIds), ne(schema.organisations.id, organisation.id)))
    : [];
  const result = planUnitImport(parsed, organisation, state.current, new Set([...elsewhere, ...otherOrgs].map((r) => r.hsaId)));
  return { ...result, state };
}

/** What importing the file would add, change and deactivate in the organisation; nothing is saved. */
export async function previewUnitImport(db: Db, actor: Actor, input: { organisationId: string; csv: string }): Promise<ImportPreview> {
  const org = await requireOrganisation(db, actor, input.organisationId, "manage");
  const p = await plan(db, org, input.csv);
  return {
    organisationName: org.name,
    additions: p.additions.map((u) => ({ line: u.line, hsaId: u.hsaId, name: u.name, kind: u.kind, parentHsaId: u.parentHsaId })),
    changes: p.changes.map((c) => ({ line: c.unit.line, hsaId: c.unit.hsaId, name: c.unit.name, fields: c.fields })),
    deactivations: p.deactivations.map((d) => ({ hsaId: d.hsaId, name: d.name })),
    unchanged: p.unchanged,
    errors: p.errors,
    basis: p.state.basis,
  };
}

/**
 * Applies the file as previewed, in one transaction, audited: refused with the Swedish errors
 * when any row is wrong (nothing is applied), and as a conflict when the organisation's units
 * changed after the preview.
 */
export async function applyUnitImport(db: Db, actor: Actor, input: { organisationId: string; csv: string; basis: string }, now = new Date()) {
  const org = await requireOrganisation(db, actor, input.organisationId, "manage");
  return db.transaction(async (tx) => {
    // One import at a time per organisation: the rows are locked before the plan is made.
    await tx.select({ id: schema.units.id }).from(schema.units).where(eq(schema.units.organisationId, org.id)).for("update");
    const p = await plan(tx, org, input.csv);
    if (p.errors.length > 0)
      throw new AppError("INVALID_INPUT", {
        userMessage: "Filen har fel och ingenting har lästs in.",
        details: { fields: p.errors.map((e) => ({ path: `rad ${e.line}`, message: e.message })) },
      });
    if (p.state.basis !== input.basis)
      throw new AppError("CONFLICT", { userMessage: "Enheterna har ändrats sedan förhandsgranskningen. Granska filen igen innan du läser in den." });
    const idOf = new Map(p.state.rows.map((r) => [r.hsaId, r.id]));
    for (const u of p.additions) {
      const [row] = await tx
        .insert(schema.units)
        .values({
          hsaId: u.hsaId,
          organisationId: org.id,
          kind: u.kind,
          name: u.name,
          phone: u.phone ?? null,
          switchboard: u.switchboard ?? null,
          ...(u.address ?? {}),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: schema.units.id });
      idOf.set(u.hsaId, row!.id);
    }
    const parentId = (hsa: string) => (hsa === org.hsaId ? null : (idOf.get(hsa) ?? null));
    // Parents after every addition exists, so that a new unit may sit under another new one.
    for (const u of p.additions)
      await tx
        .update(schema.units)
        .set({ parentId: parentId(u.parentHsaId) })
        .where(eq(schema.units.id, idOf.get(u.hsaId)!));
    for (const { unit: u } of p.changes) {
      const before = p.state.rows.find((r) => r.hsaId === u.hsaId)!;
      const after = {
        name: u.name,
        kind: u.kind,
        parentId: parentId(u.parentHsaId),
        phone: u.phone === undefined ? before.phone : u.phone,
        switchboard: u.switchboard === undefined ? before.switchboard : u.switchboard,
        ...(u.address ?? {}),
        active: true,
        deactivatedAt: null,
        version: before.version + 1,
        updatedAt: now,
      };
      await tx.update(schema.units).set(after).where(eq(schema.units.id, before.id));
      await followUnitChange(tx, actor, before, { ...before, ...after }, now);
    }
    for (const d of p.deactivations) {
      const before = p.state.rows.find((r) => r.hsaId === d.hsaId)!;
      await tx
        .update(schema.units)
        .set({ active: false, deactivatedAt: now, version: before.version + 1, updatedAt: now })
        .where(eq(schema.units.id, before.id));
    }
    const summary = { added: p.additions.length, changed: p.changes.length, deactivated: p.deactivations.length, unchanged: p.unchanged };
    await writeAudit(tx, actor, {
      action: "admin.change",
      entityType: "organisation",
      entityId: org.id,
      details: {
        change: "unit_import",
        ...summary,
        addedHsaIds: p.additions.map((u) => u.hsaId),
        changedHsaIds: p.changes.map((c) => c.unit.hsaId),
        deactivatedHsaIds: p.deactivations.map((d) => d.hsaId),
      },
    });
    return summary;
  });
}
