"use client";
import { CONSENT_KINDS, type ConsentKind } from "@vardkedjan/domain/case/types";
import { CONSENT_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import { MUNICIPALITY_HOLDABLE_CONSENTS } from "@vardkedjan/domain/case/consent";
import { Checkbox, FieldGroup, Radios, TextArea } from "../../../kit/fields";
import { defineKind, str } from "../spec";

type V = {
  choices: Partial<Record<ConsentKind, "" | "given" | "refused">>;
  alreadyHolds: ConsentKind[];
  source: string;
  documentedNote: string;
};

const KOMMUN_SIDE = ["kommun", "hemsjukvard", "hemtjanst"];

/** Samtycke: the ward records the patient's consents; the kommun states those it already holds. */
export const samtyckeForm = defineKind<V>({
  initial: () => ({
    choices: {},
    alreadyHolds: [],
    source: "patient",
    documentedNote: "",
  }),
  toPayload: (v) => ({
    consents: CONSENT_KINDS.filter((k) => v.choices[k]).map((k) => ({
      kind: k,
      given: v.choices[k] === "given",
    })),
    municipalityAlreadyHolds: v.alreadyHolds.length > 0 ? v.alreadyHolds : undefined,
    source: v.source || undefined,
    documentedNote: str(v.documentedNote),
  }),
  fromPayload: (p) => {
    const choices: V["choices"] = {};
    for (const c of Array.isArray(p.consents) ? p.consents : []) {
      const { kind, given } = (c ?? {}) as { kind?: unknown; given?: unknown };
      if (CONSENT_KINDS.includes(kind as ConsentKind) && typeof given === "boolean") choices[kind as ConsentKind] = given ? "given" : "refused";
    }
    return {
      choices,
      alreadyHolds: (Array.isArray(p.municipalityAlreadyHolds) ? p.municipalityAlreadyHolds : []).filter((k): k is ConsentKind =>
        CONSENT_KINDS.includes(k as ConsentKind),
      ),
      source: str(p.source),
      documentedNote: str(p.documentedNote),
    };
  },
  submitLabel: "Spara samtycke",
  Fields: ({ values, set, error, id, view }) => {
    if (KOMMUN_SIDE.includes(view.viewer.role)) {
      return (
        <FieldGroup
          id={id("municipalityAlreadyHolds")}
          legend="Samtycken som kommunen redan har"
          hint="Ange bara samtycken som kommunen själv har fått av patienten. Ett nej som patienten har lämnat till avdelningen gäller tills patienten ändrar sig."
          error={error("municipalityAlreadyHolds") ?? error("consents")}
        >
          {MUNICIPALITY_HOLDABLE_CONSENTS.map((k) => (
            <Checkbox
              key={k}
              id={`${id("held")}-${k}`}
              label={CONSENT_KIND_LABELS[k]}
              checked={values.alreadyHolds.includes(k)}
              onChange={(on) =>
                set({
                  alreadyHolds: on ? [...values.alreadyHolds, k] : values.alreadyHolds.filter((x) => x !== k),
                })
              }
            />
          ))}
        </FieldGroup>
      );
    }
    return (
      <>
        <FieldGroup
          id={id("consents")}
          legend="Patientens samtycken"
          hint="Ange det patienten har tagit ställning till. Lämna tomt det som inte är efterfrågat."
          error={error("consents")}
        >
          {CONSENT_KINDS.map((k) => (
            <Radios
              key={k}
              id={`${id("consent")}-${k}`}
              legend={CONSENT_KIND_LABELS[k]}
              inline
              value={values.choices[k] ?? ""}
              onChange={(v) =>
                set({
                  choices: { ...values.choices, [k]: v as "given" | "refused" },
                })
              }
              options={[
                { value: "given", label: "Samtycker" },
                { value: "refused", label: "Samtycker inte" },
              ]}
            />
          ))}
        </FieldGroup>
        <Radios
          id={id("source")}
          legend="Hur samtycket lämnades"
          inline
          value={values.source}
          onChange={(v) => set({ source: v })}
          options={[
            { value: "patient", label: "Av patienten" },
            { value: "telefon", label: "Per telefon (driftstörning)" },
          ]}
        />
        <TextArea
          id={id("documentedNote")}
          label="Anteckning"
          optional
          value={values.documentedNote}
          onChange={(v) => set({ documentedNote: v })}
          error={error("documentedNote")}
          rows={2}
        />
      </>
    );
  },
});
