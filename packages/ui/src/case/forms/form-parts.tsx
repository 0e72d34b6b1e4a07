"use client";
import { forwardRef } from "react";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import { PARTY_ROLE_LABELS } from "@vardkedjan/domain/case/labels";
import { allowedRecipientRoles } from "@vardkedjan/domain/case/transitions";
import { Checkbox, FieldGroup } from "../fields";
import type { FieldError } from "../call-error";
import type { CaseView } from "../types";

/** The parties a kind may be sent to (never the sender's own units). */
export function recipientOptions(view: CaseView, kind: MessageKind) {
  const allowed = allowedRecipientRoles(kind);
  return view.parties.filter(
    (p) =>
      !view.viewer.unitIds.includes(p.unitId) &&
      (!allowed || allowed.includes(p.role)),
  );
}

export function RecipientsField(props: {
  id: string;
  view: CaseView;
  kind: MessageKind;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  optional: boolean;
}) {
  const options = recipientOptions(props.view, props.kind);
  return (
    <FieldGroup
      id={props.id}
      legend="Mottagare"
      optional={props.optional}
      error={props.error}
      hint={
        options.length === 0
          ? "Ärendet har ingen annan part som kan ta emot meddelandet."
          : undefined
      }
    >
      {options.map((p) => (
        <Checkbox
          key={p.unitId}
          id={`${props.id}-${p.unitId}`}
          label={
            <>
              <span className="font-medium">{p.unitName}</span>
              <span className="text-muted">
                {" "}
                · {PARTY_ROLE_LABELS[p.role].indefinite}
              </span>
            </>
          }
          checked={props.value.includes(p.unitId)}
          onChange={(on) =>
            props.onChange(
              on
                ? [...props.value, p.unitId]
                : props.value.filter((x) => x !== p.unitId),
            )
          }
        />
      ))}
    </FieldGroup>
  );
}

/** Where an error's field is: the exact control when it exists, else its group. */
export function errorTarget(prefix: string, path: string): string {
  const exact = `${prefix}-${path.replace(/\./g, "-")}`;
  if (typeof document !== "undefined" && document.getElementById(exact))
    return exact;
  return `${prefix}-${path.split(".")[0]}`;
}

/** The form's errors at the top, each a link to its field (focus moves here on a failed send). */
export const ErrorSummary = forwardRef<
  HTMLDivElement,
  { errors: FieldError[]; prefix: string }
>(function ErrorSummary({ errors, prefix }, ref) {
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
