"use client";
import { TextArea, TextField } from "../../../kit/fields";
import { localInputToIso, toLocalInput } from "../../../kit/format";
import { defineKind, isoToLocalInput, str } from "../spec";

type V = {
  dischargedAt: string;
  dischargePlan: string;
  medicationList: string;
  aidsReturned: string;
  stayAddress: string;
};

/** Utskrivningsmeddelande with the utskrivningsplan and the current medication list (discharge day). */
export const utskrivningsmeddelandeForm = defineKind<V>({
  initial: (view) => ({
    dischargedAt: toLocalInput(view.plannedDischargeAt && view.plannedDischargeAt.getTime() < Date.now() ? view.plannedDischargeAt : new Date()),
    dischargePlan: "",
    medicationList: "",
    aidsReturned: "",
    stayAddress: "",
  }),
  toPayload: (v) => ({
    dischargedAt: localInputToIso(v.dischargedAt),
    dischargePlan: v.dischargePlan,
    medicationList: v.medicationList,
    aidsReturned: v.aidsReturned,
    stayAddress: v.stayAddress,
  }),
  fromPayload: (p) => ({
    dischargedAt: isoToLocalInput(p.dischargedAt),
    dischargePlan: str(p.dischargePlan),
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
      <TextArea
        id={id("medicationList")}
        label="Aktuell läkemedelslista"
        rows={4}
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
