"use client";
import { Checkbox, TextArea, TextField } from "../../../kit/fields";
import { localInputToIso, toLocalInput } from "../../../kit/format";
import { defineKind, isoToLocalInput, latestPayload, str } from "../spec";
import { appendText, MedicationRows, medicationPayload, medicationRows, PhraseTemplateInsert, type MedicationRow } from "./structured-parts";

type V = {
  dischargedAt: string;
  dischargePlan: string;
  medications: MedicationRow[];
  noMedications: boolean;
  medicationList: string;
  aidsReturned: string;
  stayAddress: string;
};

/** Utskrivningsmeddelande with the utskrivningsplan and the current medication list (discharge day). */
export const utskrivningsmeddelandeForm = defineKind<V>({
  initial: (view) => ({
    dischargedAt: toLocalInput(view.plannedDischargeAt && view.plannedDischargeAt.getTime() < Date.now() ? view.plannedDischargeAt : new Date()),
    dischargePlan: "",
    // The medicines of the current planning basis, to check and correct rather than type again.
    medications: medicationRows(latestPayload(view, "planeringsunderlag")?.medications),
    noMedications: false,
    medicationList: "",
    aidsReturned: "",
    stayAddress: "",
  }),
  toPayload: (v) => ({
    dischargedAt: localInputToIso(v.dischargedAt),
    dischargePlan: v.dischargePlan,
    // An after-registration item sends only part of the form's values: a missing list is an empty one.
    medications: v.noMedications ? undefined : medicationPayload(v.medications ?? []),
    noMedications: v.noMedications || undefined,
    medicationList: v.medicationList,
    aidsReturned: v.aidsReturned,
    stayAddress: v.stayAddress,
  }),
  fromPayload: (p) => ({
    dischargedAt: isoToLocalInput(p.dischargedAt),
    dischargePlan: str(p.dischargePlan),
    medications: medicationRows(p.medications),
    noMedications: p.noMedications === true,
    medicationList: str(p.medicationList),
    aidsReturned: str(p.aidsReturned),
    stayAddress: str(p.stayAddress),
  }),
  submitLabel: "Skicka utskrivningsmeddelande",
  Fields: ({ values, set, error, id }) => (
    <>
      <TextField
        id={id("dischargedAt")}
        type="datetime-local"
        label="Utskrivningstid"
        hint="Datum och klockslag (svensk tid)"
        value={values.dischargedAt}
        onChange={(v) => set({ dischargedAt: v })}
        error={error("dischargedAt")}
      />
      <TextArea
        id={id("dischargePlan")}
        label="Utskrivningsplan"
        rows={5}
        value={values.dischargePlan}
        onChange={(v) => set({ dischargePlan: v })}
        error={error("dischargePlan")}
      />
      <PhraseTemplateInsert id={id("dischargePlan-template")} onInsert={(t) => set({ dischargePlan: appendText(values.dischargePlan, t) })} />
      <Checkbox id={id("noMedications")} label="Patienten har inga läkemedel" checked={values.noMedications} onChange={(v) => set({ noMedications: v })} />
      {values.noMedications ? null : (
        <MedicationRows id={id("medications")} rows={values.medications} onChange={(rows) => set({ medications: rows })} error={error} />
      )}
      <TextArea
        id={id("medicationList")}
        label="Övrigt om läkemedlen"
        optional
        hint="Till exempel läkemedel som följer med hem, eller ändringar under vårdtiden."
        rows={3}
        value={values.medicationList}
        onChange={(v) => set({ medicationList: v })}
        error={error("medicationList")}
      />
      <TextArea
        id={id("aidsReturned")}
        label="Hjälpmedel och läkemedel som följer med patienten"
        optional
        value={values.aidsReturned}
        onChange={(v) => set({ aidsReturned: v })}
        error={error("aidsReturned")}
      />
      <TextField
        id={id("stayAddress")}
        label="Vistelseadress"
        optional
        hint="Om patienten inte går hem till folkbokföringsadressen"
        value={values.stayAddress}
        onChange={(v) => set({ stayAddress: v })}
        error={error("stayAddress")}
      />
    </>
  ),
});
