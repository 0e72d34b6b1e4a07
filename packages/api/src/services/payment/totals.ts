import { sql, type DbOrTx } from "@vardkedjan/db/client";
import { MONTH, monthBounds } from "@vardkedjan/domain/payment/invoice";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import type { AverageRowFigures } from "@vardkedjan/domain/payment/invoice-average";
import { monthAveragesNow } from "./month-average";
import { paymentMunicipalities } from "./scope";

/**
 * Payment days and amounts per kommun and month, the same figures as the invoice basis of the
 * kommun-month: the stored runs (case_payment_periods) in one query, the months a generated
 * series, each run counted for its days inside each month (an open run up to today), plus, for a
 * kommun under a monthly-average agreement, the month's average row (month-average.ts, the
 * basis's own computation). The amount per day is the agreement's own, else Socialstyrelsen's
 * amount of the month's year; a month whose amount is missing has amount null and says so.
 * Each month is counted as it is now: a fixed month's later changes are here in that month, where
 * the invoice basis carries them as correction rows into the next open month.
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
  /** Stays with individually counted days, plus the stays of the month's average when it has payment days. */
  cases: number;
  /** Individually counted days plus the average row's days (which can be a half day, e.g. level 2.5). */
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
  const individual = await individualTotals(db, municipalityIds, fromMonth, toMonth, today);
  return withMonthAverages(db, individual, await monthAveragesNow(db, municipalityIds, fromMonth, toMonth));
}

/** Adds each kommun-month's average row (days in tenths, kronor in öre) to its individual days. */
async function withMonthAverages(
  db: DbOrTx,
  rows: PaymentTotalRow[],
  averages: { municipalityId: string; month: string; figures: AverageRowFigures }[],
): Promise<PaymentTotalRow[]> {
  const withDays = averages.filter((a) => a.figures.excessTenths !== 0);
  if (withDays.length === 0) return rows;
  const byKey = new Map(rows.map((r) => [`${r.municipalityId}|${r.month}`, r]));
  const unnamed = withDays.filter((a) => !byKey.has(`${a.municipalityId}|${a.month}`)).map((a) => a.municipalityId);
  const names = new Map<string, string>();
  if (unnamed.length > 0) {
    const res = await db.execute<{ id: string; name: string }>(
      sql`select id::text as id, name from organisations where id = any(${`{${[...new Set(unnamed)].join(",")}}`}::uuid[])`,
    );
    for (const r of res.rows) names.set(r.id, r.name);
  }
  for (const { municipalityId, month, figures } of withDays) {
    const key = `${municipalityId}|${month}`;
    const row = byKey.get(key) ?? { municipalityId, municipalityName: names.get(municipalityId) ?? "", month, cases: 0, paymentDays: 0, amountKr: 0 };
    byKey.set(key, {
      ...row,
      cases: row.cases + figures.stays,
      paymentDays: (row.paymentDays * 10 + figures.excessTenths) / 10,
      amountKr: row.amountKr === null || figures.amountOre === null ? null : (Math.round(row.amountKr * 100) + figures.amountOre) / 100,
    });
  }
  return [...byKey.values()].sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, "sv") || a.month.localeCompare(b.month));
}

/** The individually counted days: the stored runs, cut into the months they touch. */
async function individualTotals(db: DbOrTx, municipalityIds: string[], fromMonth: string, toMonth: string, today: string): Promise<PaymentTotalRow[]> {
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
