"use client";
import { useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/react";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_PRIMARY, TextField } from "../../kit/fields";
import { isLoginProblem } from "../../kit/call-error";
import type { NewCasePreparation } from "../types";
import { PatientSummary } from "./patient-summary";
import { CaseDetailsForm } from "./case-details-form";
import { TrainingSearch } from "./training-search";

/**
 * Ny samordning (ward): look the patient up (a POST, so the personnummer never lands in a URL),
 * then the case's details and parties, then "Skapa ärende".
 */
export function NewCasePage() {
  const trpc = useTRPC();
  const [identifier, setIdentifier] = useState("");
  const [prep, setPrep] = useState<NewCasePreparation | null>(null);
  const [lookupError, setLookupError] = useState<CallError | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLDivElement>(null);

  const prepare = useMutation(trpc.case.prepare.mutationOptions());
  const lookup = () =>
    prepare.mutate(
      { identifier: identifier.trim() },
      {
        onSuccess: (data) => {
          setPrep(data);
          setLookupError(null);
          requestAnimationFrame(() => resultRef.current?.focus());
        },
        onError: (e) => {
          setPrep(null);
          setLookupError(callError(e));
          requestAnimationFrame(() => fieldRef.current?.querySelector("input")?.focus());
        },
      },
    );

  const inlineError = lookupError && !isLoginProblem(lookupError) && lookupError.appCode !== "STALE_CONTEXT" ? lookupError.message : undefined;

  return (
    <section aria-labelledby="ny-rubrik">
      <h1 id="ny-rubrik" className="mb-4 text-2xl font-semibold">
        Ny samordning
      </h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!identifier.trim()) {
            setLookupError({
              message: "Ange patientens personnummer, samordningsnummer eller reservnummer.",
              appCode: "INVALID_INPUT",
              fieldErrors: [],
            });
            return;
          }
          if (!prepare.isPending) lookup();
        }}
        className="mb-6 rounded border border-line bg-white p-4"
        aria-labelledby="patient-rubrik"
      >
        <h2 id="patient-rubrik" className="mb-3 text-lg font-semibold">
          1. Patient
        </h2>
        <div className="flex flex-wrap items-end gap-3">
          <div ref={fieldRef} className="min-w-64 flex-1">
            <TextField
              id="personnummer"
              label="Personnummer"
              hint="12 siffror (ÅÅÅÅMMDD-NNNN), samordningsnummer eller reservnummer"
              value={identifier}
              onChange={(v) => {
                setIdentifier(v);
                if (prep) setPrep(null);
              }}
              error={inlineError}
              inputMode="text"
              className="mb-0"
            />
          </div>
          <button type="submit" className={BUTTON_PRIMARY} disabled={prepare.isPending} aria-describedby="hamta-status">
            {prepare.isPending ? "Hämtar …" : "Hämta"}
          </button>
        </div>
        <p id="hamta-status" className="sr-only" role="status">
          {prepare.isPending ? "Hämtar patientens uppgifter" : ""}
        </p>
        {lookupError && !inlineError ? (
          <div className="mt-3">
            <ErrorNotice error={lookupError} where="form" />
          </div>
        ) : null}
      </form>

      <TrainingSearch
        onPick={(id) => {
          setIdentifier(id);
          setPrep(null);
          prepare.mutate(
            { identifier: id },
            {
              onSuccess: (data) => {
                setPrep(data);
                setLookupError(null);
                requestAnimationFrame(() => resultRef.current?.focus());
              },
              onError: (e) => setLookupError(callError(e)),
            },
          );
        }}
      />

      {prep ? (
        <>
          <PatientSummary ref={resultRef} prep={prep} />
          {prep.openCase || prep.openCaseElsewhere ? null : <CaseDetailsForm key={prep.identifier} prep={prep} />}
        </>
      ) : null}
    </section>
  );
}
