"use client";
import { useEffect, useRef, useState } from "react";
import { useTRPCClient } from "../../trpc/react";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_PRIMARY, Radios, TextArea } from "../../kit/fields";
import { callError, type CallError } from "../../kit/call-error";
import { PersonPicker, type PickedPerson } from "./person-picker";
import { SimulationView } from "./simulation-view";
import type { SimulationResult } from "./rule-form-model";

/**
 * Testa inloggning: a person (as their last login saw them) or pasted claims, evaluated with the
 * rules in force, per portal with the reasons. Nothing is saved.
 */
export function SimulatorPage() {
  const client = useTRPCClient();
  const [source, setSource] = useState<"person" | "claims">("person");
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [claims, setClaims] = useState("");
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [failure, setFailure] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // Focus moves to the answer once it is on screen.
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setResult(await client.admin.rules.simulate.query(source === "person" ? { staffId: person?.staffId } : { claims }));
    } catch (e) {
      setResult(null);
      setFailure(callError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="testa-rubrik">
      <h1 id="testa-rubrik" className="text-2xl font-semibold">
        Testa inloggning
      </h1>
      <p className="mb-4 text-muted">Se vilka arbetssammanhang en inloggning skulle ge, i varje portal, och varför. Inget sparas.</p>
      <form
        noValidate
        aria-label="Testa inloggning"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
        className="mb-6 max-w-3xl"
      >
        <Radios
          id="testa-kalla"
          legend="Vems inloggning"
          inline
          value={source}
          onChange={(v) => setSource(v as "person" | "claims")}
          options={[
            { value: "person", label: "En person (senaste inloggningen)" },
            { value: "claims", label: "Inklistrade inloggningsuppgifter" },
          ]}
        />
        {source === "person" ? (
          <PersonPicker id="testa-person" value={person} onChange={setPerson} />
        ) : (
          <TextArea
            id="testa-claims"
            label="Inloggningsuppgifter (JSON)"
            hint="Uppgifterna från identitetsintyget (id_token) som JSON, med korta namn eller http://sambi.se/attributes/…"
            rows={10}
            value={claims}
            onChange={setClaims}
            error={failure?.fieldErrors.find((f) => f.path === "claims")?.message}
          />
        )}
        {failure ? (
          <div className="mb-4">
            <ErrorNotice ref={failureRef} error={failure} where="form" />
          </div>
        ) : null}
        <button type="submit" className={BUTTON_PRIMARY} disabled={busy || (source === "person" && !person)}>
          Testa inloggning
        </button>
      </form>
      {result ? (
        <section aria-labelledby="resultat-rubrik">
          <h2 id="resultat-rubrik" ref={resultRef} tabIndex={-1} className="mb-2 text-xl font-semibold">
            Resultat
          </h2>
          <SimulationView sim={result.before} headingLevel={3} idPrefix="resultat" />
        </section>
      ) : null}
    </section>
  );
}
