"use client";
import { TextArea, TextField } from "../../../kit/fields";
import { toDateInput } from "../../../kit/format";
import { defineKind, isoToDateInput, str } from "../spec";

type V = { tasks: string; from: string };

/** Uppdrag hemsjukvård: the assignment to municipal home health care and its start date. */
export const uppdragHemsjukvardForm = defineKind<V>({
  initial: () => ({ tasks: "", from: toDateInput(new Date()) }),
  toPayload: (v) => ({ tasks: v.tasks, from: v.from || undefined }),
  fromPayload: (p) => ({ tasks: str(p.tasks), from: isoToDateInput(p.from) }),
  Fields: ({ values, set, error, id }) => (
    <>
      <TextArea id={id("tasks")} label="Uppdraget" rows={4} value={values.tasks} onChange={(v) => set({ tasks: v })} error={error("tasks")} />
      <TextField id={id("from")} type="date" label="Startdatum" value={values.from} onChange={(v) => set({ from: v })} error={error("from")} />
    </>
  ),
});
