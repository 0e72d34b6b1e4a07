import { randomUUID } from "node:crypto";
import { adminReach } from "@vardkedjan/domain/access/admin-reach";
import { parseStoredPhones } from "@vardkedjan/domain/outage/contact-phones";
import { isValidPhone, PHONE_MESSAGE } from "@vardkedjan/domain/org/unit-fields";
import { schema, and, asc, eq, isNull, sql, type Db, type DbOrTx } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { regionOfActor } from "../outage/region";

export interface ContactEntryView {
  id: string;
  entryId: string;
  version: number;
  organisationId: string;
  organisationName: string;
  unitId: string | null;
  unitName: string | null;
  function: string;
  phones: string[];
  openingHours: string | null;
  functionMailbox: string | null;
  postalAddress: string | null;
  note: string | null;
  validFrom: Date;
}

export interface ContactList {
  regionId: string;
  regionName: string;
  /** Grows with every change, so a printed copy can be compared with the current one. */
  version: number;
  validFrom: Date | null;
  entries: ContactEntryView[];
}

/** The current Kontaktlista driftstörning of a region (published in every portal and as a PDF). */
export async function getContactList(db: DbOrTx, regionId: string): Promise<ContactList> {
  const [region] = await db.select({ name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.id, regionId));
  const rows = await db
    .select({
      e: schema.contactEntries,
      organisationName: schema.organisations.name,
      organisationKind: schema.organisations.kind,
      unitName: schema.units.name,
    })
    .from(schema.contactEntries)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.contactEntries.organisationId))
    .leftJoin(schema.units, eq(schema.units.id, schema.contactEntries.unitId))
    .where(and(eq(schema.contactEntries.regionId, regionId), isNull(schema.contactEntries.supersededAt), eq(schema.contactEntries.removed, false)))
    .orderBy(
      sql`case ${schema.organisations.kind} when 'region' then 0 when 'kommun' then 1 else 2 end`,
      asc(schema.organisations.name),
      asc(schema.contactEntries.sortOrder),
      asc(schema.units.name),
      asc(schema.contactEntries.function),
    );
  const [meta] = (
    await db.execute<{ n: number; valid_from: Date | null }>(
      sql`select count(*)::int as n, max(valid_from) as valid_from from contact_entries where region_id = ${regionId}`,
    )
  ).rows;
  return {
    regionId,
    regionName: region?.name ?? "",
    version: meta?.n ?? 0,
    validFrom: meta?.valid_from ? new Date(meta.valid_from) : null,
    entries: rows.map(({ e, organisationName, unitName }) => ({
      id: e.id,
      entryId: e.entryId,
      version: e.version,
      organisationId: e.organisationId,
      organisationName,
      unitId: e.unitId,
      unitName,
      function: e.function,
      phones: parseStoredPhones(e.phones),
      openingHours: e.openingHours,
      functionMailbox: e.functionMailbox,
      postalAddress: e.postalAddress,
      note: e.note,
      validFrom: e.validFrom,
    })),
  };
}

/** The contact list of the actor's region, for any logged-in user. */
export async function getMyContactList(db: Db, actor: Actor): Promise<ContactList> {
  const regionId = await regionOfActor(db, actor);
  if (!regionId) throw new AppError("NOT_FOUND", { userMessage: "Ingen kontaktlista finns för ditt sammanhang." });
  return getContactList(db, regionId);
}

export interface SaveContactEntryInput {
  /** Absent for a new entry. */
  entryId?: string | null;
  organisationId: string;
  unitId?: string | null;
  function: string;
  phones: string[];
  openingHours?: string | null;
  functionMailbox?: string | null;
  postalAddress?: string | null;
  note?: string | null;
  sortOrder?: number;
  changeNote?: string | null;
  /** Remove the entry (a last version marked removed). */
  remove?: boolean;
}

/**
 * Which organisations the actor may edit entries for: a region's system administrator the
 * region and everything in it; a delegated kommun administrator (or a kommun's representative
 * confirming) only the kommun.
 */
async function requireEditable(tx: DbOrTx, actor: Actor, organisationId: string): Promise<string> {
  const regionId = await regionOfActor(tx, actor);
  const [org] = await tx.select().from(schema.organisations).where(eq(schema.organisations.id, organisationId));
  if (!org || !regionId || (org.id !== regionId && org.regionId !== regionId))
    throw new AppError("FORBIDDEN", { userMessage: "Organisationen hör inte till din region." });
  if (adminReach(actor.context.role) === "ownOrganisation" && org.hsaId !== actor.context.scopeHsaId) {
    throw new AppError("FORBIDDEN", { userMessage: "Du kan bara ändra din egen kommuns uppgifter." });
  }
  return regionId;
}

/** Saves a new version of an entry (the old one is kept as history). */
export async function saveContactEntry(db: Db, actor: Actor, input: SaveContactEntryInput, now = new Date()): Promise<{ entryId: string; version: number }> {
  const phones = input.phones.map((p) => p.trim()).filter(Boolean);
  if (!input.remove) {
    if (!input.function.trim()) throw new AppError("INVALID_INPUT", { userMessage: "Ange funktion, t.ex. Utskrivningsledare." });
    if (phones.length === 0) throw new AppError("INVALID_INPUT", { userMessage: "Ange minst ett telefonnummer." });
    if (phones.some((p) => !isValidPhone(p))) throw new AppError("INVALID_INPUT", { userMessage: `${PHONE_MESSAGE}.` });
  }
  return db.transaction(async (tx) => {
    const regionId = await requireEditable(tx, actor, input.organisationId);
    if (input.unitId) {
      const [unit] = await tx.select({ organisationId: schema.units.organisationId }).from(schema.units).where(eq(schema.units.id, input.unitId));
      if (unit?.organisationId !== input.organisationId) throw new AppError("INVALID_INPUT", { userMessage: "Enheten hör inte till organisationen." });
    }
    let current: ContactEntryRow | null = null;
    if (input.entryId) {
      [current = null] = await tx
        .select()
        .from(schema.contactEntries)
        .where(and(eq(schema.contactEntries.entryId, input.entryId), isNull(schema.contactEntries.supersededAt)))
        .for("update");
      if (!current || current.removed) throw new AppError("NOT_FOUND", { userMessage: "Posten finns inte längre i kontaktlistan." });
      if (current.organisationId !== input.organisationId)
        throw new AppError("INVALID_INPUT", { userMessage: "En post kan inte flyttas till en annan organisation." });
    } else if (input.remove) {
      throw new AppError("INVALID_INPUT", { userMessage: "Välj en post att ta bort." });
    }
    const { entryId, version } = await writeContactVersion(
      tx,
      actor,
      current,
      {
        regionId,
        organisationId: input.organisationId,
        unitId: input.unitId ?? null,
        function: input.function.trim(),
        phones,
        openingHours: input.openingHours?.trim() || null,
        functionMailbox: input.functionMailbox?.trim() || null,
        postalAddress: input.postalAddress?.trim() || null,
        note: input.note?.trim() || null,
        sortOrder: input.sortOrder ?? 0,
        removed: !!input.remove,
        changeNote: input.changeNote?.trim() || null,
      },
      now,
    );
    return { entryId, version };
  });
}

type ContactEntryRow = typeof schema.contactEntries.$inferSelect;
type ContactEntryContent = Pick<
  ContactEntryRow,
  | "regionId"
  | "organisationId"
  | "unitId"
  | "function"
  | "phones"
  | "openingHours"
  | "functionMailbox"
  | "postalAddress"
  | "note"
  | "sortOrder"
  | "removed"
  | "changeNote"
>;

/**
 * Writes the next version of an entry (the first, when `current` is null): the current row is
 * closed and kept as history, the new one carries who changed it; audited in the same transaction.
 */
async function writeContactVersion(tx: DbOrTx, actor: Actor, current: ContactEntryRow | null, content: ContactEntryContent, now: Date) {
  const entryId = current?.entryId ?? randomUUID();
  const version = current ? current.version + 1 : 1;
  if (current) await tx.update(schema.contactEntries).set({ supersededAt: now }).where(eq(schema.contactEntries.id, current.id));
  const c = content;
  await tx.insert(schema.contactEntries).values({
    entryId,
    version,
    regionId: c.regionId,
    organisationId: c.organisationId,
    unitId: c.unitId,
    function: c.function,
    phones: c.phones,
    openingHours: c.openingHours,
    functionMailbox: c.functionMailbox,
    postalAddress: c.postalAddress,
    note: c.note,
    sortOrder: c.sortOrder,
    removed: c.removed,
    changeNote: c.changeNote,
    validFrom: now,
    changedByStaffId: actor.staffId,
  });
  await writeAudit(tx, actor, { action: "admin.change", entityType: "contact_entry", entityId: entryId, details: { version, removed: content.removed } });
  return { entryId, version };
}

/** A unit's numbers and hours before and after an edit in Organisation. */
export interface UnitContactFacts {
  id: string;
  organisationId: string;
  phone: string | null;
  switchboard: string | null;
  openingHours: string | null;
}

/**
 * The contact list follows the unit register: when an administrator changes a unit's phone,
 * switchboard or opening hours in Organisation, every current entry that carried the old value
 * (the unit's own entries for phone and hours; the unit's and its organisation's switchboard
 * entries for the switchboard) gets a new version with the new one, in the same transaction. The
 * list stays a versioned document of its own, so that a printed copy can still be compared by
 * version and each kommun confirms what it publishes (Region Sörmland, Reservrutin Link).
 */
export async function followUnitChange(tx: DbOrTx, actor: Actor, before: UnitContactFacts, after: UnitContactFacts, now = new Date()): Promise<number> {
  const phoneChanged = before.phone && before.phone !== after.phone;
  const switchboardChanged = before.switchboard && before.switchboard !== after.switchboard;
  const hoursChanged = before.openingHours && before.openingHours !== after.openingHours;
  if (!phoneChanged && !switchboardChanged && !hoursChanged) return 0;
  const rows = await tx
    .select()
    .from(schema.contactEntries)
    .where(
      and(
        eq(schema.contactEntries.organisationId, before.organisationId),
        isNull(schema.contactEntries.supersededAt),
        eq(schema.contactEntries.removed, false),
        sql`(${schema.contactEntries.unitId} = ${before.id} or ${schema.contactEntries.unitId} is null)`,
      ),
    )
    .for("update");
  let changed = 0;
  for (const row of rows) {
    const own = row.unitId === before.id;
    const replace = (p: string) => {
      if (own && phoneChanged && p === before.phone) return after.phone;
      if (switchboardChanged && p === before.switchboard) return after.switchboard;
      return p;
    };
    const phones = parseStoredPhones(row.phones)
      .map(replace)
      .filter((p): p is string => !!p);
    const openingHours = own && hoursChanged && row.openingHours === before.openingHours ? after.openingHours : row.openingHours;
    const samePhones = JSON.stringify(phones) === JSON.stringify(parseStoredPhones(row.phones));
    if (samePhones && openingHours === row.openingHours) continue;
    // An entry left without a number would give nobody to call: keep it as it was and let the
    // contact list's editor decide.
    if (phones.length === 0) continue;
    await writeContactVersion(tx, actor, row, { ...row, phones, openingHours, changeNote: "Ändrat i enhetsregistret (Organisation)" }, now);
    changed += 1;
  }
  return changed;
}

/** Every version of an entry, newest first, with who changed it. */
export async function contactEntryHistory(db: Db, actor: Actor, entryId: string) {
  const regionId = await regionOfActor(db, actor);
  const rows = await db
    .select({
      version: schema.contactEntries.version,
      function: schema.contactEntries.function,
      phones: schema.contactEntries.phones,
      openingHours: schema.contactEntries.openingHours,
      functionMailbox: schema.contactEntries.functionMailbox,
      postalAddress: schema.contactEntries.postalAddress,
      removed: schema.contactEntries.removed,
      validFrom: schema.contactEntries.validFrom,
      supersededAt: schema.contactEntries.supersededAt,
      changeNote: schema.contactEntries.changeNote,
      changedBy: sql<string | null>`(select given_name || ' ' || family_name from staff where staff.id = ${schema.contactEntries.changedByStaffId})`,
    })
    .from(schema.contactEntries)
    .where(and(eq(schema.contactEntries.entryId, entryId), regionId ? eq(schema.contactEntries.regionId, regionId) : sql`false`))
    .orderBy(sql`${schema.contactEntries.version} desc`);
  return rows.map((r) => ({ ...r, phones: parseStoredPhones(r.phones) }));
}
