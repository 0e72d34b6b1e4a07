"use client";
import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@vardkedjan/api";
import { averageDaysText, averageRowTitle, tenthsText } from "@vardkedjan/domain/payment/invoice-average";
import { monthText } from "@vardkedjan/domain/payment/text";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import { addDaysToIsoDate } from "@vardkedjan/domain/time/stockholm";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, SelectField, TextArea, TextField } from "../../kit/fields";
import { formatDateTime, formatNumber } from "../../kit/format";
import { HeaderRow } from "../../kit/header-row";

type Basis = RouterOutputs["payment"]["invoiceBasis"];
type Row = Basis["rows"][number];
type AverageRow = Basis["averageRows"][number];

/** A monthly-average month row: no patient, the month's figures under its name. */
function AverageRowView({ basis, row }: { basis: Basis; row: AverageRow }) {
  return (
    <tr className="border-b border-line bg-brand-50 align-top" data-testid="invoice-average-row">
      <th scope="row" className="px-3 py-2 font-medium">
        {averageRowTitle(row.serviceMonth)}
        <span className="block text-sm font-normal">
          {row.stays} {row.stays === 1 ? "vårdtillfälle" : "vårdtillfällen"} i genomsnittet, {averageDaysText(row)} dagar i genomsnitt (överenskommelsen:{" "}
          {tenthsText(Math.round(row.levelDays * 10))})
        </span>
      </th>
      {basis.showsPatients ? (
        <>
          <td className="px-3 py-2">–</td>
          <td className="px-3 py-2">–</td>
        </>
      ) : null}
      <td className="px-3 py-2">{row.kind === "rattelse" ? "Rättelse" : "Ordinarie"}</td>
      <td className="px-3 py-2">{monthText(row.serviceMonth)}</td>
      <td className="px-3 py-2 text-right">{formatNumber(row.days)}</td>
      <td className="px-3 py-2 text-right">{kronor(row.amountKr)}</td>
      <td className="px-3 py-2">
        <span className="text-muted">–</span>
      </td>
    </tr>
  );
}

/** "12 000 kr", or why there is no amount. */
export function kronor(n: number | null): string {
  return n === null ? "belopp saknas" : `${formatNumber(n)} kr`;
}

function lastMonth(): string {
  return addDaysToIsoDate(`${stockholmDate(new Date()).slice(0, 7)}-01`, -1).slice(0, 7);
}

function DisputeForm({ basis, row, onDone }: { basis: Basis; row: Row; onDone: () => void }) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<CallError | null>(null);
  const dispute = useMutation(trpc.payment.dispute.mutationOptions({ onSuccess: onDone, onError: (e) => setError(callError(e)) }));
  const id = `bestrid-${row.caseId}`;
  return (
    <form
      className="mt-2"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        dispute.mutate({ municipalityId: basis.municipality.id, month: basis.month, caseId: row.caseId, reason });
      }}
    >
      {error ? <ErrorNotice error={error} where="form" /> : null}
      <TextArea
        id={id}
        label={`Skäl till att ${row.reference} bestrids`}
        value={reason}
        onChange={setReason}
        rows={2}
        error={error?.fieldErrors.find((f) => f.path === "reason")?.message}
      />
      <button type="submit" className={BUTTON_PRIMARY} disabled={dispute.isPending}>
        Skicka bestridande
      </button>
    </form>
  );
}

function AnswerForm({ disputeId, reference, onDone }: { disputeId: string; reference: string; onDone: () => void }) {
  const trpc = useTRPC();
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState<CallError | null>(null);
  const send = useMutation(trpc.payment.answerDispute.mutationOptions({ onSuccess: onDone, onError: (e) => setError(callError(e)) }));
  return (
    <form
      className="mt-2"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        send.mutate({ disputeId, answer });
      }}
    >
      {error ? <ErrorNotice error={error} where="form" /> : null}
      <TextArea id={`svar-${disputeId}`} label={`Regionens svar om ${reference}`} value={answer} onChange={setAnswer} rows={2} />
      <button type="submit" className={BUTTON_PRIMARY} disabled={send.isPending}>
        Skicka svar
      </button>
    </form>
  );
}

function DisputeCell({ basis, row, refresh }: { basis: Basis; row: Row; refresh: () => void }) {
  const [open, setOpen] = useState(false);
  const d = row.dispute;
  if (d) {
    return (
      <div>
        <p>
          <span className="font-medium">Bestriden</span> av {d.createdBy}: {d.reason}
        </p>
        {d.answer ? (
          <p className="mt-1">
            <span className="font-medium">Svar</span> från {d.answeredBy}: {d.answer}
          </p>
        ) : basis.may.answer ? (
          <AnswerForm disputeId={d.id} reference={row.reference} onDone={refresh} />
        ) : (
          <p className="mt-1 text-muted">Väntar på svar från regionen.</p>
        )}
      </div>
    );
  }
  if (!basis.may.dispute) return <span className="text-muted">–</span>;
  return open ? (
    <DisputeForm basis={basis} row={row} onDone={refresh} />
  ) : (
    <button type="button" className={BUTTON_SECONDARY} onClick={() => setOpen(true)}>
      Bestrid<span className="sr-only"> {row.reference}</span>
    </button>
  );
}

function BasisTable({ basis, refresh }: { basis: Basis; refresh: () => void }) {
  const labels = ["Ärende", ...(basis.showsPatients ? ["Patient", "Personnummer"] : []), "Typ", "Avser", "Betalningsdagar", "Belopp", "Bestridande"];
  if (basis.rows.length === 0 && basis.averageRows.length === 0) return <p data-testid="invoice-empty">Inga betalningsdagar för {monthText(basis.month)}.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="invoice-table">
        <caption className="sr-only">
          Faktureringsunderlag för {basis.municipality.name}, {monthText(basis.month)}
        </caption>
        <thead>
          <HeaderRow labels={labels} />
        </thead>
        <tbody>
          {basis.averageRows.map((r) => (
            <AverageRowView key={`snitt-${r.kind}-${r.serviceMonth}`} basis={basis} row={r} />
          ))}
          {basis.rows.map((r) => (
            <tr key={`${r.kind}-${r.serviceMonth}-${r.caseId}`} className="border-b border-line align-top">
              <th scope="row" className="px-3 py-2 font-medium">
                {r.reference}
              </th>
              {basis.showsPatients ? (
                <>
                  <td className="px-3 py-2">{r.patient?.name}</td>
                  <td className="px-3 py-2">{r.patient?.identifier}</td>
                </>
              ) : null}
              <td className="px-3 py-2">{r.kind === "rattelse" ? "Rättelse" : "Ordinarie"}</td>
              <td className="px-3 py-2">{monthText(r.serviceMonth)}</td>
              <td className="px-3 py-2 text-right">{r.days}</td>
              <td className="px-3 py-2 text-right">{kronor(r.amountKr)}</td>
              <td className="px-3 py-2">
                <DisputeCell basis={basis} row={r} refresh={refresh} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-ink font-semibold">
            <th scope="row" className="px-3 py-2" colSpan={basis.showsPatients ? 5 : 3}>
              Summa
            </th>
            <td className="px-3 py-2 text-right" data-testid="invoice-total-days">
              {formatNumber(basis.total.days)}
            </td>
            <td className="px-3 py-2 text-right" data-testid="invoice-total-amount">
              {kronor(basis.total.amountKr)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Faktureringsunderlag per kommun and month: rows, total, Fastställ, Bestrid, CSV and PDF. */
export function InvoiceBasisPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const municipalities = useQuery(trpc.payment.municipalities.queryOptions());
  const [chosen, setChosen] = useState("");
  const [month, setMonth] = useState(lastMonth());
  const [lockError, setLockError] = useState<CallError | null>(null);
  const municipalityId = chosen || municipalities.data?.[0]?.id || "";
  const validMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const basis = useQuery({ ...trpc.payment.invoiceBasis.queryOptions({ municipalityId, month }), enabled: municipalityId !== "" && validMonth });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.payment.invoiceBasis.queryKey() });
  const lock = useMutation(trpc.payment.lockMonth.mutationOptions({ onSuccess: refresh, onError: (e) => setLockError(callError(e)) }));
  const files = `/betalningsansvar/faktureringsunderlag/${municipalityId}/${month}`;

  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Faktureringsunderlag, betalningsansvar</h1>
      <p className="mb-4 max-w-3xl">
        Betalningsdagar per patient som är folkbokförd i kommunen och som var utskrivningsklar men kvar på sjukhus efter överenskommelsens fria dagar. En
        ändring efter att månaden fastställts blir en rättelserad i nästa öppna månad. Gäller en överenskommelse om månadsgenomsnitt är månadens genomsnitt en
        egen rad utan patient, och långa vårdtillfällen (i Västra Götalands modell mer än sju dagar) räknas individuellt.
      </p>
      {municipalities.error ? <ErrorNotice error={callError(municipalities.error)} where="page" /> : null}
      <div className="mb-4 grid max-w-2xl gap-4 sm:grid-cols-2">
        <SelectField
          id="kommun"
          label="Kommun"
          value={municipalityId}
          onChange={setChosen}
          options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        />
        <TextField
          id="manad"
          label="Månad (ÅÅÅÅ-MM)"
          value={month}
          onChange={setMonth}
          inputMode="numeric"
          error={validMonth ? undefined : "Ange månaden som ÅÅÅÅ-MM"}
        />
      </div>
      {basis.error ? <ErrorNotice error={callError(basis.error)} where="page" /> : null}
      {basis.isLoading ? <p role="status">Hämtar underlaget …</p> : null}
      {basis.data ? (
        <section aria-labelledby="underlag-rubrik">
          <h2 id="underlag-rubrik" className="mb-2 text-xl font-semibold">
            {basis.data.municipality.name}, {monthText(basis.data.month)}
          </h2>
          <p className="mb-3" data-testid="invoice-status">
            {basis.data.locked ? `Fastställd ${formatDateTime(basis.data.locked.at)} av ${basis.data.locked.by}.` : "Ej fastställd."}
            {basis.data.showsPatients ? "" : " Patienterna visas bara för ekonomirollerna."}
          </p>
          <BasisTable basis={basis.data} refresh={refresh} />
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <a className={BUTTON_SECONDARY} href={`${files}/faktureringsunderlag.csv`} download data-testid="invoice-csv">
              Exportera CSV
            </a>
            <a className={BUTTON_SECONDARY} href={`${files}/faktureringsunderlag.pdf`} target="_blank" rel="noopener">
              Skriv ut (PDF, öppnas i ny flik)
            </a>
            {basis.data.may.lock ? (
              <button
                type="button"
                className={BUTTON_PRIMARY}
                disabled={lock.isPending}
                onClick={() => {
                  setLockError(null);
                  lock.mutate({ municipalityId, month });
                }}
              >
                Fastställ {monthText(basis.data.month)}
              </button>
            ) : null}
          </div>
          {lockError ? <ErrorNotice error={lockError} where="form" /> : null}
        </section>
      ) : null}
    </div>
  );
}
