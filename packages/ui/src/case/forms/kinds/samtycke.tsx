"use client";
import { CONSENT_KINDS, CONSENT_REPRESENTATIVE_KINDS, type ConsentKind, type ConsentRepresentativeKind } from "@vardkedjan/domain/case/types";
import { CONSENT_KIND_LABELS, CONSENT_REPRESENTATIVE_LABELS } from "@vardkedjan/domain/case/labels";
import { CONSENT_STATE_LABELS, MUNICIPALITY_HOLDABLE_CONSENTS, representativeMayDecide } from "@vardkedjan/domain/case/consent";
import { Checkbox, FieldGroup, Radios, TextArea, TextField } from "../../../kit/fields";
import { formatDateTime } from "../../../kit/format";
import type { CaseView } from "../../types";
import { defineKind, str } from "../spec";

type Choice = "" | "given" | "refused" | "unable";
type AnsweredBy = "patient" | ConsentRepresentativeKind;

type V = {
  choices: Partial<Record<ConsentKind, Choice>>;
  /** What is recorded now (the form opens with it): only what changes is sent. */
  recorded: Partial<Record<ConsentKind, Choice>>;
  answeredBy: AnsweredBy;
  representativeName: string;
  /** The representative recorded now, "kind:name", to tell whether it changed. */
  recordedRepresentative: string;
  alreadyHolds: ConsentKind[];
  source: string;
  documentedNote: string;
};

const KOMMUN_SIDE = ["kommun", "hemsjukvard", "hemtjanst"];
const CHOICES: Choice[] = ["given", "refused", "unable"];

/** The ward's recorded decisions (not the kommun's statements of consents it holds), as the form's choices. */
function recordedChoices(view: CaseView): Partial<Record<ConsentKind, Choice>> {
  const out: Partial<Record<ConsentKind, Choice>> = {};
  for (const c of view.consent) if (c.state !== "none" && c.source !== "befintligt") out[c.kind] = c.state;
  return out;
}

function recordedRepresentative(view: CaseView) {
  return view.consent.find((c) => c.representative && c.source !== "befintligt")?.representative ?? null;
}

/**
 * Samtycke: the ward records where the patient stands on each consent (or that the patient cannot
 * take a position), and who answered when a representative did; the kommun states the consents it
 * already holds. The form opens with what is recorded, and sends only what changes.
 */
export const samtyckeForm = defineKind<V>({
  initial: (view) => {
    const rep = recordedRepresentative(view);
    const recorded = recordedChoices(view);
    return {
      choices: { ...recorded },
      recorded,
      answeredBy: rep?.kind ?? "patient",
      representativeName: rep?.name ?? "",
      recordedRepresentative: rep ? `${rep.kind}:${rep.name}` : "",
      alreadyHolds: view.consent.filter((c) => c.source === "befintligt" && c.state === "given").map((c) => c.kind),
      source: "patient",
      documentedNote: "",
    };
  },
  toPayload: (v) => {
    const representative = v.answeredBy === "patient" ? undefined : { kind: v.answeredBy, name: v.representativeName.trim() };
    const repChanged = (representative ? `${representative.kind}:${representative.name}` : "") !== v.recordedRepresentative;
    const changed = (k: ConsentKind) => v.choices[k] !== v.recorded[k] || (repChanged && v.choices[k] !== "unable");
    return {
      consents: CONSENT_KINDS.filter((k) => v.choices[k] && changed(k)).map((k) => ({
        kind: k,
        given: v.choices[k] === "given",
        ...(v.choices[k] === "unable" ? { unable: true } : {}),
      })),
      municipalityAlreadyHolds: v.alreadyHolds.length > 0 ? v.alreadyHolds : undefined,
      source: v.source || undefined,
      representative,
      documentedNote: str(v.documentedNote),
    };
  },
  fromPayload: (p) => {
    const choices: V["choices"] = {};
    for (const c of Array.isArray(p.consents) ? p.consents : []) {
      const { kind, given, unable } = (c ?? {}) as { kind?: unknown; given?: unknown; unable?: unknown };
      if (!CONSENT_KINDS.includes(kind as ConsentKind) || typeof given !== "boolean") continue;
      choices[kind as ConsentKind] = unable === true ? "unable" : given ? "given" : "refused";
    }
    const rep = (p.representative ?? null) as { kind?: unknown; name?: unknown } | null;
    const repKind = CONSENT_REPRESENTATIVE_KINDS.find((k) => k === rep?.kind);
    return {
      choices,
      recorded: {},
      answeredBy: repKind ?? "patient",
      representativeName: repKind ? str(rep?.name) : "",
      recordedRepresentative: "",
      alreadyHolds: (Array.isArray(p.municipalityAlreadyHolds) ? p.municipalityAlreadyHolds : []).filter((k): k is ConsentKind =>
        CONSENT_KINDS.includes(k as ConsentKind),
      ),
      source: str(p.source),
      documentedNote: str(p.documentedNote),
    };
  },
  submitLabel: "Spara samtycke",
  // One text, saved with the consent: no separate free text beside the form.
  freeText: false,
  Fields: ({ values, set, error, errorsUnder, id, view }) => {
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
    const byRepresentative = values.answeredBy !== "patient";
    const now = new Map(view.consent.map((c) => [c.kind, c]));
    return (
      <>
        <Radios
          id={id("answeredBy")}
          legend="Vem tar ställning?"
          hint="Kan patienten inte ta ställning kan en företrädare göra det, om förordnandet eller fullmakten omfattar det. Läsning i NPÖ kräver alltid patientens eget samtycke."
          value={values.answeredBy}
          onChange={(v) => set({ answeredBy: v as AnsweredBy })}
          options={[
            { value: "patient", label: "Patienten själv" },
            ...CONSENT_REPRESENTATIVE_KINDS.map((k) => ({ value: k, label: CONSENT_REPRESENTATIVE_LABELS[k] })),
          ]}
        />
        {byRepresentative ? (
          <TextField
            id={id("representative-name")}
            label="Företrädarens namn"
            value={values.representativeName}
            onChange={(v) => set({ representativeName: v })}
            error={error("representative.name") ?? error("representative")}
          />
        ) : null}
        <FieldGroup
          id={id("consents")}
          legend="Patientens samtycken"
          hint="Ange det som patienten (eller företrädaren) har tagit ställning till. Det som redan är registrerat är förifyllt; bara ändringar sparas."
          error={error("consents")}
        >
          {CONSENT_KINDS.map((k, i) => {
            const current = now.get(k);
            const registered =
              current && current.state !== "none" ? `Nu registrerat: ${CONSENT_STATE_LABELS[current.state].toLowerCase()}` : "Inget registrerat";
            const when = current?.documentedAt
              ? ` (${formatDateTime(current.documentedAt)}${current.source === "befintligt" ? ", uppgett av kommunen" : ""})`
              : "";
            return (
              <Radios
                key={k}
                id={`${id("consent")}-${k}`}
                legend={CONSENT_KIND_LABELS[k]}
                hint={`${registered}${when}.${byRepresentative && !representativeMayDecide(k) ? " En företrädare kan inte samtycka till detta." : ""}`}
                error={errorsUnder(`consents.${i}`)[0]?.message}
                inline
                value={values.choices[k] ?? ""}
                onChange={(v) => set({ choices: { ...values.choices, [k]: v as Choice } })}
                options={CHOICES.map((c) => ({ value: c, label: CONSENT_STATE_LABELS[c as Exclude<Choice, "">] }))}
              />
            );
          })}
        </FieldGroup>
        <Radios
          id={id("source")}
          legend="Hur samtycket lämnades"
          inline
          value={values.source}
          onChange={(v) => set({ source: v })}
          options={[
            { value: "patient", label: "På avdelningen" },
            { value: "telefon", label: "Per telefon (driftstörning)" },
          ]}
        />
        <TextArea
          id={id("documentedNote")}
          label="Kommentar om samtycket"
          hint="Till exempel hur patienten informerades, vad förordnandet eller fullmakten omfattar, eller om samtycket är begränsat. Sparas med samtycket; parter utan samtycke ser den inte."
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
