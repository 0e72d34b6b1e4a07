"use client";
import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { BUTTON_SECONDARY, TextArea } from "../../kit/fields";
import { formatDateTime } from "../../kit/format";
import { ErrorNotice } from "../../kit/error-notice";
import { callError } from "../../kit/call-error";
import { useCallFailure } from "../../kit/use-call-failure";

/**
 * "Interna anteckningar": notes on the case that only the viewer's own unit sees. Never sent,
 * never shown to another party, never printed in a document for anyone else.
 */
export function InternalNotes({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notes = useQuery(trpc.case.internalNotes.queryOptions({ caseId }));
  const [text, setText] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const { failure, setFailure, failureRef, fail } = useCallFailure();
  const add = useMutation(
    trpc.case.addInternalNote.mutationOptions({
      onSuccess: async () => {
        setText("");
        setFailure(null);
        await queryClient.invalidateQueries(trpc.case.internalNotes.queryFilter({ caseId }));
      },
      onError: (e) => {
        setFieldError(callError(e).fieldErrors?.find((f) => f.path === "text")?.message);
        fail(e);
      },
    }),
  );
  if (notes.error && callError(notes.error).appCode === "FORBIDDEN") return null;
  return (
    <section aria-labelledby="interna-anteckningar" className="mb-8">
      <h2 id="interna-anteckningar" className="mb-1 text-xl font-semibold">
        Interna anteckningar
      </h2>
      <p className="mb-3 text-sm text-muted">Syns bara för din enhet. Skickas inte till någon annan part och skrivs inte ut i patientens dokument.</p>
      {notes.data && notes.data.length > 0 ? (
        <ul className="mb-4 grid gap-2" data-testid="internal-notes">
          {notes.data.map((n) => (
            <li key={n.id} className="rounded border border-line p-3">
              <p className="whitespace-pre-wrap">{n.text}</p>
              <p className="mt-1 text-sm text-muted">
                {n.authorName}, {n.unitName}, {formatDateTime(n.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : notes.data ? (
        <p className="mb-4 text-muted">Inga interna anteckningar.</p>
      ) : null}
      {failure ? <ErrorNotice ref={failureRef} error={failure} where="form" /> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) {
            setFieldError("Anteckningen får inte vara tom");
            return;
          }
          setFieldError(undefined);
          add.mutate({ caseId, text });
        }}
      >
        <TextArea id="intern-anteckning" label="Ny intern anteckning" value={text} onChange={setText} error={fieldError} />
        <button type="submit" className={BUTTON_SECONDARY} disabled={add.isPending}>
          Spara anteckningen
        </button>
      </form>
    </section>
  );
}
