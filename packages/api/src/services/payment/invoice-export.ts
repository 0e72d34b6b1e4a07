import type { Db } from "@vardkedjan/db/client";
import { renderInvoiceBasis } from "@vardkedjan/documents";
import { monthText } from "@vardkedjan/domain/payment/text";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";
import { AppError } from "../../errors";
import { readBasis, type InvoiceBasis } from "./invoice";
import { requirePaymentMunicipality } from "./scope";

/** The invoice basis as CSV and PDF: the same rows and total as the page, audited as an export. */

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
      details: { format, caseIds: basis.rows.map((r) => r.caseId), patientsShown: basis.showsPatients },
    });
    return basis;
  });
}

export async function invoiceBasisCsv(db: Db, actor: Actor, input: { municipalityId: string; month: string }, now = new Date()): Promise<string> {
  return invoiceCsvText(await exportBasis(db, actor, input, "csv", now));
}

const kr = (n: number | null): string => (n === null ? "belopp saknas" : `${n.toLocaleString("sv-SE")} kr`);

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
      kind: r.kind === "rattelse" ? "Rättelse" : "Ordinarie",
      serviceMonth: monthText(r.serviceMonth),
      days: r.days,
      amount: kr(r.amountKr),
      dispute: r.dispute ? (r.dispute.answer ? "Besvarad" : "Ja") : "",
    })),
    totalDays: basis.total.days,
    totalAmount: kr(basis.total.amountKr),
    printedBy: actor.name,
    printedAt: now,
  });
}

const csvCell = (v: string | number | null): string => {
  const s = v === null ? "" : String(v);
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Semicolon-separated, as Swedish spreadsheets read it; a BOM so Excel reads å, ä, ö. */
export function invoiceCsvText(basis: InvoiceBasis): string {
  const head = ["Ärende", ...(basis.showsPatients ? ["Patient", "Personnummer"] : []), "Typ", "Avser månad", "Betalningsdagar", "Belopp (kr)", "Bestriden"];
  const lines = [head.map(csvCell).join(";")];
  for (const r of basis.rows) {
    lines.push(
      [
        r.reference,
        ...(basis.showsPatients ? [r.patient?.name ?? "", r.patient?.identifier ?? ""] : []),
        r.kind === "rattelse" ? "Rättelse" : "Ordinarie",
        r.serviceMonth,
        r.days,
        r.amountKr,
        r.dispute ? (r.dispute.answer ? "Besvarad" : "Ja") : "",
      ]
        .map(csvCell)
        .join(";"),
    );
  }
  const pad = basis.showsPatients ? ["", ""] : [];
  lines.push(["Summa", ...pad, "", "", basis.total.days, basis.total.amountKr, ""].map(csvCell).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
