"use client";
import { TextField } from "../../../kit/fields";
import { localInputToIso, toLocalInput } from "../../../kit/format";
import { defineKind, isoToLocalInput, str } from "../spec";

type V = { decidedAt: string; decidedBy: string };

/** Utskrivningsklar: a physician's decision; the ward records who decided and when. Starts the payment clock. */
export const utskrivningsklarForm = defineKind<V>({
  initial: () => ({ decidedAt: toLocalInput(new Date()), decidedBy: "" }),
  toPayload: (v) => ({
    decidedAt: localInputToIso(v.decidedAt),
    decidedBy: v.decidedBy,
  }),
  fromPayload: (p) => ({
    decidedAt: isoToLocalInput(p.decidedAt),
    decidedBy: str(p.decidedBy),
  }),
  submitLabel: "Skicka utskrivningsklar",
  Fields: ({ values, set, error, id }) => (
    <>
      <TextField id={id("decidedBy")} label="Beslutande läkare" value={values.decidedBy} onChange={(v) => set({ decidedBy: v })} error={error("decidedBy")} />
      <TextField
        id={id("decidedAt")}
        type="datetime-local"
        label="Beslutstid"
        hint="Datum och klockslag (svensk tid)"
        value={values.decidedAt}
        onChange={(v) => set({ decidedAt: v })}
        error={error("decidedAt")}
      />
    </>
  ),
});
