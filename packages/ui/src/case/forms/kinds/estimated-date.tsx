"use client";
import { TextField } from "../../../kit/fields";
import { formatDate } from "../../../kit/format";
import { defineKind, isoToDateInput } from "../spec";

type V = { estimatedDischargeDate: string };

/** Inskrivningsmeddelande and Ändrat beräknat utskrivningsdatum: the estimated discharge date. */
export const estimatedDateForm = defineKind<V>({
  initial: (view) => ({
    estimatedDischargeDate: view.estimatedDischargeDate ?? "",
  }),
  toPayload: (v) => ({
    estimatedDischargeDate: v.estimatedDischargeDate || undefined,
  }),
  fromPayload: (p) => ({
    estimatedDischargeDate: isoToDateInput(p.estimatedDischargeDate),
  }),
  Fields: ({ values, set, error, id, view }) => (
    <TextField
      id={id("estimatedDischargeDate")}
      type="date"
      label="Beräknat utskrivningsdatum"
      hint={view.estimatedDischargeDate ? `Nuvarande: ${formatDate(view.estimatedDischargeDate)}` : undefined}
      value={values.estimatedDischargeDate}
      onChange={(v) => set({ estimatedDischargeDate: v })}
      error={error("estimatedDischargeDate")}
    />
  ),
});
