"use client";
import { useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/react";
import { callError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { formatDateTime } from "../../kit/format";
import { Editor } from "./editor";

/**
 * Förvaltning's "Reservrutin för driftstörning": the region's routine profile as a form, seeded
 * from the region's own routine (Region Sörmland, Reservrutin Link; Region Västernorrland,
 * Avbrottsrutin Lifecare SP). Saving applies it to every rule at once; if someone else saved
 * first the save is refused and the page says so.
 */
export function RoutineProfilePage() {
  const trpc = useTRPC();
  const query = useQuery(trpc.outage.routineProfile.queryOptions());
  /** Bumped to open the editor again on the stored routine (after a reload or a reset). */
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState("");
  const data = query.data;
  const headingRef = useRef<HTMLHeadingElement>(null);

  /** Opens the form again on the stored routine; focus goes to the page heading (the form it was in is gone). */
  const reload = () => {
    void query.refetch().then(() => {
      setGeneration((g) => g + 1);
      requestAnimationFrame(() => headingRef.current?.focus());
    });
  };
  /** Cleared first, so that the same text is announced again after the next save. */
  const announce = (text: string) => {
    setStatus("");
    if (text) requestAnimationFrame(() => setStatus(text));
  };

  return (
    <section aria-labelledby="rutin-rubrik">
      <h1 id="rutin-rubrik" ref={headingRef} tabIndex={-1} className="mb-1 text-2xl font-semibold">
        Reservrutin för driftstörning
      </h1>
      <p className="mb-3 text-muted">
        Regionens rutin vid driftstörning: reglerna som Vårdkedjan tillämpar under och efter en driftstörning, och texten i reservpärmen. Ändringar gäller
        direkt när du sparar.
      </p>
      <div
        role="status"
        aria-live="polite"
        data-testid="routine-status"
        className={status ? "mb-4 rounded border border-ok bg-ok-bg p-3 font-semibold text-ok" : "sr-only"}
      >
        {status ? (
          <p>
            <span aria-hidden="true">✓ </span>
            {status}
          </p>
        ) : null}
      </div>
      {query.error ? <ErrorNotice error={callError(query.error)} where="page" /> : null}
      {!data && !query.error ? <p role="status">Hämtar rutinen …</p> : null}
      {data ? (
        <>
          <p className="mb-3" data-testid="routine-version">
            <span className="font-medium">{data.regionName}.</span>{" "}
            {data.version === 0
              ? `Rutinen är den ursprungliga${data.original.seeded ? ", inläst från regionens källdokument" : " standardrutinen"}; den har inte ändrats här.`
              : `Version ${data.version}, senast ändrad ${formatDateTime(data.updatedAt)}${data.updatedByName ? ` av ${data.updatedByName}` : ""}.`}
          </p>
          <Editor key={generation} view={data} fetching={query.isFetching} onReload={reload} onStatus={announce} />
        </>
      ) : null}
    </section>
  );
}
