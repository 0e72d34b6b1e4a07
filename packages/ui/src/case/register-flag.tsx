import { REGISTER_UNCHECKED_LABEL } from "@vardkedjan/domain/patient/register-labels";
import { formatDateTime } from "../kit/format";

/** "Ej kontrollerad mot folkbokföringen", beside the patient's name wherever it is shown. Text, not colour alone. */
export function RegisterUncheckedBadge({ unchecked }: { unchecked: boolean }) {
  if (!unchecked) return null;
  return (
    <span className="ml-2 inline-block rounded border border-warn bg-warn-bg px-2 py-0.5 text-sm font-semibold text-warn" data-testid="register-unchecked">
      {REGISTER_UNCHECKED_LABEL}
    </span>
  );
}

/** On the case: the flag with what it means, or what the register said differently when it confirmed the patient. */
export function RegisterStatusNotice({ register }: { register: { unchecked: boolean; reconciled: { at: Date; differences: string[] } | null } }) {
  if (register.unchecked)
    return (
      <p className="mb-3 rounded border border-warn bg-warn-bg p-3 text-warn" data-testid="register-unchecked-notice">
        <strong>{REGISTER_UNCHECKED_LABEL}.</strong> Namn och adress registrerades för hand. De kontrolleras automatiskt när folkbokföringen svarar.
      </p>
    );
  if (register.reconciled && register.reconciled.differences.length > 0)
    return (
      <div className="mb-3 rounded border border-line bg-brand-50 p-3">
        <p>Kontrollerad mot folkbokföringen {formatDateTime(register.reconciled.at)}. Folkbokföringen hade andra uppgifter än de som registrerades för hand:</p>
        <ul className="list-disc pl-5">
          {register.reconciled.differences.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </div>
    );
  return null;
}
