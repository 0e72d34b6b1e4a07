"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { DEVIATION_CATEGORIES, DEVIATION_CATEGORY_LABELS, type DeviationCategory } from "@vardkedjan/domain/deviation/labels";
import { useTRPC } from "../trpc/react";
import { SelectField } from "../kit/fields";
import { ErrorNotice } from "../kit/error-notice";
import { callError } from "../kit/call-error";
import { formatNumber } from "../kit/format";
import type { DeviationStatistics } from "./types";

const MONTH = new Intl.DateTimeFormat("sv-SE", { year: "numeric", month: "long", timeZone: "UTC" });
const monthLabel = (yyyyMm: string) => MONTH.format(new Date(`${yyyyMm}-15T12:00:00Z`));

function CountTable({ stats, which, caption }: { stats: DeviationStatistics; which: "received" | "reported"; caption: string }) {
  const months = [...new Set(stats.rows.map((r) => r.month))];
  const count = (month: string, category: DeviationCategory) => stats.rows.find((r) => r.month === month && r.category === category)?.[which] ?? 0;
  const total = (month: string) => DEVIATION_CATEGORIES.reduce((n, c) => n + count(month, c), 0);
  const shown = months.filter((m) => total(m) > 0);
  return (
    <div className="mb-6 overflow-x-auto rounded border border-line bg-white">
      <table className="w-full border-collapse text-left text-sm" data-testid={`deviation-statistics-${which}`}>
        <caption className="px-3 py-2 text-left text-base font-semibold">{caption}</caption>
        <thead className="bg-brand-50">
          <tr>
            <th scope="col" className="px-3 py-2">
              Månad
            </th>
            {DEVIATION_CATEGORIES.map((c) => (
              <th key={c} scope="col" className="px-3 py-2">
                {DEVIATION_CATEGORY_LABELS[c]}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              Totalt
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={DEVIATION_CATEGORIES.length + 2} className="px-3 py-2">
                Inga avvikelser.
              </td>
            </tr>
          ) : (
            shown.map((m) => (
              <tr key={m} className="border-t border-line">
                <th scope="row" className="px-3 py-2 font-medium">
                  {monthLabel(m)}
                </th>
                {DEVIATION_CATEGORIES.map((c) => (
                  <td key={c} className="px-3 py-2 tabular-nums">
                    {formatNumber(count(m, c))}
                  </td>
                ))}
                <td className="px-3 py-2 font-semibold tabular-nums">{formatNumber(total(m))}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Förvaltning's "Avvikelser": how many deviations in the cooperation an organisation has received
 * and reported, per month and category. Counts only: no case, patient or text. A region's
 * administrator chooses among the region and its organisations; a kommun's sees its own.
 */
export function DeviationStatisticsPage() {
  const trpc = useTRPC();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const query = useQuery(trpc.deviation.statistics.queryOptions({ organisationId }));
  const stats = query.data;
  const name = stats?.organisations.find((o) => o.id === stats.organisationId)?.name ?? "";
  return (
    <section aria-labelledby="avvikelser-rubrik">
      <h1 id="avvikelser-rubrik" className="mb-4 text-2xl font-semibold">
        Avvikelser i samverkan
      </h1>
      <p className="mb-4 max-w-prose">
        Antal avvikelser per kategori och månad (svensk tid). Endast antal: inga ärenden, patienter eller texter visas här. Avvikelserna hanteras av MAS i
        kommunen och av utskrivningsledarna i regionen.
      </p>
      {query.error ? (
        <ErrorNotice error={callError(query.error)} where="page" />
      ) : !stats ? (
        <p role="status">Hämtar statistik …</p>
      ) : (
        <>
          {stats.organisations.length > 1 ? (
            <div className="max-w-md">
              <SelectField
                id="avvikelser-organisation"
                label="Organisation"
                value={stats.organisationId ?? ""}
                onChange={(v) => setOrganisationId(v || null)}
                options={stats.organisations.map((o) => ({ value: o.id, label: o.name }))}
              />
            </div>
          ) : null}
          <CountTable stats={stats} which="received" caption={`Rapporterade till ${name}`} />
          <CountTable stats={stats} which="reported" caption={`Rapporterade av ${name}`} />
        </>
      )}
    </section>
  );
}
