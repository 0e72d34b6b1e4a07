"use client";
import type { ReactNode } from "react";

/**
 * Labelled form controls: every control has a visible label, its hint and error are tied to it
 * with aria-describedby, and an error sets aria-invalid. Errors are text (not colour alone).
 */

const INPUT = "mt-1 block w-full rounded border border-muted bg-white px-3 py-2 text-ink aria-[invalid=true]:border-danger aria-[invalid=true]:border-2";

/** The ids of a control's hint and error, for its aria-describedby. */
export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-fel` : null].filter(Boolean).join(" ") || undefined;
}

/** A control's hint and error (as text, not colour alone), under the ids describedBy names. */
export function Help({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-fel`} className="mt-1 text-sm font-medium text-danger">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

interface Base {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  disabled?: boolean;
}

function Label({ id, label, optional }: { id: string; label: ReactNode; optional?: boolean }) {
  return (
    <label htmlFor={id} className="block font-medium">
      {label}
      {optional ? <span className="font-normal text-muted"> (valfritt)</span> : null}
    </label>
  );
}

/** The attributes every labelled control shares: its name, its hint and error tied to it, required unless optional. */
function controlProps(props: Base) {
  return {
    id: props.id,
    name: props.id,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy(props.id, props.hint, props.error),
    "aria-required": props.optional ? undefined : true,
    disabled: props.disabled,
    className: INPUT,
  } as const;
}

/** A control with its label above, then its hint and error. */
function Labelled({ props, className, children }: { props: Base; className?: string; children: ReactNode }) {
  return (
    <div className={className ?? "mb-4"}>
      <Label id={props.id} label={props.label} optional={props.optional} />
      <Help id={props.id} hint={props.hint} error={props.error} />
      {children}
    </div>
  );
}

export function TextField(
  props: Base & {
    value: string;
    onChange: (v: string) => void;
    type?: "text" | "date" | "datetime-local" | "url" | "time";
    autoComplete?: string;
    inputMode?: "numeric" | "text";
    className?: string;
  },
) {
  return (
    <Labelled props={props} className={props.className}>
      <input
        {...controlProps(props)}
        type={props.type ?? "text"}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete={props.autoComplete ?? "off"}
        inputMode={props.inputMode}
      />
    </Labelled>
  );
}

export function TextArea(props: Base & { value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <Labelled props={props}>
      <textarea {...controlProps(props)} rows={props.rows ?? 3} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </Labelled>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: Base & {
    value: string;
    onChange: (v: string) => void;
    options: Option[];
    placeholder?: string;
  },
) {
  return (
    <Labelled props={props}>
      <select {...controlProps(props)} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

export function Checkbox(props: { id: string; label: ReactNode; checked: boolean; onChange: (v: boolean) => void; hint?: ReactNode; disabled?: boolean }) {
  return (
    <div className="mb-2">
      <div className="flex items-start gap-2">
        <input
          id={props.id}
          name={props.id}
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          aria-describedby={props.hint ? `${props.id}-hint` : undefined}
          disabled={props.disabled}
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
        />
        <label htmlFor={props.id}>{props.label}</label>
      </div>
      {props.hint ? (
        <p id={`${props.id}-hint`} className="ml-7 text-sm text-muted">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

/** A group of related controls (radio buttons, checkboxes) with a legend; the error is the group's. */
export function FieldGroup(props: { id: string; legend: ReactNode; hint?: ReactNode; error?: string; optional?: boolean; children: ReactNode }) {
  return (
    <fieldset id={props.id} tabIndex={-1} className="mb-4 rounded border border-line p-3" aria-describedby={describedBy(props.id, props.hint, props.error)}>
      <legend className="px-1 font-medium">
        {props.legend}
        {props.optional ? <span className="font-normal text-muted"> (valfritt)</span> : null}
      </legend>
      <Help id={props.id} hint={props.hint} error={props.error} />
      <div className="mt-2">{props.children}</div>
    </fieldset>
  );
}

export function Radios(props: {
  id: string;
  legend: ReactNode;
  value: string;
  onChange: (v: string) => void;
  options: Option[];
  hint?: ReactNode;
  error?: string;
  inline?: boolean;
}) {
  return (
    <FieldGroup id={props.id} legend={props.legend} hint={props.hint} error={props.error}>
      <div className={props.inline ? "flex flex-wrap gap-x-6 gap-y-2" : "grid gap-2"}>
        {props.options.map((o) => (
          <div key={o.value} className="flex items-center gap-2">
            <input
              id={`${props.id}-${o.value}`}
              type="radio"
              name={props.id}
              value={o.value}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
              className="h-5 w-5 accent-brand-700"
            />
            <label htmlFor={`${props.id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </FieldGroup>
  );
}

export const YES_NO: Option[] = [
  { value: "ja", label: "Ja" },
  { value: "nej", label: "Nej" },
];

/** "ja"/"nej"/"" → boolean/undefined, for a payload. */
export function yesNo(v: string): boolean | undefined {
  return v === "ja" ? true : v === "nej" ? false : undefined;
}

/** Primary and secondary have the same border width, so a button that changes style moves nothing beside it. */
export const BUTTON_PRIMARY =
  "rounded border border-transparent bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:opacity-60";
export const BUTTON_SECONDARY =
  "rounded border border-brand-600 bg-white px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:opacity-60";
