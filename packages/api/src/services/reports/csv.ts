import type { Share } from "@vardkedjan/domain/reports/summary";
import { REPORT_DIMENSION_LABELS } from "@vardkedjan/domain/reports/summary";
import type { FollowUpReport } from "./follow-up";

/**
 * The report as CSV for a spreadsheet in Swedish: semicolons, decimal commas, UTF-8 with BOM.
 * Only what the page shows: months, unit and kommun names, counts and shares; never a patient.
 */
const BOM = "\uFEFF";

function cell(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value).replace(".", ",") : value;
  return /[";\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const percent = (s: Share) => (s.share === null ? null : Math.round(s.share * 1000) / 10);
const line = (values: (string | number | null)[]) => values.map(cell).join(";");

export function followUpCsv(report: FollowUpReport): string {
  const header = [
    "Månad",
    REPORT_DIMENSION_LABELS[report.filter.dimension],
    "Utskrivna",
    "Inskrivningsmeddelande inom 24 h (%)",
    "Fast vårdkontakt före utskrivning (%)",
    "Kallelse till SIP inom 3 dagar (%)",
    "Information senast utskrivningsdagen (%)",
    "Dagar utskrivningsklar till utskriven, median",
    "Utskrivna samma dag (%)",
    "Utskrivna inom 3 dagar (%)",
    "Kallelser till SIP",
    "SIP med fast vårdkontakt (%)",
    "Återinskrivna inom 30 dagar",
  ];
  const rows = report.cells.map((c) => {
    const f = c.figures;
    return line([
      c.month,
      c.name,
      f.discharged,
      percent(f.admissionNoticeWithin24h),
      percent(f.fixedCareContactBeforeDischarge),
      percent(f.sipCallWithin3Days),
      percent(f.informationByDischargeDay),
      f.readyDays.median,
      percent(f.readyDays.sameDay),
      percent(f.readyDays.withinThreeDays),
      f.sipCalled,
      percent(f.sipWithFixedCareContact),
      f.readmittedWithin30Days.count,
    ]);
  });
  return BOM + [line(header), ...rows].join("\r\n") + "\r\n";
}

export function paymentCsv(report: FollowUpReport): string {
  const rows = report.payment.map((p) => line([p.month, p.municipalityName, p.paymentDays, p.amountKr]));
  return BOM + [line(["Månad", "Kommun", "Betalningsdagar", "Belopp (kr)"]), ...rows].join("\r\n") + "\r\n";
}
