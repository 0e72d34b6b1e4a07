"use client";
import { useMemo, useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@vardkedjan/api";
import { useTRPC } from "../../trpc/react";
import { callError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { SelectField } from "../../kit/fields";
import { formatDateTime } from "../../kit/format";
import { HeaderRow } from "../../kit/header-row";
import { CARD_BODY, CARD_CELL, CARD_HEAD, CARD_HEADER_CELL, CARD_ROW, CARD_TABLE } from "../../kit/card-table";

type Row = RouterOutputs["payment"]["readyOverview"]["rows"][number];
type SortKey = "days" | "municipality" | "ward";
const SORTS: { value: SortKey; label: string }[] = [
  { value: "days", label: "Flest dagar först" },
  { value: "municipality", label: "Kommun" },
  { value: "ward", label: "Avdelning" },
];
const UNKNOWN = "Okänd folkbokföringskommun";

const compare: Record<SortKey, (a: Row, b: Row) => number> = {
  days: (a, b) => b.daysWaiting - a.daysWaiting || a.reference.localeCompare(b.reference),
  municipality: (a, b) => (a.municipalityName ?? UNKNOWN).localeCompare(b.municipalityName ?? UNKNOWN, "sv") || b.daysWaiting - a.daysWaiting,
  ward: (a, b) => a.wardName.localeCompare(b.wardName, "sv") || b.daysWaiting - a.daysWaiting,
};

/** "Utskrivningsklara nu": the utskrivningsledare's overview of every ready patient in the hospital. */
export function ReadyOverviewPage() {
  const trpc = useTRPC();
  const overview = useQuery(trpc.payment.readyOverview.queryOptions());
  const [sort, setSort] = useState<SortKey>("days");
  const [municipality, setMunicipality] = useState("");
  const [kommunklar, setKommunklar] = useState("");
  const rows = useMemo(() => {
    const all = overview.data?.rows ?? [];
    return all
      .filter((r) => !municipality || (r.municipalityName ?? UNKNOWN) === municipality)
      .filter((r) => !kommunklar || (kommunklar === "ja") === r.kommunklar)
      .sort(compare[sort]);
  }, [overview.data, sort, municipality, kommunklar]);

  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Utskrivningsklara nu</h1>
      {overview.error ? <ErrorNotice error={callError(overview.error)} where="page" /> : null}
      {!overview.data && !overview.error ? <p role="status">Hämtar patienterna …</p> : null}
      {overview.data ? (
        <>
          <section aria-labelledby="per-kommun" className="mb-6">
            <h2 id="per-kommun" className="mb-2 text-xl font-semibold">
              Per kommun
            </h2>
            <table className="w-full max-w-3xl text-left text-sm" data-testid="ready-totals">
              <thead>
                <HeaderRow labels={["Kommun", "Patienter", "Dagar sedan utskrivningsklar", "Utan kommunklar", "Med betalningsansvar"]} />
              </thead>
              <tbody>
                {overview.data.perMunicipality.map((m) => (
                  <tr key={m.municipalityName} className="border-b border-line">
                    <th scope="row" className="px-3 py-2">
                      {m.municipalityName}
                    </th>
                    <td className="px-3 py-2">{m.patients}</td>
                    <td className="px-3 py-2">{m.daysWaiting}</td>
                    <td className="px-3 py-2">{m.withoutKommunklar}</td>
                    <td className="px-3 py-2">{m.liabilityStarted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="patienter">
            <h2 id="patienter" className="mb-2 text-xl font-semibold">
              Patienter ({rows.length})
            </h2>
            {overview.data.more ? (
              <p className="mb-2 text-sm" data-testid="ready-more">
                Listan visar de {overview.data.rows.length} patienter som väntat längst; det finns fler. Välj en avdelning i Min arbetsyta för att se alla.
              </p>
            ) : null}
            <div className="mb-2 grid max-w-3xl gap-4 sm:grid-cols-3">
              <SelectField id="sortering" label="Sortera" value={sort} onChange={(v) => setSort(v as SortKey)} options={SORTS} />
              <SelectField
                id="filter-kommun"
                label="Kommun"
                value={municipality}
                onChange={setMunicipality}
                placeholder="Alla kommuner"
                options={overview.data.perMunicipality.map((m) => ({ value: m.municipalityName, label: m.municipalityName }))}
              />
              <SelectField
                id="filter-kommunklar"
                label="Kommunklar"
                value={kommunklar}
                onChange={setKommunklar}
                placeholder="Alla"
                options={[
                  { value: "ja", label: "Kommunklar given" },
                  { value: "nej", label: "Inte kommunklar" },
                ]}
              />
            </div>
            {rows.length === 0 ? (
              <p>Inga utskrivningsklara patienter{municipality || kommunklar ? " med det urvalet" : ""}.</p>
            ) : (
              <div className="sm:overflow-x-auto">
                <table className={`${CARD_TABLE} text-sm`} data-testid="ready-table">
                  <thead className={CARD_HEAD}>
                    <HeaderRow labels={["Patient", "Avdelning", "Utskrivningsklar", "Dagar", "Kommun", "Kommunklar", "Betalningsansvar"]} />
                  </thead>
                  <tbody className={CARD_BODY}>
                    {rows.map((r) => (
                      <tr key={r.caseId} className={CARD_ROW}>
                        <th scope="row" className={CARD_HEADER_CELL}>
                          <Link href={`/arenden/${r.caseId}`}>{r.patientName}</Link>
                          <span className="block font-normal whitespace-nowrap text-muted">{r.patientIdentifier}</span>
                        </th>
                        <td className={CARD_CELL} data-label="Avdelning">
                          {r.wardName}
                        </td>
                        <td className={CARD_CELL} data-label="Utskrivningsklar">
                          {formatDateTime(r.readyForDischargeAt)}
                        </td>
                        <td className={CARD_CELL} data-label="Dagar">
                          dag {r.daysWaiting}
                        </td>
                        <td className={CARD_CELL} data-label="Kommun">
                          {r.municipalityName ?? UNKNOWN}
                        </td>
                        <td className={CARD_CELL} data-label="Kommunklar">
                          {r.kommunklar ? "Ja" : "Nej"}
                        </td>
                        <td className={CARD_CELL} data-label="Betalningsansvar">
                          {r.liabilityText ?? "Inget betalningsansvar"}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
