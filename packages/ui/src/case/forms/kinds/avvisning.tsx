"use client";
import { SelectField, TextArea } from "../../../kit/fields";
import { defineKind, str } from "../spec";

type V = { reason: string; text: string };

/** Avvisa: the patient is not folkbokförd here, or the notice reached the wrong unit. */
export const avvisningForm = defineKind<V>({
  initial: () => ({ reason: "", text: "" }),
  toPayload: (v) => ({ reason: v.reason || undefined, text: v.text }),
  fromPayload: (p) => ({ reason: str(p.reason), text: str(p.text) }),
  submitLabel: "Avvisa",
  Fields: ({ values, set, error, id, view }) => (
    <>
      <SelectField
        id={id("reason")}
        label="Skäl"
        value={values.reason}
        onChange={(v) => set({ reason: v })}
        placeholder="Välj skäl"
        options={[
          ...(["kommun", "hemsjukvard"].includes(view.viewer.role)
            ? [
                {
                  value: "ej_folkbokford",
                  label: "Patienten är inte folkbokförd i kommunen",
                },
              ]
            : []),
          { value: "fel_mottagare", label: "Fel mottagare" },
          { value: "annat", label: "Annat skäl" },
        ]}
        error={error("reason")}
      />
      <TextArea id={id("text")} label="Förklaring" value={values.text} onChange={(v) => set({ text: v })} error={error("text")} />
    </>
  ),
});
