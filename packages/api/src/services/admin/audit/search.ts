import { sql, type Db, type SQL } from "@vardkedjan/db/client";
import { AUDIT_PAGE_SIZE, type AuditCursor, type AuditSearchCriteria } from "@vardkedjan/domain/audit/search";
import { accessActivityLabel } from "@vardkedjan/domain/audit/review";
import { ROLE_LABELS } from "@vardkedjan/domain/identity/context-label";
import { hsaCatalogue } from "@vardkedjan/domain/identity/employer";
import { formatPatientIdentifier, type PatientIdentifierKind } from "@vardkedjan/domain/patient/identifier";
import { ROLES, type Role } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../../../actor";
import { writeAudit } from "../../../audit";
import { refuseOutsideOrganisation, reviewerOrganisation, type ReviewerOrganisation } from "./scope";

/** One access as the log review shows it: who, in which role and unit, when, what, which case. */
export interface AuditLogRow {
  id: number;
  at: Date;
  actorName: string | null;
  actorHsaId: string | null;
  roleLabel: string | null;
  unitHsaId: string | null;
  unitName: string | null;
  activity: string;
  outcome: "success" | "denied";
  caseReference: string | null;
  patient: { identifier: string; name: string; protectedIdentity: boolean } | null;
}

export interface AuditLogPage {
  rows: AuditLogRow[];
  /** Where the next page starts; null on the last page. */
  next: AuditCursor | null;
}

type RawRow = {
  id: string;
  at: Date;
  action: string;
  activity: string | null;
  outcome: "success" | "denied";
  actor_name: string | null;
  actor_hsa_id: string | null;
  role: string | null;
  unit_hsa_id: string | null;
  unit_name: string | null;
  case_reference: string | null;
  patient_identifier: string | null;
  patient_kind: PatientIdentifierKind | null;
  patient_name: string | null;
  protected_identity: boolean | null;
};

/** The columns and joins every log listing shares (search, extract, samples, flags). */
export function logRowsQuery(where: SQL, tail: SQL = sql``): SQL {
  return sql`
    select a.id::text as id, a.at, a.action, a.activity, a.outcome, a.actor_name, a.actor_hsa_id, a.role, a.unit_hsa_id,
           coalesce(u.name, o.name) as unit_name, c.reference as case_reference,
           p.identifier as patient_identifier, p.identifier_kind as patient_kind,
           p.given_name || ' ' || p.family_name as patient_name, p.protected_identity
    from audit_events a
    left join units u on u.hsa_id = a.unit_hsa_id
    left join organisations o on o.hsa_id = a.unit_hsa_id
    left join coordination_cases c on c.id = a.case_id
    left join patients p on p.id = a.patient_id
    where ${where}
    ${tail}`;
}

export function toLogRow(r: RawRow): AuditLogRow {
  return {
    id: Number(r.id),
    at: new Date(r.at),
    actorName: r.actor_name,
    actorHsaId: r.actor_hsa_id,
    roleLabel: r.role && isRole(r.role) ? ROLE_LABELS[r.role] : r.role,
    unitHsaId: r.unit_hsa_id,
    unitName: r.unit_name,
    activity: accessActivityLabel(r.action, r.activity),
    outcome: r.outcome,
    caseReference: r.case_reference,
    patient:
      r.patient_identifier && r.patient_kind
        ? {
            identifier: formatPatientIdentifier({ kind: r.patient_kind, value: r.patient_identifier }),
            name: r.patient_name ?? "",
            protectedIdentity: Boolean(r.protected_identity),
          }
        : null,
  };
}

export async function fetchLogRows(db: Db, where: SQL, tail: SQL = sql``): Promise<AuditLogRow[]> {
  return (await db.execute<RawRow>(logRowsQuery(where, tail))).rows.map(toLogRow);
}

/** The patient's id from a parsed identifier; null when no such patient is known. */
export async function patientIdOf(db: Db, identifier: string): Promise<string | null> {
  const res = await db.execute<{ id: string }>(sql`select id from patients where identifier = ${identifier}`);
  return res.rows[0]?.id ?? null;
}

/** Refuses, audited, a staff member or unit that belongs to another organisation than the reviewer's. */
async function checkOwnOrganisation(db: Db, actor: Actor, org: ReviewerOrganisation, c: AuditSearchCriteria): Promise<void> {
  if (c.staff && "hsaId" in c.staff && hsaCatalogue(c.staff.hsaId) !== hsaCatalogue(org.hsaId)) {
    await refuseOutsideOrganisation(db, actor, "audit.search", { staffHsaId: c.staff.hsaId });
  }
  if (c.unitHsaId) {
    const res = await db.execute<{ ok: boolean }>(sql`
      select exists (select 1 from units u where u.hsa_id = ${c.unitHsaId} and u.organisation_id = ${org.id}::uuid)
          or ${c.unitHsaId} = ${org.hsaId} as ok`);
    if (!res.rows[0]?.ok) await refuseOutsideOrganisation(db, actor, "audit.search", { unitHsaId: c.unitHsaId });
  }
}

/**
 * Searches the PDL access log of the reviewer's own staff by patient, staff member, unit and
 * time, newest first, a page at a time (keyset on (at, id), so a page is an index range however
 * deep). The search itself is audited, naming what was searched for.
 */
export async function searchAuditLog(db: Db, actor: Actor, c: AuditSearchCriteria): Promise<AuditLogPage> {
  const org = await reviewerOrganisation(db, actor);
  await checkOwnOrganisation(db, actor, org, c);
  const patientId = c.patient ? await patientIdOf(db, c.patient.value) : null;
  const conditions: SQL[] = [sql`a.actor_org_hsa_id = ${org.hsaId}`, sql`a.category = 'pdl'`];
  if (c.patient) conditions.push(patientId ? sql`a.patient_id = ${patientId}::uuid` : sql`false`);
  if (c.staff) conditions.push(sql`a.actor_hsa_id in (${sql.join(await staffHsaIds(db, c.staff), sql`, `)})`);
  if (c.unitHsaId) conditions.push(sql`a.unit_hsa_id = ${c.unitHsaId}`);
  if (c.fromAt) conditions.push(sql`a.at >= ${c.fromAt.toISOString()}::timestamptz`);
  if (c.toAt) conditions.push(sql`a.at < ${c.toAt.toISOString()}::timestamptz`);
  if (c.cursor) conditions.push(sql`(a.at, a.id) < (${c.cursor.at.toISOString()}::timestamptz, ${c.cursor.id})`);
  const rows = await fetchLogRows(db, sql.join(conditions, sql` and `), sql`order by a.at desc, a.id desc limit ${AUDIT_PAGE_SIZE + 1}`);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page[page.length - 1];
  await writeAudit(db, actor, {
    action: "audit.search",
    patientId,
    entityType: "audit_log",
    details: {
      organisation: org.hsaId,
      ...(c.patient ? { patientSearched: true } : {}),
      ...(c.staff ? { staff: "hsaId" in c.staff ? c.staff.hsaId : c.staff.nameContains } : {}),
      ...(c.unitHsaId ? { unitHsaId: c.unitHsaId } : {}),
      ...(c.fromAt ? { from: c.fromAt.toISOString() } : {}),
      ...(c.toAt ? { to: c.toAt.toISOString() } : {}),
      rows: page.length,
    },
  });
  return { rows: page, next: rows.length > AUDIT_PAGE_SIZE && last ? { at: last.at, id: last.id } : null };
}

/**
 * The HSA-ids a staff criterion names: the one given, or those of the people whose name contains
 * the text (from the staff register, small), so that the log is read through its actor index
 * rather than by matching names row by row. Never empty (an impossible id matches nothing).
 */
async function staffHsaIds(db: Db, staff: NonNullable<AuditSearchCriteria["staff"]>): Promise<SQL[]> {
  if ("hsaId" in staff) return [sql`${staff.hsaId}`];
  const res = await db.execute<{ hsa_id: string }>(
    sql`select hsa_id from staff where given_name || ' ' || family_name ilike ${`%${escapeLike(staff.nameContains)}%`} order by hsa_id limit 100`,
  );
  return res.rows.length ? res.rows.map((r) => sql`${r.hsa_id}`) : [sql`''`];
}

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}
