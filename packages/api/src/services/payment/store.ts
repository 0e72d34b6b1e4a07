import { executePrepared, schema, eq, inArray, sql, type DbOrTx } from "@vardkedjan/db/client";
import { agreementVersionSchema, chooseAgreement, chosenModel, type AgreementVersion, type ChosenAgreement } from "@vardkedjan/domain/payment/agreement";
import type { YearlyAmount } from "@vardkedjan/domain/payment/amounts";
import { computeCasePayment, type CasePayment } from "@vardkedjan/domain/payment/engine";
import { paymentInputFromCase } from "@vardkedjan/domain/payment/from-case";
import { paymentPeriods } from "@vardkedjan/domain/payment/invoice";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import type { LoadedCase } from "../case/facts";

/**
 * The payment engine's result per case, kept in the same transaction as every write to the case
 * (refreshCaseDerived calls storeCasePayment). Decision (ARCHITECTURE.md, "Payment
 * responsibility"): store runs of payment days per case instead of computing on read, so that a
 * kommun-month invoice basis and a region-year report are index reads at national scale; an
 * ongoing stay's last run is open-ended, so nothing needs recomputing as days pass, only when
 * a message changes the case or an agreement changes (a background job, recompute.ts).
 */

export interface PaymentReference {
  agreements: AgreementVersion[];
  amounts: YearlyAmount[];
  /** kommunkod → the kommun organisation and its unit ids. */
  municipalities: Map<string, { id: string; regionId: string | null; unitIds: string[] }>;
}

/**
 * The agreements of a region, the yearly amounts and the kommuner (with their units), loaded once
 * for many cases; `municipalityCodes` narrows the kommuner to those needed (one write to a case
 * needs only its patient's).
 */
export async function loadPaymentReference(db: DbOrTx, regionId: string, municipalityCodes?: (string | null)[]): Promise<PaymentReference> {
  // One statement for the three (the case page reads it on every request): the region's agreement
  // versions, the day amounts, and the kommuner asked for with their units. Prepared: planned once
  // per connection (the tables are small and the plan the same for every region).
  const codes = `{${(municipalityCodes ?? []).filter((c): c is string => !!c && /^\d{4}$/.test(c)).join(",")}}`;
  const res = await executePrepared<{
    agreements: Record<string, unknown>[];
    amounts: { year: number; amountKr: number; regulationId: string | null; source: string }[];
    kommuner: { id: string; region_id: string | null; code: string; unit_ids: string[] | null }[];
  }>(
    db,
    sql`select
    (select coalesce(json_agg(json_build_object('id', a.id, 'regionId', a.region_id, 'municipalityId', a.municipality_id, 'version', a.version,
        'validFrom', a.valid_from, 'validTo', a.valid_to, 'name', a.name, 'model', a.model)), '[]'::json)
      from payment_agreements a where a.region_id = ${regionId}::uuid) as agreements,
    (select coalesce(json_agg(json_build_object('year', d.year, 'amountKr', d.amount_kr, 'regulationId', d.regulation_id, 'source', d.source)), '[]'::json)
      from payment_day_amounts d) as amounts,
    (select coalesce(json_agg(k), '[]'::json) from (
      select o.id, o.region_id, o.municipality_code as code, array_agg(u.id::text) filter (where u.id is not null) as unit_ids
      from organisations o left join units u on u.organisation_id = o.id
      where o.kind = 'kommun' and o.municipality_code is not null
        and (${municipalityCodes === undefined} or o.municipality_code = any(${codes}::text[]))
      group by o.id) k) as kommuner`,
  );
  const row = res.rows[0]!;
  const agreements = row.agreements.map((a) => agreementVersionSchema.parse(a));
  const municipalities = new Map(row.kommuner.map((r) => [r.code, { id: r.id, regionId: r.region_id, unitIds: r.unit_ids ?? [] }]));
  return { agreements, amounts: row.amounts, municipalities };
}

export interface StoredCasePayment {
  payment: CasePayment;
  chosen: ChosenAgreement;
  municipalityId: string | null;
}

/** The engine for one loaded case under the agreement that applies to it (pure once the reference is loaded). */
export function computeForCase(loaded: LoadedCase, municipalityCode: string | null, ref: PaymentReference, now: Date): StoredCasePayment | null {
  const kommun = municipalityCode ? ref.municipalities.get(municipalityCode) : undefined;
  // The paying kommun is the patient's folkbokföringskommun; when it is not known (a reserve
  // number, a kommun outside the system) the case's kommun parties stand in, so the case page still
  // says when payment would start, but no kommun is invoiced (no runs are stored without one).
  const input = paymentInputFromCase(loaded.row.id, loaded.facts, kommun ? kommun.unitIds : undefined);
  const first = input.readyNotices[0];
  if (!first) return null;
  // One agreement judges the whole stay: the one in force on the day of its first ready notice.
  const chosen = chooseAgreement(ref.agreements, { regionId: loaded.row.regionId, municipalityId: kommun?.id ?? "" }, stockholmDate(first.sentAt));
  const payment = computeCasePayment(input, chosenModel(chosen), { asOf: now, amounts: ref.amounts });
  return { payment, chosen, municipalityId: kommun?.id ?? null };
}

/**
 * The rows the engine's result is stored as: the case's row and, when a kommun pays, its runs of
 * payment days. Pure, so that the national data loader writes exactly what a case's write stores.
 */
export function casePaymentRows(
  caseId: string,
  regionId: string,
  result: StoredCasePayment,
  now: Date,
): {
  payment: typeof schema.casePayments.$inferInsert;
  periods: Omit<typeof schema.casePaymentPeriods.$inferInsert, "id">[];
} {
  const payment = {
    caseId,
    regionId,
    municipalityId: result.municipalityId,
    agreementId: result.chosen.kind === "overenskommelse" ? result.chosen.agreement.id : null,
    basis: result.payment.basis,
    liabilityFrom: result.payment.liabilityFrom,
    computedAt: now,
    readyDays: result.payment.readyDays,
    endMonth: result.payment.endMonth,
    unmetPreconditions: result.payment.unmetPreconditions,
  };
  if (!result.municipalityId) return { payment, periods: [] };
  const ownAmount = chosenModel(result.chosen).amountPerDayKr ?? null;
  const municipalityId = result.municipalityId;
  const periods = paymentPeriods(result.payment).map((p) => ({ caseId, municipalityId, regionId, fromDate: p.from, toDate: p.to, amountPerDayKr: ownAmount }));
  return { payment, periods };
}

/** Stores the result: the case's row and its runs of payment days (replacing the earlier ones). */
export async function writeCasePayment(db: DbOrTx, loaded: LoadedCase, result: StoredCasePayment | null, now: Date): Promise<void> {
  const caseId = loaded.row.id;
  await db.delete(schema.casePaymentPeriods).where(eq(schema.casePaymentPeriods.caseId, caseId));
  if (!result) {
    await db.delete(schema.casePayments).where(eq(schema.casePayments.caseId, caseId));
    return;
  }
  const { payment, periods } = casePaymentRows(caseId, loaded.row.regionId, result, now);
  await db.insert(schema.casePayments).values(payment).onConflictDoUpdate({ target: schema.casePayments.caseId, set: payment });
  if (periods.length > 0) await db.insert(schema.casePaymentPeriods).values(periods);
}

export async function municipalityCodesOf(db: DbOrTx, patientIds: string[]): Promise<Map<string, string | null>> {
  if (patientIds.length === 0) return new Map();
  const rows = await db
    .select({ id: schema.patients.id, code: schema.patients.municipalityCode })
    .from(schema.patients)
    .where(inArray(schema.patients.id, patientIds));
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** For refreshCaseDerived: recompute and store one case; returns the result for the due steps. */
export async function storeCasePayment(db: DbOrTx, loaded: LoadedCase, now: Date): Promise<StoredCasePayment | null> {
  const codes = await municipalityCodesOf(db, [loaded.row.patientId]);
  const ref = await loadPaymentReference(db, loaded.row.regionId, [codes.get(loaded.row.patientId) ?? null]);
  const result = computeForCase(loaded, codes.get(loaded.row.patientId) ?? null, ref, now);
  await writeCasePayment(db, loaded, result, now);
  return result;
}

/**
 * The cases of a region an agreement change may judge differently: every case with a ready notice
 * (the background recomputation, recompute.ts, goes through them in batches).
 */
export async function casesWithReadyNotice(db: DbOrTx, regionId: string): Promise<string[]> {
  const ids = await db
    .select({ id: schema.coordinationCases.id })
    .from(schema.coordinationCases)
    .where(
      sql`${schema.coordinationCases.regionId} = ${regionId} and exists (select 1 from messages m where m.case_id = ${schema.coordinationCases.id} and m.kind = 'utskrivningsklar')`,
    )
    .orderBy(schema.coordinationCases.id);
  return ids.map((r) => r.id);
}

/** The payment rows of many cases of one region at once, in the caller's transaction (the demo history's loader). */
export async function storeCasePayments(
  db: DbOrTx,
  regionId: string,
  caseIds: string[],
  now: Date,
  loadMany: (db: DbOrTx, ids: string[]) => Promise<LoadedCase[]>,
): Promise<number> {
  const ref = await loadPaymentReference(db, regionId);
  let n = 0;
  for (let i = 0; i < caseIds.length; i += 1000) {
    const loaded = await loadMany(db, caseIds.slice(i, i + 1000));
    const codes = await municipalityCodesOf(
      db,
      loaded.map((l) => l.row.patientId),
    );
    for (const l of loaded) {
      await writeCasePayment(db, l, computeForCase(l, codes.get(l.row.patientId) ?? null, ref, now), now);
      n += 1;
    }
  }
  return n;
}
