"use client";
import { useRef, useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { isUuid } from "@vardkedjan/domain/ids";
import { useTRPC } from "../trpc/react";
import { ErrorNotice } from "../kit/error-notice";
import { callError } from "../kit/call-error";
import { DeviationDetails } from "./parts";
import { DeviationActions } from "./actions";

/** One deviation: its details, answer and history, and the steps the viewer may take. */
export function DeviationPage({ deviationId }: { deviationId: string }) {
  const trpc = useTRPC();
  const valid = isUuid(deviationId);
  const query = useQuery({ ...trpc.deviation.get.queryOptions({ deviationId }), enabled: valid });
  const [status, setStatus] = useState("");
  const statusRef = useRef<HTMLParagraphElement>(null);
  const back = (
    <p className="mt-4">
      <Link href="/avvikelser">Till alla avvikelser</Link>
    </p>
  );
  if (!valid || query.error) {
    const err = query.error ? callError(query.error) : null;
    const notFound = !valid || err?.appCode === "NOT_FOUND";
    return (
      <section aria-labelledby="avvikelse-rubrik">
        <h1 id="avvikelse-rubrik" className="mb-4 text-2xl font-semibold">
          {notFound ? "Avvikelsen hittades inte" : "Avvikelsen kunde inte visas"}
        </h1>
        {err && !notFound ? <ErrorNotice error={err} where="page" /> : <p>Avvikelsen finns inte, eller så är den inte rapporterad av eller till dig.</p>}
        {back}
      </section>
    );
  }
  if (!query.data) {
    return (
      <section aria-labelledby="avvikelse-rubrik" aria-busy="true">
        <h1 id="avvikelse-rubrik" className="mb-4 text-2xl font-semibold">
          Avvikelse
        </h1>
        <p role="status">Hämtar avvikelsen …</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="avvikelse-rubrik">
      <h1 id="avvikelse-rubrik" className="mb-4 text-2xl font-semibold">
        Avvikelse i samverkan
      </h1>
      <p ref={statusRef} tabIndex={-1} role="status" aria-live="polite" className={status ? "mb-3 font-semibold text-ok" : "sr-only"}>
        {status}
      </p>
      <DeviationDetails d={query.data} />
      <DeviationActions
        d={query.data}
        onDone={(text) => {
          setStatus(text);
          requestAnimationFrame(() => statusRef.current?.focus());
        }}
      />
      {back}
    </section>
  );
}
