"use client";
import { useRef, useState } from "react";
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { isUuid } from "@vardkedjan/domain/ids";
import { useQueryClient, useTRPC } from "../trpc/react";
import { callError, type CallError } from "../kit/call-error";
import { ErrorNotice } from "../kit/error-notice";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, TextArea, TextField } from "../kit/fields";
import { formatDateTime, fromLocalInput, toLocalInput } from "../kit/format";
import { StatusBadge } from "./outage-admin-page";
import { ProgressTable } from "./progress-table";
import type { OutageChange } from "@vardkedjan/domain/outage/outage-change";
import { scopeLabel, systemLabel, type ConfirmationRow, type OutageDetail } from "./labels";

/** One row of the change history in words. */
function describeChange(change: OutageChange): string {
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso) : "inte angivet");
  switch (change.action) {
    case "startad": {
      const parts = [`Startade driftstörningen: ${systemLabel(change.system, change.systemDetail)}`, scopeLabel(change.scope, null, change.unitIds.length)];
      if (change.expectedEndAt) parts.push(`beräknat slut ${when(change.expectedEndAt)}`);
      if (change.message) parts.push(`meddelande: ”${change.message}”`);
      return parts.join(", ");
    }
    case "andrad": {
      const parts: string[] = [];
      if ("expectedEndAt" in change) parts.push(`beräknat slut till ${when(change.expectedEndAt)}`);
      if ("message" in change) parts.push(change.message ? `meddelandet till ”${change.message}”` : "tog bort meddelandet");
      if ("systemDetail" in change) parts.push(change.systemDetail ? `detaljerna till ”${change.systemDetail}”` : "tog bort detaljerna");
      return `Ändrade ${parts.join("; ") || "uppgifterna"}`;
    }
    case "avslutad":
      return "Avslutade driftstörningen; efterregistreringslistorna beräknades";
    case "foreslagen":
      return `Hälsokontrollen föreslog en driftstörning (${change.integration}: ${change.detail})`;
    case "bekraftad":
      return "Bekräftade förslaget: driftstörningen startade";
    case "avvisad":
      return "Avvisade förslaget";
  }
}

function ConfirmationsTable({ rows }: { rows: ConfirmationRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border border-line bg-white text-left text-sm" data-testid="confirmations">
        <thead>
          <tr className="border-b border-line bg-brand-50">
            <th scope="col" className="px-3 py-2">
              Kommun
            </th>
            <th scope="col" className="px-3 py-2">
              Företrädare
            </th>
            <th scope="col" className="px-3 py-2">
              E-post skickad
            </th>
            <th scope="col" className="px-3 py-2">
              Senast
            </th>
            <th scope="col" className="px-3 py-2">
              Svar
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.organisationId}
              className={`border-b border-line align-top last:border-b-0 ${r.overdue ? "bg-danger-bg" : ""}`}
              data-testid="confirmation-row"
            >
              <th scope="row" className="px-3 py-2 font-medium">
                {r.organisationName}
              </th>
              <td className="px-3 py-2">
                <ul>
                  {r.representatives.map((p) => (
                    <li key={p.email}>
                      {p.name} <span className="text-muted">({p.email})</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2">
                {r.sentAt ? (
                  formatDateTime(r.sentAt)
                ) : r.sendError ? (
                  <span className="font-medium text-danger">⚠ Inte skickad: {r.sendError}</span>
                ) : (
                  <span className="text-muted">Skickas …</span>
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.deadlineAt)}</td>
              <td className="px-3 py-2">
                {r.respondedAt ? (
                  <span className="text-ok">
                    <span className="font-semibold">✓ {r.response === "korrigerad" ? "Korrigerad" : "Bekräftad"}</span> av {r.respondedBy ?? "okänd"},{" "}
                    {formatDateTime(r.respondedAt)}
                    {r.comment ? <span className="block text-ink">”{r.comment}”</span> : null}
                  </span>
                ) : r.state === "forsenad" ? (
                  <span className="font-bold text-danger">⚠ FÖRSENAD: inte bekräftad inom tidsfristen</span>
                ) : r.state === "obesvarad" ? (
                  <span className="text-muted">Inget svar (driftstörningen är avslutad)</span>
                ) : (
                  <span className="text-muted">Väntar på svar</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EditOutage({ outage, onDone }: { outage: OutageDetail["outage"]; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.outage.update.mutationOptions());
  const [end, setEnd] = useState(outage.expectedEndAt ? toLocalInput(new Date(outage.expectedEndAt)) : "");
  const [message, setMessage] = useState(outage.message ?? "");
  const [detail, setDetail] = useState(outage.systemDetail ?? "");
  const [endError, setEndError] = useState<string | undefined>();
  const [failure, setFailure] = useState<CallError | null>(null);
  const submit = () => {
    if (update.isPending) return;
    const at = end ? fromLocalInput(end) : null;
    if (end && !at) {
      setEndError("Ange datum och klockslag");
      return;
    }
    setEndError(undefined);
    update.mutate(
      { outageId: outage.id, expectedEndAt: at, message: message.trim() || null, systemDetail: detail.trim() || null },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries(trpc.outage.pathFilter());
          onDone("Ändringen är sparad och visas i bannern.");
        },
        onError: (e) => setFailure(callError(e)),
      },
    );
  };
  return (
    <form
      noValidate
      aria-label="Ändra driftstörningen"
      className="mb-4 max-w-xl rounded border border-brand-600 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextField id="upd-detail" label="Detaljer" optional value={detail} onChange={setDetail} />
      <TextField id="upd-end" label="Beräknat slut" type="datetime-local" optional value={end} onChange={setEnd} error={endError} />
      <TextArea id="upd-message" label="Meddelande till användarna" optional value={message} onChange={setMessage} />
      {failure ? (
        <div className="mb-3">
          <ErrorNotice error={failure} where="form" />
        </div>
      ) : null}
      <button type="submit" className={BUTTON_PRIMARY} disabled={update.isPending}>
        Spara ändringen
      </button>
    </form>
  );
}

function Loaded({ data, confirmations }: { data: OutageDetail; confirmations: ConfirmationRow[] | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const end = useMutation(trpc.outage.end.mutationOptions());
  const [asking, setAsking] = useState(false);
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<CallError | null>(null);
  const [status, setStatus] = useState("");
  const statusRef = useRef<HTMLDivElement>(null);
  const o = data.outage;
  const ongoing = o.status === "pagaende";
  const announce = (text: string) => {
    setStatus(text);
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const finish = () => {
    if (end.isPending) return;
    setFailure(null);
    end.mutate(
      { outageId: o.id },
      {
        onSuccess: () => {
          setAsking(false);
          void queryClient.invalidateQueries(trpc.outage.pathFilter());
          announce("Driftstörningen är avslutad. Sidorna växlar tillbaka och varje enhets efterregistreringslista är beräknad.");
        },
        onError: (e) => setFailure(callError(e)),
      },
    );
  };
  const overdue = confirmations?.filter((c) => c.overdue).length ?? 0;
  const confirmed = confirmations?.filter((c) => c.respondedAt).length ?? 0;

  return (
    <>
      <h1 id="driftstorning-detalj-rubrik" className="mb-1 text-2xl font-semibold">
        {systemLabel(o.system, o.systemDetail)}
      </h1>
      <p className="mb-4">
        <StatusBadge status={o.status} />
      </p>
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={status ? "mb-4 rounded border border-ok bg-ok-bg p-3 font-semibold text-ok" : "sr-only"}
        data-testid="outage-detail-status"
      >
        {status}
      </div>
      <dl className="mb-4 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">Omfattning</dt>
        <dd>{o.scope === "region" ? "Hela regionen, med dess kommuner" : data.units.map((u) => u.name).join(", ")}</dd>
        <dt className="text-muted">Start</dt>
        <dd>{formatDateTime(o.startedAt)}</dd>
        <dt className="text-muted">{o.endedAt ? "Slut" : "Beräknat slut"}</dt>
        <dd>{o.endedAt ? formatDateTime(o.endedAt) : o.expectedEndAt ? formatDateTime(o.expectedEndAt) : "Inte angivet"}</dd>
        <dt className="text-muted">Meddelande</dt>
        <dd className="whitespace-pre-line">{o.message ?? "Inget"}</dd>
        <dt className="text-muted">Loggade samtal</dt>
        <dd>{data.calls}</dd>
      </dl>
      <ul className="mb-6 flex flex-wrap gap-3" aria-label="Åtgärder">
        {ongoing ? (
          <>
            <li>
              <button type="button" className={BUTTON_SECONDARY} onClick={() => setEditing((x) => !x)} aria-expanded={editing}>
                Ändra beräknat slut eller meddelande
              </button>
            </li>
            <li>
              <button
                type="button"
                className="rounded bg-danger px-4 py-2 font-medium text-white hover:opacity-90"
                onClick={() => setAsking(true)}
                disabled={asking}
              >
                Avsluta driftstörning
              </button>
            </li>
          </>
        ) : null}
        <li>
          <a
            href={`/dokument/driftstorningsrapport.csv?driftstorning=${o.id}`}
            className="inline-block rounded border border-brand-600 bg-white px-4 py-2 font-medium text-brand-700 no-underline hover:bg-brand-50"
          >
            Exportera rapport (CSV)
          </a>
        </li>
      </ul>
      {editing && ongoing ? (
        <EditOutage
          outage={o}
          onDone={(t) => {
            setEditing(false);
            announce(t);
          }}
        />
      ) : null}
      {asking && ongoing ? (
        <div className="mb-6 rounded border-2 border-danger bg-white p-4" role="group" aria-labelledby="avsluta-rubrik" data-testid="end-confirm">
          <h2 id="avsluta-rubrik" className="mb-2 text-lg font-semibold">
            Avsluta driftstörningen?
          </h2>
          <p className="mb-3">Alla sidor växlar tillbaka till vanligt läge direkt, och varje berörd enhet får sin efterregistreringslista.</p>
          {failure ? (
            <div className="mb-3">
              <ErrorNotice error={failure} where="form" />
            </div>
          ) : null}
          <div className="flex gap-3">
            <button type="button" className="rounded bg-danger px-4 py-2 font-medium text-white disabled:opacity-60" onClick={finish} disabled={end.isPending}>
              {end.isPending ? "Avslutar …" : "Ja, avsluta driftstörningen"}
            </button>
            <button type="button" className={BUTTON_SECONDARY} onClick={() => setAsking(false)} disabled={end.isPending}>
              Avbryt
            </button>
          </div>
        </div>
      ) : null}

      <section aria-labelledby="bekraftelser-rubrik" className="mb-8">
        <h2 id="bekraftelser-rubrik" className="mb-1 text-xl font-semibold">
          Bekräftelse av kontaktlistan
        </h2>
        {confirmations === undefined ? (
          <p role="status">Hämtar …</p>
        ) : confirmations.length === 0 ? (
          <p className="text-muted">Inga bekräftelser begärda (begärs när hela regionen berörs och kommunen har utsedda företrädare).</p>
        ) : (
          <>
            <p className="mb-2" aria-live="polite" data-testid="confirmations-summary">
              {confirmed} av {confirmations.length} kommuner har svarat
              {overdue ? <span className="font-semibold text-danger">, {overdue} försenade</span> : null}.
            </p>
            <ConfirmationsTable rows={confirmations} />
          </>
        )}
      </section>

      <section aria-labelledby="efterreg-rubrik" className="mb-8">
        <h2 id="efterreg-rubrik" className="mb-2 text-xl font-semibold">
          Efterregistrering per enhet
        </h2>
        {data.progress.length === 0 ? (
          <p className="text-muted">{ongoing ? "Listorna beräknas när driftstörningen avslutas." : "Inget att efterregistrera."}</p>
        ) : (
          <ProgressTable rows={data.progress} testId="outage-progress" />
        )}
      </section>

      <section aria-labelledby="historik-rubrik">
        <h2 id="historik-rubrik" className="mb-2 text-xl font-semibold">
          Ändringshistorik
        </h2>
        <ol className="grid gap-2" data-testid="outage-history">
          {data.events.map((e, i) => (
            <li key={`${new Date(e.at).toISOString()}-${i}`} className="rounded border border-line bg-white p-2 text-sm">
              <span className="font-medium">{formatDateTime(e.at)}</span> · {e.by ?? "Systemet"}: {describeChange(e.change)}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** One outage in Förvaltning: end it, follow the contact-list confirmations live, after-registration progress, history. */
export function OutageDetailPage({ outageId }: { outageId: string }) {
  const trpc = useTRPC();
  const valid = isUuid(outageId);
  const detail = useQuery({ ...trpc.outage.get.queryOptions({ outageId }), enabled: valid });
  // Overdue is judged by the server at each fetch; refetch so a deadline passing shows without an event.
  const confirmations = useQuery({ ...trpc.outage.confirmations.queryOptions({ outageId }, { refetchInterval: 60_000 }), enabled: valid });

  return (
    <section aria-labelledby="driftstorning-detalj-rubrik">
      <p className="mb-2 text-sm">
        <Link href="/driftstorningar">← Alla driftstörningar</Link>
      </p>
      {!valid || (detail.error && !detail.data) ? (
        <>
          <h1 id="driftstorning-detalj-rubrik" className="mb-4 text-2xl font-semibold">
            Driftstörningen hittades inte
          </h1>
          {detail.error ? <ErrorNotice error={callError(detail.error)} where="page" /> : null}
        </>
      ) : !detail.data ? (
        <>
          <h1 id="driftstorning-detalj-rubrik" className="mb-4 text-2xl font-semibold">
            Driftstörning
          </h1>
          <p role="status">Hämtar …</p>
        </>
      ) : (
        <Loaded data={detail.data} confirmations={confirmations.data} />
      )}
    </section>
  );
}
