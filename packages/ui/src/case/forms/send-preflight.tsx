"use client";
import { Checkbox, FieldGroup, TextArea } from "../../kit/fields";

export interface Preflight {
  warnings: { text: string; confirm: boolean }[];
}

export interface Confirmation {
  confirmed: boolean;
  reason: string;
}

/**
 * What the step would warn of, shown in the form BEFORE the send (the case view computes it for
 * each step the viewer may take). Warnings that break the law's order are marked: the send then
 * needs the confirmation below.
 */
export function PreflightWarnings({ id, preflight }: { id: string; preflight: Preflight }) {
  if (preflight.warnings.length === 0) return null;
  const toConfirm = preflight.warnings.some((w) => w.confirm);
  return (
    <section aria-labelledby={`${id}-rubrik`} className="mb-4 rounded border-2 border-warn bg-warn-bg p-3" data-testid="send-preflight">
      <h4 id={`${id}-rubrik`} className="font-semibold text-warn">
        Observera innan du skickar
      </h4>
      <ul className="mt-1 list-disc pl-6">
        {preflight.warnings.map((w) => (
          <li key={w.text}>
            {w.text}
            {w.confirm ? <strong className="font-semibold"> (kräver bekräftelse)</strong> : null}
          </li>
        ))}
      </ul>
      {toConfirm ? (
        <p className="mt-2 text-sm">
          Meddelandet bryter mot den ordning som lagen om samverkan vid utskrivning anger. Du kan skicka det ändå, men då bekräftar du det och anger skälet
          längre ned. Skälet sparas med meddelandet och syns i ärendet.
        </p>
      ) : null}
    </section>
  );
}

/** "Skicka ändå": a deliberate confirmation and a reason, for a send that breaks the law's order. */
export function ConfirmDespite({
  prefix,
  value,
  onChange,
  error,
}: {
  prefix: string;
  value: Confirmation;
  onChange: (v: Confirmation) => void;
  error: (path: string) => string | undefined;
}) {
  return (
    <FieldGroup
      id={`${prefix}-confirmation`}
      legend="Skicka trots varningarna"
      error={error("confirmation.confirmed")}
      hint="Bekräfta bara om patientens situation kräver att meddelandet går nu, och skriv varför."
    >
      <Checkbox
        id={`${prefix}-confirmation-confirmed`}
        label="Jag har läst varningarna och skickar ändå"
        checked={value.confirmed}
        onChange={(confirmed) => onChange({ ...value, confirmed })}
      />
      <TextArea
        id={`${prefix}-confirmation-reason`}
        label="Skäl till att meddelandet skickas ändå"
        value={value.reason}
        onChange={(reason) => onChange({ ...value, reason })}
        error={error("confirmation.reason")}
        rows={2}
      />
    </FieldGroup>
  );
}
