import { sql, type Db, type SQL } from "@vardkedjan/db/client";
import { addCounts, isMonth, reportFigures, type MeasureCounts, type ReportDimension, type ReportFigures } from "@vardkedjan/domain/reports/summary";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { reportScope, type ReportScope } from "./scope";
import { paymentTotalsByMunicipalityMonth } from "../payment/totals";

export interface FollowUpFilter {
  dimension: ReportDimension;
  /** "YYYY-MM", inclusive. */
  from: string;
  to: string;
}

export interface FollowUpReport {
  scopeName: string;
  filter: FollowUpFilter;
  months: string[];
  /** All stays in scope per month (the chart and its table). */
  byMonth: { month: string; figures: ReportFigures }[];
  /** Per hospital, ward, kommun or vårdcentral over the whole period. */
  byGroup: { id: string | null; name: string; figures: ReportFigures }[];
  /** Per group and month, for the CSV. */
  cells: { month: string; id: string | null; name: string; figures: ReportFigures }[];
  payment: (ReportPaymentRow & { municipalityName: string })[];
}

/** The dimension's column in case_report_facts and where its names are. */
const DIMENSION_COLUMN: Record<ReportDimension, { column: SQL; names: "units" | "organisations" }> = {
  sjukhus: { column: sql`f.hospital_unit_id`, names: "units" },
  avdelning: { column: sql`f.ward_unit_id`, names: "units" },
  kommun: { column: sql`f.municipality_id`, names: "organisations" },
  vardcentral: { column: sql`f.primary_care_unit_id`, names: "units" },
};

const MAX_MONTHS = 36;

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  for (let t = fy * 12 + fm - 1; t <= ty * 12 + tm - 1; t++) out.push(`${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`);
  return out;
}

export function validateFilter(filter: FollowUpFilter): string[] {
  if (!isMonth(filter.from) || !isMonth(filter.to)) throw new AppError("INVALID_INPUT", { userMessage: "Ange månader som ÅÅÅÅ-MM." });
  if (filter.from > filter.to) throw new AppError("INVALID_INPUT", { userMessage: "Periodens första månad kan inte ligga efter den sista." });
  const months = monthsBetween(filter.from, filter.to);
  if (months.length > MAX_MONTHS) throw new AppError("INVALID_INPUT", { userMessage: `Välj högst ${MAX_MONTHS} månader.` });
  return months;
}

type CountRow = {
  month: string;
  group_id: string | null;
  discharged: number;
  notice: number;
  fvk_due: number;
  fvk: number;
  sip_needed: number;
  sip_called: number;
  sip_deadlines: number;
  sip_in_time: number;
  sip_fvk: number;
  info: number;
  readmitted: number;
};

/**
 * The counts per month and group, aggregated in the database over one narrow row per stay (the
 * indexes on region and on kommun with the month narrow it to the scope and period), and the
 * day histogram; the shares, medians and distributions are the domain's (reports/summary.ts).
 */
export async function followUpCounts(
  db: Db,
  scope: ReportScope,
  filter: FollowUpFilter,
): Promise<Map<string, { month: string; id: string | null; counts: MeasureCounts }>> {
  const dim = DIMENSION_COLUMN[filter.dimension].column;
  const where = sql`${scope.where} and f.discharge_month between ${filter.from} and ${filter.to}`;
  const counts = await db.execute<CountRow>(sql`
    select f.discharge_month as month, ${dim}::text as group_id,
      count(*)::int as discharged,
      count(*) filter (where f.admission_notice_on_time)::int as notice,
      count(*) filter (where f.fixed_care_contact_due)::int as fvk_due,
      count(*) filter (where f.fixed_care_contact_before_discharge)::int as fvk,
      count(*) filter (where f.sip_needed)::int as sip_needed,
      count(*) filter (where f.sip_called)::int as sip_called,
      count(*) filter (where f.sip_called_in_time is not null)::int as sip_deadlines,
      count(*) filter (where f.sip_called_in_time)::int as sip_in_time,
      count(*) filter (where f.sip_called and f.fixed_care_contact_before_discharge)::int as sip_fvk,
      count(*) filter (where f.information_on_time)::int as info,
      count(*) filter (where f.readmitted_within30_days)::int as readmitted
    from case_report_facts f where ${where} group by 1, 2`);
  const days = await db.execute<{ month: string; group_id: string | null; days: number; n: number }>(sql`
    select f.discharge_month as month, ${dim}::text as group_id, f.ready_to_discharge_days as days, count(*)::int as n
    from case_report_facts f where ${where} and f.ready_to_discharge_days is not null group by 1, 2, 3`);
  const out = new Map<string, { month: string; id: string | null; counts: MeasureCounts }>();
  for (const r of counts.rows) {
    out.set(`${r.month}|${r.group_id}`, {
      month: r.month,
      id: r.group_id,
      counts: {
        discharged: r.discharged,
        admissionNoticeOnTime: r.notice,
        fixedCareContactDue: r.fvk_due,
        fixedCareContactBeforeDischarge: r.fvk,
        sipNeeded: r.sip_needed,
        sipCalled: r.sip_called,
        sipCallDeadlines: r.sip_deadlines,
        sipCalledInTime: r.sip_in_time,
        sipCalledWithFixedCareContact: r.sip_fvk,
        informationOnTime: r.info,
        readmittedWithin30Days: r.readmitted,
        readyDays: new Map(),
      },
    });
  }
  for (const d of days.rows) (out.get(`${d.month}|${d.group_id}`)!.counts.readyDays as Map<number, number>).set(d.days, d.n);
  return out;
}

async function namesOf(db: Db, table: "units" | "organisations", ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await db.execute<{ id: string; name: string }>(sql`select id::text as id, name from ${sql.identifier(table)} where id in (${list})`);
  return new Map(rows.rows.map((r) => [r.id, r.name]));
}

const NO_GROUP: Record<ReportDimension, string> = {
  sjukhus: "Okänt sjukhus",
  avdelning: "Okänd avdelning",
  kommun: "Ingen kommun i ärendet",
  vardcentral: "Ingen vårdcentral i ärendet",
};

/** Payment days and amounts of one kommun in one month (the month the days fell in). */
export interface ReportPaymentRow {
  /** The kommun's organisation id. */
  municipality: string;
  month: string;
  paymentDays: number;
  /** Null when a year's amount is missing from the amount table (the days still count). */
  amountKr: number | null;
}

export type ReportPaymentSource = (db: Db, actor: Actor, period: { from: string; to: string }) => Promise<ReportPaymentRow[]>;

/** The payment service's stored basis: the same figures as the invoice basis, for the kommuner the actor may see. */
const storedPaymentTotals: ReportPaymentSource = async (db, actor, period) =>
  (await paymentTotalsByMunicipalityMonth(db, actor, { fromMonth: period.from, toMonth: period.to })).map((r) => ({
    municipality: r.municipalityId,
    month: r.month,
    paymentDays: r.paymentDays,
    amountKr: r.amountKr,
  }));

/**
 * The follow-up report of the actor's region or kommun for a period, grouped by hospital, ward,
 * kommun or vårdcentral: aggregates only (no patient, no case), audited as an administrator's read.
 */
export async function followUpReport(
  db: Db,
  actor: Actor,
  filter: FollowUpFilter,
  /** Where the payment totals come from (the benchmark of the other figures leaves them out). */
  paymentTotals: ReportPaymentSource = storedPaymentTotals,
): Promise<FollowUpReport> {
  const months = validateFilter(filter);
  const scope = await reportScope(db, actor);
  const cells = await followUpCounts(db, scope, filter);
  const groupIds = [...new Set([...cells.values()].map((c) => c.id).filter((id): id is string => id !== null))];
  const names = await namesOf(db, DIMENSION_COLUMN[filter.dimension].names, groupIds);
  const nameOf = (id: string | null) => (id === null ? NO_GROUP[filter.dimension] : (names.get(id) ?? "Okänd enhet"));

  const list = [...cells.values()];
  const byMonth = months.map((month) => ({ month, figures: reportFigures(addCounts(list.filter((c) => c.month === month).map((c) => c.counts))) }));
  const byGroup = [...new Set(list.map((c) => c.id))]
    .map((id) => ({ id, name: nameOf(id), figures: reportFigures(addCounts(list.filter((c) => c.id === id).map((c) => c.counts))) }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const cellRows = list
    .map((c) => ({ month: c.month, id: c.id, name: nameOf(c.id), figures: reportFigures(c.counts) }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.name.localeCompare(b.name, "sv"));

  // The payment service's totals, per kommun and month: the same stored basis as the invoice basis.
  const payment = await paymentTotals(db, actor, { from: filter.from, to: filter.to });
  const kommunNames = await namesOf(db, "organisations", [...new Set(payment.map((p) => p.municipality))]);

  await writeAudit(db, actor, {
    action: "report.read",
    activity: "Läsa",
    entityType: "report",
    entityId: "uppfoljning",
    details: { dimension: filter.dimension, from: filter.from, to: filter.to, scope: scope.kind },
  });
  return {
    scopeName: scope.name,
    filter,
    months,
    byMonth,
    byGroup,
    cells: cellRows,
    payment: payment
      .map((p) => ({ ...p, municipalityName: kommunNames.get(p.municipality) ?? "Okänd kommun" }))
      .sort((a, b) => a.month.localeCompare(b.month) || a.municipalityName.localeCompare(b.municipalityName, "sv")),
  };
}
