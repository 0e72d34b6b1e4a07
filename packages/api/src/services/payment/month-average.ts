import { schema, and, eq, gte, inArray, lte, sql, type DbOrTx } from "@vardkedjan/db/client";
import { correctionMonth, type InvoiceRowKind } from "@vardkedjan/domain/payment/invoice";
import { averageCorrection, averageModelForMonth, averageRowFigures, type AverageRowFigures } from "@vardkedjan/domain/payment/invoice-average";
import { monthlyAverage, type MonthlyAverageStay } from "@vardkedjan/domain/payment/monthly-average";
import type { PaymentMunicipality } from "./scope";
import { loadPaymentReference, type PaymentReference } from "./store";

/**
 * The monthly-average month row of a kommun's invoice basis (domain/payment/invoice-average.ts),
 * from the stored per-stay rows (case_payments: basis, days after ready-for-discharge, the month
 * the stay ended, unmet preconditions), so a month is one indexed read, not a replay of its
 * stays' messages. A fixed month's rows are read from payment_invoice_average_rows.
 */

export interface InvoiceAverageRow {
  kind: InvoiceRowKind;
  /** "YYYY-MM" the average is of (an earlier month for a correction). */
  serviceMonth: string;
  stays: number;
  /** Their days after ready-for-discharge, summed. */
  readyDays: number;
  /** Average days after ready-for-discharge, to a tenth; null without stays. */
  averageDays: number | null;
  levelDays: number;
  /** Payment days above the level, to a tenth (on a correction row, the difference). */
  days: number;
  /** Kronor (to the öre); null when the year's amount is missing. */
  amountKr: number | null;
}

type FiguresRow = AverageRowFigures & { kind: InvoiceRowKind; serviceMonth: string };

/** What the month row needs of one stay in a monthly average, as stored in case_payments. */
interface StoredAverageStay {
  caseId: string;
  /** Identical stays this row stands for (a region-year's read groups them; the basis reads one row a stay). */
  stays?: number;
  readyDays: number;
  unmet: string[];
  agreementId: string | null;
}

const storedAverageStay = {
  caseId: schema.casePayments.caseId,
  readyDays: schema.casePayments.readyDays,
  unmet: schema.casePayments.unmetPreconditions,
  agreementId: schema.casePayments.agreementId,
};

/**
 * The one place the month row is computed from stored stays (for the invoice basis and for the
 * reports' payment totals alike): the model that judged the month, then the domain's average.
 */
function figuresOf(
  ref: Pick<PaymentReference, "agreements" | "amounts">,
  municipality: Pick<PaymentMunicipality, "id" | "regionId">,
  month: string,
  rows: readonly StoredAverageStay[],
): AverageRowFigures | null {
  if (rows.length === 0) return null;
  const model = averageModelForMonth(
    ref.agreements,
    { regionId: municipality.regionId, municipalityId: municipality.id },
    month,
    rows.map((r) => r.agreementId),
  );
  if (!model) return null;
  // Only the average part is read here: the long stays are the basis's case rows.
  const stays: MonthlyAverageStay[] = rows.flatMap((r) =>
    Array.from({ length: r.stays ?? 1 }, (_, i) => ({
      caseId: r.stays === undefined ? r.caseId : `${r.caseId}#${i}`,
      basis: "manadsgenomsnitt",
      readyDays: r.readyDays,
      paymentDays: 0,
      amountKr: 0,
      missingAmountYears: [],
      unmetPreconditions: r.unmet,
      endMonth: month,
      careGroup: "somatik" as const,
    })),
  );
  return averageRowFigures(monthlyAverage(month, stays, model, ref.amounts));
}

/** The month's row as it is now; null when no stay of the month is in a monthly average. */
export async function monthAverageNow(
  db: DbOrTx,
  municipality: Pick<PaymentMunicipality, "id" | "regionId">,
  month: string,
): Promise<AverageRowFigures | null> {
  const rows = await db
    .select(storedAverageStay)
    .from(schema.casePayments)
    .where(
      and(eq(schema.casePayments.municipalityId, municipality.id), eq(schema.casePayments.endMonth, month), eq(schema.casePayments.basis, "manadsgenomsnitt")),
    );
  if (rows.length === 0) return null;
  return figuresOf(await loadPaymentReference(db, municipality.regionId, []), municipality, month, rows);
}

/**
 * The month rows as they are now of many kommuner and months at once (the follow-up reports'
 * payment totals over a region-year): one read of the stays in an average, one reference per
 * region, and the same computation as the invoice basis's row. Kommuner without such stays cost
 * only the indexed read.
 */
export async function monthAveragesNow(
  db: DbOrTx,
  municipalityIds: readonly string[],
  fromMonth: string,
  toMonth: string,
): Promise<{ municipalityId: string; month: string; figures: AverageRowFigures }[]> {
  if (municipalityIds.length === 0) return [];
  // Stays alike in everything the month row reads are one row with their number, so a region-year
  // of averaged stays is a few thousand rows (kommun × month × agreement × days), not one a stay.
  const rows = await db
    .select({
      caseId: sql<string>`min(${schema.casePayments.caseId}::text)`,
      stays: sql<number>`count(*)::int`,
      readyDays: schema.casePayments.readyDays,
      unmet: schema.casePayments.unmetPreconditions,
      agreementId: schema.casePayments.agreementId,
      municipalityId: schema.casePayments.municipalityId,
      month: schema.casePayments.endMonth,
      regionId: schema.organisations.regionId,
    })
    .from(schema.casePayments)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.casePayments.municipalityId))
    .where(
      and(
        inArray(schema.casePayments.municipalityId, [...municipalityIds]),
        eq(schema.casePayments.basis, "manadsgenomsnitt"),
        gte(schema.casePayments.endMonth, fromMonth),
        lte(schema.casePayments.endMonth, toMonth),
      ),
    )
    .groupBy(
      schema.casePayments.municipalityId,
      schema.casePayments.endMonth,
      schema.organisations.regionId,
      schema.casePayments.agreementId,
      schema.casePayments.readyDays,
      schema.casePayments.unmetPreconditions,
    );
  const groups = new Map<string, { municipality: { id: string; regionId: string }; month: string; rows: StoredAverageStay[] }>();
  for (const r of rows) {
    if (!r.municipalityId || !r.month || !r.regionId) continue;
    const key = `${r.municipalityId}|${r.month}`;
    const g = groups.get(key) ?? { municipality: { id: r.municipalityId, regionId: r.regionId }, month: r.month, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  const refs = new Map<string, PaymentReference>();
  const out: { municipalityId: string; month: string; figures: AverageRowFigures }[] = [];
  for (const g of groups.values()) {
    const regionId = g.municipality.regionId;
    const ref = refs.get(regionId) ?? (await loadPaymentReference(db, regionId, []));
    refs.set(regionId, ref);
    const figures = figuresOf(ref, g.municipality, g.month, g.rows);
    if (figures) out.push({ municipalityId: g.municipality.id, month: g.month, figures });
  }
  return out;
}

async function invoicedAverages(db: DbOrTx, municipalityId: string, serviceMonth: string): Promise<AverageRowFigures[]> {
  return db
    .select({
      stays: schema.paymentInvoiceAverageRows.stays,
      readyDays: schema.paymentInvoiceAverageRows.readyDays,
      levelTenths: schema.paymentInvoiceAverageRows.levelTenths,
      excessTenths: schema.paymentInvoiceAverageRows.excessTenths,
      amountOre: schema.paymentInvoiceAverageRows.amountOre,
    })
    .from(schema.paymentInvoiceAverageRows)
    .where(and(eq(schema.paymentInvoiceAverageRows.municipalityId, municipalityId), eq(schema.paymentInvoiceAverageRows.serviceMonth, serviceMonth)));
}

/** An open month's rows: its own average and the corrections of fixed months carried into it. */
export async function openAverageRows(
  db: DbOrTx,
  municipality: Pick<PaymentMunicipality, "id" | "regionId">,
  month: string,
  locked: string[],
): Promise<FiguresRow[]> {
  const out: FiguresRow[] = [];
  const own = await monthAverageNow(db, municipality, month);
  if (own) out.push({ ...own, kind: "ordinarie", serviceMonth: month });
  for (const serviceMonth of locked.filter((l) => correctionMonth(l, locked) === month).sort()) {
    const c = averageCorrection(await monthAverageNow(db, municipality, serviceMonth), await invoicedAverages(db, municipality.id, serviceMonth));
    if (c) out.push({ ...c, kind: "rattelse", serviceMonth });
  }
  return out;
}

/** The month's rows: as fixed when the month is locked, else as they are now. */
export async function averageRowsOf(
  db: DbOrTx,
  municipality: Pick<PaymentMunicipality, "id" | "regionId">,
  month: string,
  locked: string[],
): Promise<FiguresRow[]> {
  if (!locked.includes(month)) return openAverageRows(db, municipality, month, locked);
  const rows = await db
    .select()
    .from(schema.paymentInvoiceAverageRows)
    .where(and(eq(schema.paymentInvoiceAverageRows.municipalityId, municipality.id), eq(schema.paymentInvoiceAverageRows.invoiceMonth, month)));
  return rows
    .map((r) => ({
      kind: r.kind,
      serviceMonth: r.serviceMonth,
      stays: r.stays,
      readyDays: r.readyDays,
      levelTenths: r.levelTenths,
      excessTenths: r.excessTenths,
      amountOre: r.amountOre,
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.serviceMonth.localeCompare(b.serviceMonth));
}

/** "Fastställ": the open rows become the month's fixed rows. */
export async function lockAverageRows(db: DbOrTx, municipalityId: string, invoiceMonth: string, rows: FiguresRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(schema.paymentInvoiceAverageRows).values(rows.map((r) => ({ municipalityId, invoiceMonth, ...r })));
}

/** For the page and the exports: days and kronor. */
export function toAverageRow(r: FiguresRow): InvoiceAverageRow {
  return {
    kind: r.kind,
    serviceMonth: r.serviceMonth,
    stays: r.stays,
    readyDays: r.readyDays,
    averageDays: r.stays > 0 ? Math.round((r.readyDays * 10) / r.stays) / 10 : null,
    levelDays: r.levelTenths / 10,
    days: r.excessTenths / 10,
    amountKr: r.amountOre === null ? null : r.amountOre / 100,
  };
}
