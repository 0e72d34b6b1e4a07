import { executePrepared, type schema, sql, type DbOrTx, type SQL } from "@vardkedjan/db/client";
import type { Actor } from "./actor";

/** Every audited action. PDL events concern patient data; security events logins and contexts. */
export type AuditAction =
  | "session.login"
  | "session.login_denied"
  | "session.logout"
  | "session.choose_context"
  | "session.switch_context"
  | "access.denied"
  | "case.read"
  | "case.list"
  | "case.create"
  | "case.send_message"
  | "case.acknowledge"
  | "case.close"
  | "case.print"
  | "case.phone_contact"
  | "case.outage_checklist"
  | "case.after_register"
  | "case.internal_note_read"
  | "case.internal_note_write"
  | "case.sip_answer"
  | "template.change"
  | "patient.lookup"
  | "patient.reconcile"
  | "deviation.report"
  | "deviation.read"
  | "deviation.update"
  | "outage.declare"
  | "outage.end"
  | "admin.change"
  | "invoice.read"
  | "invoice.export"
  | "invoice.lock"
  | "invoice.dispute"
  | "invoice.answer_dispute"
  | "payment.agreement_change"
  | "session.end"
  | "rules.change"
  | "rules.read"
  | "rules.simulate"
  | "audit.search"
  | "audit.extract"
  | "audit.sample"
  | "audit.review"
  | "audit.flags"
  | "report.read";

const CATEGORY: Record<AuditAction, "pdl" | "security" | "admin"> = {
  "session.login": "security",
  "session.login_denied": "security",
  "session.logout": "security",
  "session.choose_context": "security",
  "session.switch_context": "security",
  // A procedure refused for the active role or portal (the role → action table said no).
  "access.denied": "security",
  "case.read": "pdl",
  "case.list": "pdl",
  "case.create": "pdl",
  "case.send_message": "pdl",
  "case.acknowledge": "pdl",
  "case.close": "pdl",
  "case.print": "pdl",
  "case.phone_contact": "pdl",
  "case.outage_checklist": "pdl",
  "case.after_register": "pdl",
  // A unit's own notes on a case: patient data, read and written only by that unit.
  "case.internal_note_read": "pdl",
  "case.internal_note_write": "pdl",
  "case.sip_answer": "pdl",
  // A unit's phrase templates hold no patient data: an administrative change of the unit's own texts.
  "template.change": "admin",
  "patient.lookup": "pdl",
  // A hand-registered patient's details replaced by the register's (a change of patient data).
  "patient.reconcile": "pdl",
  // A deviation is linked to a case: reporting, reading (with the patient shown) and handling it are PDL events.
  "deviation.report": "pdl",
  "deviation.read": "pdl",
  "deviation.update": "pdl",
  "outage.declare": "admin",
  "outage.end": "admin",
  "admin.change": "admin",
  // The invoice basis names patients for the economy roles: a read of patient data under PDL.
  "invoice.read": "pdl",
  "invoice.export": "pdl",
  "invoice.lock": "admin",
  "invoice.dispute": "admin",
  "invoice.answer_dispute": "admin",
  "payment.agreement_change": "admin",
  // An administrator ended someone's login session (every portal refuses it from the next request).
  "session.end": "security",
  "rules.change": "admin",
  // Reading another organisation's rules (a region's support of its kommuner) and simulating logins.
  "rules.read": "admin",
  "rules.simulate": "admin",
  // Log review (Loggkontroll) is its own purpose, follow-up of accesses, not care: audited, but
  // not an access to the patient's care data, so it stays out of the patient's access extract.
  "audit.search": "admin",
  "audit.extract": "admin",
  "audit.sample": "admin",
  "audit.review": "admin",
  "audit.flags": "admin",
  // Aggregates only, no patient data: an administrator's read, logged all the same.
  "report.read": "admin",
};

/** PDL activity types. */
export type AuditActivity = "Läsa" | "Skriva" | "Skicka" | "Kvittera" | "Utskrift" | "Radera";

export interface AuditInput {
  action: AuditAction;
  activity?: AuditActivity;
  outcome?: "success" | "denied";
  patientId?: string | null;
  caseId?: string | null;
  entityType?: string;
  entityId?: string;
  /**
   * Ids and codes, and what a person searched for (a search is a read of patient data under PDL,
   * whether or not it hit). Never message content or free text: the log is protected, but it is
   * read for follow-up by people who need not see what was written.
   */
  details?: Record<string, unknown>;
}

/** Who acted, for events before an actor with an active context exists (login, context choice). */
export interface AuditSubject {
  staffId?: string | null;
  hsaId?: string | null;
  name?: string | null;
  portal?: string | null;
  role?: string | null;
  unitHsaId?: string | null;
  commissionHsaId?: string | null;
  providerHsaId?: string | null;
}

export function subjectOf(actor: Actor): AuditSubject {
  return {
    staffId: actor.staffId,
    hsaId: actor.hsaId,
    name: actor.name,
    portal: actor.portal,
    role: actor.context.role,
    unitHsaId: actor.context.scopeHsaId,
    commissionHsaId: actor.context.commissionHsaIds[0] ?? null,
    providerHsaId: actor.context.providerHsaId,
  };
}

/**
 * Writes one audit row. Call it with the same transaction handle as the change (or the read) it
 * records, so that both are committed or neither.
 */
export async function writeAudit(tx: DbOrTx, who: Actor | AuditSubject, input: AuditInput): Promise<void> {
  // Every read of patient data writes one, so it is a prepared statement of fixed text (planned
  // once per connection) rather than an insert built per call: the same row as auditRow.
  await executePrepared(tx, auditInsertSql(who, input, sql`${JSON.stringify(input.details ?? {})}::jsonb`));
}

/**
 * The insert of one audit row (auditRow's) as SQL, for a statement that writes it together with
 * the read it records, so both are one transaction: `details` may be SQL over that read (the ids
 * it returned), and the row is written only where `when` holds.
 */
export function auditInsertSql(who: Actor | AuditSubject, input: Omit<AuditInput, "details">, details: SQL, when: SQL = sql`true`): SQL {
  const r = auditRow(who, input);
  return sql`insert into audit_events (action, category, activity, outcome, portal, actor_staff_id, actor_hsa_id, actor_name, actor_org_hsa_id, role,
      unit_hsa_id, commission_hsa_id, provider_hsa_id, purpose, patient_id, case_id, entity_type, entity_id, details)
    select ${r.action}::text, ${r.category}::text, ${r.activity}::text, ${r.outcome ?? "success"}::text, ${r.portal}::text, ${r.actorStaffId}::uuid,
      ${r.actorHsaId}::text, ${r.actorName}::text, ${r.actorOrgHsaId}, ${r.role}::text, ${r.unitHsaId}::text, ${r.commissionHsaId}::text,
      ${r.providerHsaId}::text, ${r.purpose}::text, ${r.patientId}::uuid, ${r.caseId}::uuid, ${r.entityType}::text, ${r.entityId}::text, ${details}
    where ${when}`;
}

/** An audit row to insert; the actor's organisation is an SQL expression evaluated in the INSERT. */
export type AuditInsert = Omit<typeof schema.auditEvents.$inferInsert, "actorOrgHsaId"> & { actorOrgHsaId: SQL };

/** The audit row writeAudit writes, for a loader that writes many at once (the demo history). */
export function auditRow(who: Actor | AuditSubject, input: AuditInput): AuditInsert {
  const s = "context" in who ? subjectOf(who) : who;
  return {
    action: input.action,
    category: CATEGORY[input.action],
    activity: input.activity ?? null,
    outcome: input.outcome ?? "success",
    portal: s.portal ?? null,
    actorStaffId: s.staffId ?? null,
    actorHsaId: s.hsaId ?? null,
    actorName: s.name ?? null,
    // Resolved in the database at write time (function audit_actor_org, migration
    // audit_events_partitioned), so that each organisation's log review is an indexed filter.
    actorOrgHsaId: sql`audit_actor_org(${s.hsaId ?? null}::text, ${s.unitHsaId ?? null}::text)`,
    role: s.role ?? null,
    unitHsaId: s.unitHsaId ?? null,
    commissionHsaId: s.commissionHsaId ?? null,
    providerHsaId: s.providerHsaId ?? null,
    purpose: CATEGORY[input.action] === "pdl" ? "Vård och behandling" : null,
    patientId: input.patientId ?? null,
    caseId: input.caseId ?? null,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    details: input.details ?? {},
  };
}
