"use client";
import { TextArea } from "../../../kit/fields";
import { defineKind, str } from "../spec";

type V = { reason: string };

/** Inte längre utskrivningsklar: the physician's assessment has changed. */
export const ejUtskrivningsklarForm = defineKind<V>({
  initial: () => ({ reason: "" }),
  toPayload: (v) => ({ reason: v.reason }),
  fromPayload: (p) => ({ reason: str(p.reason) }),
  Fields: ({ values, set, error, id }) => (
    <TextArea id={id("reason")} label="Orsak" value={values.reason} onChange={(v) => set({ reason: v })} error={error("reason")} />
  ),
});
