"use client";
import Link from "next/link";
import { DEVIATION_CATEGORY_LABELS, DEVIATION_STATUS_LABELS, type DeviationStatus } from "@vardkedjan/domain/deviation/labels";
import { DEVIATION_EVENT_LABELS } from "@vardkedjan/domain/deviation/transitions";
import { formatDateTime, formatIdentifier } from "../kit/format";
import type { DeviationView } from "./types";

const STATUS_STYLE: Record<DeviationStatus, string> = {
  ny: "border-warn text-warn",
  under_utredning: "border-brand-600 text-brand-800",
  besvarad: "border-ok text-ok",
  avslutad: "border-muted text-muted",
};

export function StatusBadge({ status }: { status: DeviationStatus }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-medium ${STATUS_STYLE[status]}`} data-testid="deviation-status">
      {DEVIATION_STATUS_LABELS[status]}
    </span>
  );
}

/** The patient, only when the API gave it (the viewer may read the case); never a guess. */
export function PatientCell({ d }: { d: DeviationView }) {
  if (!d.patient) return <span className="text-muted">Visas inte: du har inte tillgång till ärendet</span>;
  return (
    <>
      <Link href={`/arenden/${d.caseId}`}>{d.patient.name}</Link>
      <span className="block text-sm text-muted">{formatIdentifier(d.patient.identifier)}</span>
    </>
  );
}

/** One deviation in full: what, from whom to whom, the description, the answer and the history. */
export function DeviationDetails({ d, headingLevel = 2 }: { d: DeviationView; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <article className="rounded border border-line bg-white p-4" data-testid="deviation" aria-labelledby={`avvikelse-${d.id}`}>
      <H id={`avvikelse-${d.id}`} className="text-lg font-semibold">
        {DEVIATION_CATEGORY_LABELS[d.category]}
      </H>
      <p className="mt-1 flex flex-wrap items-center gap-2">
        <StatusBadge status={d.status} />
        <span className="text-sm text-muted">
          Från {d.reporterUnitName}, {d.reporterOrganisationName} till {d.receiverOrganisationName}
        </span>
      </p>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Rapporterad</dt>
        <dd>
          <time dateTime={new Date(d.createdAt).toISOString()}>{formatDateTime(d.createdAt)}</time> av {d.reporterName}
        </dd>
        <dt className="font-medium">Ärende</dt>
        <dd>{d.caseReference}</dd>
        <dt className="font-medium">Patient</dt>
        <dd>
          <PatientCell d={d} />
        </dd>
      </dl>
      {d.description !== null ? (
        <>
          <Sub className="mt-3 font-semibold">Vad hände</Sub>
          <p className="whitespace-pre-wrap" data-testid="deviation-description">
            {d.description}
          </p>
        </>
      ) : null}
      {d.answer ? (
        <div className="mt-3 rounded border-l-4 border-ok bg-ok-bg p-3" data-testid="deviation-answer">
          <Sub className="font-semibold">
            Svar från {d.answer.organisationName}, {d.answer.by}, <time dateTime={new Date(d.answer.at).toISOString()}>{formatDateTime(d.answer.at)}</time>
          </Sub>
          <p className="whitespace-pre-wrap">{d.answer.text ?? "Svaret visas inte: du har inte tillgång till ärendet."}</p>
        </div>
      ) : null}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer">Historik ({d.events.length})</summary>
        <ol className="mt-2 list-decimal pl-6">
          {d.events.map((e, i) => (
            <li key={i}>
              {DEVIATION_EVENT_LABELS[e.transition ?? "rapportera"]} <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time> av {e.by},{" "}
              {e.organisationName}
              {e.text ? <p className="whitespace-pre-wrap text-muted">{e.text}</p> : null}
            </li>
          ))}
        </ol>
      </details>
    </article>
  );
}
