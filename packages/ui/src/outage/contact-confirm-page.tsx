"use client";
import { useRef, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useQueryClient, useTRPC } from "../trpc/react";
import { callError, type CallError } from "../kit/call-error";
import { ErrorNotice } from "../kit/error-notice";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, TextArea } from "../kit/fields";
import { formatDateTime } from "../kit/format";
import { ContactEntriesEditor } from "./contact-list-admin";

/**
 * "Bekräfta kontaktlista": the page behind the link in the representative's e-mail. Shows the
 * kommun's entries (editable here), then "Bekräfta att uppgifterna stämmer" or "Jag har korrigerat
 * uppgifterna" with a comment. The token is not patient data; it only identifies the request.
 */
export function ContactConfirmPage({ token }: { token: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const valid = token.length >= 10 && token.length <= 100;
  const request = useQuery({ ...trpc.contacts.openConfirmation.queryOptions({ token }), enabled: valid, retry: false });
  const answer = useMutation(trpc.contacts.answerConfirmation.mutationOptions());
  const [correcting, setCorrecting] = useState(false);
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | undefined>();
  const [failure, setFailure] = useState<CallError | null>(null);
  const [done, setDone] = useState("");
  const doneRef = useRef<HTMLDivElement>(null);
  const r = request.data;

  const send = (response: "bekraftad" | "korrigerad") => {
    if (answer.isPending) return;
    if (response === "korrigerad" && !comment.trim()) {
      setCommentError("Skriv kort vad du har korrigerat");
      requestAnimationFrame(() => document.getElementById("bk-comment")?.focus());
      return;
    }
    setCommentError(undefined);
    setFailure(null);
    answer.mutate(
      { token, response, comment: response === "korrigerad" ? comment.trim() : null },
      {
        onSuccess: () => {
          setDone(response === "bekraftad" ? "Tack! Du har bekräftat att uppgifterna stämmer." : "Tack! Dina korrigeringar är registrerade.");
          setCorrecting(false);
          void queryClient.invalidateQueries(trpc.contacts.pathFilter());
          requestAnimationFrame(() => doneRef.current?.focus());
        },
        onError: (e) => setFailure(callError(e)),
      },
    );
  };

  return (
    <section aria-labelledby="bekrafta-rubrik">
      <h1 id="bekrafta-rubrik" className="mb-1 text-2xl font-semibold">
        Bekräfta kontaktlistan{r ? `: ${r.organisationName}` : ""}
      </h1>
      {!valid ? (
        <p className="rounded border border-danger bg-danger-bg p-3 text-danger">
          Länken är ofullständig. Kontrollera att du använt hela länken i e-postmeddelandet.
        </p>
      ) : null}
      {request.error ? <ErrorNotice error={callError(request.error)} where="page" /> : null}
      {valid && !r && !request.error ? <p role="status">Hämtar begäran …</p> : null}
      {r ? (
        <>
          <p className="mb-4">
            En driftstörning pågår. Kontrollera att kommunens telefonnummer i kontaktlistan stämmer, korrigera det som behövs och svara senast{" "}
            <span className="font-semibold">{formatDateTime(r.deadlineAt)}</span>.
          </p>
          <div
            ref={doneRef}
            tabIndex={-1}
            role="status"
            aria-live="polite"
            className={done ? "mb-4 rounded border border-ok bg-ok-bg p-3 font-semibold text-ok" : "sr-only"}
            data-testid="confirm-done"
          >
            {done}
          </div>
          {r.respondedAt && !done ? (
            <p className="mb-4 rounded border border-ok bg-ok-bg p-3 text-ok" data-testid="confirm-previous">
              Besvarad {formatDateTime(r.respondedAt)}: {r.response === "korrigerad" ? "korrigerad" : "bekräftad"}. Du kan svara igen om något har ändrats.
            </p>
          ) : null}
          <ContactEntriesEditor organisationIds={[r.organisationId]} onChanged={() => setCorrecting(true)} />
          <section aria-labelledby="svar-rubrik" className="mt-8 max-w-2xl rounded border-2 border-brand-600 bg-white p-4">
            <h2 id="svar-rubrik" className="mb-3 text-xl font-semibold">
              Ditt svar
            </h2>
            {failure ? (
              <div className="mb-3">
                <ErrorNotice error={failure} where="form" />
              </div>
            ) : null}
            {correcting ? (
              <form
                noValidate
                aria-label="Jag har korrigerat uppgifterna"
                onSubmit={(e) => {
                  e.preventDefault();
                  send("korrigerad");
                }}
              >
                <TextArea id="bk-comment" label="Vad har du korrigerat?" value={comment} onChange={setComment} error={commentError} />
                <div className="flex flex-wrap gap-3">
                  <button type="submit" className={BUTTON_PRIMARY} disabled={answer.isPending}>
                    Skicka: jag har korrigerat uppgifterna
                  </button>
                  <button type="button" className={BUTTON_SECONDARY} onClick={() => setCorrecting(false)}>
                    Tillbaka
                  </button>
                </div>
              </form>
            ) : (
              <div className="flex flex-wrap gap-3">
                <button type="button" className={BUTTON_PRIMARY} onClick={() => send("bekraftad")} disabled={answer.isPending}>
                  Bekräfta att uppgifterna stämmer
                </button>
                <button type="button" className={BUTTON_SECONDARY} onClick={() => setCorrecting(true)}>
                  Jag har korrigerat uppgifterna
                </button>
              </div>
            )}
          </section>
        </>
      ) : null}
    </section>
  );
}
