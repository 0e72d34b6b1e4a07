"use client";
import { useRef, useState } from "react";
import dynamic from "next/dynamic";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/react";
import { BUTTON_SECONDARY } from "../kit/fields";
import { ErrorNotice } from "../kit/error-notice";
import { callError } from "../kit/call-error";
import { DeviationDetails } from "./parts";
import { DeviationActions } from "./actions";

// The report form (with its zod schema) loads when "Rapportera avvikelse" is pressed, not with the case page.
const ReportDeviationForm = dynamic(() => import("./report-form").then((m) => m.ReportDeviationForm), {
  ssr: false,
  loading: () => <p className="text-muted">Formuläret laddas …</p>,
});

/**
 * "Avvikelser i samverkan" on the case page: the case's deviations the viewer reported, received
 * or follows, with their answers and the steps the viewer may take, and "Rapportera avvikelse" for
 * roles that report. Hidden when there is nothing to show and nothing the viewer may do.
 */
export function CaseDeviations({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.deviation.forCase.queryOptions({ caseId }));
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const statusRef = useRef<HTMLParagraphElement>(null);
  const announce = (text: string) => {
    setStatus(text);
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  if (query.error) {
    return (
      <section aria-labelledby="avvikelser-rubrik" className="mb-6">
        <h2 id="avvikelser-rubrik" className="mb-2 text-xl font-semibold">
          Avvikelser i samverkan
        </h2>
        <ErrorNotice error={callError(query.error)} where="page" />
      </section>
    );
  }
  const data = query.data;
  if (!data || (data.deviations.length === 0 && data.receivers.length === 0)) return null;
  return (
    <section aria-labelledby="avvikelser-rubrik" className="mb-6" data-testid="case-deviations">
      <h2 id="avvikelser-rubrik" className="mb-2 text-xl font-semibold">
        Avvikelser i samverkan
      </h2>
      <p ref={statusRef} tabIndex={-1} role="status" aria-live="polite" className={status ? "mb-2 font-semibold text-ok" : "sr-only"}>
        {status}
      </p>
      {data.deviations.length > 0 ? (
        <ul className="grid gap-3">
          {data.deviations.map((d) => (
            <li key={d.id}>
              <DeviationDetails d={d} headingLevel={3} />
              <DeviationActions d={d} onDone={announce} />
            </li>
          ))}
        </ul>
      ) : null}
      {data.receivers.length > 0 ? (
        open ? (
          <ReportDeviationForm
            caseId={caseId}
            receivers={data.receivers}
            onDone={(text) => {
              setOpen(false);
              announce(text);
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <button
            type="button"
            className={`${BUTTON_SECONDARY} mt-3`}
            onClick={() => {
              setStatus("");
              setOpen(true);
            }}
          >
            Rapportera avvikelse
          </button>
        )
      ) : null}
    </section>
  );
}
