"use client";
import { useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/react";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, TextField } from "../../kit/fields";
import { LogReviewHeader } from "./log-nav";

/** Saves a file the API returned (base64) without ever putting the patient in an address. */
function saveFile(file: { filename: string; mimeType: string; base64: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Logguttag till patient": every access to one patient by the organisation's staff, as PDF or CSV (PDL 8 kap.). */
export function LogExtractPage() {
  const trpc = useTRPC();
  const extract = useMutation(trpc.admin.audit.extract.mutationOptions());
  const [patient, setPatient] = useState("");
  const [failure, setFailure] = useState<CallError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const run = (format: "pdf" | "csv") => {
    if (extract.isPending) return;
    extract.mutate(
      { patient, format },
      {
        onSuccess: (file) => {
          setFailure(null);
          setDone(`Logguttaget är skapat (${file.rows} åtkomster, ${format.toUpperCase()}).`);
          saveFile(file);
        },
        onError: (err) => {
          setDone(null);
          setFailure(callError(err));
          requestAnimationFrame(() => errorRef.current?.focus());
        },
      },
    );
  };
  return (
    <section aria-labelledby="logguttag-rubrik">
      <LogReviewHeader
        id="logguttag-rubrik"
        title="Logguttag till patient"
        lead="En patient har rätt att få veta vilka enheter som har tagit del av hens uppgifter och när (patientdatalagen 8 kap.). Uttaget visar varje åtkomst som din organisations personal har gjort till patienten, och inget annat. Uttaget loggas."
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run("pdf");
        }}
        noValidate
        className="max-w-xl rounded border border-line bg-white p-4"
        aria-label="Logguttag"
      >
        {failure ? <ErrorNotice ref={errorRef} error={failure} where="form" showFieldErrors /> : null}
        <TextField
          id="patient"
          label="Patient"
          hint="Personnummer, samordningsnummer eller reservnummer"
          value={patient}
          onChange={setPatient}
          error={failure?.fieldErrors.find((f) => f.path === "patient")?.message ?? (failure?.appCode === "INVALID_INPUT" ? failure.message : undefined)}
        />
        <div className="flex gap-3">
          <button type="submit" className={BUTTON_PRIMARY} disabled={extract.isPending}>
            Hämta som PDF
          </button>
          <button type="button" className={BUTTON_SECONDARY} disabled={extract.isPending} onClick={() => run("csv")}>
            Hämta som CSV
          </button>
        </div>
        <p role="status" className={done ? "mt-3 text-ok" : "sr-only"} data-testid="extract-status">
          {done ?? ""}
        </p>
      </form>
    </section>
  );
}
