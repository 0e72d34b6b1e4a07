"use client";
import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/react";
import { FieldGroup, Radios, SelectField, TextField } from "../../kit/fields";
import type { PhoneDraft, SectionProps } from "./draft";

/**
 * "Patient": one of the unit's open cases (filtered here in the browser), or a personnummer for a
 * patient without a case (a provisional case is opened when the call is logged).
 */
export function PatientSection({ draft, set, error, id }: SectionProps) {
  const trpc = useTRPC();
  const cases = useQuery(trpc.case.list.queryOptions({ pageSize: 200, includeClosed: false }, { staleTime: 60_000 }));
  const [caseFilter, setCaseFilter] = useState("");
  const caseOptions = useMemo(() => {
    const rows = cases.data?.rows ?? [];
    const q = caseFilter.trim().toLowerCase().replace(/[\s-]/g, "");
    return rows
      .filter((r) => r.caseId === draft.caseId || !q || `${r.patientName}${r.patientIdentifier}${r.reference}`.toLowerCase().replace(/[\s-]/g, "").includes(q))
      .map((r) => ({ value: r.caseId, label: `${r.patientName}, ${r.patientIdentifier} · ${r.reference}` }));
  }, [cases.data, caseFilter, draft.caseId]);

  return (
    <FieldGroup id={id("patient")} legend="Patient">
      <Radios
        id={id("patientMode")}
        legend="Välj patient"
        inline
        value={draft.patientMode}
        onChange={(v) => set({ patientMode: v as PhoneDraft["patientMode"], unitChoice: "" })}
        options={[
          { value: "arende", label: "Ur min enhets ärenden" },
          { value: "personnummer", label: "Patient utan ärende (personnummer)" },
        ]}
      />
      {draft.patientMode === "arende" ? (
        <>
          <TextField
            id={id("caseFilter")}
            label="Sök bland ärendena"
            hint="Namn, personnummer eller ärendenummer. Sökningen görs här i webbläsaren."
            optional
            value={caseFilter}
            onChange={setCaseFilter}
          />
          <SelectField
            id={id("caseId")}
            label="Ärende"
            value={draft.caseId}
            onChange={(v) => set({ caseId: v, unitChoice: "" })}
            options={caseOptions}
            placeholder={cases.isPending ? "Hämtar ärenden …" : caseOptions.length ? "Välj ärende" : "Inga ärenden att välja"}
            error={error("caseId")}
          />
        </>
      ) : (
        <TextField
          id={id("patientIdentifier")}
          label="Personnummer, samordningsnummer eller reservnummer"
          hint="ÅÅÅÅMMDD-NNNN. Har patienten inget ärende öppnar avdelningen ett provisoriskt ärende när samtalet loggas."
          inputMode="numeric"
          value={draft.patientIdentifier}
          onChange={(v) => set({ patientIdentifier: v })}
          error={error("patientIdentifier")}
        />
      )}
    </FieldGroup>
  );
}
