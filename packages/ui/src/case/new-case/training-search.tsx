"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/react";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_SECONDARY, TextField } from "../../kit/fields";

/**
 * Övningspatienter: in a course, each participant finds a person of the training population by
 * name or town and takes their reserve number into the lookup above. A POST, so the search never
 * lands in a URL.
 */
export function TrainingSearch({ onPick }: { onPick: (identifier: string) => void }) {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const [error, setError] = useState<CallError | null>(null);
  const search = useMutation(trpc.case.trainingPersons.mutationOptions());
  const results = search.data;
  return (
    <details className="mb-6 rounded border border-line bg-white p-4">
      <summary className="cursor-pointer font-semibold">Övningspatienter (för utbildning)</summary>
      <p className="mt-2 text-sm text-muted">
        Övningsregistret har fler än 2 000 påhittade personer med reservnummer i regionernas kommuner. Sök på namn eller ort och välj en person.
      </p>
      <form
        noValidate
        className="mt-2 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          search.mutate({ query: query.trim() }, { onError: (err) => setError(callError(err)) });
        }}
      >
        <div className="min-w-64 flex-1">
          <TextField id="ovning-sok" label="Namn eller ort" value={query} onChange={setQuery} className="mb-0" />
        </div>
        <button type="submit" className={BUTTON_SECONDARY} disabled={search.isPending}>
          {search.isPending ? "Söker …" : "Sök övningspatient"}
        </button>
      </form>
      {error ? (
        <div className="mt-3">
          <ErrorNotice error={error} where="form" />
        </div>
      ) : null}
      <p role="status" className="mt-2 text-sm">
        {results ? (results.length === 0 ? "Ingen övningspatient matchar." : `${results.length} övningspatienter`) : ""}
      </p>
      {results && results.length > 0 ? (
        <ul className="mt-2 grid gap-1" aria-label="Övningspatienter">
          {results.map((p) => (
            <li key={p.identifier}>
              <button type="button" className="text-left text-brand-700 underline" onClick={() => onPick(p.identifier)}>
                Välj {p.name}
                {p.city ? `, ${p.city}` : ""} ({p.identifier})
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
