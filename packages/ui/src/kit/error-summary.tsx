"use client";
import { forwardRef } from "react";
import type { FieldError } from "./call-error";

/** Where an error's field is: the exact control when it exists, else its group. */
export function errorTarget(prefix: string, path: string): string {
  const exact = `${prefix}-${path.replace(/\./g, "-")}`;
  if (typeof document !== "undefined" && document.getElementById(exact)) return exact;
  return `${prefix}-${path.split(".")[0]}`;
}

/** The form's errors at the top, each a link to its field (focus moves here on a failed send). */
export const ErrorSummary = forwardRef<HTMLDivElement, { errors: FieldError[]; prefix: string }>(function ErrorSummary({ errors, prefix }, ref) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${prefix}-felrubrik`}
      className="mb-4 rounded border-2 border-danger bg-danger-bg p-3 text-danger"
    >
      <h4 id={`${prefix}-felrubrik`} className="font-semibold">
        Kontrollera uppgifterna
      </h4>
      <ul className="mt-1 list-disc pl-6">
        {errors.map((e, i) => (
          <li key={`${e.path}-${i}`}>
            {e.path ? (
              <a
                href={`#${errorTarget(prefix, e.path)}`}
                className="text-danger"
                onClick={(ev) => {
                  ev.preventDefault();
                  document.getElementById(errorTarget(prefix, e.path))?.focus();
                }}
              >
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});
