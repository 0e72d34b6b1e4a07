"use client";
import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { DEVIATION_CATEGORY_LABELS } from "@vardkedjan/domain/deviation/labels";
import { useTRPC } from "../trpc/react";
import { Checkbox } from "../kit/fields";
import { ErrorNotice } from "../kit/error-notice";
import { callError } from "../kit/call-error";
import { formatDateTime } from "../kit/format";
import { PatientCell, StatusBadge } from "./parts";
import type { DeviationView } from "./types";
import { CARD_BODY, CARD_CELL, CARD_HEAD, CARD_HEADER_CELL, CARD_ROW, CARD_TABLE } from "../kit/card-table";

type View = "mottagna" | "rapporterade";

const VIEWS: { value: View; label: string; empty: string }[] = [
  { value: "mottagna", label: "Till oss", empty: "Inga avvikelser har rapporterats till er." },
  { value: "rapporterade", label: "Rapporterade av oss", empty: "Ni har inte rapporterat några avvikelser." },
];

function Table({ rows, view }: { rows: DeviationView[]; view: View }) {
  return (
    <div className="rounded border border-line bg-white sm:overflow-x-auto max-sm:border-0 max-sm:bg-transparent">
      <table className={CARD_TABLE} data-testid="deviation-list">
        <caption className="sr-only">{view === "mottagna" ? "Avvikelser rapporterade till er" : "Avvikelser rapporterade av er"}</caption>
        <thead className={`bg-brand-50 text-sm ${CARD_HEAD}`}>
          <tr>
            <th scope="col" className="px-3 py-2">
              Kategori
            </th>
            <th scope="col" className="px-3 py-2">
              Patient
            </th>
            <th scope="col" className="px-3 py-2">
              {view === "mottagna" ? "Från" : "Till"}
            </th>
            <th scope="col" className="px-3 py-2">
              Rapporterad
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
          </tr>
        </thead>
        <tbody className={CARD_BODY}>
          {rows.map((d) => (
            <tr key={d.id} className={CARD_ROW}>
              <th scope="row" className={`${CARD_HEADER_CELL} font-normal`}>
                <Link href={`/avvikelser/${d.id}`}>{DEVIATION_CATEGORY_LABELS[d.category]}</Link>
                <span className="block text-sm text-muted">{d.caseReference}</span>
              </th>
              <td className={CARD_CELL} data-label="Patient">
                <PatientCell d={d} />
              </td>
              <td className={CARD_CELL} data-label={view === "mottagna" ? "Från" : "Till"}>
                {view === "mottagna" ? `${d.reporterUnitName}, ${d.reporterOrganisationName}` : d.receiverOrganisationName}
              </td>
              <td className={CARD_CELL} data-label="Rapporterad">
                <time dateTime={new Date(d.createdAt).toISOString()}>{formatDateTime(d.createdAt)}</time>
                <span className="block text-sm text-muted">{d.reporterName}</span>
              </td>
              <td className={CARD_CELL} data-label="Status">
                <StatusBadge status={d.status} />
                {d.transitions.length > 0 ? <span className="block text-sm font-medium">Väntar på er</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * "Avvikelser": the deviations reported to the viewer's organisation (for its responsible function)
 * and those the viewer's side reported, with their status. The patient is shown only to those who
 * may read the case.
 */
export function DeviationListPage() {
  const trpc = useTRPC();
  const [view, setView] = useState<View>("mottagna");
  const [showClosed, setShowClosed] = useState(false);
  const query = useQuery(trpc.deviation.list.queryOptions({ view, statuses: showClosed ? null : ["ny", "under_utredning", "besvarad"] }));
  const current = VIEWS.find((v) => v.value === view)!;
  return (
    <section aria-labelledby="avvikelser-rubrik">
      <h1 id="avvikelser-rubrik" className="mb-4 text-2xl font-semibold">
        Avvikelser i samverkan
      </h1>
      <p className="mb-4 max-w-prose">
        Avvikelser som rapporteras från ett samordningsärende till en annan organisation i ärendet. Mottagarens ansvariga funktion utreder och svarar; den som
        rapporterade avslutar eller återöppnar.
      </p>
      <div role="group" aria-label="Visa avvikelser" className="mb-3 flex flex-wrap gap-2">
        {VIEWS.map((v) => (
          <button
            key={v.value}
            type="button"
            aria-pressed={view === v.value}
            onClick={() => setView(v.value)}
            className={`rounded border px-3 py-1.5 ${view === v.value ? "border-brand-700 bg-brand-700 text-white" : "border-brand-600 text-brand-800 hover:bg-brand-50"}`}
          >
            {v.label}
          </button>
        ))}
      </div>
      <Checkbox id="visa-avslutade" label="Visa även avslutade" checked={showClosed} onChange={setShowClosed} />
      {query.error ? (
        <ErrorNotice error={callError(query.error)} where="page" />
      ) : !query.data ? (
        <p role="status">Hämtar avvikelser …</p>
      ) : query.data.length === 0 ? (
        <p data-testid="deviation-list-empty">{current.empty}</p>
      ) : (
        <Table rows={query.data} view={view} />
      )}
    </section>
  );
}
