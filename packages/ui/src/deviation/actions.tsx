"use client";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DEVIATION_TRANSITION_RULES, type DeviationTransition } from "@vardkedjan/domain/deviation/transitions";
import { DEVIATION_TEXT_MAX } from "@vardkedjan/domain/deviation/labels";
import { useTRPC } from "../trpc/react";
import { TextArea, BUTTON_PRIMARY, BUTTON_SECONDARY } from "../kit/fields";
import { ErrorNotice } from "../kit/error-notice";
import { useCallFailure } from "../kit/use-call-failure";
import type { DeviationView } from "./types";

const TEXT_LABEL: Partial<Record<DeviationTransition, string>> = {
  besvara: "Svar till den som rapporterade",
  ateroppna: "Vad saknas i svaret?",
};

const DONE: Record<DeviationTransition, string> = {
  paborja_utredning: "Utredningen är påbörjad.",
  besvara: "Svaret är skickat.",
  avsluta: "Avvikelsen är avslutad.",
  ateroppna: "Avvikelsen är återöppnad.",
};

/**
 * The steps the viewer may take now (the API says which, from the domain's state machine): the
 * receiver starts the investigation and answers; the reporting side closes or reopens. A step that
 * needs a text opens a small form.
 */
export function DeviationActions({ d, onDone }: { d: DeviationView; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [writing, setWriting] = useState<DeviationTransition | null>(null);
  const [text, setText] = useState("");
  const { failure, setFailure, failureRef, fail } = useCallFailure();
  const options = {
    onSuccess: async (_: unknown, input: { transition: DeviationTransition }) => {
      setWriting(null);
      setText("");
      setFailure(null);
      onDone(DONE[input.transition]);
      await queryClient.invalidateQueries(trpc.deviation.pathFilter());
    },
    onError: fail,
  };
  const handle = useMutation(trpc.deviation.handle.mutationOptions(options));
  const conclude = useMutation(trpc.deviation.conclude.mutationOptions(options));
  const pending = handle.isPending || conclude.isPending;
  const run = (transition: DeviationTransition, withText: string | null) => {
    setFailure(null);
    const input = { deviationId: d.id, version: d.version, text: withText };
    if (transition === "paborja_utredning" || transition === "besvara") handle.mutate({ ...input, transition });
    else conclude.mutate({ ...input, transition });
  };
  if (d.transitions.length === 0) return null;
  const fieldError = failure?.fieldErrors.find((f) => f.path === "text")?.message;
  return (
    <div className="mt-3" data-testid="deviation-actions">
      {failure ? <ErrorNotice ref={failureRef} error={failure} where="form" /> : null}
      {writing ? (
        <form
          className="mt-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(writing, text);
          }}
        >
          <TextArea
            id={`avvikelse-${d.id}-text`}
            label={TEXT_LABEL[writing] ?? "Text"}
            hint={`Skriv inte mer om patienten än vad som behövs. Högst ${DEVIATION_TEXT_MAX} tecken.`}
            value={text}
            onChange={setText}
            rows={5}
            error={fieldError}
          />
          <div className="flex gap-2">
            <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
              {pending ? "Sparar …" : DEVIATION_TRANSITION_RULES[writing].label}
            </button>
            <button type="button" className="underline" onClick={() => setWriting(null)}>
              Avbryt
            </button>
          </div>
        </form>
      ) : (
        <div className="mt-2 flex flex-wrap gap-2">
          {d.transitions.map((t) => (
            <button
              key={t}
              type="button"
              className={t === "avsluta" || t === "paborja_utredning" ? BUTTON_PRIMARY : BUTTON_SECONDARY}
              disabled={pending}
              onClick={() => (DEVIATION_TRANSITION_RULES[t].needsText ? setWriting(t) : run(t, null))}
            >
              {t === "besvara" ? "Besvara" : DEVIATION_TRANSITION_RULES[t].label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
