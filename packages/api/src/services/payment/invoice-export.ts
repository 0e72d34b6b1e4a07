import type { Db } from "@vardkedjan/db/client";
import { renderInvoiceBasis } from "@vardkedjan/documents";
import { averageDaysText, averageRowTitle } from "@vardkedjan/domain/payment/invoice-average";
import { monthText } from "@vardkedjan/domain/payment/text";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";
import { AppError } from "../../errors";
import { readBasis, type InvoiceBasis } from "./invoice";
import { requirePaymentMunicipality } from "./scope";

/**
 * The invoice basis as CSV and PDF: the same rows and total as the page, audited as an export.
 * Under a monthly-average agreement the month rows come first, without a patient.
 */

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

async function exportBasis(db: Db, actor: Actor, input: { municipalityId: string; month: string }, format: "csv" | "pdf", now: Date): Promise<InvoiceBasis> {
  if (!MONTH_RE.test(input.month)) throw new AppError("INVALID_INPUT", { userMessage: "Ange månaden som ÅÅÅÅ-MM." });
  const municipality = await requirePaymentMunicipality(db, actor, input.municipalityId, `faktureringsunderlag, ${format}`);
  return db.transaction(async (tx) => {
    const basis = await readBasis(tx, actor, municipality, input.month, now);
    await writeAudit(tx, actor, {
      action: "invoice.export",
      activity: "Utskrift",
      entityType: "invoice_basis",
      entityId: `${municipality.id}:${input.month}`,
      details: { format, caseIds: basis.rows.map((r) => r.caseId), averageRows: basis.averageRows.length, patientsShown: basis.showsPatients },
    });
    return basis;
  });
}

export async function invoiceBasisCsv(db: Db, actor: Actor, input: { municipalityId: string; month: string }, now = new Date()): Promise<string> {
  return invoiceCsvText(await exportBasis(db, actor, input, "csv", now));
}

const kr = (n: number | null): string => (n === null ? "belopp saknas" : `${n.toLocaleString("sv-SE")} kr`);
/** A number the Swedish way: "2", "0,5", "5250,5" (a month row may have tenths of a day and öre). */
const decimal = (n: number): string => String(n).replace(".", ",");
const kindText = (kind: string): string => (kind === "rattelse" ? "Rättelse" : "Ordinarie");

export async function invoiceBasisPdf(db: Db, actor: Actor, input: { municipalityId: string; month: string }, now = new Date()): Promise<Buffer> {
  const basis = await exportBasis(db, actor, input, "pdf", now);
  return renderInvoiceBasis({
    municipality: basis.municipality.name,
    region: basis.municipality.regionName,
    month: monthText(basis.month),
    status: basis.locked ? `Fastställd ${stockholmDate(basis.locked.at)} av ${basis.locked.by}` : "Ej fastställd",
    showsPatients: basis.showsPatients,
    rows: basis.rows.map((r) => ({
      reference: r.reference,
      patient: r.patient,
      kind: kindText(r.kind),
      serviceMonth: monthText(r.serviceMonth),
      days: r.days,
      amount: kr(r.amountKr),
      dispute: r.dispute ? (r.dispute.answer ? "Besvarad" : "Ja") : "",
    })),
    averageRows: basis.averageRows.map((r) => ({
      title: averageRowTitle(r.serviceMonth),
      kind: kindText(r.kind),
      serviceMonth: monthText(r.serviceMonth),
      stays: r.stays,
      averageDays: averageDaysText(r),
      days: decimal(r.days),
      amount: kr(r.amountKr),
    })),
    totalDays: decimal(basis.total.days),
    totalAmount: kr(basis.total.amountKr),
    printedBy: actor.name,
    printedAt: now,
  });
}

const csvCell = (v: string | number | null): string => {
  const s = v === null ? "" : typeof v === "number" ? decimal(v) : v;
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Semicolon-separated, as Swedish spreadsheets read it; a BOM so Excel reads å, ä, ö. */
export function invoiceCsvText(basis: InvoiceBasis): string {
  const head = [
    "Ärende",
    ...(basis.showsPatients ? ["Patient", "Personnummer"] : []),
    "Typ",
    "Avser månad",
    "Vårdtillfällen i genomsnittet",
    "Genomsnitt (dagar)",
    "Betalningsdagar",
    "Belopp (kr)",
    "Bestriden",
  ];
  const pad = basis.showsPatients ? ["", ""] : [];
  const lines = [head.map(csvCell).join(";")];
  // The month rows of a monthly-average agreement: no patient, the month's figures.
  for (const r of basis.averageRows) {
    lines.push(
      [averageRowTitle(r.serviceMonth), ...pad, kindText(r.kind), r.serviceMonth, r.stays, averageDaysText(r), r.days, r.amountKr, ""].map(csvCell).join(";"),
    );
  }
  for (const r of basis.rows) {
    lines.push(
      [
        r.reference,
        ...(basis.showsPatients ? [r.patient?.name ?? "", r.patient?.identifier ?? ""] : []),
        kindText(r.kind),
        r.serviceMonth,
        "",
        "",
        r.days,
        r.amountKr,
        r.dispute ? (r.dispute.answer ? "Besvarad" : "Ja") : "",
      ]
        .map(csvCell)
        .join(";"),
    );
  }
  lines.push(["Summa", ...pad, "", "", "", "", basis.total.days, basis.total.amountKr, ""].map(csvCell).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
