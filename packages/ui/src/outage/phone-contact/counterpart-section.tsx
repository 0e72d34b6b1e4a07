"use client";
import { FieldGroup, Radios, SelectField, TextField, type Option } from "../../kit/fields";
import { OTHER_UNIT, type PhoneDraft, type SectionProps } from "./draft";

/**
 * "Vem talade du med?": another unit (one of the case's parties, or any unit by name) or the
 * patient, in a follow-up call.
 */
export function CounterpartSection({
  draft,
  set,
  error,
  id,
  chosenCase,
  partyOptions,
  partiesPending,
}: SectionProps & {
  /** The case chosen on the form, if any: its parties are offered as the other unit. */
  chosenCase: string | null;
  partyOptions: Option[];
  partiesPending: boolean;
}) {
  return (
    <FieldGroup id={id("motpart")} legend="Vem talade du med?">
      <Radios
        id={id("counterpartKind")}
        legend="Motpart"
        inline
        value={draft.counterpartKind}
        onChange={(v) => set({ counterpartKind: v as PhoneDraft["counterpartKind"] })}
        options={[
          { value: "enhet", label: "En annan enhet" },
          { value: "patient", label: "Patienten (uppföljningssamtal)" },
        ]}
        error={error("counterpartKind")}
      />
      {draft.counterpartKind === "enhet" ? (
        <>
          <TextField
            id={id("counterpartName")}
            label="Namn på den du talade med"
            autoComplete="off"
            value={draft.counterpartName}
            onChange={(v) => set({ counterpartName: v })}
            error={error("counterpartName")}
          />
          {chosenCase ? (
            <SelectField
              id={id("unitChoice")}
              label="Den andra partens enhet"
              value={draft.unitChoice}
              onChange={(v) => set({ unitChoice: v })}
              options={[...partyOptions, { value: OTHER_UNIT, label: "Annan enhet (skriv namnet)" }]}
              placeholder={partiesPending ? "Hämtar ärendets parter …" : "Välj enhet"}
              error={error("unitChoice")}
            />
          ) : null}
          {!chosenCase || draft.unitChoice === OTHER_UNIT ? (
            <TextField
              id={id("counterpartUnitText")}
              label="Den andra partens enhet"
              hint="T.ex. Biståndsenheten Eskilstuna."
              value={draft.counterpartUnitText}
              onChange={(v) => set({ counterpartUnitText: v })}
              error={error("counterpartUnitText") ?? error("counterpartUnitId")}
            />
          ) : null}
        </>
      ) : (
        <TextField
          id={id("counterpartName")}
          label="Namn (om någon annan än patienten svarade)"
          optional
          value={draft.counterpartName}
          onChange={(v) => set({ counterpartName: v })}
          error={error("counterpartName")}
        />
      )}
    </FieldGroup>
  );
}
