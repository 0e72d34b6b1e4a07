"use client";
import { useRef, useState } from "react";
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useQueryClient, useTRPC } from "../trpc/react";
import { callError, type CallError } from "../kit/call-error";
import { ErrorNotice } from "../kit/error-notice";
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from "../kit/fields";
import { formatDateTime } from "../kit/format";
import { DeclareOutageForm } from "./declare-outage-form";
import { IntegrationsSection } from "./integrations-section";
import { OUTAGE_STATUS_LABELS, type OutageStatus } from "@vardkedjan/domain/outage/types";
import { scopeLabel, systemLabel, type OutageListRow } from "./labels";
import { HeaderRow } from "../kit/header-row";

const STATUS_STYLE: Partial<Record<OutageStatus, string>> = {
  pagaende: "border-warn bg-warn-bg text-warn",
  foreslagen: "border-brand-600 bg-brand-50 text-brand-800",
  avslutad: "border-line bg-white text-muted",
  avvisad: "border-line bg-white text-muted",
};

export function StatusBadge({ status }: { status: OutageStatus }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STATUS_STYLE[status] ?? ""}`}>{OUTAGE_STATUS_LABELS[status]}</span>;
}

/** A proposal from a failing health check: Bekräfta (outage mode starts) or Avvisa, each confirmed once more. */
function Proposal({ row, onDone }: { row: OutageListRow; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const decide = useMutation(trpc.outage.decide.mutationOptions());
  const [asking, setAsking] = useState<null | boolean>(null);
  const [failure, setFailure] = useState<CallError | null>(null);
  const go = (accept: boolean) => {
    if (decide.isPending) return;
    decide.mutate(
      { outageId: row.id, accept },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries(trpc.outage.pathFilter());
          onDone(accept ? `Driftstörningen för ${systemLabel(row.system, row.systemDetail)} är bekräftad och startad.` : "Förslaget är avvisat.");
        },
        onError: (e) => setFailure(callError(e)),
      },
    );
  };
  return (
    <li className="rounded border-2 border-brand-600 bg-white p-3" data-testid="outage-proposal">
      <p className="font-semibold">{systemLabel(row.system, row.systemDetail)}</p>
      <p className="text-sm">{row.message}</p>
      <p className="text-sm text-muted">Föreslagen {formatDateTime(row.startedAt)} av hälsokontrollen</p>
      {failure ? <ErrorNotice error={failure} where="page" /> : null}
      {asking === null ? (
        <div className="mt-2 flex gap-3">
          <button type="button" className={BUTTON_PRIMARY} onClick={() => setAsking(true)}>
            Bekräfta
          </button>
          <button type="button" className={BUTTON_SECONDARY} onClick={() => setAsking(false)}>
            Avvisa
          </button>
        </div>
      ) : (
        <div className="mt-2 rounded border border-warn bg-warn-bg p-2" role="group" aria-label="Bekräfta valet">
          <p className="mb-2">
            {asking ? "Alla öppna sidor i regionen växlar till driftstörningsläge. Starta driftstörningen?" : "Avvisa förslaget? Ingen driftstörning startas."}
          </p>
          <div className="flex gap-3">
            <button
              type="button"
              className={asking ? "rounded bg-danger px-4 py-2 font-medium text-white" : BUTTON_PRIMARY}
              onClick={() => go(asking)}
              disabled={decide.isPending}
            >
              {asking ? "Ja, starta driftstörning" : "Ja, avvisa"}
            </button>
            <button type="button" className={BUTTON_SECONDARY} onClick={() => setAsking(null)} disabled={decide.isPending}>
              Avbryt
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/**
 * Förvaltning's "Driftstörningar": start one, confirm or reject proposals, the list with calls
 * and after-registration progress, and the integrations whose health is checked.
 */
export function OutageAdminPage() {
  const trpc = useTRPC();
  const list = useQuery(trpc.outage.list.queryOptions());
  const [declaring, setDeclaring] = useState(false);
  const [status, setStatus] = useState<{ text: string; outageId?: string } | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const rows = list.data ?? [];
  const proposals = rows.filter((r) => r.status === "foreslagen");
  const others = rows.filter((r) => r.status !== "foreslagen");
  const announce = (text: string, outageId?: string) => {
    setStatus({ text, outageId });
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  return (
    <section aria-labelledby="driftstorningar-rubrik">
      <h1 id="driftstorningar-rubrik" className="mb-1 text-2xl font-semibold">
        Driftstörningar
      </h1>
      <p className="mb-4 text-muted">
        När en driftstörning startas visar varje berörd sida bannern direkt och vårdenheterna arbetar per telefon enligt reservrutinen.
      </p>
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        data-testid="outage-admin-status"
        className={status ? "mb-4 rounded border border-ok bg-ok-bg p-3 text-ok" : "sr-only"}
      >
        {status ? (
          <p className="font-semibold">
            {status.text}{" "}
            {status.outageId ? (
              <Link href={`/driftstorningar/${status.outageId}`} className="text-ok">
                Följ driftstörningen
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
      {declaring ? (
        <DeclareOutageForm
          onClose={() => {
            setDeclaring(false);
            requestAnimationFrame(() => openRef.current?.focus());
          }}
          onDeclared={(id, text) => {
            setDeclaring(false);
            announce(text, id);
          }}
        />
      ) : (
        <button ref={openRef} type="button" className={`${BUTTON_PRIMARY} mb-6`} onClick={() => setDeclaring(true)}>
          Starta driftstörning
        </button>
      )}

      {proposals.length ? (
        <section aria-labelledby="forslag-rubrik" className="mb-6">
          <h2 id="forslag-rubrik" className="mb-2 text-xl font-semibold">
            Föreslagna av hälsokontrollen ({proposals.length})
          </h2>
          <ul className="grid gap-3">
            {proposals.map((r) => (
              <Proposal key={r.id} row={r} onDone={(t) => announce(t, r.id)} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="lista-rubrik" className="mb-8">
        <h2 id="lista-rubrik" className="mb-2 text-xl font-semibold">
          Alla driftstörningar
        </h2>
        {list.error ? <ErrorNotice error={callError(list.error)} where="page" /> : null}
        {!list.data && !list.error ? <p role="status">Hämtar driftstörningar …</p> : null}
        {list.data && others.length === 0 ? <p>Inga driftstörningar är registrerade.</p> : null}
        {others.length ? (
          <div className="overflow-x-auto">
            <table className="w-full border border-line bg-white text-left text-sm" data-testid="outage-list">
              <thead>
                <HeaderRow labels={["System", "Status", "Omfattning", "Start", "Slut", "Samtal", "Efterregistrering"]} />
              </thead>
              <tbody>
                {others.map((r) => (
                  <tr key={r.id} className="border-b border-line last:border-b-0">
                    <th scope="row" className="px-3 py-2 font-medium">
                      <Link href={`/driftstorningar/${r.id}`}>{systemLabel(r.system, r.systemDetail)}</Link>
                    </th>
                    <td className="px-3 py-2">
                      <StatusBadge status={r.status} />
                    </td>
                    <td className="px-3 py-2">{scopeLabel(r.scope)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.startedAt)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {r.endedAt ? formatDateTime(r.endedAt) : r.expectedEndAt ? `Beräknat ${formatDateTime(r.expectedEndAt)}` : "–"}
                    </td>
                    <td className="px-3 py-2">{r.calls}</td>
                    <td className="px-3 py-2">
                      {r.itemsTotal === 0 ? (r.status === "avslutad" ? "Inget att registrera" : "–") : `${r.itemsDone} av ${r.itemsTotal} klara`}
                      {r.itemsTotal > 0 ? (
                        <progress value={r.itemsDone} max={r.itemsTotal} aria-hidden="true" className="ml-2 h-2 w-20 align-middle accent-brand-700" />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <IntegrationsSection />
    </section>
  );
}
