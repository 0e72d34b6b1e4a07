"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../trpc/react";
import { Radios, SelectField, TextArea, YES_NO, yesNo } from "../../../kit/fields";
import { defineKind, str, yn } from "../spec";

type V = {
  currentServices: string;
  knownToUnit: string;
  fixedCareContactStaffId: string;
};

const OUTPATIENT = ["vardcentral", "psykiatrisk_oppenvard"];

/**
 * The fast vårdkontakt: a person with a commission at the viewer's unit, offered by the API for the
 * case (also used when the answer is registered after an outage).
 */
export function FixedCareContactSelect({
  id,
  caseId,
  value,
  onChange,
  error,
}: {
  id: string;
  /** null while the patient has no case: nothing is fetched. */
  caseId: string | null;
  value: string;
  onChange: (staffId: string) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const candidates = useQuery(trpc.case.fixedCareContacts.queryOptions({ caseId: caseId ?? "" }, { enabled: !!caseId, staleTime: 60_000 }));
  return (
    <SelectField
      id={id}
      label="Fast vårdkontakt"
      hint={candidates.isPending ? "Hämtar personer vid din enhet …" : "En person med uppdrag vid din enhet"}
      value={value}
      onChange={onChange}
      placeholder="Välj fast vårdkontakt"
      options={(candidates.data ?? []).map((c) => ({
        value: c.staffId,
        label: c.title ? `${c.name}, ${c.title}` : c.name,
      }))}
      error={error ?? (candidates.error ? "Kunde inte hämta personerna vid din enhet" : undefined)}
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
  Fields: ({ values, set, error, id, view }) => {
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
          <FixedCareContactSelect
            id={id("fixedCareContactStaffId")}
            caseId={view.id}
            value={values.fixedCareContactStaffId}
            onChange={(v) => set({ fixedCareContactStaffId: v })}
            error={error("fixedCareContactStaffId")}
          />
        ) : null}
      </>
    );
  },
});
