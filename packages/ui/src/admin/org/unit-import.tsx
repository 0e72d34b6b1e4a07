"use client";
import { useEffect, useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { CHANGED_FIELD_LABELS } from "@vardkedjan/domain/org/unit-import";
import { UNIT_KIND_LABELS } from "@vardkedjan/domain/org/unit-fields";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from "../../kit/fields";
import { ErrorNotice } from "../../kit/error-notice";
import { useCallFailure } from "../../kit/use-call-failure";
import type { ImportPreview, OrganisationUnits } from "./types";

/**
 * "Läs in enhetslista": a CSV file in the HSA catalogue's export shape is previewed (what would
 * be added, changed and deactivated, or the rows that are wrong) before anything is applied.
 */
export function UnitImport({ data, onClose, onApplied }: { data: OrganisationUnits; onClose: () => void; onApplied: (text: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preview = useMutation(trpc.admin.org.importPreview.mutationOptions());
  const apply = useMutation(trpc.admin.org.importApply.mutationOptions());
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [result, setResult] = useState<ImportPreview | null>(null);
  const [fileError, setFileError] = useState("");
  const resultRef = useRef<HTMLHeadingElement>(null);
  const { failure, setFailure, failureRef, fail } = useCallFailure();
  // The preview's heading exists only once the result is rendered: focus it then.
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const read = async (file: File | undefined) => {
    setResult(null);
    setFailure(null);
    setFileError("");
    if (!file) return;
    if (file.size > 1_000_000) return setFileError("Filen är för stor (högst 1 MB).");
    setFileName(file.name);
    setCsv(await file.text());
  };

  const check = () => {
    if (!csv) return setFileError("Välj en CSV-fil att granska.");
    preview.mutate(
      { organisationId: data.organisation.id, csv },
      {
        onSuccess: setResult,
        onError: fail,
      },
    );
  };

  const run = () => {
    if (!csv || !result) return;
    apply.mutate(
      { organisationId: data.organisation.id, csv, basis: result.basis },
      {
        onSuccess: (r) => {
          void queryClient.invalidateQueries(trpc.admin.pathFilter());
          void queryClient.invalidateQueries(trpc.contacts.pathFilter());
          onApplied(`Enhetslistan är inläst: ${r.added} tillagda, ${r.changed} ändrade, ${r.deactivated} avaktiverade, ${r.unchanged} oförändrade.`);
        },
        onError: fail,
      },
    );
  };

  const nameOf = (hsaId: string) => (hsaId === data.organisation.hsaId ? data.organisation.name : (data.units.find((u) => u.hsaId === hsaId)?.name ?? hsaId));
  const nothing = result && result.additions.length + result.changes.length + result.deactivations.length === 0;

  return (
    <div onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <p className="mb-2">
        Filen ska vara en export ur HSA-katalogen med organisationens <strong>alla</strong> enheter, en per rad, med kolumnerna HSA-id, Namn, Enhetstyp och
        Överordnad (HSA-id för enheten ovanför, eller organisationens), och gärna Telefon, Växel och Postadress. Enheter som saknas i filen avaktiveras.
        Ingenting ändras förrän du har granskat och bekräftat.
      </p>
      <div className="mb-4">
        <label htmlFor="import-fil" className="block font-medium">
          CSV-fil
        </label>
        {fileError ? (
          <p id="import-fil-fel" className="mt-1 text-sm font-medium text-danger">
            <span aria-hidden="true">⚠ </span>
            {fileError}
          </p>
        ) : null}
        <input
          id="import-fil"
          type="file"
          accept=".csv,text/csv"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "import-fil-fel" : undefined}
          className="mt-1 block"
          onChange={(e) => void read(e.target.files?.[0])}
        />
      </div>
      <div className="mb-4 flex gap-3">
        <button type="button" className={BUTTON_PRIMARY} onClick={check} disabled={preview.isPending}>
          Granska filen
        </button>
        <button type="button" className={BUTTON_SECONDARY} onClick={onClose}>
          Avbryt
        </button>
      </div>
      {failure ? (
        <div className="mb-3">
          <ErrorNotice ref={failureRef} error={failure} where="form" showFieldErrors />
        </div>
      ) : null}
      {result ? (
        <section aria-labelledby="import-resultat" data-testid="import-preview">
          <h3 id="import-resultat" ref={resultRef} tabIndex={-1} className="mb-2 text-lg font-semibold">
            Förhandsgranskning av {fileName}
          </h3>
          {result.errors.length > 0 ? (
            <div role="alert" className="mb-3 rounded border-2 border-danger bg-danger-bg p-3 text-danger">
              <h4 className="font-semibold">Filen har fel. Ingenting kan läsas in förrän de är rättade.</h4>
              <ul className="mt-1 list-disc pl-6">
                {result.errors.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="mb-2">
            {result.additions.length} tillkommer, {result.changes.length} ändras, {result.deactivations.length} avaktiveras, {result.unchanged} oförändrade.
          </p>
          {result.additions.length > 0 ? (
            <>
              <h4 className="font-semibold">Tillkommer</h4>
              <ul className="mb-2 list-disc pl-6">
                {result.additions.map((a) => (
                  <li key={a.hsaId}>
                    {a.name} ({UNIT_KIND_LABELS[a.kind]}, {a.hsaId}) under {nameOf(a.parentHsaId)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {result.changes.length > 0 ? (
            <>
              <h4 className="font-semibold">Ändras</h4>
              <ul className="mb-2 list-disc pl-6">
                {result.changes.map((c) => (
                  <li key={c.hsaId}>
                    {c.name} ({c.hsaId}): {c.fields.map((f) => CHANGED_FIELD_LABELS[f]).join(", ")}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {result.deactivations.length > 0 ? (
            <>
              <h4 className="font-semibold">Avaktiveras (saknas i filen)</h4>
              <ul className="mb-2 list-disc pl-6">
                {result.deactivations.map((d) => (
                  <li key={d.hsaId}>
                    {d.name} ({d.hsaId})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {result.errors.length === 0 && !nothing ? (
            <button type="button" className={BUTTON_PRIMARY} onClick={run} disabled={apply.isPending}>
              Läs in ändringarna
            </button>
          ) : null}
          {nothing && result.errors.length === 0 ? <p>Filen stämmer med enheterna. Det finns ingenting att läsa in.</p> : null}
        </section>
      ) : null}
    </div>
  );
}
