"use client";
import { useEffect, useId, useRef, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { CASE_STAGES, type CaseStage } from "@vardkedjan/domain/case/types";
import { STAGE_LABELS } from "@vardkedjan/domain/case/labels";
import { useTRPC } from "../../trpc/react";
import { callError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_SECONDARY } from "../../kit/fields";
import { formatNumber } from "../../kit/format";
import { WorklistTable } from "./worklist-table";

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

const INPUT = "mt-1 block w-full rounded border border-muted bg-white px-3 py-2";

/**
 * Min arbetsyta: the unit's open cases, sorted by what is due (the API sorts: unacknowledged
 * first, then the next deadline). The search term may be a personnummer, so it lives only in
 * this component's state, never in the page URL.
 */
export function WorklistPage({ portal, contextLabel }: { portal: Portal; contextLabel: string }) {
  const trpc = useTRPC();
  const ids = useId();
  const [stage, setStage] = useState<"" | CaseStage>("");
  const [unitId, setUnitId] = useState("");
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const t = setTimeout(() => {
      setSearch(typed.trim());
      setPage(1);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [typed]);

  const units = useQuery(trpc.case.scopeUnits.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const list = useQuery(
    trpc.case.list.queryOptions(
      {
        stage: stage || null,
        includeClosed: stage === "avslutad",
        search: search || null,
        unitId: unitId || null,
        page,
        pageSize: PAGE_SIZE,
      },
      { placeholderData: keepPreviousData },
    ),
  );
  // Overdue is judged against the time of the last fetch (refetched live and on focus).
  const now = new Date(list.dataUpdatedAt);

  const unitOptions = units.data ?? [];
  const showUnitFilter = unitOptions.length > 1;
  const showUnitColumn = portal !== "slutenvard" || showUnitFilter;
  const data = list.data;
  const total = data?.total ?? 0;
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(page * PAGE_SIZE, total);
  const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = !!(stage || search || unitId);

  const goTo = (p: number) => {
    setPage(p);
    headingRef.current?.focus();
  };

  return (
    <section aria-labelledby="arbetsyta-rubrik">
      <h1 id="arbetsyta-rubrik" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
        Min arbetsyta
      </h1>
      <p className="mb-4 text-muted">{contextLabel}</p>

      <form
        role="search"
        aria-label="Filtrera ärenden"
        onSubmit={(e) => e.preventDefault()}
        className="mb-4 grid gap-3 rounded border border-line bg-white p-3 sm:grid-cols-3"
      >
        <div>
          <label htmlFor={`${ids}-sok`} className="block font-medium">
            Sök patient eller ärende
          </label>
          <input
            id={`${ids}-sok`}
            type="search"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            aria-describedby={`${ids}-sok-hint`}
            className={INPUT}
          />
          <p id={`${ids}-sok-hint`} className="mt-1 text-sm text-muted">
            Namn, personnummer eller ärendenummer
          </p>
        </div>
        <div>
          <label htmlFor={`${ids}-skede`} className="block font-medium">
            Skede
          </label>
          <select
            id={`${ids}-skede`}
            value={stage}
            onChange={(e) => {
              setStage(e.target.value as "" | CaseStage);
              setPage(1);
            }}
            className={INPUT}
          >
            <option value="">Alla pågående</option>
            {CASE_STAGES.map((s) => (
              <option key={s} value={s}>
                {s === "avslutad" ? "Avslutade" : STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {showUnitFilter ? (
          <div>
            <label htmlFor={`${ids}-enhet`} className="block font-medium">
              Enhet
            </label>
            <select
              id={`${ids}-enhet`}
              value={unitId}
              onChange={(e) => {
                setUnitId(e.target.value);
                setPage(1);
              }}
              className={INPUT}
            >
              <option value="">Alla enheter</option>
              {unitOptions.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </form>

      <p className="mb-2 text-sm" role="status" aria-live="polite" data-testid="worklist-count">
        {list.isPending
          ? "Hämtar ärenden …"
          : data
            ? total === 0
              ? ""
              : `Visar ${formatNumber(first)}–${formatNumber(last)} av ${formatNumber(total)} ärenden`
            : ""}
        {list.isFetching && !list.isPending ? <span className="sr-only"> (uppdaterar)</span> : null}
      </p>

      {list.error ? <ErrorNotice error={callError(list.error)} where="page" /> : null}

      {data && data.rows.length === 0 ? (
        <div className="rounded border border-line bg-white p-6" data-testid="workspace-empty">
          {filtered ? (
            <>
              <h2 className="text-lg font-semibold">Inga ärenden matchar</h2>
              <p className="text-muted">Ändra sökningen eller filtren.</p>
            </>
          ) : (
            <>
              <h2 className="text-lg font-semibold">Inga pågående ärenden</h2>
              <p className="text-muted">När en samordning startas för en patient vid din enhet visas den här, sorterad efter vad som förfaller först.</p>
            </>
          )}
        </div>
      ) : null}

      {data && data.rows.length > 0 ? (
        <>
          <WorklistTable
            rows={data.rows}
            showUnit={showUnitColumn}
            now={now}
            caption={`Pågående ärenden, sorterade efter vad som ska göras först. Sida ${page} av ${lastPage}.`}
          />
          {lastPage > 1 ? (
            <nav aria-label="Sidor" className="mt-3 flex items-center gap-3">
              <button type="button" className={BUTTON_SECONDARY} disabled={page <= 1} onClick={() => goTo(page - 1)}>
                Föregående
              </button>
              <span className="text-sm">
                Sida {formatNumber(page)} av {formatNumber(lastPage)}
              </span>
              <button type="button" className={BUTTON_SECONDARY} disabled={page >= lastPage} onClick={() => goTo(page + 1)}>
                Nästa
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
