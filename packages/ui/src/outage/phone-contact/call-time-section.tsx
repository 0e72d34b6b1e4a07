"use client";
import { BUTTON_SECONDARY, FieldGroup, TextField } from "../../kit/fields";
import { nowFields, type SectionProps } from "./draft";

/** "När var samtalet?": now unless changed. */
export function CallTimeSection({ draft, set, error, id }: SectionProps) {
  return (
    <FieldGroup id={id("tid")} legend="När var samtalet?">
      <div className="flex flex-wrap items-end gap-4">
        <TextField id={id("date")} label="Datum" type="date" value={draft.date} onChange={(v) => set({ date: v })} error={error("date")} className="mb-0" />
        <TextField id={id("time")} label="Klockslag" type="time" value={draft.time} onChange={(v) => set({ time: v })} error={error("time")} className="mb-0" />
        <button type="button" className={BUTTON_SECONDARY} onClick={() => set(nowFields())}>
          Nu
        </button>
      </div>
    </FieldGroup>
  );
}
