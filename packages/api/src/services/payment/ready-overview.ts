import { sql, type Db } from "@vardkedjan/db/client";
import { daysSinceReady } from "@vardkedjan/domain/clock/losus";
import { KOMMUN_SIDE_ROLES, deriveCaseState } from "@vardkedjan/domain/case/state";
import { liabilityFromText } from "@vardkedjan/domain/payment/text";
import { formatPatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";
import { loadManyCaseFacts } from "../case/facts";
import { resolveScopeUnitIds } from "../workspace/scope";

/**
 * "Utskrivningsklara nu": every patient ready for discharge in the actor's units (for a
 * utskrivningsledare, the whole hospital), with the days waiting, the paying kommun (the
 * patient's folkbokföringskommun), whether the kommun has said kommunklar and when payment
 * responsibility starts, and totals per kommun. The ward sees its cases in full, so the list
 * follows the worklist's rule: cases the actor's units are a visible party to. One audit row per
 * read, with the case ids, as the worklist.
 */

export interface ReadyOverviewRow {
  caseId: string;
  reference: string;
  patientName: string;
  patientIdentifier: string;
  wardName: string;
  readyForDischargeAt: Date;
  /** Calendar days since the ready notice, day 0 being the notice day. */
  daysWaiting: number;
  municipalityName: string | null;
  kommunklar: boolean;
  liabilityText: string | null;
  /** Payment responsibility has started (from 00:00 of its first day). */
  liabilityStarted: boolean;
}

export interface ReadyOverview {
  rows: ReadyOverviewRow[];
  perMunicipality: { municipalityName: string; patients: number; daysWaiting: number; withoutKommunklar: number; liabilityStarted: number }[];
}

export const UNKNOWN_MUNICIPALITY = "Okänd folkbokföringskommun";

export async function readyOverview(db: Db, actor: Actor, now = new Date()): Promise<ReadyOverview> {
  const units = await resolveScopeUnitIds(db, actor.context);
  if (units.length === 0) return { rows: [], perMunicipality: [] };
  const unitArray = sql`${`{${units.join(",")}}`}::uuid[]`;
  return db.transaction(async (tx) => {
    const res = await tx.execute<{
      id: string;
      reference: string;
      given_name: string;
      family_name: string;
      identifier: string;
      identifier_kind: "personnummer" | "samordningsnummer" | "reservnummer";
      ward_name: string;
      ready_for_discharge_at: Date;
      municipality_name: string | null;
      liability_from: Date | null;
    }>(sql`
      select c.id, c.reference, p.given_name, p.family_name, p.identifier, p.identifier_kind, w.name as ward_name,
             c.ready_for_discharge_at, k.name as municipality_name, pay.liability_from
      from coordination_cases c
      join patients p on p.id = c.patient_id
      join units w on w.id = c.ward_unit_id
      left join organisations k on k.kind = 'kommun' and k.municipality_code = p.municipality_code
      left join case_payments pay on pay.case_id = c.id
      where c.stage = 'utskrivningsklar' and c.ready_for_discharge_at is not null
        and exists (select 1 from case_parties cp where cp.case_id = c.id and cp.unit_id = any(${unitArray})
                    and cp.removed_at is null and cp.visible_from is not null)
      order by c.ready_for_discharge_at asc, c.id`);
    const loaded = await loadManyCaseFacts(
      tx,
      res.rows.map((r) => r.id),
    );
    const kommunklar = new Set(
      loaded
        .filter((l) => deriveCaseState(l.facts).parties.some((p) => p.active && !p.rejectedAt && KOMMUN_SIDE_ROLES.includes(p.role) && p.kommunklarAt !== null))
        .map((l) => l.row.id),
    );
    const rows: ReadyOverviewRow[] = res.rows.map((r) => {
      const liabilityFrom = r.liability_from ? new Date(r.liability_from) : null;
      return {
        caseId: r.id,
        reference: r.reference,
        patientName: `${r.given_name} ${r.family_name}`,
        patientIdentifier: formatPatientIdentifier({ kind: r.identifier_kind, value: r.identifier }),
        wardName: r.ward_name,
        readyForDischargeAt: new Date(r.ready_for_discharge_at),
        daysWaiting: daysSinceReady(new Date(r.ready_for_discharge_at), now),
        municipalityName: r.municipality_name,
        kommunklar: kommunklar.has(r.id),
        liabilityText: liabilityFrom ? liabilityFromText(stockholmDate(liabilityFrom)) : null,
        liabilityStarted: liabilityFrom !== null && liabilityFrom.getTime() <= now.getTime(),
      };
    });
    const per = new Map<string, ReadyOverview["perMunicipality"][number]>();
    for (const r of rows) {
      const name = r.municipalityName ?? UNKNOWN_MUNICIPALITY;
      const m = per.get(name) ?? { municipalityName: name, patients: 0, daysWaiting: 0, withoutKommunklar: 0, liabilityStarted: 0 };
      m.patients += 1;
      m.daysWaiting += r.daysWaiting;
      if (!r.kommunklar) m.withoutKommunklar += 1;
      if (r.liabilityStarted) m.liabilityStarted += 1;
      per.set(name, m);
    }
    if (rows.length > 0) {
      await writeAudit(tx, actor, { action: "case.list", activity: "Läsa", entityType: "ready_overview", details: { caseIds: rows.map((r) => r.caseId) } });
    }
    return { rows, perMunicipality: [...per.values()].sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, "sv")) };
  });
}
