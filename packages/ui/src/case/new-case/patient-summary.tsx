"use client";
import { forwardRef } from "react";
import Link from "next/link";
import type { NewCasePreparation } from "../types";

const KIND_LABELS: Record<NewCasePreparation["kind"], string> = {
  personnummer: "Personnummer",
  samordningsnummer: "Samordningsnummer",
  reservnummer: "Reservnummer",
};

/** What the register said about the patient, and any case the patient already has. */
export const PatientSummary = forwardRef<HTMLDivElement, { prep: NewCasePreparation }>(function PatientSummary({ prep }, ref) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="mb-6 rounded border border-line bg-white p-4"
      aria-labelledby="hittad-rubrik"
      role="region"
      data-testid="patient-summary"
    >
      <h2 id="hittad-rubrik" className="mb-2 text-lg font-semibold">
        {prep.person ? prep.person.name : "Finns inte i folkbokföringen"}
      </h2>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">{KIND_LABELS[prep.kind]}</dt>
        <dd>{prep.identifier}</dd>
        {prep.person ? (
          <>
            <dt className="text-muted">Folkbokföringsadress</dt>
            <dd>{prep.person.protectedIdentity ? <strong>Skyddad identitet – adress visas inte</strong> : (prep.person.address ?? "Adress saknas")}</dd>
          </>
        ) : null}
      </dl>
      {!prep.person && prep.kind !== "reservnummer" ? (
        <p className="mt-3 rounded border border-danger bg-danger-bg p-3 text-danger" role="alert">
          Hittade ingen person med det numret i folkbokföringen. Kontrollera numret.
        </p>
      ) : null}
      {!prep.person && prep.kind === "reservnummer" ? (
        <p className="mt-3 rounded border border-warn bg-warn-bg p-3 text-warn">Reservnumret finns inte i registret. Ange patientens namn nedan.</p>
      ) : null}
      {prep.openCase ? (
        <p className="mt-3 rounded border border-warn bg-warn-bg p-3 text-warn" role="alert">
          Patienten har redan ett pågående samordningsärende:{" "}
          <Link href={`/arenden/${prep.openCase.id}`} className="font-semibold text-warn">
            öppna ärende {prep.openCase.reference}
          </Link>
          . Avsluta det innan ett nytt startas.
        </p>
      ) : prep.openCaseElsewhere ? (
        <p className="mt-3 rounded border border-warn bg-warn-bg p-3 text-warn" role="alert">
          {prep.openCaseElsewhere}
        </p>
      ) : prep.previousCaseReference ? (
        <p className="mt-3 rounded border border-line bg-brand-50 p-3">Återinskrivning – tidigare ärende {prep.previousCaseReference}</p>
      ) : null}
    </div>
  );
});
