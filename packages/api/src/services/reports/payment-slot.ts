import { schema, sql, type Db } from "@vardkedjan/db/client";
import { paymentInputFromCase } from "@vardkedjan/domain/payment/from-case";
import { computeCasePayment } from "@vardkedjan/domain/payment/engine";
import { agreementModelSchema, chooseAgreement, chosenModel, type AgreementVersion } from "@vardkedjan/domain/payment/agreement";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import type { Actor } from "../../actor";
import { loadManyCaseFacts } from "../case/facts";
import type { ReportScope } from "./scope";

/** Payment days and amounts of one kommun in one month (the month the stay ended). */
export interface PaymentTotalRow {
  municipality: string;
  month: string;
  paymentDays: number;
  /** Null when a year's amount is missing from the amount table (the days still count). */
  amountKr: number | null;
}

export interface PaymentTotalsFilter {
  scope: ReportScope;
  from: string;
  to: string;
}

/**
 * STAND-IN, to be replaced by the payment service's `paymentTotalsByMunicipalityMonth(db, actor,
 * filter)` (services/payment/, built beside this branch) when both are merged: the same rows,
 * computed here with the domain's payment engine over the stays that ended in the period. It
 * reads every message of those stays, so it is not what answers at national scale; the payment
 * service's stored basis is.
 */
export async function paymentTotalsByMunicipalityMonthStandIn(db: Db, _actor: Actor, filter: PaymentTotalsFilter): Promise<PaymentTotalRow[]> {
  const ids = await db.execute<{ case_id: string; municipality_id: string }>(sql`
    select f.case_id, f.municipality_id from case_report_facts f
    where ${filter.scope.where} and f.municipality_id is not null and f.discharge_month between ${filter.from} and ${filter.to}`);
  if (ids.rows.length === 0) return [];
  const municipalityOf = new Map(ids.rows.map((r) => [r.case_id, r.municipality_id]));
  const agreements = (await db.select().from(schema.paymentAgreements)).map((a): AgreementVersion => ({
    ...a,
    model: agreementModelSchema.parse(a.model),
    validTo: a.validTo ?? null,
  }));
  const amounts = await db.select().from(schema.paymentDayAmounts);
  const kommunUnits = await db.execute<{ id: string; organisation_id: string }>(
    sql`select u.id, u.organisation_id from units u join organisations o on o.id = u.organisation_id where o.kind = 'kommun'`,
  );
  const orgOfUnit = new Map(kommunUnits.rows.map((r) => [r.id, r.organisation_id]));
  const totals = new Map<string, PaymentTotalRow>();
  const now = new Date();
  for (const loaded of await loadManyCaseFacts(db, [...municipalityOf.keys()])) {
    const municipality = municipalityOf.get(loaded.row.id)!;
    const units = loaded.parties.filter((p) => orgOfUnit.get(p.unitId) === municipality).map((p) => p.unitId);
    const input = paymentInputFromCase(loaded.row.id, loaded.facts, units);
    const first = input.readyNotices[0];
    if (!first) continue;
    const chosen = chooseAgreement(agreements, { regionId: loaded.row.regionId, municipalityId: municipality }, stockholmDate(first.sentAt));
    const result = computeCasePayment(input, chosenModel(chosen), { asOf: now, amounts });
    if (!result.endMonth) continue;
    const key = `${municipality}|${result.endMonth}`;
    const row = totals.get(key) ?? { municipality, month: result.endMonth, paymentDays: 0, amountKr: 0 };
    row.paymentDays += result.paymentDays;
    row.amountKr = row.amountKr === null || result.amountKr === null ? (result.paymentDays > 0 ? null : row.amountKr) : row.amountKr + result.amountKr;
    totals.set(key, row);
  }
  return [...totals.values()].sort((a, b) => a.month.localeCompare(b.month) || a.municipality.localeCompare(b.municipality));
}
