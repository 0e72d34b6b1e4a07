"use client";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { can } from "@vardkedjan/domain/access/actions";
import type { Portal } from "@vardkedjan/domain/identity/types";
import {
  DEFAULT_WORKLIST_COLUMNS,
  WORKLIST_COLUMNS,
  WORKLIST_COUNT_CAP,
  worklistSortsFor,
  type WorklistColumn,
} from "@vardkedjan/domain/case/worklist-columns";
import { useTRPC } from "../../trpc/react";
import { callError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_SECONDARY } from "../../kit/fields";
import { formatNumber } from "../../kit/format";
import { WorklistTable } from "./worklist-table";
import { WorklistFilters, type WorklistFilterState } from "./worklist-filters";
import { DEFAULT_WORKLIST_INPUT, type WorklistQueryInput } from "./worklist-input";

const SEARCH_DELAY_MS = 300;
/** The chosen columns are a preference of this browser (no patient data). */
const COLUMNS_KEY = "vk.arbetsyta.kolumner";

const INITIAL: WorklistFilterState = { typed: "", stage: "", unitId: "", municipalityCode: "", sort: "frist", direction: "asc", scope: "sammanhang" };

function parseColumns(text: string | null): WorklistColumn[] | null {
  try {
    const raw = JSON.parse(text ?? "null") as unknown;
    return Array.isArray(raw) ? WORKLIST_COLUMNS.filter((c) => raw.includes(c)) : null;
  } catch {
    return null;
  }
}

function storedColumnsText(): string | null {
  try {
    return window.localStorage.getItem(COLUMNS_KEY);
  } catch {
    return null;
  }
}

function onStorage(callback: () => void): () => void {
  window.addEventListener("storage", callback);
  return () => window.removeEventListener("storage", callback);
}

/**
 * Min arbetsyta: the unit's cases a page at a time, by default what is due first, every due step
 * shown with legal deadlines apart, acknowledgements in their own column. Paging follows the
 * API's cursor (the pages already seen are kept to go back).
 */
export function WorklistPage({ portal, contextLabel }: { portal: Portal; contextLabel: string }) {
  const trpc = useTRPC();
  const ids = useId();
  const [filters, setFilters] = useState<WorklistFilterState>(INITIAL);
  const [search, setSearch] = useState("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  // The columns chosen on this page, else those this browser kept, else the default (also in the server's HTML).
  const [chosen, setChosen] = useState<readonly WorklistColumn[] | null>(null);
  const kept = useSyncExternalStore(onStorage, storedColumnsText, () => null);
  const columns = chosen ?? parseColumns(kept) ?? DEFAULT_WORKLIST_COLUMNS;
  const [municipalities, setMunicipalities] = useState<{ code: string; name: string }[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const t = setTimeout(() => {
      setSearch(filters.typed.trim());
      setCursors([null]);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [filters.typed]);

  const session = useQuery(trpc.session.current.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const units = useQuery(trpc.case.scopeUnits.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const role = session.data?.activeContext?.role;
  const otherContexts = (session.data?.contexts ?? []).filter((c) => can(c.role, "case.read")).length > 1;
  const cursor = cursors.at(-1) ?? null;
  const input: WorklistQueryInput = {
    ...DEFAULT_WORKLIST_INPUT,
    scope: filters.scope,
    sort: filters.sort,
    direction: filters.direction,
    stage: filters.stage || null,
    includeClosed: filters.stage === "avslutad",
    search: search || null,
    unitId: filters.unitId || null,
    municipalityCode: filters.municipalityCode || null,
    cursor,
  };
  const list = useQuery(trpc.case.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const data = list.data;
  // Only the first page carries the kommuner; they are kept while the user pages on.
  if (data && data.municipalities.length > 0 && data.municipalities !== municipalities) setMunicipalities(data.municipalities);
  const [count, setCount] = useState<{ value: number; more: boolean } | null>(null);
  if (data?.count && data.count !== count) setCount(data.count);
  // Overdue is judged against the time of the last fetch (refetched live and on focus).
  const now = new Date(list.dataUpdatedAt);

  const change = (next: Partial<WorklistFilterState>) => {
    setFilters((f) => {
      const merged = { ...f, ...next };
      // Another sort starts in its natural direction.
      if (next.sort && next.sort !== f.sort) merged.direction = "asc";
      return merged;
    });
    if (!("typed" in next)) setCursors([null]);
  };
  const chooseColumns = (c: WorklistColumn[]) => {
    setChosen(c);
    try {
      window.localStorage.setItem(COLUMNS_KEY, JSON.stringify(c));
    } catch {
      /* private mode: the choice lasts this page only */
    }
  };
  const goTo = (next: (string | null)[]) => {
    setCursors(next);
    headingRef.current?.focus();
  };

  const pageIndex = cursors.length;
  const rows = data?.rows ?? [];
  const first = rows.length === 0 ? 0 : (pageIndex - 1) * DEFAULT_WORKLIST_INPUT.pageSize + 1;
  const last = first + rows.length - 1;
  const countText = count ? (count.more ? `fler än ${formatNumber(WORKLIST_COUNT_CAP)}` : formatNumber(count.value)) : "";
  const filtered = !!(filters.stage || search || filters.unitId || filters.municipalityCode);
  const unitOptions = units.data ?? [];
  const showUnit = portal !== "slutenvard" || unitOptions.length > 1 || filters.scope === "alla";

  return (
    <section aria-labelledby="arbetsyta-rubrik">
      <h1 id="arbetsyta-rubrik" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
        Min arbetsyta
      </h1>
      <p className="mb-4 text-muted">{filters.scope === "alla" ? "Alla mina enheter" : contextLabel}</p>

      <WorklistFilters
        id={ids}
        value={filters}
        onChange={change}
        sorts={role ? worklistSortsFor(role) : ["frist"]}
        units={filters.scope === "alla" ? [] : unitOptions}
        municipalities={municipalities}
        otherContexts={otherContexts}
        contextLabel={contextLabel}
        columns={columns}
        onColumns={chooseColumns}
      />

      <p className="mb-2 text-sm" role="status" aria-live="polite" data-testid="worklist-count">
        {list.isPending ? "Hämtar ärenden …" : rows.length > 0 ? `Visar ${formatNumber(first)}–${formatNumber(last)} av ${countText} ärenden` : ""}
        {list.isFetching && !list.isPending ? <span className="sr-only"> (uppdaterar)</span> : null}
      </p>

      {list.error ? <ErrorNotice error={callError(list.error)} where="page" /> : null}

      {data && rows.length === 0 ? (
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

      {data && rows.length > 0 ? (
        <>
          <WorklistTable
            rows={rows}
            showUnit={showUnit}
            columns={columns}
            sort={filters.sort}
            direction={filters.direction}
            now={now}
            caption={`Ärenden, sida ${pageIndex}. Lagstadgade tidsgränser visas för sig, kvittenser i egen kolumn.`}
          />
          {pageIndex > 1 || data.nextCursor ? (
            <nav aria-label="Sidor" className="mt-3 flex flex-wrap items-center gap-3">
              <button type="button" className={BUTTON_SECONDARY} disabled={pageIndex <= 1} onClick={() => goTo([null])}>
                Första sidan
              </button>
              <button type="button" className={BUTTON_SECONDARY} disabled={pageIndex <= 1} onClick={() => goTo(cursors.slice(0, -1))}>
                Föregående
              </button>
              <span className="text-sm">Sida {formatNumber(pageIndex)}</span>
              <button type="button" className={BUTTON_SECONDARY} disabled={!data.nextCursor} onClick={() => goTo([...cursors, data.nextCursor])}>
                Nästa
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
