import { sql, type DbOrTx } from "@vardkedjan/db/client";
import { MONTH, monthBounds } from "@vardkedjan/domain/payment/invoice";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { paymentMunicipalities } from "./scope";

/**
 * Payment days and amounts per kommun and month, from the stored runs (case_payment_periods), in
 * one query: the months are a generated series, each run counted for its days inside each month
 * (an open run up to today). The amount per day is the agreement's own, else Socialstyrelsen's
 * amount of the month's year; a month whose amount is missing has amount null and says so.
 * No patient data: counts and sums only.
 */

export interface PaymentTotalsFilter {
  /** "YYYY-MM", inclusive. */
  fromMonth: string;
  toMonth: string;
  /** Narrow to these kommuner (each must be the actor's); omitted: every kommun the actor may see. */
  municipalityIds?: string[];
}

export interface PaymentTotalRow {
  municipalityId: string;
  municipalityName: string;
  /** "YYYY-MM". */
  month: string;
  cases: number;
  paymentDays: number;
  /** Kronor; null when a day's amount is missing for the year. */
  amountKr: number | null;
}

/** Rows for kommun-months with at least one payment day. */
export async function paymentTotalsByMunicipalityMonth(db: DbOrTx, actor: Actor, filter: PaymentTotalsFilter, now = new Date()): Promise<PaymentTotalRow[]> {
  if (!MONTH.test(filter.fromMonth) || !MONTH.test(filter.toMonth) || filter.fromMonth > filter.toMonth) {
    throw new AppError("INVALID_INPUT", { userMessage: "Ange en period som ÅÅÅÅ-MM till ÅÅÅÅ-MM." });
  }
  const mine = await paymentMunicipalities(db, actor);
  const wanted = filter.municipalityIds ? mine.filter((m) => filter.municipalityIds!.includes(m.id)) : mine;
  if (wanted.length === 0) return [];
  return totalsFor(
    db,
    wanted.map((m) => m.id),
    filter.fromMonth,
    filter.toMonth,
    stockholmDate(now),
  );
}

/** The same without the actor, for services that have already decided the scope. */
export async function totalsFor(db: DbOrTx, municipalityIds: string[], fromMonth: string, toMonth: string, today: string): Promise<PaymentTotalRow[]> {
  const from = monthBounds(fromMonth).first;
  const to = monthBounds(toMonth).last;
  const ids = sql`${`{${municipalityIds.join(",")}}`}::uuid[]`;
  // Each run is cut into the months it touches (almost always one), so the work grows with the
  // runs, not with runs × months.
  const res = await db.execute<{
    municipality_id: string;
    name: string;
    month: string;
    cases: number;
    days: number;
    amount: string | null;
    missing: boolean;
  }>(sql`
    with parts as (
      select p.municipality_id, p.case_id, m.first::date as first,
             (least(coalesce(p.to_date, ${today}::date), (m.first + interval '1 month - 1 day')::date) - greatest(p.from_date, m.first::date) + 1) as days,
             p.amount_per_day_kr
      from case_payment_periods p
      cross join lateral generate_series(
        date_trunc('month', greatest(p.from_date, ${from}::date)),
        date_trunc('month', least(coalesce(p.to_date, ${today}::date), ${to}::date)),
        interval '1 month') m(first)
      where p.municipality_id = any(${ids}) and p.from_date <= ${to}::date and coalesce(p.to_date, ${today}::date) >= ${from}::date
    ),
    sums as (
      select parts.municipality_id, parts.first, count(distinct parts.case_id)::int as cases, sum(parts.days)::int as days,
             sum(parts.days * coalesce(parts.amount_per_day_kr, a.amount_kr))::text as amount,
             bool_or(coalesce(parts.amount_per_day_kr, a.amount_kr) is null) as missing
      from parts left join payment_day_amounts a on a.year = extract(year from parts.first)::int
      where parts.days > 0
      group by parts.municipality_id, parts.first
    )
    select sums.municipality_id, o.name, to_char(sums.first, 'YYYY-MM') as month, sums.cases, sums.days, sums.amount, sums.missing
    from sums join organisations o on o.id = sums.municipality_id
    order by o.name, sums.first`);
  return res.rows.map((r) => ({
    municipalityId: r.municipality_id,
    municipalityName: r.name,
    month: r.month,
    cases: r.cases,
    paymentDays: r.days,
    amountKr: r.missing || r.amount === null ? null : Number(r.amount),
  }));
}

/** Per case for one kommun and one month: the days of the month and their amount. */
export async function caseDaysInMonth(
  db: DbOrTx,
  municipalityId: string,
  month: string,
  today: string,
): Promise<{ caseId: string; serviceMonth: string; days: number; amountKr: number | null }[]> {
  const { first, last } = monthBounds(month);
  const res = await db.execute<{ case_id: string; days: number; amount: string | null; missing: boolean }>(sql`
    select p.case_id,
           sum(least(coalesce(p.to_date, ${today}::date), ${last}::date) - greatest(p.from_date, ${first}::date) + 1)::int as days,
           sum((least(coalesce(p.to_date, ${today}::date), ${last}::date) - greatest(p.from_date, ${first}::date) + 1) * coalesce(p.amount_per_day_kr, a.amount_kr))::text as amount,
           bool_or(coalesce(p.amount_per_day_kr, a.amount_kr) is null) as missing
    from case_payment_periods p
    left join payment_day_amounts a on a.year = ${Number(month.slice(0, 4))}
    where p.municipality_id = ${municipalityId} and p.from_date <= ${last}::date and coalesce(p.to_date, ${today}::date) >= ${first}::date
    group by p.case_id`);
  return res.rows
    .filter((r) => r.days > 0)
    .map((r) => ({ caseId: r.case_id, serviceMonth: month, days: r.days, amountKr: r.missing || r.amount === null ? null : Number(r.amount) }));
}
