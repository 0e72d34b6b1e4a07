"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../trpc/react";
import { CURRENT_SERVICE_KINDS, CURRENT_SERVICE_LABELS } from "@vardkedjan/domain/case/structured-content";
import { Checkbox, Radios, SelectField, TextArea, TextField, YES_NO, yesNo } from "../../../kit/fields";
import { defineKind, str, yn } from "../spec";
import { appendText, CheckboxSet, optionsOf, PhraseTemplateInsert } from "./structured-parts";

type V = {
  services: string[];
  noServices: boolean;
  currentServices: string;
  knownToUnit: string;
  contactName: string;
  contactPhone: string;
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

/** Svar på inskrivning: current services (ticked), known to the unit, a named contact and (öppenvård) the fast vårdkontakt. */
export const svarPaInskrivningForm = defineKind<V>({
  initial: () => ({
    services: [],
    noServices: false,
    currentServices: "",
    knownToUnit: "",
    contactName: "",
    contactPhone: "",
    fixedCareContactStaffId: "",
  }),
  toPayload: (v) => ({
    // An after-registration item sends only part of the form's values: a missing list is an empty one.
    services: (v.services ?? []).length > 0 ? v.services : undefined,
    noServices: v.noServices || undefined,
    currentServices: v.currentServices,
    knownToUnit: yesNo(v.knownToUnit),
    contactName: v.contactName,
    contactPhone: v.contactPhone,
    fixedCareContactStaffId: v.fixedCareContactStaffId || undefined,
  }),
  fromPayload: (p) => ({
    services: Array.isArray(p.services) ? p.services.filter((x): x is string => typeof x === "string") : [],
    noServices: p.noServices === true,
    currentServices: str(p.currentServices),
    knownToUnit: yn(p.knownToUnit),
    contactName: str(p.contactName),
    contactPhone: str(p.contactPhone),
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
        <CheckboxSet
          id={id("services")}
          legend="Aktuella insatser"
          hint="Det patienten har i dag, före inskrivningen."
          options={optionsOf(CURRENT_SERVICE_KINDS, CURRENT_SERVICE_LABELS)}
          value={values.services}
          onChange={(v) => set({ services: v, noServices: v.length > 0 ? false : values.noServices })}
          error={error("services")}
        />
        <Checkbox
          id={id("noServices")}
          label="Inga insatser"
          checked={values.noServices}
          onChange={(v) => set({ noServices: v, services: v ? [] : values.services })}
        />
        <TextArea
          id={id("currentServices")}
          label="Om insatserna"
          optional
          hint="Till exempel hur ofta hemtjänsten kommer."
          value={values.currentServices}
          onChange={(v) => set({ currentServices: v })}
          error={error("currentServices")}
        />
        <PhraseTemplateInsert id={id("currentServices-template")} onInsert={(t) => set({ currentServices: appendText(values.currentServices, t) })} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            id={id("contactName")}
            label="Kontaktperson hos er"
            optional
            hint="Den avdelningen kan fråga om patienten."
            value={values.contactName}
            onChange={(v) => set({ contactName: v })}
            error={error("contactName")}
          />
          <TextField
            id={id("contactPhone")}
            label="Kontaktpersonens telefon"
            optional
            value={values.contactPhone}
            onChange={(v) => set({ contactPhone: v })}
            error={error("contactPhone")}
          />
        </div>
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
