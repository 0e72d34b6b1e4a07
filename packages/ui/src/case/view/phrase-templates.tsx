"use client";
import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { BUTTON_SECONDARY, TextArea, TextField } from "../../kit/fields";
import { ErrorNotice } from "../../kit/error-notice";
import { useCallFailure } from "../../kit/use-call-failure";

/**
 * "Enhetens textmallar": the unit's own text snippets, inserted in the forms' free-text fields
 * ("Infoga textmall"). Kept by the unit's users; no other unit sees them.
 */
export function PhraseTemplates() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.templates.list.queryOptions(undefined, { retry: false }));
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const { failure, setFailure, failureRef, fail } = useCallFailure();
  const refresh = () => queryClient.invalidateQueries(trpc.templates.list.queryFilter());
  const create = useMutation(
    trpc.templates.create.mutationOptions({
      onSuccess: async () => {
        setTitle("");
        setText("");
        setFailure(null);
        await refresh();
      },
      onError: fail,
    }),
  );
  const remove = useMutation(trpc.templates.remove.mutationOptions({ onSuccess: refresh, onError: fail }));
  if (list.error) return null;
  const fieldError = (path: string) => failure?.fieldErrors.find((f) => f.path === path)?.message;
  return (
    <details className="mb-8 rounded border border-line p-3">
      <summary className="cursor-pointer font-medium">Enhetens textmallar</summary>
      <p className="my-2 text-sm text-muted">Texter som din enhet ofta skriver. Infoga dem i formulärens fritextfält. Bara din enhet ser dem.</p>
      {list.data && list.data.length > 0 ? (
        <ul className="mb-3 grid gap-2">
          {list.data.map((t) => (
            <li key={t.id} className="flex items-start justify-between gap-3 rounded border border-line p-2">
              <div>
                <p className="font-medium">{t.title}</p>
                <p className="whitespace-pre-wrap text-sm">{t.text}</p>
              </div>
              <button type="button" className={BUTTON_SECONDARY} disabled={remove.isPending} onClick={() => remove.mutate({ id: t.id })}>
                Ta bort {t.title}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-muted">Enheten har inga textmallar ännu.</p>
      )}
      {failure ? <ErrorNotice ref={failureRef} error={failure} where="form" /> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ title, text });
        }}
      >
        <TextField id="textmall-rubrik" label="Rubrik" value={title} onChange={setTitle} error={fieldError("title")} />
        <TextArea id="textmall-text" label="Text" value={text} onChange={setText} error={fieldError("text")} />
        <button type="submit" className={BUTTON_SECONDARY} disabled={create.isPending}>
          Spara textmallen
        </button>
      </form>
    </details>
  );
}
