"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../trpc/react";
import { BUTTON_SECONDARY, Checkbox, FieldGroup, TextField, type Option } from "../../../kit/fields";
import { str } from "../spec";

/** Ticked boxes of a closed list, as the list of their codes (in the list's order). */
export function CheckboxSet({
  id,
  legend,
  options,
  value,
  onChange,
  hint,
  error,
}: {
  id: string;
  legend: string;
  options: Option[];
  value: string[];
  onChange: (v: string[]) => void;
  hint?: string;
  error?: string;
}) {
  return (
    <FieldGroup id={id} legend={legend} hint={hint} error={error} optional>
      <div className="grid gap-x-6 sm:grid-cols-2">
        {options.map((o) => (
          <Checkbox
            key={o.value}
            id={`${id}-${o.value}`}
            label={o.label}
            checked={value.includes(o.value)}
            onChange={(on) => onChange(options.map((x) => x.value).filter((v) => (v === o.value ? on : value.includes(v))))}
          />
        ))}
      </div>
    </FieldGroup>
  );
}

export type MedicationRow = { name: string; dose: string; purpose: string };
export const EMPTY_MEDICATION: MedicationRow = { name: "", dose: "", purpose: "" };

/** A payload's medicine rows as the form's rows. */
export function medicationRows(v: unknown): MedicationRow[] {
  return (Array.isArray(v) ? v : []).map((m: unknown) => {
    const x = (m ?? {}) as Record<string, unknown>;
    return { name: str(x.name), dose: str(x.dose), purpose: str(x.purpose) };
  });
}

/** The form's medicine rows as a payload's list: rows left empty are dropped, no rows is absent. */
export function medicationPayload(rows: MedicationRow[]): MedicationRow[] | undefined {
  const filled = rows.filter((r) => r.name.trim() || r.dose.trim() || r.purpose.trim());
  return filled.length > 0 ? filled : undefined;
}

/** The medication list, one medicine per row: name, dose, what it is for. */
export function MedicationRows({
  id,
  rows,
  onChange,
  error,
}: {
  id: string;
  rows: MedicationRow[];
  onChange: (rows: MedicationRow[]) => void;
  error: (path: string) => string | undefined;
}) {
  const shown = rows.length > 0 ? rows : [EMPTY_MEDICATION];
  const update = (i: number, patch: Partial<MedicationRow>) => onChange(shown.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <FieldGroup id={id} legend="Läkemedelslista" hint="Ett läkemedel per rad." error={error("medications")}>
      <ol className="grid gap-3">
        {shown.map((row, i) => (
          <li key={i} className="grid gap-x-3 rounded border border-line p-3 sm:grid-cols-3">
            <TextField
              id={`${id}-${i}-name`}
              label={`Läkemedel ${i + 1}`}
              value={row.name}
              onChange={(v) => update(i, { name: v })}
              error={error(`medications.${i}.name`)}
            />
            <TextField
              id={`${id}-${i}-dose`}
              label="Dos och tidpunkt"
              optional
              value={row.dose}
              onChange={(v) => update(i, { dose: v })}
              error={error(`medications.${i}.dose`)}
            />
            <TextField
              id={`${id}-${i}-purpose`}
              label="Används mot"
              optional
              value={row.purpose}
              onChange={(v) => update(i, { purpose: v })}
              error={error(`medications.${i}.purpose`)}
            />
            {shown.length > 1 ? (
              <button
                type="button"
                className={`${BUTTON_SECONDARY} sm:col-span-3 sm:justify-self-start`}
                onClick={() => onChange(shown.filter((_, j) => j !== i))}
              >
                Ta bort läkemedel {i + 1}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <button type="button" className={`${BUTTON_SECONDARY} mt-3`} onClick={() => onChange([...shown, { ...EMPTY_MEDICATION }])}>
        Lägg till läkemedel
      </button>
    </FieldGroup>
  );
}

/**
 * "Infoga textmall": the unit's own phrase templates, appended to a free-text field. Shown only
 * when the unit has templates (they are kept under "Enhetens textmallar" on the case page).
 */
export function PhraseTemplateInsert({ id, onInsert }: { id: string; onInsert: (text: string) => void }) {
  const trpc = useTRPC();
  const templates = useQuery(trpc.templates.list.queryOptions(undefined, { staleTime: 60_000, retry: false }));
  if (!templates.data || templates.data.length === 0) return null;
  return (
    <div className="-mt-2 mb-4">
      <label htmlFor={id} className="mr-2 text-sm text-muted">
        Infoga textmall
      </label>
      <select
        id={id}
        className="rounded border border-line px-2 py-1 text-sm"
        value=""
        onChange={(e) => {
          const t = templates.data.find((x) => x.id === e.target.value);
          if (t) onInsert(t.text);
        }}
      >
        <option value="">Välj textmall</option>
        {templates.data.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Appends a template's text to a field's text, on a line of its own. */
export const appendText = (current: string, added: string): string => (current.trim() ? `${current.replace(/\s+$/, "")}\n${added}` : added);

/** A label table as a kit's options. */
export const optionsOf = (list: readonly string[], labels: Record<string, string>): Option[] => list.map((value) => ({ value, label: labels[value] ?? value }));
