import { renderAccessExtract } from "@vardkedjan/documents";
import { sql, type Db } from "@vardkedjan/db/client";
import type { PatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { stockholmDateTime } from "@vardkedjan/domain/time/format";
import type { Actor } from "../../../actor";
import { AppError } from "../../../errors";
import { writeAudit } from "../../../audit";
import { fetchLogRows, patientIdOf, type AuditLogRow } from "./search";
import { reviewerOrganisation } from "./scope";

export type ExtractFormat = "pdf" | "csv";

export interface AccessExtractFile {
  filename: string;
  mimeType: string;
  /** The file, base64: it travels in the tRPC answer, never behind a URL naming the patient. */
  base64: string;
  rows: number;
}

const staffText = (r: AuditLogRow) => [r.actorName ?? r.actorHsaId ?? "Okänd", r.roleLabel ? `(${r.roleLabel})` : ""].filter(Boolean).join(" ");

/** One CSV field: quoted when it holds a separator, a quote or a line break; a leading = + - @ is neutralised for spreadsheets. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Semicolon-separated, as Swedish spreadsheet programs read it, with a BOM so Excel reads UTF-8. */
export function accessExtractCsv(rows: AuditLogRow[]): string {
  const header = ["Tidpunkt", "Enhet", "Enhetens HSA-id", "Åtgärd", "Personal", "Personalens HSA-id", "Roll", "Ärende", "Utfall"];
  const lines = rows.map((r) =>
    [
      stockholmDateTime(r.at),
      r.unitName ?? "",
      r.unitHsaId ?? "",
      r.activity,
      r.actorName ?? "",
      r.actorHsaId ?? "",
      r.roleLabel ?? "",
      r.caseReference ?? "",
      r.outcome === "success" ? "Genomförd" : "Nekad",
    ]
      .map(csvField)
      .join(";"),
  );
  return `\uFEFF${[header.join(";"), ...lines].join("\r\n")}\r\n`;
}

/**
 * The patient's access extract (PDL 8 kap.): every access to the patient's data made by the
 * reviewing organisation's staff, and nothing else, oldest last, as PDF or CSV. The care provider
 * answers for its own staff's accesses; in Vårdkedjan that is the organisation's share of the log.
 * Audited as a review action naming the patient.
 */
export async function patientAccessExtract(db: Db, actor: Actor, patient: PatientIdentifier, format: ExtractFormat): Promise<AccessExtractFile> {
  const org = await reviewerOrganisation(db, actor);
  const patientId = await patientIdOf(db, patient.value);
  if (!patientId) {
    await writeAudit(db, actor, { action: "audit.extract", outcome: "denied", entityType: "audit_log", details: { reason: "unknown_patient", format } });
    throw new AppError("NOT_FOUND", { userMessage: "Det finns ingen patient med den identiteten i Vårdkedjan." });
  }
  const rows = await fetchLogRows(
    db,
    sql`a.patient_id = ${patientId}::uuid and a.category = 'pdl' and a.actor_org_hsa_id = ${org.hsaId}`,
    sql`order by a.at desc, a.id desc`,
  );
  const [p] = (await db.execute<{ name: string }>(sql`select given_name || ' ' || family_name as name from patients where id = ${patientId}::uuid`)).rows;
  await writeAudit(db, actor, { action: "audit.extract", patientId, entityType: "audit_log", details: { organisation: org.hsaId, format, rows: rows.length } });
  const stamp = stockholmDateTime(new Date()).slice(0, 10);
  if (format === "csv") {
    return {
      filename: `logguttag-${stamp}.csv`,
      mimeType: "text/csv; charset=utf-8",
      base64: Buffer.from(accessExtractCsv(rows), "utf8").toString("base64"),
      rows: rows.length,
    };
  }
  const pdf = await renderAccessExtract({
    printedBy: actor.name,
    patient: { name: p?.name ?? "", personnummer: patient.value },
    organisation: org.name,
    rows: rows.map((r) => ({
      at: r.at,
      unit: r.unitName ?? r.unitHsaId ?? "",
      activity: r.activity,
      staff: staffText(r),
      caseReference: r.caseReference ?? undefined,
    })),
  });
  return { filename: `logguttag-${stamp}.pdf`, mimeType: "application/pdf", base64: pdf.toString("base64"), rows: rows.length };
}
