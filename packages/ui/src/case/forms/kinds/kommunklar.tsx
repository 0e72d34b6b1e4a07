"use client";
import { TextArea } from "../../../kit/fields";
import { defineKind, str } from "../spec";

type V = { comment: string };

/** Kommunklar / redo att ta emot: the receiving party is ready for the patient to come home. */
export const kommunklarForm = defineKind<V>({
  initial: () => ({ comment: "" }),
  toPayload: (v) => ({ ready: true, comment: v.comment }),
  fromPayload: (p) => ({ comment: str(p.comment) }),
  submitLabel: "Meddela redo att ta emot",
  Fields: ({ values, set, error, id }) => (
    <>
      <p className="mb-3">Ni meddelar avdelningen att er enhet är redo att ta emot patienten.</p>
      <TextArea id={id("comment")} label="Kommentar" optional value={values.comment} onChange={(v) => set({ comment: v })} error={error("comment")} />
    </>
  ),
  freeText: false,
});
