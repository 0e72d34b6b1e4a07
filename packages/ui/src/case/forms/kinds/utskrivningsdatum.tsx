"use client";
import { Checkbox, TextField } from "../../../kit/fields";
import { localInputToIso, toLocalInput } from "../../../kit/format";
import { defineKind, isoToLocalInput } from "../spec";

type V = { dischargeAt: string; transportBooked: boolean };

/** Utskrivningsdatum: the agreed time of going home, and whether transport is booked. */
export const utskrivningsdatumForm = defineKind<V>({
  initial: (view) => ({
    dischargeAt: view.plannedDischargeAt ? toLocalInput(view.plannedDischargeAt) : "",
    transportBooked: false,
  }),
  toPayload: (v) => ({
    dischargeAt: localInputToIso(v.dischargeAt),
    transportBooked: v.transportBooked,
  }),
  fromPayload: (p) => ({
    dischargeAt: isoToLocalInput(p.dischargeAt),
    transportBooked: p.transportBooked === true,
  }),
  Fields: ({ values, set, error, id }) => (
    <>
      <TextField
        id={id("dischargeAt")}
        type="datetime-local"
        label="Utskrivningstid"
        hint="Datum och klockslag (svensk tid)"
        value={values.dischargeAt}
        onChange={(v) => set({ dischargeAt: v })}
        error={error("dischargeAt")}
      />
      <Checkbox id={id("transportBooked")} label="Transport är bokad" checked={values.transportBooked} onChange={(v) => set({ transportBooked: v })} />
    </>
  ),
});
