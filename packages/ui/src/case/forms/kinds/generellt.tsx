"use client";
import { TextArea, TextField } from "../../../kit/fields";
import { defineKind, str } from "../spec";

type V = { subject: string; text: string };

/** Generellt meddelande: a subject and a text, to chosen parties, at any time. */
export const generelltForm = defineKind<V>({
  initial: () => ({ subject: "", text: "" }),
  toPayload: (v) => ({ subject: v.subject, text: v.text }),
  fromPayload: (p) => ({ subject: str(p.subject), text: str(p.text) }),
  freeText: false,
  Fields: ({ values, set, error, id }) => (
    <>
      <TextField id={id("subject")} label="Ämne" value={values.subject} onChange={(v) => set({ subject: v })} error={error("subject")} />
      <TextArea id={id("text")} label="Meddelande" rows={5} value={values.text} onChange={(v) => set({ text: v })} error={error("text")} />
    </>
  ),
});
