"use client";
import { CASE_STAGES, type CaseStage } from "@vardkedjan/domain/case/types";
import { STAGE_LABELS } from "@vardkedjan/domain/case/labels";
import {
  WORKLIST_COLUMNS,
  WORKLIST_COLUMN_LABELS,
  WORKLIST_SORT_LABELS,
  WORKLIST_SORT_ORDER_TEXT,
  type WorklistColumn,
  type WorklistDirection,
  type WorklistSort,
} from "@vardkedjan/domain/case/worklist-columns";

const INPUT = "mt-1 block w-full rounded border border-muted bg-white px-3 py-2";

export interface WorklistFilterState {
  typed: string;
  stage: "" | CaseStage;
  unitId: string;
  municipalityCode: string;
  sort: WorklistSort;
  direction: WorklistDirection;
  scope: "sammanhang" | "alla";
}

/** The search, filters, sort and column choice above the list. The search term stays in this page's state, never the URL. */
export function WorklistFilters(props: {
  id: string;
  value: WorklistFilterState;
  onChange: (next: Partial<WorklistFilterState>) => void;
  sorts: readonly WorklistSort[];
  units: { id: string; name: string }[];
  municipalities: { code: string; name: string }[];
  /** The person has cases in more than one context of this portal ("Alla mina enheter"). */
  otherContexts: boolean;
  contextLabel: string;
  columns: readonly WorklistColumn[];
  onColumns: (columns: WorklistColumn[]) => void;
}) {
  const { id, value: v, onChange } = props;
  return (
    <form role="search" aria-label="Filtrera ärenden" onSubmit={(e) => e.preventDefault()} className="mb-4 rounded border border-line bg-white p-3">
      {props.otherContexts ? (
        <fieldset className="mb-3">
          <legend className="font-medium">Visa ärenden för</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            <label className="inline-flex items-center gap-2">
              <input type="radio" name={`${id}-omfang`} checked={v.scope === "sammanhang"} onChange={() => onChange({ scope: "sammanhang", unitId: "" })} />
              {props.contextLabel}
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="radio" name={`${id}-omfang`} checked={v.scope === "alla"} onChange={() => onChange({ scope: "alla", unitId: "" })} />
              Alla mina enheter
            </label>
          </div>
        </fieldset>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-sok`} className="block font-medium">
            Sök patient eller ärende
          </label>
          <input
            id={`${id}-sok`}
            type="search"
            value={v.typed}
            onChange={(e) => onChange({ typed: e.target.value })}
            autoComplete="off"
            aria-describedby={`${id}-sok-hint`}
            className={INPUT}
          />
          <p id={`${id}-sok-hint`} className="mt-1 text-sm text-muted">
            Namn, personnummer eller ärendenummer
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-skede`} className="block font-medium">
            Skede
          </label>
          <select id={`${id}-skede`} value={v.stage} onChange={(e) => onChange({ stage: e.target.value as "" | CaseStage })} className={INPUT}>
            <option value="">Alla pågående</option>
            {CASE_STAGES.map((s) => (
              <option key={s} value={s}>
                {s === "avslutad" ? "Avslutade" : STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-kommun`} className="block font-medium">
            Kommun
          </label>
          <select id={`${id}-kommun`} value={v.municipalityCode} onChange={(e) => onChange({ municipalityCode: e.target.value })} className={INPUT}>
            <option value="">Alla kommuner</option>
            {props.municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        {props.units.length > 1 ? (
          <div>
            <label htmlFor={`${id}-enhet`} className="block font-medium">
              Enhet
            </label>
            <select id={`${id}-enhet`} value={v.unitId} onChange={(e) => onChange({ unitId: e.target.value })} className={INPUT}>
              <option value="">Alla enheter</option>
              {props.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor={`${id}-sortera`} className="block font-medium">
            Sortera efter
          </label>
          <select id={`${id}-sortera`} value={v.sort} onChange={(e) => onChange({ sort: e.target.value as WorklistSort })} className={INPUT}>
            {props.sorts.map((s) => (
              <option key={s} value={s}>
                {WORKLIST_SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-ordning`} className="block font-medium">
            Ordning
          </label>
          <select id={`${id}-ordning`} value={v.direction} onChange={(e) => onChange({ direction: e.target.value as WorklistDirection })} className={INPUT}>
            <option value="asc">{WORKLIST_SORT_ORDER_TEXT[v.sort].asc}</option>
            <option value="desc">{WORKLIST_SORT_ORDER_TEXT[v.sort].desc}</option>
          </select>
        </div>
      </div>
      <details className="mt-3">
        <summary className="cursor-pointer font-medium">Välj kolumner</summary>
        <fieldset className="mt-2">
          <legend className="sr-only">Kolumner i listan</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {WORKLIST_COLUMNS.map((c) => (
              <label key={c} className="inline-flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={props.columns.includes(c)}
                  onChange={(e) =>
                    props.onColumns(
                      e.target.checked ? WORKLIST_COLUMNS.filter((x) => x === c || props.columns.includes(x)) : props.columns.filter((x) => x !== c),
                    )
                  }
                />
                {WORKLIST_COLUMN_LABELS[c]}
              </label>
            ))}
          </div>
        </fieldset>
      </details>
    </form>
  );
}
