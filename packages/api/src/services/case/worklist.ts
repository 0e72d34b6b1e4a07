import { sql, type Db, type SQL } from "@vardkedjan/db/client";
import type { CaseStage } from "@vardkedjan/domain/case/types";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";
import { resolveScopeUnitIds } from "../workspace/scope";
import { seesPaymentResponsibility } from "@vardkedjan/domain/case/visibility";
import type { PartyRole } from "@vardkedjan/domain/case/types";
import { liabilityFromText } from "@vardkedjan/domain/payment/text";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";

export interface WorklistInput {
  stage?: CaseStage | null;
  /** Name, personnummer (with or without separator) or case reference. */
  search?: string | null;
  /** Narrow to one unit of the actor's scope (e.g. one ward of a hospital). */
  unitId?: string | null;
  includeClosed?: boolean;
  page: number;
  pageSize: number;
}

export interface WorklistRow {
  caseId: string;
  reference: string;
  stage: CaseStage;
  patientName: string;
  patientIdentifier: string;
  protectedIdentity: boolean;
  wardName: string;
  hospitalName: string;
  admittedAt: Date;
  estimatedDischargeDate: string | null;
  readyForDischargeAt: Date | null;
  nextDueAt: Date | null;
  nextDueStep: string | null;
  unacknowledged: number;
  /** "Betalningsansvar från 9 dec. 00:00" (the stored engine result), for the parties it concerns (seesPaymentResponsibility). */
  paymentLiabilityText: string | null;
}

export interface Worklist {
  rows: WorklistRow[];
  total: number;
  page: number;
  pageSize: number;
}

function searchCondition(search: string): SQL {
  const q = search.trim();
  const digits = q.replace(/[\s-+]/g, "");
  if (/^\d{6,12}$/.test(digits)) {
    // A personnummer typed with or without century or separator: match on the digits.
    return sql`(p.identifier like ${"%" + digits + "%"})`;
  }
  const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql`(p.given_name || ' ' || p.family_name ilike ${like} or c.reference ilike ${like})`;
}

/**
 * Min arbetsyta: the open cases the actor's units are parties to, sorted by what is due — cases
 * with unacknowledged messages to the unit first, then by the party's next due time (stored per
 * party by refreshCaseDerived), so that thousands of cases page quickly. One audit row per page.
 */
export async function getWorklist(db: Db, actor: Actor, input: WorklistInput): Promise<Worklist> {
  const scope = await resolveScopeUnitIds(db, actor.context);
  const units = input.unitId ? scope.filter((u) => u === input.unitId) : scope;
  if (units.length === 0) return { rows: [], total: 0, page: input.page, pageSize: input.pageSize };
  const unitArray = sql`${`{${units.join(",")}}`}::uuid[]`;
  // visible_from: a receiving party lists a case only from the first message addressed to it.
  const where: SQL[] = [sql`cp.unit_id = any(${unitArray})`, sql`cp.removed_at is null`, sql`cp.visible_from is not null`];
  if (!input.includeClosed) where.push(sql`cp.case_open`);
  if (input.stage) where.push(sql`c.stage = ${input.stage}`);
  if (input.search?.trim()) where.push(searchCondition(input.search));
  const whereSql = sql.join(where, sql` and `);

  return db.transaction(async (tx) => {
    const totalRes = await tx.execute<{ n: number }>(sql`
      select count(distinct c.id)::int as n
      from case_parties cp join coordination_cases c on c.id = cp.case_id join patients p on p.id = c.patient_id
      where ${whereSql}`);
    const res = await tx.execute<{
      case_id: string;
      reference: string;
      stage: CaseStage;
      given_name: string;
      family_name: string;
      identifier: string;
      protected_identity: boolean;
      ward_name: string;
      hospital_name: string;
      admitted_at: Date;
      estimated_discharge_date: string | null;
      ready_for_discharge_at: Date | null;
      next_due_at: Date | null;
      next_due_step: string | null;
      unacknowledged: number;
      party_role: PartyRole;
      liability_from: Date | null;
    }>(sql`
      with mine as (
        select c.id, min(cp.next_due_at) as next_due_at, (array_agg(cp.role))[1] as party_role,
               (array_agg(cp.next_due_step order by cp.next_due_at nulls last))[1] as next_due_step
        from case_parties cp join coordination_cases c on c.id = cp.case_id join patients p on p.id = c.patient_id
        where ${whereSql}
        group by c.id
      ),
      unacked as (
        select m.case_id, count(*)::int as n
        from message_recipients r join messages m on m.id = r.message_id
        where r.unit_id = any(${unitArray}) and r.acknowledged_at is null and m.case_id in (select id from mine)
        group by m.case_id
      )
      select c.id as case_id, c.reference, c.stage, p.given_name, p.family_name, p.identifier, p.protected_identity,
             w.name as ward_name, h.name as hospital_name, c.admitted_at, c.estimated_discharge_date::text as estimated_discharge_date,
             c.ready_for_discharge_at, mine.next_due_at, mine.next_due_step, coalesce(unacked.n, 0) as unacknowledged,
             mine.party_role, pay.liability_from
      from mine
      join coordination_cases c on c.id = mine.id
      join patients p on p.id = c.patient_id
      join units w on w.id = c.ward_unit_id
      join units h on h.id = c.hospital_unit_id
      left join unacked on unacked.case_id = c.id
      left join case_payments pay on pay.case_id = c.id
      order by (coalesce(unacked.n, 0) > 0) desc, mine.next_due_at asc nulls last, c.admitted_at asc, c.id
      limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`);
    const rows: WorklistRow[] = res.rows.map((r) => ({
      caseId: r.case_id,
      reference: r.reference,
      stage: r.stage,
      patientName: `${r.given_name} ${r.family_name}`,
      patientIdentifier: r.identifier,
      protectedIdentity: r.protected_identity,
      wardName: r.ward_name,
      hospitalName: r.hospital_name,
      admittedAt: new Date(r.admitted_at),
      estimatedDischargeDate: r.estimated_discharge_date,
      readyForDischargeAt: r.ready_for_discharge_at ? new Date(r.ready_for_discharge_at) : null,
      nextDueAt: r.next_due_at ? new Date(r.next_due_at) : null,
      nextDueStep: r.next_due_step,
      unacknowledged: r.unacknowledged,
      paymentLiabilityText:
        r.liability_from && seesPaymentResponsibility({ partyRole: r.party_role, role: actor.context.role })
          ? liabilityFromText(stockholmDate(new Date(r.liability_from)))
          : null,
    }));
    const search = input.search?.trim() || null;
    if (rows.length > 0 || search) {
      // PDL: the list shows patients' names and numbers; log which cases were shown (ids), and
      // what was searched for — a search without hits too (the audit log is itself protected).
      await writeAudit(tx, actor, { action: "case.list", activity: "Läsa", entityType: "worklist", details: { caseIds: rows.map((r) => r.caseId), search } });
    }
    return { rows, total: totalRes.rows[0]?.n ?? 0, page: input.page, pageSize: input.pageSize };
  });
}
