"use client";
import { useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { useQuery } from "@tanstack/react-query";
import { REPORT_DIMENSIONS, REPORT_DIMENSION_LABELS, lastTwelveMonths, monthLabel, type ReportDimension, type Share } from "@vardkedjan/domain/reports/summary";
import { useTRPC } from "../trpc/react";
import { callError } from "../kit/call-error";
import { ErrorNotice } from "../kit/error-notice";
import { SelectField } from "../kit/fields";
import { FiguresTable, PaymentTable, pct, type FollowUp } from "./tables";

// The chart code loads only on this page, after the figures: the tables carry the same data.
const BarChart = dynamic(() => import("./bar-chart").then((m) => m.BarChart), {
  ssr: false,
  loading: () => <p className="text-muted">Diagrammet laddas …</p>,
});

const short = (month: string) => monthLabel(month).replace(/ (\d{2})(\d{2})$/, " $2");

function ChartWithTable({ id, title, children, chart }: { id: string; title: string; children: React.ReactNode; chart: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <div>{chart}</div>
        <div className="overflow-x-auto">{children}</div>
      </div>
    </section>
  );
}

const shareText = (s: Share) => (s.share === null ? "–" : `${pct(s.share)} (${s.count} av ${s.of})`);

/**
 * Förvaltning's follow-up reports: how well the region's or the kommun's stays met the law's
 * deadlines, how long patients ready for discharge waited, SIP, readmissions and the payment
 * days, per month and per hospital, ward, kommun or vårdcentral. Aggregates only.
 */
export function FollowUpReportPage() {
  const trpc = useTRPC();
  const months = useMemo(() => lastTwelveMonths(new Date()), []);
  const choices = useMemo(() => {
    const older = lastTwelveMonths(new Date(`${months[0]}-15T12:00:00Z`)).slice(0, 11);
    return [...older, ...months].reverse().map((m) => ({ value: m, label: monthLabel(m) }));
  }, [months]);
  const [dimension, setDimension] = useState<ReportDimension>("sjukhus");
  const [from, setFrom] = useState(months[0]!);
  const [to, setTo] = useState(months.at(-1)!);
  const report = useQuery(trpc.reports.followUp.queryOptions({ dimension, from, to }));
  const query = new URLSearchParams({ dimension, fran: from, till: to }).toString();

  return (
    <section aria-labelledby="rapporter-rubrik">
      <h1 id="rapporter-rubrik" className="text-2xl font-semibold">
        Uppföljning{report.data ? ` · ${report.data.scopeName}` : ""}
      </h1>
      <p className="mb-4 text-muted">
        Utskrivna patienter per månad (månaden då patienten skrevs ut). Den innevarande månaden är inte slut. Rapporterna visar bara antal och andelar, aldrig
        enskilda patienter.
      </p>
      <form className="mb-6 grid gap-x-4 sm:grid-cols-3" onSubmit={(e) => e.preventDefault()} aria-label="Urval">
        <SelectField
          id="rapport-indelning"
          label="Indelning"
          value={dimension}
          onChange={(v) => setDimension(v as ReportDimension)}
          options={REPORT_DIMENSIONS.map((d) => ({ value: d, label: REPORT_DIMENSION_LABELS[d] }))}
        />
        <SelectField id="rapport-fran" label="Från och med" value={from} onChange={setFrom} options={choices} />
        <SelectField id="rapport-till" label="Till och med" value={to} onChange={setTo} options={choices} />
      </form>
      <p className="mb-6 flex flex-wrap gap-4">
        <a className="underline" href={`/rapporter/uppfoljning.csv?${query}`} download>
          Exportera uppföljningen (CSV)
        </a>
        <a className="underline" href={`/rapporter/betalningsansvar.csv?${query}`} download>
          Exportera betalningsansvaret (CSV)
        </a>
      </p>

      {report.error ? <ErrorNotice error={callError(report.error)} where="page" /> : null}
      {report.isPending ? <p role="status">Rapporten hämtas …</p> : null}
      {report.data ? <Report data={report.data} /> : null}
    </section>
  );
}

function Report({ data }: { data: FollowUp }) {
  const total = data.byMonth.reduce((s, m) => s + m.figures.discharged, 0);
  const days = data.byMonth.map((m) => m.figures.readyDays);
  const allDistribution = days[0]?.distribution.map((b, i) => ({ ...b, count: days.reduce((s, d) => s + d.distribution[i]!.count, 0) })) ?? [];
  return (
    <>
      <p className="mb-6" role="status">
        {total} utskrivna patienter i urvalet.
      </p>

      <ChartWithTable
        id="rapport-inom-tre"
        title="Andel utskrivna inom tre dagar efter utskrivningsklar, per månad"
        chart={
          <BarChart
            labelledBy="rapport-inom-tre"
            unit=" %"
            max={100}
            data={data.byMonth.map((m) => ({
              label: short(m.month),
              value: m.figures.readyDays.withinThreeDays.share === null ? null : Math.round(m.figures.readyDays.withinThreeDays.share * 100),
            }))}
          />
        }
      >
        <table className="w-full text-sm" data-testid="tabell-inom-tre">
          <caption className="sr-only">Dagar från utskrivningsklar till utskriven per månad</caption>
          <thead>
            <tr className="text-left">
              <th scope="col">Månad</th>
              <th scope="col">Utskrivna</th>
              <th scope="col">Median (dagar)</th>
              <th scope="col">Samma dag</th>
              <th scope="col">Inom tre dagar</th>
            </tr>
          </thead>
          <tbody>
            {data.byMonth.map((m) => (
              <tr key={m.month} className="border-t border-line">
                <th scope="row" className="text-left font-normal">
                  {monthLabel(m.month)}
                </th>
                <td>{m.figures.readyDays.stays}</td>
                <td>{m.figures.readyDays.median === null ? "–" : String(m.figures.readyDays.median).replace(".", ",")}</td>
                <td>{shareText(m.figures.readyDays.sameDay)}</td>
                <td>{shareText(m.figures.readyDays.withinThreeDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartWithTable>

      <ChartWithTable
        id="rapport-fordelning"
        title="Dagar från utskrivningsklar till utskriven, fördelning för perioden"
        chart={
          <BarChart
            labelledBy="rapport-fordelning"
            unit=""
            data={allDistribution.map((b) => ({ label: b.label.replace(" dagar", "").replace(" dag", ""), value: b.count }))}
          />
        }
      >
        <table className="w-full text-sm">
          <caption className="sr-only">Antal utskrivna per antal dagar efter utskrivningsklar</caption>
          <thead>
            <tr className="text-left">
              <th scope="col">Dagar</th>
              <th scope="col">Utskrivna</th>
            </tr>
          </thead>
          <tbody>
            {allDistribution.map((b) => (
              <tr key={b.label} className="border-t border-line">
                <th scope="row" className="text-left font-normal">
                  {b.label}
                </th>
                <td>{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartWithTable>

      <section aria-labelledby="rapport-tidsgranser" className="mb-8 overflow-x-auto">
        <h2 id="rapport-tidsgranser" className="mb-2 text-lg font-semibold">
          Lagens tidsgränser, SIP och återinskrivningar per månad
        </h2>
        <FiguresTable rows={data.byMonth.map((m) => ({ key: m.month, name: monthLabel(m.month), figures: m.figures }))} firstColumn="Månad" />
      </section>

      <section aria-labelledby="rapport-grupper" className="mb-8 overflow-x-auto">
        <h2 id="rapport-grupper" className="mb-2 text-lg font-semibold">
          Per {REPORT_DIMENSION_LABELS[data.filter.dimension].toLowerCase()} för hela perioden
        </h2>
        <FiguresTable
          rows={data.byGroup.map((g) => ({ key: g.id ?? "ingen", name: g.name, figures: g.figures }))}
          firstColumn={REPORT_DIMENSION_LABELS[data.filter.dimension]}
        />
      </section>

      <section aria-labelledby="rapport-betalning" className="mb-8 overflow-x-auto">
        <h2 id="rapport-betalning" className="mb-2 text-lg font-semibold">
          Betalningsansvar per kommun och månad
        </h2>
        <PaymentTable rows={data.payment} />
      </section>
    </>
  );
}
