"use client";
import { forwardRef } from "react";
import { isLoginProblem, type CallError } from "./call-error";

/**
 * A failed call, said in Swedish, with the way out: log in again in a new tab (so that what is
 * typed here stays), or reload after a context switch in another tab.
 */
export const ErrorNotice = forwardRef<HTMLDivElement, { error: CallError; where: "form" | "page"; showFieldErrors?: boolean }>(function ErrorNotice(
  { error, where, showFieldErrors = false },
  ref,
) {
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="rounded border border-danger bg-danger-bg p-3 text-danger" data-testid="error-notice">
      {isLoginProblem(error) ? (
        where === "form" ? (
          <>
            <p className="font-semibold">Din inloggning har gått ut. Logga in igen i en ny flik och skicka sedan igen.</p>
            <p className="mt-1">
              Det du har skrivit finns kvar här.{" "}
              <a href="/logga-in" target="_blank" rel="noopener" className="font-medium text-danger">
                Logga in igen (öppnas i en ny flik)
              </a>
            </p>
          </>
        ) : (
          <>
            <p className="font-semibold">Din inloggning har gått ut.</p>
            <p className="mt-1">
              <a href="/logga-in" className="font-medium text-danger">
                Logga in igen
              </a>
            </p>
          </>
        )
      ) : error.appCode === "STALE_CONTEXT" ? (
        <>
          <p className="font-semibold">{error.message}</p>
          {where === "form" ? <p className="mt-1">Det du har skrivit sparas som utkast i den här fliken.</p> : null}
          <button type="button" onClick={() => window.location.reload()} className="mt-2 rounded bg-danger px-3 py-1.5 text-white">
            Ladda om
          </button>
        </>
      ) : (
        <>
          <p className="font-semibold">{error.message}</p>
          {showFieldErrors && error.fieldErrors.length > 0 ? (
            <ul className="mt-1 list-disc pl-6">
              {error.fieldErrors.map((f, i) => (
                <li key={`${f.path}-${i}`}>{f.message}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </div>
  );
});
