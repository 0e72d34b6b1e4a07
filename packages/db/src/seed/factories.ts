/**
 * Idempotent upserts on natural keys (HSA-id, patient identifier, rule id), shared by the demo
 * seed and the tests. Each returns the row. A re-run with the same input changes nothing: the
 * `ON CONFLICT … DO UPDATE` only fires when a value differs (so ids, created_at and updated_at
 * stay as they were), and the row is then read back.
 */
import { sql, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { isValidHsaId, isValidOrgHsaId } from "@vardkedjan/domain/identity/hsa-id";
import { validateMappingRule } from "@vardkedjan/domain/identity/rule-schema";
import type { MappingRule } from "@vardkedjan/domain/identity/types";
import { parsePatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { eq, type DbOrTx } from "../client";
import { organisations, units } from "../schema/organisation";
import { staff, roleMappingRules } from "../schema/identity";
import { patients } from "../schema/patient";
import { populationRegister } from "../schema/directory";
import type { OrganisationSeed, PatientSeed, UnitSeed } from "./data/types";

export type Organisation = typeof organisations.$inferSelect;
export type Unit = typeof units.$inferSelect;
export type Staff = typeof staff.$inferSelect;
export type Patient = typeof patients.$inferSelect;
export type RoleMappingRuleRow = typeof roleMappingRules.$inferSelect;

/** A factory was given data that must never reach the database. */
export class SeedDataError extends Error {
  override readonly name = "SeedDataError";
}

/** `excluded.<column>` in an ON CONFLICT clause, with the client's snake_case naming. */
function excluded(column: AnyPgColumn): SQL {
  return sql`excluded.${sql.identifier(column.keyAsName ? toSnakeCase(column.name) : column.name)}`;
}

/** True when any of the columns would change: the condition for a real update. */
function anyChanged(columns: AnyPgColumn[]): SQL {
  return sql`(${sql.join(
    columns.map((c) => sql`${c} is distinct from ${excluded(c)}`),
    sql` or `,
  )})`;
}

function one<T>(rows: T[], what: string): T {
  const row = rows[0];
  if (!row) throw new SeedDataError(`${what} saknas efter upsert`);
  return row;
}

async function organisationIdOf(db: DbOrTx, hsaId: string): Promise<string> {
  const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.hsaId, hsaId));
  return one(rows, `Organisationen ${hsaId}`).id;
}

async function unitOf(db: DbOrTx, hsaId: string): Promise<{ id: string; organisationId: string }> {
  const rows = await db.select({ id: units.id, organisationId: units.organisationId }).from(units).where(eq(units.hsaId, hsaId));
  return one(rows, `Enheten ${hsaId}`);
}

export type OrganisationInput = OrganisationSeed;

/** Region, kommun or private provider, by HSA-id; `regionHsaId` must already exist. */
export async function upsertOrganisation(db: DbOrTx, input: OrganisationInput): Promise<Organisation> {
  if (!isValidOrgHsaId(input.hsaId)) throw new SeedDataError(`Ogiltigt HSA-id för organisation: ${input.hsaId}`);
  if (!/^\d{10}$/.test(input.orgNo)) throw new SeedDataError(`Organisationsnumret ska ha 10 siffror: ${input.orgNo}`);
  if (input.municipalityCode !== undefined && !/^\d{4}$/.test(input.municipalityCode)) {
    throw new SeedDataError(`Kommunkoden ska ha 4 siffror: ${input.municipalityCode}`);
  }
  const data = {
    kind: input.kind,
    name: input.name,
    orgNo: input.orgNo,
    regionId: input.regionHsaId ? await organisationIdOf(db, input.regionHsaId) : null,
    municipalityCode: input.municipalityCode ?? null,
    shortCode: input.shortCode ?? null,
  };
  const o = organisations;
  const rows = await db
    .insert(o)
    .values({ hsaId: input.hsaId, ...data })
    .onConflictDoUpdate({
      target: o.hsaId,
      set: { ...data, updatedAt: sql`now()` },
      setWhere: anyChanged([o.kind, o.name, o.orgNo, o.regionId, o.municipalityCode, o.shortCode]),
    })
    .returning();
  return rows[0] ?? one(await db.select().from(o).where(eq(o.hsaId, input.hsaId)), `Organisationen ${input.hsaId}`);
}

export interface UnitInput extends UnitSeed {
  /** The organisation (region, kommun) that owns the unit. */
  organisationHsaId: string;
  active?: boolean;
}

/** A unit of the HSA tree, by HSA-id; the organisation and the parent (same organisation) must exist. */
export async function upsertUnit(db: DbOrTx, input: UnitInput): Promise<Unit> {
  if (!isValidOrgHsaId(input.hsaId)) throw new SeedDataError(`Ogiltigt HSA-id för enhet: ${input.hsaId}`);
  const organisationId = await organisationIdOf(db, input.organisationHsaId);
  let parentId: string | null = null;
  if (input.parentHsaId) {
    const parent = await unitOf(db, input.parentHsaId);
    if (parent.organisationId !== organisationId) {
      throw new SeedDataError(`Enheten ${input.hsaId} och dess överordnade ${input.parentHsaId} tillhör olika organisationer`);
    }
    parentId = parent.id;
  }
  const data = {
    organisationId,
    parentId,
    kind: input.kind,
    name: input.name,
    careType: input.careType ?? null,
    phone: input.phone ?? null,
    switchboard: input.switchboard ?? null,
    openingHours: input.openingHours ?? null,
    functionMailbox: input.functionMailbox ?? null,
    streetAddress: input.streetAddress ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    municipalityCode: input.municipalityCode ?? null,
    active: input.active ?? true,
  };
  const u = units;
  const rows = await db
    .insert(u)
    .values({ hsaId: input.hsaId, ...data })
    .onConflictDoUpdate({
      target: u.hsaId,
      set: { ...data, updatedAt: sql`now()` },
      setWhere: anyChanged([
        u.organisationId,
        u.parentId,
        u.kind,
        u.name,
        u.careType,
        u.phone,
        u.switchboard,
        u.openingHours,
        u.functionMailbox,
        u.streetAddress,
        u.postalCode,
        u.city,
        u.municipalityCode,
        u.active,
      ]),
    })
    .returning();
  return rows[0] ?? one(await db.select().from(u).where(eq(u.hsaId, input.hsaId)), `Enheten ${input.hsaId}`);
}

export interface StaffInput {
  hsaId: string;
  givenName: string;
  familyName: string;
  title?: string;
  /** The organisation whose catalogue issued the HSA-id. */
  organisationHsaId?: string;
}

/** A member of staff by employeeHsaId. Login-owned fields (preferred contexts, last login) are left alone. */
export async function upsertStaff(db: DbOrTx, input: StaffInput): Promise<Staff> {
  if (!isValidHsaId(input.hsaId)) throw new SeedDataError(`Ogiltigt HSA-id för person: ${input.hsaId}`);
  const data = {
    givenName: input.givenName,
    familyName: input.familyName,
    title: input.title ?? null,
    organisationId: input.organisationHsaId ? await organisationIdOf(db, input.organisationHsaId) : null,
  };
  const s = staff;
  const rows = await db
    .insert(s)
    .values({ hsaId: input.hsaId, ...data })
    .onConflictDoUpdate({
      target: s.hsaId,
      set: data,
      setWhere: anyChanged([s.givenName, s.familyName, s.title, s.organisationId]),
    })
    .returning();
  return rows[0] ?? one(await db.select().from(s).where(eq(s.hsaId, input.hsaId)), `Personen ${input.hsaId}`);
}

export type PatientInput = PatientSeed;

/**
 * A patient by identifier (personnummer, samordningsnummer or reservnummer), validated and
 * normalised by the domain's parser. Use only published test numbers (Skatteverket's test personnummer).
 */
export async function upsertPatient(db: DbOrTx, input: PatientInput): Promise<Patient> {
  const parsed = parsePatientIdentifier(input.identifier);
  if (!parsed.ok) throw new SeedDataError(`${parsed.error}: ${input.identifier}`);
  const { kind, value } = parsed.value;
  const data = {
    identifierKind: kind,
    givenName: input.givenName,
    familyName: input.familyName,
    protectedIdentity: input.protectedIdentity ?? false,
    streetAddress: input.streetAddress ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    municipalityCode: input.municipalityCode ?? null,
    listedUnitId: input.listedUnitHsaId ? (await unitOf(db, input.listedUnitHsaId)).id : null,
  };
  const p = patients;
  const rows = await db
    .insert(p)
    .values({ identifier: value, ...data })
    .onConflictDoUpdate({
      target: p.identifier,
      set: { ...data, updatedAt: sql`now()` },
      setWhere: anyChanged([
        p.identifierKind,
        p.givenName,
        p.familyName,
        p.protectedIdentity,
        p.streetAddress,
        p.postalCode,
        p.city,
        p.municipalityCode,
        p.listedUnitId,
      ]),
    })
    .returning();
  return rows[0] ?? one(await db.select().from(p).where(eq(p.identifier, value)), `Patienten ${value}`);
}

/**
 * Many people in the demo population register at once (the training population): checked like
 * upsertRegisterPerson, inserted 500 a statement, a row already there left as it is (idempotent).
 */
export async function insertRegisterPersons(db: DbOrTx, people: readonly PatientInput[]): Promise<void> {
  const rows = people.map((input) => {
    const parsed = parsePatientIdentifier(input.identifier);
    if (!parsed.ok) throw new SeedDataError(`${parsed.error}: ${input.identifier}`);
    return {
      identifier: parsed.value.value,
      identifierKind: parsed.value.kind,
      givenName: input.givenName,
      familyName: input.familyName,
      protectedIdentity: input.protectedIdentity ?? false,
      streetAddress: input.streetAddress ?? null,
      postalCode: input.postalCode ?? null,
      city: input.city ?? null,
      municipalityCode: input.municipalityCode ?? null,
      listedUnitHsaId: input.listedUnitHsaId ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insert(populationRegister)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
}

/** A person in the demo population register (the patient directory's data), by identifier. */
export async function upsertRegisterPerson(db: DbOrTx, input: PatientInput): Promise<typeof populationRegister.$inferSelect> {
  const parsed = parsePatientIdentifier(input.identifier);
  if (!parsed.ok) throw new SeedDataError(`${parsed.error}: ${input.identifier}`);
  const { kind, value } = parsed.value;
  const r = populationRegister;
  const data = {
    identifierKind: kind,
    givenName: input.givenName,
    familyName: input.familyName,
    protectedIdentity: input.protectedIdentity ?? false,
    streetAddress: input.streetAddress ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    municipalityCode: input.municipalityCode ?? null,
    listedUnitHsaId: input.listedUnitHsaId ?? null,
  };
  const rows = await db
    .insert(r)
    .values({ identifier: value, ...data })
    .onConflictDoUpdate({
      target: r.identifier,
      set: { ...data, updatedAt: sql`now()` },
      setWhere: anyChanged([
        r.identifierKind,
        r.givenName,
        r.familyName,
        r.protectedIdentity,
        r.streetAddress,
        r.postalCode,
        r.city,
        r.municipalityCode,
        r.listedUnitHsaId,
      ]),
    })
    .returning();
  return rows[0] ?? one(await db.select().from(r).where(eq(r.identifier, value)), `Personen ${value}`);
}

/**
 * A role-mapping rule by id, validated as the admin UI would. A stored rule with a higher
 * version (edited by an admin since) is left as it is.
 */
export async function upsertRoleMappingRule(db: DbOrTx, input: MappingRule): Promise<RoleMappingRuleRow> {
  const checked = validateMappingRule(input);
  if (!checked.ok) {
    throw new SeedDataError(`Ogiltig regel ${input.id}: ${checked.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`);
  }
  const rule = checked.rule;
  const data = {
    ownerOrgHsaId: rule.ownerOrgHsaId,
    version: rule.version,
    enabled: rule.enabled,
    priority: rule.priority,
    rule,
  };
  const r = roleMappingRules;
  const rows = await db
    .insert(r)
    .values({ id: rule.id, ...data })
    .onConflictDoUpdate({
      target: r.id,
      set: { ...data, updatedAt: sql`now()` },
      setWhere: sql`${r.version} <= ${excluded(r.version)} and ${anyChanged([r.ownerOrgHsaId, r.version, r.enabled, r.priority, r.rule])}`,
    })
    .returning();
  return rows[0] ?? one(await db.select().from(r).where(eq(r.id, rule.id)), `Regeln ${rule.id}`);
}
