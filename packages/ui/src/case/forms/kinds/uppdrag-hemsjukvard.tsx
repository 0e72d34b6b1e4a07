"use client";
import { TextArea, TextField } from "../../../kit/fields";
import { toDateInput } from "../../../kit/format";
import { BringInUnits } from "../bring-in-units";
import { defineKind, isoToDateInput, str } from "../spec";

type V = { tasks: string; from: string; bringInUnitIds: string[] };

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * Uppdrag hemsjukvård: the assignment to municipal home health care and its start date. The
 * patient's kommun's hemsjukvård is offered even before it is a party: it joins the case and gets
 * the assignment when it is sent.
 */
export const uppdragHemsjukvardForm = defineKind<V>({
  initial: () => ({ tasks: "", from: toDateInput(new Date()), bringInUnitIds: [] }),
  toPayload: (v) => ({ tasks: v.tasks, from: v.from || undefined, ...(v.bringInUnitIds.length > 0 ? { bringInUnitIds: v.bringInUnitIds } : {}) }),
  fromPayload: (p) => ({ tasks: str(p.tasks), from: isoToDateInput(p.from), bringInUnitIds: ids(p.bringInUnitIds) }),
  Fields: ({ values, set, error, errorsUnder, id, view }) => (
    <>
      <BringInUnits
        view={view}
        id={id("bringInUnitIds")}
        roles={["hemsjukvard"]}
        onlyCaseKommun
        legend="Hemsjukvård i patientens kommun"
        hint="Enheter som ännu inte är parter. De valda blir parter i ärendet och får uppdraget."
        value={values.bringInUnitIds}
        onChange={(v) => set({ bringInUnitIds: v })}
        error={errorsUnder("bringInUnitIds")[0]?.message}
      />
      <TextArea id={id("tasks")} label="Uppdraget" rows={4} value={values.tasks} onChange={(v) => set({ tasks: v })} error={error("tasks")} />
      <TextField id={id("from")} type="date" label="Startdatum" value={values.from} onChange={(v) => set({ from: v })} error={error("from")} />
    </>
  ),
});
