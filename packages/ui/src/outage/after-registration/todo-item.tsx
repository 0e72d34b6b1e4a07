"use client";
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { DUPLICATE_CHECKED_KINDS } from "@vardkedjan/domain/outage/after-registration-duplicates";
import { useTRPC } from "../../trpc/react";
import { ErrorNotice } from "../../kit/error-notice";
import { useCallFailure } from "../../kit/use-call-failure";
import { BUTTON_PRIMARY } from "../../kit/fields";
import { formatDateTime } from "../../kit/format";
import { clearSessionDraft, loadSessionDraft, saveSessionDraft } from "../../kit/session-draft";
import { AFTER_REGISTRATION_KIND_LABELS } from "@vardkedjan/domain/outage/after-registration-types";
import type { AfterRegistrationEntry } from "../labels";
import { PossibleDuplicate, PrivateNotes, VoidItem } from "./duplicate";
import { ItemEditor } from "./item-editor";
import { editedFields, fieldOf, initialValues, toInput, type Values } from "./payload";

const draftKey = (itemId: string) => `vk-utkast:efterregistrering:${itemId}`;
const isValues = (v: unknown): v is Values => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * One item to register: what happened and when (it is registered with the original time), its
 * editor, kept as a draft in this tab until it is registered, and "Makulera" for a possible duplicate.
 */
export function TodoItem({ item, onDone }: { item: AfterRegistrationEntry; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const [values, setValues] = useState<Values>(() => loadSessionDraft(draftKey(item.id), isValues) ?? initialValues(item));
  const [dirty, setDirty] = useState(false);
  const { failure, setFailure, failureRef, fail } = useCallFailure();
  const inFlight = useRef(false);
  const register = useMutation(trpc.outage.registerAfterRegistration.mutationOptions());

  useEffect(() => {
    if (dirty) saveSessionDraft(draftKey(item.id), values);
  }, [dirty, item.id, values]);

  const set = (k: string, v: string | boolean) => {
    setDirty(true);
    setValues((old) => ({ ...old, [k]: v }));
  };
  const error = (k: string) => failure?.fieldErrors.find((f) => fieldOf(f.path) === k)?.message;
  const unplaced = failure?.fieldErrors.filter((f) => !editedFields(item.kind).includes(fieldOf(f.path))) ?? [];
  const acknowledge = item.kind === "acknowledge";
  // A possible duplicate, flagged when the list was made or found when registering (the API refuses
  // with CONFLICT): the user registers anyway or dismisses it.
  const duplicate = !!item.prefill.possibleDuplicate || (failure?.appCode === "CONFLICT" && DUPLICATE_CHECKED_KINDS.has(item.kind));

  const submit = () => {
    // A double click comes before the pending state renders: the ref stops the second request.
    if (register.isPending || inFlight.current) return;
    inFlight.current = true;
    setFailure(null);
    const input = toInput(item, values);
    register.mutate(
      { itemId: item.id, payload: input.payload, freeText: input.freeText, summaryTexts: input.summaryTexts ?? null, registerAnyway: duplicate },
      {
        onSuccess: () => {
          clearSessionDraft(draftKey(item.id));
          setDirty(false);
          onDone(`Registrerat: ${item.title}${item.patientName ? `, ${item.patientName}` : ""}, med händelsetiden ${formatDateTime(item.eventAt)}.`);
        },
        onError: fail,
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  const headingId = `ar-${item.id}-rubrik`;
  return (
    <li className="rounded border border-line bg-white p-4" data-testid="after-registration-item">
      <h3 id={headingId} className="text-lg font-semibold">
        {item.title}
      </h3>
      <dl className="mt-2 mb-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">Typ</dt>
        <dd>{AFTER_REGISTRATION_KIND_LABELS[item.kind]}</dd>
        <dt className="text-muted">Patient</dt>
        <dd>{item.patientName ?? "–"}</dd>
        <dt className="text-muted">Ärende</dt>
        <dd>{item.caseId ? <Link href={`/arenden/${item.caseId}`}>{item.caseReference ?? "Öppna ärendet"}</Link> : "Inget ärende ännu"}</dd>
        <dt className="text-muted">Enhet</dt>
        <dd>{item.unitName}</dd>
        <dt className="text-muted">Ursprunglig händelsetid</dt>
        <dd>
          <time dateTime={new Date(item.eventAt).toISOString()} className="font-semibold" data-testid="event-at">
            {formatDateTime(item.eventAt)}
          </time>{" "}
          <span className="text-muted">(registreras med den här tiden, inte tiden nu)</span>
        </dd>
      </dl>
      <PossibleDuplicate item={item} />
      {item.prefill.notes.length ? (
        <ul className="mb-3 list-disc pl-6 text-sm">
          {item.prefill.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <form
        noValidate
        aria-label={`${acknowledge ? "Kvittera" : "Registrera"}: ${item.title}`}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ItemEditor item={item} values={values} set={set} error={error} />
        <PrivateNotes item={item} />
        {failure ? (
          <div className="mb-3">
            <ErrorNotice ref={failureRef} error={{ ...failure, fieldErrors: unplaced }} where="form" showFieldErrors={unplaced.length > 0} />
          </div>
        ) : null}
        <button type="submit" className={BUTTON_PRIMARY} disabled={register.isPending || !item.caseId}>
          {register.isPending ? "Registrerar …" : acknowledge ? "Kvittera" : duplicate ? "Registrera ändå" : "Registrera"}
        </button>
        {!item.caseId ? <p className="mt-2 text-sm text-muted">Lägg först upp ärendet för patienten under Ny samordning.</p> : null}
      </form>
      {duplicate && item.caseId ? <VoidItem item={item} onDone={onDone} /> : null}
    </li>
  );
}
