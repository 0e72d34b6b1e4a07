"use client";
import type { ReactNode } from "react";
import type { RouterOutputs } from "@vardkedjan/api";
import { HeaderRow } from "../../kit/header-row";
import { formatDateTime } from "../../kit/format";

export type AuditLogRow = RouterOutputs["admin"]["audit"]["search"]["rows"][number];

/** One access: who (and in which role), where, when, what, which case and patient. */
export function AuditLogTable({
  rows,
  caption,
  extra,
}: {
  rows: AuditLogRow[];
  caption: string;
  extra?: { label: string; cell: (row: AuditLogRow, i: number) => ReactNode };
}) {
  const labels = ["Tidpunkt", "Personal", "Roll och enhet", "Åtgärd", "Ärende", "Patient", ...(extra ? [extra.label] : [])];
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="audit-log-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <HeaderRow labels={labels} />
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.id}-${i}`} className="border-b border-line align-top" data-testid="audit-log-row">
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.at)}</td>
              <td className="px-3 py-2">
                {r.actorName ?? "Okänd"}
                <div className="text-muted">{r.actorHsaId}</div>
              </td>
              <td className="px-3 py-2">
                {r.roleLabel ?? "–"}
                <div className="text-muted">{r.unitName ?? r.unitHsaId ?? "–"}</div>
              </td>
              <td className="px-3 py-2">
                {r.activity}
                {r.outcome === "denied" ? <div className="font-medium text-danger">Nekad</div> : null}
              </td>
              <td className="px-3 py-2">{r.caseReference ?? "–"}</td>
              <td className="px-3 py-2">
                {r.patient ? (
                  <>
                    {r.patient.name}
                    <div className="text-muted">{r.patient.identifier}</div>
                    {r.patient.protectedIdentity ? <div className="font-medium">Skyddad identitet</div> : null}
                  </>
                ) : (
                  "–"
                )}
              </td>
              {extra ? <td className="px-3 py-2">{extra.cell(r, i)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
