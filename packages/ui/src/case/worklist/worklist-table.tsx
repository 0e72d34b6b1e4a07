"use client";
import Link from "next/link";
import { STAGE_LABELS } from "@vardkedjan/domain/case/labels";
import { daysSinceReady } from "@vardkedjan/domain/clock/losus";
import { formatDateTime, formatIdentifier } from "../../kit/format";
import { dueStepLabel } from "./due-step-labels";
import type { WorklistRow } from "../types";

export function OverdueMark() {
  return (
    <span className="inline-flex items-center gap-1 font-semibold text-danger">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 fill-current">
        <path d="M8 1 15 14H1L8 1zm-.8 5v4h1.6V6H7.2zm0 5v1.6h1.6V11H7.2z" />
      </svg>
      Försenad
    </span>
  );
}

function NextStep({ row, now }: { row: WorklistRow; now: Date }) {
  const overdue = row.nextDueAt !== null && row.nextDueAt.getTime() < now.getTime();
  return (
    <div className={overdue ? "text-danger" : undefined}>
      <span className="block">{dueStepLabel(row.nextDueStep)}</span>
      {row.nextDueAt ? (
        <span className="block text-sm">
          {overdue ? <OverdueMark /> : <span className="text-muted">Senast</span>}{" "}
          <time dateTime={row.nextDueAt.toISOString()}>{formatDateTime(row.nextDueAt)}</time>
        </span>
      ) : null}
    </div>
  );
}

/** The worklist's rows: the patient's name links to the case (ids only in the URL). */
export function WorklistTable({ rows, showUnit, caption, now }: { rows: WorklistRow[]; showUnit: boolean; caption: string; now: Date }) {
  return (
    <div className="overflow-x-auto rounded border border-line bg-white">
      <table className="w-full border-collapse text-left" data-testid="worklist">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-brand-50 text-sm">
          <tr>
            <th scope="col" className="px-3 py-2">
              Patient
            </th>
            <th scope="col" className="px-3 py-2">
              Ärende
            </th>
            {showUnit ? (
              <th scope="col" className="px-3 py-2">
                Avdelning
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2">
              Skede
            </th>
            <th scope="col" className="px-3 py-2">
              Nästa steg
            </th>
            <th scope="col" className="px-3 py-2">
              Kvittens
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.caseId} className={`border-t border-line align-top ${row.unacknowledged > 0 ? "bg-warn-bg" : ""}`}>
              <th scope="row" className="px-3 py-2 font-normal">
                <Link href={`/arenden/${row.caseId}`} className="font-semibold">
                  {row.patientName}
                </Link>
                <span className="block text-sm text-muted">{formatIdentifier(row.patientIdentifier)}</span>
                {row.protectedIdentity ? <span className="block text-sm font-medium text-warn">Skyddad identitet</span> : null}
              </th>
              <td className="px-3 py-2 whitespace-nowrap">{row.reference}</td>
              {showUnit ? (
                <td className="px-3 py-2">
                  {row.wardName}
                  <span className="block text-sm text-muted">{row.hospitalName}</span>
                </td>
              ) : null}
              <td className="px-3 py-2">
                {STAGE_LABELS[row.stage]}
                {row.stage === "utskrivningsklar" && row.readyForDischargeAt ? (
                  <span className="block text-sm font-medium">Utskrivningsklar dag {daysSinceReady(row.readyForDischargeAt, now)}</span>
                ) : null}
                {row.stage === "utskrivningsklar" && row.paymentLiabilityText ? <span className="block text-sm">{row.paymentLiabilityText}</span> : null}
              </td>
              <td className="px-3 py-2">
                <NextStep row={row} now={now} />
              </td>
              <td className="px-3 py-2">
                {row.unacknowledged > 0 ? (
                  <span className="inline-flex items-center gap-1 rounded border border-warn px-2 py-0.5 text-sm font-semibold text-warn">
                    <span aria-hidden="true">✉</span>
                    {row.unacknowledged} att kvittera
                  </span>
                ) : (
                  <span className="text-sm text-muted">Allt kvitterat</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
