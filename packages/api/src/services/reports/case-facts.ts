import { schema, eq, inArray, sql, type Db, type DbOrTx } from "@vardkedjan/db/client";
import { caseReportMeasures } from "@vardkedjan/domain/reports/case-measures";
import { OUTPATIENT_PARTY_ROLES } from "@vardkedjan/domain/case/party-role";
import { loadManyCaseFacts, type LoadedCase } from "../case/facts";

export type CaseReportFactsRow = typeof schema.caseReportFacts.$inferInsert;

/**
 * The report row of one case: the domain's measures, and the units and organisations the reports
 * group by. `municipalityId`: the organisation of the case's kommun party (the biståndsenhet, proposed
 * from the folkbokföring); `primaryCareUnitId`: its vårdcentral or psychiatric outpatient party.
 */
export function caseReportFactsRow(
  loaded: Pick<LoadedCase, "row" | "facts" | "parties">,
  organisationOfUnit: ReadonlyMap<string, string>,
  previousDischargedAt: Date | null,
  now: Date,
): CaseReportFactsRow {
  const { row, facts, parties } = loaded;
  const m = caseReportMeasures(facts, row.previousCaseId ? { dischargedAt: previousDischargedAt } : null);
  const active = parties.filter((p) => !p.removedAt);
  const kommun = active.find((p) => p.role === "kommun");
  const primaryCare = active.find((p) => OUTPATIENT_PARTY_ROLES.includes(p.role));
  return {
    caseId: row.id,
    regionId: row.regionId,
    hospitalUnitId: row.hospitalUnitId,
    wardUnitId: row.wardUnitId,
    municipalityId: kommun ? (organisationOfUnit.get(kommun.unitId) ?? null) : null,
    primaryCareUnitId: primaryCare?.unitId ?? null,
    ...m,
    updatedAt: now,
  };
}

/** Recomputes and stores the report row of a case; runs in the transaction of every write to it (refreshCaseDerived). */
export async function refreshCaseReportFacts(tx: DbOrTx, loaded: LoadedCase, now: Date): Promise<void> {
  const unitIds = loaded.parties.map((p) => p.unitId);
  const orgs = unitIds.length
    ? await tx.select({ id: schema.units.id, organisationId: schema.units.organisationId }).from(schema.units).where(inArray(schema.units.id, unitIds))
    : [];
  let previousDischargedAt: Date | null = null;
  if (loaded.row.previousCaseId) {
    const [prev] = await tx
      .select({ dischargedAt: schema.coordinationCases.dischargedAt })
      .from(schema.coordinationCases)
      .where(eq(schema.coordinationCases.id, loaded.row.previousCaseId));
    previousDischargedAt = prev?.dischargedAt ?? null;
  }
  const values = caseReportFactsRow(loaded, new Map(orgs.map((o) => [o.id, o.organisationId])), previousDischargedAt, now);
  const { caseId: _caseId, ...set } = values;
  await tx.insert(schema.caseReportFacts).values(values).onConflictDoUpdate({ target: schema.caseReportFacts.caseId, set });
}

/**
 * Writes the report row of every case that has none: cases written before case_report_facts
 * existed (the migration cannot run the domain's rules). Run at start after the migrations;
 * cheap when nothing is missing (one query).
 */
export async function backfillCaseReportFacts(db: Db, now = new Date()): Promise<number> {
  const missing = await db.execute<{ id: string }>(
    sql`select c.id from coordination_cases c where not exists (select 1 from case_report_facts f where f.case_id = c.id)`,
  );
  const ids = missing.rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db.transaction(async (tx) => {
      for (const loaded of await loadManyCaseFacts(tx, chunk)) await refreshCaseReportFacts(tx, loaded, now);
    });
  }
  return ids.length;
}
