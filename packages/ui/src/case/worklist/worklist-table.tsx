"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { STAGE_LABELS } from "@vardkedjan/domain/case/labels";
import { daysSinceReady } from "@vardkedjan/domain/clock/losus";
import { missedLegalDeadline } from "@vardkedjan/domain/case/due";
import { WORKLIST_COLUMN_LABELS, type WorklistColumn, type WorklistSort } from "@vardkedjan/domain/case/worklist-columns";
import { formatDate, formatDateTime, formatIdentifier } from "../../kit/format";
import { dueStepLabel } from "./due-step-labels";
import type { WorklistRow } from "../types";
import { CARD_BODY, CARD_HEAD, CARD_HEADER_CELL, CARD_ROW, CARD_TABLE } from "../../kit/card-table";

export function OverdueMark({ text = "Försenad" }: { text?: string }) {
  return (
    <span className="inline-flex items-center gap-1 font-semibold text-danger">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 fill-current">
        <path d="M8 1 15 14H1L8 1zm-.8 5v4h1.6V6H7.2zm0 5v1.6h1.6V11H7.2z" />
      </svg>
      {text}
    </span>
  );
}

type Step = WorklistRow["dueSteps"][number];

/** One due step: legal deadlines marked as such (red only when missed), the region's targets apart, steps without time plain. */
function DueStepLine({ step, now }: { step: Step; now: Date }) {
  const missed = missedLegalDeadline({ deadline: step.deadline, dueAt: step.dueAt?.toISOString() ?? null }, now);
  const passedTarget = step.deadline === "mal" && step.dueAt !== null && step.dueAt.getTime() < now.getTime();
  return (
    <li className={missed ? "text-danger" : undefined} data-deadline={step.deadline}>
      <span className="block">{dueStepLabel(step.step)}</span>
      {step.dueAt ? (
        <span className="block text-sm">
          {missed ? (
            <OverdueMark text="Lagstadgad tidsgräns passerad" />
          ) : step.deadline === "lag" ? (
            <span className="font-medium">Lagstadgad tidsgräns</span>
          ) : passedTarget ? (
            <span className="font-medium text-warn">Regionens mål passerat</span>
          ) : (
            <span className="text-muted">Regionens mål</span>
          )}{" "}
          <time dateTime={step.dueAt.toISOString()}>{formatDateTime(step.dueAt)}</time>
        </span>
      ) : null}
    </li>
  );
}

function DueSteps({ row, now }: { row: WorklistRow; now: Date }) {
  // Acknowledgements have their own column; every other step is listed, legal deadlines first.
  const steps = row.dueSteps.filter((s) => s.deadline !== "kvittens");
  if (steps.length === 0) return <span className="text-muted">Inget att göra just nu</span>;
  const rank = { lag: 0, mal: 1, ingen: 2, kvittens: 3 } as const;
  const ordered = [...steps].sort((a, b) => rank[a.deadline] - rank[b.deadline] || (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
  return (
    <ul className="space-y-1">
      {ordered.map((s) => (
        <DueStepLine key={s.step} step={s} now={now} />
      ))}
    </ul>
  );
}

function Acknowledgement({ row }: { row: WorklistRow }) {
  const ack = row.dueSteps.find((s) => s.deadline === "kvittens");
  if (row.unacknowledged === 0) return <span className="text-sm text-muted">Allt kvitterat</span>;
  return (
    <span className="inline-flex flex-col gap-0.5">
      <span className="inline-flex items-center gap-1 rounded border border-warn px-2 py-0.5 text-sm font-semibold text-warn">
        <span aria-hidden="true">✉</span>
        {row.unacknowledged} att kvittera
      </span>
      {ack?.dueAt ? (
        <span className="text-sm text-muted">
          Kvittens senast <time dateTime={ack.dueAt.toISOString()}>{formatDateTime(ack.dueAt)}</time>
        </span>
      ) : null}
    </span>
  );
}

function columnValue(column: WorklistColumn, row: WorklistRow, now: Date): ReactNode {
  switch (column) {
    case "inskriven":
      return formatDateTime(row.admittedAt);
    case "beraknat":
      return row.estimatedDischargeDate ? formatDate(row.estimatedDischargeDate) : "–";
    case "dagar_klar":
      return row.readyForDischargeAt && row.stage === "utskrivningsklar" ? `Dag ${daysSinceReady(row.readyForDischargeAt, now)}` : "–";
    case "kommun":
      return row.municipalityName ?? "Okänd";
    case "kommunklar":
      if (!row.kommunklarVisible) return <span className="text-muted">Visas inte utan samtycke</span>;
      return row.kommunklarAt ? `Ja, ${formatDateTime(row.kommunklarAt)}` : "Nej";
    case "fast_vardkontakt":
      if (!row.fixedCareContactVisible) return <span className="text-muted">Visas inte utan samtycke</span>;
      return row.fixedCareContactName ?? "Ingen utsedd";
  }
}

/** The patient's name opens the case; a case of another context is opened by switching to it (a plain form, audited as a switch). */
function PatientLink({ row }: { row: WorklistRow }) {
  if (!row.otherContextId) {
    return (
      <Link href={`/arenden/${row.caseId}`} className="font-semibold">
        {row.patientName}
      </Link>
    );
  }
  return (
    <form action="/api/sammanhang" method="post" className="inline">
      <input type="hidden" name="contextId" value={row.otherContextId} />
      <input type="hidden" name="till" value={`/arenden/${row.caseId}`} />
      <button type="submit" className="text-left font-semibold text-brand-700 underline">
        {row.patientName}
        <span className="block text-sm font-normal">Öppnas i arbetssammanhanget {row.unitName}</span>
      </button>
    </form>
  );
}

const CELL = CARD_HEADER_CELL;
/** Under 640 px each row is a card: the cell names its column itself (the header row is hidden there). */
const LABEL = "hidden text-sm font-semibold text-muted max-sm:block";

/**
 * The worklist's rows. At 640 px and wider a table; below, each row becomes a card with stage,
 * due steps and acknowledgement in view, so nothing scrolls sideways on a phone.
 */
export function WorklistTable(props: {
  rows: WorklistRow[];
  showUnit: boolean;
  columns: readonly WorklistColumn[];
  sort: WorklistSort;
  direction: "asc" | "desc";
  caption: string;
  now: Date;
}) {
  const { rows, showUnit, columns, now } = props;
  const ariaSort = (c: WorklistColumn) => (props.sort === c ? (props.direction === "asc" ? "ascending" : "descending") : undefined);
  return (
    <div className="rounded border border-line bg-white sm:overflow-x-auto max-sm:border-0 max-sm:bg-transparent">
      <table className={CARD_TABLE} data-testid="worklist">
        <caption className="sr-only">{props.caption}</caption>
        <thead className={`bg-brand-50 text-sm ${CARD_HEAD}`}>
          <tr>
            <th scope="col" className="px-3 py-2">
              Patient
            </th>
            {showUnit ? (
              <th scope="col" className="px-3 py-2">
                Enhet
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2">
              Skede
            </th>
            <th scope="col" className="px-3 py-2" aria-sort={props.sort === "frist" ? "ascending" : undefined}>
              Att göra
            </th>
            <th scope="col" className="px-3 py-2">
              Kvittens
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2" aria-sort={ariaSort(c)}>
                {WORKLIST_COLUMN_LABELS[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={CARD_BODY}>
          {rows.map((row) => (
            <tr key={row.caseId} data-testid="worklist-row" className={CARD_ROW}>
              <th scope="row" className={`${CELL} font-normal`}>
                <PatientLink row={row} />
                <span className="block text-sm whitespace-nowrap text-muted">{formatIdentifier(row.patientIdentifier)}</span>
                <span className="block text-sm text-muted">{row.reference}</span>
                {row.protectedIdentity ? <span className="block text-sm font-medium text-warn">Skyddad identitet</span> : null}
              </th>
              {showUnit ? (
                <td className={CELL}>
                  <span className={LABEL}>Enhet</span>
                  {row.unitName}
                  <span className="block text-sm text-muted">
                    {row.wardName}, {row.hospitalName}
                  </span>
                </td>
              ) : null}
              <td className={CELL}>
                <span className={LABEL}>Skede</span>
                {STAGE_LABELS[row.stage]}
                {row.stage === "utskrivningsklar" && row.readyForDischargeAt ? (
                  <span className="block text-sm font-medium">Utskrivningsklar dag {daysSinceReady(row.readyForDischargeAt, now)}</span>
                ) : null}
                {row.stage === "utskrivningsklar" && row.paymentLiabilityText ? <span className="block text-sm">{row.paymentLiabilityText}</span> : null}
              </td>
              <td className={CELL} data-testid="worklist-due">
                <span className={LABEL}>Att göra</span>
                <DueSteps row={row} now={now} />
              </td>
              <td className={CELL} data-testid="worklist-ack">
                <span className={LABEL}>Kvittens</span>
                <Acknowledgement row={row} />
              </td>
              {columns.map((c) => (
                <td key={c} className={CELL} data-column={c}>
                  <span className={LABEL}>{WORKLIST_COLUMN_LABELS[c]}</span>
                  {columnValue(c, row, now)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
