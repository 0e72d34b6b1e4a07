"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../trpc/react";
import { Radios, SelectField, TextArea, YES_NO, yesNo } from "../../../kit/fields";
import { defineKind, str, yn, type KindFieldsProps } from "../spec";

type V = {
  currentServices: string;
  knownToUnit: string;
  fixedCareContactStaffId: string;
};

const OUTPATIENT = ["vardcentral", "psykiatrisk_oppenvard"];

function FixedCareContact({
  values,
  set,
  error,
  id,
  view,
}: KindFieldsProps<V>) {
  const trpc = useTRPC();
  const candidates = useQuery(
    trpc.case.fixedCareContacts.queryOptions(
      { caseId: view.id },
      { staleTime: 60_000 },
    ),
  );
  return (
    <SelectField
      id={id("fixedCareContactStaffId")}
      label="Fast vårdkontakt"
      hint={
        candidates.isPending
          ? "Hämtar personer vid din enhet …"
          : "En person med uppdrag vid din enhet"
      }
      value={values.fixedCareContactStaffId}
      onChange={(v) => set({ fixedCareContactStaffId: v })}
      placeholder="Välj fast vårdkontakt"
      options={(candidates.data ?? []).map((c) => ({
        value: c.staffId,
        label: c.title ? `${c.name}, ${c.title}` : c.name,
      }))}
      error={
        error("fixedCareContactStaffId") ??
        (candidates.error
          ? "Kunde inte hämta personerna vid din enhet"
          : undefined)
      }
    />
  );
}

/** Svar på inskrivning: current services, known to the unit, and (öppenvård) the fast vårdkontakt. */
export const svarPaInskrivningForm = defineKind<V>({
  initial: () => ({
    currentServices: "",
    knownToUnit: "",
    fixedCareContactStaffId: "",
  }),
  toPayload: (v) => ({
    currentServices: v.currentServices,
    knownToUnit: yesNo(v.knownToUnit),
    fixedCareContactStaffId: v.fixedCareContactStaffId || undefined,
  }),
  fromPayload: (p) => ({
    currentServices: str(p.currentServices),
    knownToUnit: yn(p.knownToUnit),
    fixedCareContactStaffId: str(p.fixedCareContactStaffId),
  }),
  submitLabel: "Skicka svar",
  Fields: (props) => {
    const { values, set, error, id, view } = props;
    return (
      <>
        <Radios
          id={id("knownToUnit")}
          legend="Är patienten känd hos er enhet?"
          inline
          value={values.knownToUnit}
          onChange={(v) => set({ knownToUnit: v })}
          options={YES_NO}
          error={error("knownToUnit")}
        />
        <TextArea
          id={id("currentServices")}
          label="Aktuella insatser"
          hint="Skriv ”Inga insatser” om patienten inte har några."
          value={values.currentServices}
          onChange={(v) => set({ currentServices: v })}
          error={error("currentServices")}
        />
        {OUTPATIENT.includes(view.viewer.role) ? (
          <FixedCareContact {...props} />
        ) : null}
      </>
    );
  },
});
