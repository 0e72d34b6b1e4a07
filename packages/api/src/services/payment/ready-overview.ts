import { sql, type Db } from "@vardkedjan/db/client";
import { daysSinceReady } from "@vardkedjan/domain/clock/losus";
import { liabilityFromText } from "@vardkedjan/domain/payment/text";
import { formatPatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";
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
  /** More ready patients than READY_OVERVIEW_CAP: the list shows those who have waited longest. */
  more: boolean;
}

export const UNKNOWN_MUNICIPALITY = "Okänd folkbokföringskommun";

/** A hospital's ready patients are some tens; the list stops here rather than grow with a mistake upstream. */
export const READY_OVERVIEW_CAP = 500;

export async function readyOverview(db: Db, actor: Actor, now = new Date()): Promise<ReadyOverview> {
  const units = await resolveScopeUnitIds(db, actor.context);
  if (units.length === 0) return { rows: [], perMunicipality: [], more: false };
  const unitArray = sql`${`{${units.join(",")}}`}::uuid[]`;
  return db.transaction(async (tx) => {
    // Each unit's ready patients come in order from the party rows' index on the ready time
    // (case_parties_list_ready_idx); kommunklar is kept there too (refreshCaseDerived), so no
    // case's messages are read: the cost follows the ready patients, not the open or closed cases.
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
      kommunklar_at: Date | null;
      liability_from: Date | null;
    }>(sql`
      with ready as (
        select distinct on (x.case_id) x.case_id, x.ready_at, x.municipality_name, x.kommunklar_at
        from unnest(${unitArray}) as s(unit_id)
        cross join lateral (
          select cp.case_id, coalesce(cp.ready_for_discharge_at, 'infinity'::timestamptz) as ready_at, cp.municipality_name, cp.kommunklar_at
          from case_parties cp
          where cp.unit_id = s.unit_id and cp.case_open = true and cp.removed_at is null and cp.visible_from is not null
            and cp.stage = 'utskrivningsklar'
          order by coalesce(cp.ready_for_discharge_at, 'infinity'::timestamptz), cp.case_id
          limit ${READY_OVERVIEW_CAP + 1}
        ) x
        order by x.case_id
      )
      select c.id, c.reference, p.given_name, p.family_name, p.identifier, p.identifier_kind, w.name as ward_name,
             c.ready_for_discharge_at, ready.municipality_name, ready.kommunklar_at, pay.liability_from
      from (select * from ready order by ready_at, case_id limit ${READY_OVERVIEW_CAP + 1}) ready
      join coordination_cases c on c.id = ready.case_id
      join patients p on p.id = c.patient_id
      join units w on w.id = c.ward_unit_id
      left join case_payments pay on pay.case_id = c.id
      where c.ready_for_discharge_at is not null
      order by c.ready_for_discharge_at asc, c.id`);
    const more = res.rows.length > READY_OVERVIEW_CAP;
    const rows: ReadyOverviewRow[] = res.rows.slice(0, READY_OVERVIEW_CAP).map((r) => {
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
        kommunklar: r.kommunklar_at !== null,
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
    return { rows, perMunicipality: [...per.values()].sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, "sv")), more };
  });
}
