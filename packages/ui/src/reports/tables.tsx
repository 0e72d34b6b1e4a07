import type { RouterOutputs } from "@vardkedjan/api";
import { monthLabel, type ReportFigures, type Share } from "@vardkedjan/domain/reports/summary";

export type FollowUp = RouterOutputs["reports"]["followUp"];

/** "80 %" with Swedish decimals. */
export function pct(share: number): string {
  return `${(Math.round(share * 1000) / 10).toString().replace(".", ",")} %`;
}
const cell = (s: Share) => (s.share === null ? "–" : pct(s.share));
const title = (s: Share) => (s.share === null ? "inget att bedöma" : `${s.count} av ${s.of}`);

/** The deadline, SIP and readmission figures of some groups (months, hospitals …), one row each. */
export function FiguresTable({ rows, firstColumn }: { rows: { key: string; name: string; figures: ReportFigures }[]; firstColumn: string }) {
  if (rows.length === 0) return <p className="text-muted">Inga utskrivna patienter i urvalet.</p>;
  const columns: [string, (f: ReportFigures) => Share][] = [
    ["Inskrivningsmeddelande inom 24 timmar", (f) => f.admissionNoticeWithin24h],
    ["Fast vårdkontakt före utskrivning", (f) => f.fixedCareContactBeforeDischarge],
    ["Kallelse till SIP inom tre dagar", (f) => f.sipCallWithin3Days],
    ["Information senast utskrivningsdagen", (f) => f.informationByDischargeDay],
    ["SIP med fast vårdkontakt", (f) => f.sipWithFixedCareContact],
    ["Återinskrivna inom 30 dagar", (f) => f.readmittedWithin30Days],
  ];
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="text-left align-bottom">
          <th scope="col">{firstColumn}</th>
          <th scope="col">Utskrivna</th>
          {columns.map(([label]) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
          <th scope="col">Kallelser till SIP</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-t border-line">
            <th scope="row" className="text-left font-normal">
              {r.name}
            </th>
            <td>{r.figures.discharged}</td>
            {columns.map(([label, get]) => (
              <td key={label} title={title(get(r.figures))}>
                {cell(get(r.figures))}
              </td>
            ))}
            <td>{r.figures.sipCalled}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const kr = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
// A monthly-average month can leave half a day (a level such as 2,5 days): shown "1,5".
const days = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

export function PaymentTable({ rows }: { rows: FollowUp["payment"] }) {
  if (rows.length === 0) return <p className="text-muted">Inga betalningsdagar i urvalet.</p>;
  const missing = rows.some((r) => r.amountKr === null);
  return (
    <>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left">
            <th scope="col">Månad</th>
            <th scope="col">Kommun</th>
            <th scope="col">Betalningsdagar</th>
            <th scope="col">Belopp</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.month}-${r.municipality}`} className="border-t border-line">
              <td>{monthLabel(r.month)}</td>
              <td>{r.municipalityName}</td>
              <td>{days.format(r.paymentDays)}</td>
              <td>{r.amountKr === null ? "belopp saknas" : `${kr.format(r.amountKr)} kr`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing ? (
        <p className="mt-2 text-sm text-muted">
          &quot;Belopp saknas&quot;: Socialstyrelsens belopp per vårddygn för året finns inte i beloppstabellen. Dagarna räknas ändå; förvaltningen lägger in
          beloppet.
        </p>
      ) : null}
    </>
  );
}
