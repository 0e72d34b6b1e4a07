"use client";
import { forwardRef } from "react";
import Link from "next/link";
import { REGISTER_UNCHECKED_LABEL } from "@vardkedjan/domain/patient/register-labels";
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
        {prep.person ? prep.person.name : prep.register === "unavailable" ? "Folkbokföringen svarar inte" : "Finns inte i folkbokföringen"}
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
      {!prep.person ? (
        <div className="mt-3 rounded border border-warn bg-warn-bg p-3 text-warn" role="alert">
          <p className="font-semibold">
            {prep.register === "unavailable"
              ? "Folkbokföringen svarar inte just nu."
              : prep.kind === "reservnummer"
                ? "Reservnumret finns inte i registret."
                : "Personen finns inte i folkbokföringen."}
          </p>
          <p>
            Kontrollera numret med patienten. Stämmer det kan du ändå skriva in patienten: registrera namn och adress för hand nedan. Patienten märks &quot;
            {REGISTER_UNCHECKED_LABEL}&quot; tills registret har bekräftat uppgifterna.
          </p>
        </div>
      ) : null}
      {prep.onFile ? (
        <p className="mt-3 rounded border border-warn bg-warn-bg p-3 text-warn">
          Folkbokföringen svarar inte just nu. Uppgifterna ovan är de vi sedan tidigare har om patienten.
        </p>
      ) : null}
      {prep.reconciledDifferences ? (
        <div className="mt-3 rounded border border-line bg-brand-50 p-3" role="status">
          <p className="font-semibold">Uppgifterna är nu kontrollerade mot folkbokföringen.</p>
          {prep.reconciledDifferences.length > 0 ? (
            <>
              <p>Folkbokföringen hade andra uppgifter än de som registrerades för hand:</p>
              <ul className="list-disc pl-5">
                {prep.reconciledDifferences.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Uppgifterna stämde med det som registrerades för hand.</p>
          )}
        </div>
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
