"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { MESSAGE_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import { useTRPC } from "../../trpc/react";
import { ErrorNotice } from "../../kit/error-notice";
import { useCallFailure } from "../../kit/use-call-failure";
import { BUTTON_SECONDARY, TextArea } from "../../kit/fields";
import { formatDateTime } from "../../kit/format";
import type { AfterRegistrationEntry } from "../labels";

/**
 * The parts of an after-registration item beyond its message form: a possible duplicate beside
 * the message already in the case, with "Makulera" (a required reason); and the notes from the
 * calls that are not sent.
 */

const kindLabel = (kind: MessageKind | null) => (kind ? MESSAGE_KIND_LABELS[kind] : "");

/** The phoned item and the message already in the case, side by side. */
export function PossibleDuplicate({ item }: { item: AfterRegistrationEntry }) {
  const dup = item.prefill.possibleDuplicate;
  if (!dup) return null;
  return (
    <section aria-labelledby={`ar-${item.id}-dubblett`} className="mb-3 rounded border border-warn bg-warn-bg p-3" data-testid="possible-duplicate">
      <h4 id={`ar-${item.id}-dubblett`} className="font-semibold">
        Möjlig dubblett
      </h4>
      <p className="mb-2 text-sm">
        Det som meddelades per telefon kan vara samma händelse som ett meddelande som redan finns i ärendet. Registrera ändå om det är en annan händelse, annars
        makulera posten.
      </p>
      <div className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <p className="font-medium">Per telefon under driftstörningen</p>
          <p>
            {kindLabel(item.messageKind)}, {formatDateTime(item.eventAt)}
          </p>
          <p className="text-muted">Uppgifterna nedan är de som lämnades per telefon.</p>
        </div>
        <div data-testid="existing-message">
          <p className="font-medium">Redan i Vårdkedjan</p>
          <p>
            {kindLabel(dup.kind)}, {formatDateTime(dup.sentAt)}
          </p>
          <p className="text-muted">Skickat av {dup.senderUnitName ?? "en annan enhet"}</p>
        </div>
      </div>
    </section>
  );
}

/** "Makulera": dismiss the item as a duplicate, with a short reason that is kept with who and when. */
export function VoidItem({ item, onDone }: { item: AfterRegistrationEntry; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const { failure, setFailure, failureRef, fail } = useCallFailure();
  const [missing, setMissing] = useState(false);
  const voidItem = useMutation(trpc.outage.voidAfterRegistration.mutationOptions());
  const submit = () => {
    if (voidItem.isPending) return;
    setFailure(null);
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    voidItem.mutate(
      { itemId: item.id, reason: reason.trim() },
      {
        onSuccess: () => onDone(`Makulerat: ${item.title}${item.patientName ? `, ${item.patientName}` : ""}.`),
        onError: fail,
      },
    );
  };
  return (
    <form
      noValidate
      aria-label={`Makulera: ${item.title}`}
      className="mt-4 border-t border-line pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextArea
        id={`ar-${item.id}-reason`}
        label="Varför makuleras posten?"
        hint="Kort, t.ex. att det är samma inskrivning som redan skickades. Sparas med ditt namn och tiden."
        rows={2}
        value={reason}
        onChange={setReason}
        error={missing ? "Ange varför posten makuleras" : failure?.fieldErrors.find((f) => f.path === "reason")?.message}
      />
      {failure ? (
        <div className="mb-3">
          <ErrorNotice ref={failureRef} error={failure} where="form" />
        </div>
      ) : null}
      <button type="submit" className={BUTTON_SECONDARY} disabled={voidItem.isPending}>
        {voidItem.isPending ? "Makulerar …" : "Makulera"}
      </button>
    </form>
  );
}

/** What was said by phone that not every recipient may read: for the author, never sent. */
export function PrivateNotes({ item }: { item: AfterRegistrationEntry }) {
  const text = item.prefill.privateNotes;
  if (!text) return null;
  return (
    <div className="mb-4 rounded border border-line bg-brand-50 p-3 text-sm" data-testid="private-notes">
      <p className="font-medium">Anteckningar från samtalen (skickas inte)</p>
      <p className="mb-1 text-muted">Alla mottagare får inte läsa det här. För bara in det som varje mottagare får se.</p>
      <p className="whitespace-pre-line">{text}</p>
    </div>
  );
}
