"use client";
import type { ReactNode } from "react";
import { BUTTON_SECONDARY, FieldGroup } from "../../kit/fields";
import { fid, type RowListName, type SectionProps } from "./draft";

/** A list of the routine (follow-up calls, checklist, kinds of outage, text sections): its rows and an add button. */
export function RowList(props: {
  list: RowListName;
  legend: string;
  hint: string;
  count: number;
  /** Said when the list has no rows; nothing when absent. */
  emptyText?: string;
  addLabel: string;
  onAdd: () => void;
  error: SectionProps["error"];
  children: ReactNode;
}) {
  return (
    <FieldGroup id={fid(props.list)} legend={props.legend} hint={props.hint} error={props.error(props.list)}>
      {props.emptyText && props.count === 0 ? <p className="mb-2 text-muted">{props.emptyText}</p> : null}
      <ol className="grid gap-1">{props.children}</ol>
      <button type="button" className={BUTTON_SECONDARY} onClick={props.onAdd}>
        {props.addLabel}
      </button>
    </FieldGroup>
  );
}

/** A removable item of a list, in its own fieldset. */
export function ListItem({
  id,
  legend,
  onRemove,
  removeLabel,
  extra,
  children,
}: {
  id: string;
  legend: string;
  onRemove: () => void;
  removeLabel: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <li>
      <fieldset id={id} tabIndex={-1} className="mb-3 rounded border border-line bg-white p-3">
        <legend className="px-1 font-medium">{legend}</legend>
        {children}
        <div className="flex flex-wrap gap-2">
          {extra}
          <button type="button" className={BUTTON_SECONDARY} onClick={onRemove}>
            {removeLabel}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
